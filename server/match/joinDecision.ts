import type { NationId } from '../../shared/types.ts';
import { JOIN_ERRORS, joinOptionsSchema } from '../../shared/protocol/messages.ts';
import { checkNickname } from '../nicknames.ts';
import { hashSecret, secretMatches } from '../secrets.ts';
import type { MatchStatus } from '../storage/index.ts';
import type { Person, Seats } from './seats.ts';

// Who may come into a match, and as whom: the host (the creator's connection), someone coming back with
// their seat secret, or a newcomer (a nation in the lobby; waiting for the teacher in a running match).

/** Late joiners waiting for the teacher at most at once. */
export const MAX_WAITING = 16;

export type JoinError = keyof typeof JOIN_ERRORS;
export type JoinDecision =
  | { ok: true; kind: 'host' | 'rejoin' | 'new'; person: Person }
  | { ok: false; code: JoinError; message: string };

export interface JoinContext {
  status: MatchStatus;
  locked: boolean;
  /** The creator's own connection (bound by matchmaking at `create`). */
  creator: boolean;
  nations: readonly NationId[];
  /** Where a private history starts now (the current turn and its event count). */
  now: { turn: number; events: number };
}

const refuse = (code: JoinError, message: string): JoinDecision => ({ ok: false, code, message });

/** Who may come into `seats`, and as whom. Refusals carry the sentence the student reads. */
export function decideJoin(seats: Seats, options: unknown, ctx: JoinContext): JoinDecision {
  const host = seats.host();
  if (ctx.creator) {
    // Matchmaking marks only the reservation it made at `create`: the host is the creator's connection.
    if (!host || seats.hostClaimed) return refuse('bad_options', 'This match already has its host.');
    seats.hostClaimed = true;
    return { ok: true, kind: 'host', person: host };
  }
  const parsed = joinOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) return refuse('bad_options', 'To join, send your nickname (and your seat secret if you had one).');
  const nick = checkNickname(parsed.data.nickname);
  if (!nick.ok) return refuse(nick.code, nick.message);
  const device = parsed.data.device ? hashSecret(parsed.data.device) : undefined;
  const existing = seats.byKey(nick.key);
  if (existing) {
    if (existing.kicked) return refuse('kicked', 'The host removed that player from this match.');
    if (!parsed.data.secret) return refuse('nickname_taken', `Someone already uses the nickname "${existing.nickname}" here: please choose another.`);
    if (!secretMatches(existing.secretHash, parsed.data.secret)) return refuse('wrong_secret', 'That nickname belongs to someone else in this match (the seat secret does not match).');
    existing.secret = parsed.data.secret;
    return { ok: true, kind: 'rejoin', person: existing };
  }
  if (device && seats.kickedDevice(device)) return refuse('kicked', 'The host removed you from this match.');
  if (ctx.status === 'finished') return refuse('match_over', 'This match is over.');
  if (ctx.locked) return refuse('match_locked', 'The teacher has closed this match to newcomers. Ask your teacher.');
  if (ctx.status === 'lobby') {
    const seat = seats.freeNation(ctx.nations);
    if (!seat) return refuse('match_full', 'Every nation in this match is taken. Ask your teacher for another code.');
    const p = seats.add(nick.nickname, null, false, parsed.data.device);
    seats.take(p, seat, ctx.now);
    return { ok: true, kind: 'new', person: p };
  }
  // A running match: newcomers wait in the lobby until the teacher lets them in.
  if (seats.waiting().length >= MAX_WAITING) return refuse('match_full', 'Many people are already waiting to be let in. Ask your teacher.');
  const p = seats.add(nick.nickname, null, false, parsed.data.device);
  seats.wait(p);
  return { ok: true, kind: 'new', person: p };
}
