import type { GameState } from '../../shared/types.ts';
import { negotiates } from '../../shared/protocol/teams.ts';
import { SERVER_ERRORS } from '../../shared/protocol/messages.ts';
import { checkChat } from '../limits.ts';
import type { StoredChatLine } from '../storage/index.ts';
import type { Person, Seats } from './seats.ts';

// Chat: the public channel, nation-to-nation lines and lines with the teacher. A private line is kept with
// its readers (the people at both ends when it was sent), so it stays theirs even if a nation changes
// hands later. Lines are stored before anyone reads them.

export type Fail = { code: string; message: string };
const fail = (code: keyof typeof SERVER_ERRORS): Fail => ({ code, message: SERVER_ERRORS[code] });

/** Chat lines kept in memory per match (all are on disk). */
export const CHAT_KEPT = 1000;

export interface ChatContext {
  game: GameState;
  seats: Seats;
  frozen: boolean;
  lastId: number;
}

/** Check a line and build it (with its readers), or say why not. */
export function composeLine(p: Person, to: string, text: string, ctx: ChatContext): StoredChatLine | Fail {
  if (ctx.frozen && !p.host) return fail('chat_frozen');
  const from = p.nation ?? (p.host ? 'host' : null);
  if (!from) return fail('not_seated');
  const toNation = ctx.game.nations.some((n) => n.id === to);
  if ((to !== 'all' && to !== 'host' && to !== 'team' && !toNation) || to === from) return fail('bad_recipient');
  if (to === 'team' && !p.nation) return fail('not_seated');
  // In a team, the head and the foreign minister speak for the nation; everyone speaks in team chat.
  if ((to === 'all' || toNation) && p.nation && !negotiates(ctx.seats.rolesOf(p), ctx.seats.membersOf(p.nation).length)) return fail('not_negotiator');
  const c = checkChat(text);
  if (!c.ok) return { code: c.code, message: c.message };
  const line: StoredChatLine = { id: ctx.lastId + 1, from, fromName: p.nickname, to: to as StoredChatLine['to'], text: c.text, turn: ctx.game.turn };
  if (to !== 'all') {
    // The delegations at both ends, as they are now (a line stays theirs if a nation changes hands later).
    const mine = p.nation ? ctx.seats.membersOf(p.nation) : [p];
    const theirs = to === 'team' ? [] : to === 'host' ? [ctx.seats.host()] : ctx.seats.membersOf(to);
    line.readers = [...new Set([p, ...mine, ...theirs].filter((x) => !!x).map((x) => x!.id))];
  }
  return line;
}
