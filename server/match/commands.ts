import type { NationAction } from '../../shared/types.ts';
import type { Role } from '../../shared/protocol/teams.ts';
import { sanitizeText } from '../limits.ts';
import { composeLine } from './chat.ts';
import { HOST_COMMANDS } from './host.ts';
import { TEAM_COMMANDS, signature, signingOf, signsAlone } from './teams.ts';
import { parseClientMessage, serverError, type Fail, type Kind } from './inbox.ts';
import type { Match } from './match.ts';
import { finish } from './phases.ts';
import type { Person } from './seats.ts';

// What each checked client message does. Game actions go to the rules as the sender's nation; seat
// messages (pick a nation, "I'm done", chat) and, for the host only, the teacher's commands (./host.ts).

export type Command = (m: Match, p: Person, data: Record<string, unknown>) => Fail | null;

/** Actions need a running, unpaused match. */
export function runningGate(m: Match): Fail | null {
  const s = m.session;
  if (s.status === 'lobby') return serverError('not_started');
  if (s.status === 'finished' || s.game.over) return serverError('match_over');
  if (s.clock.paused) return serverError('paused');
  return null;
}

function action(type: string): Command {
  return (m, p, data) => {
    const gate = runningGate(m);
    if (gate) return gate;
    if (!p.nation) return serverError('not_seated');
    if (!signsAlone(m, p)) return serverError(signingOf(m) === 'vote' ? 'needs_vote' : 'not_signer');
    const { ref: _ref, note, ...fields } = data;
    const a = { type, by: p.nation, ...fields } as NationAction;
    const signed = signature(m, p.id, p.id);
    if (signed) a.signed = signed;
    if (typeof note === 'string') {
      const clean = sanitizeText(note);
      if (clean) a.note = clean;
    }
    const err = m.session.record(a);
    if (err) return err;
    if (m.session.game.over) finish(m);
    return null;
  };
}

const SEAT_COMMANDS: Record<string, Command> = {
  pickSeat(m, p, data) {
    const nation = data.nation as string;
    const s = m.session;
    if (!s.game.nations.some((n) => n.id === nation)) return serverError('unknown_nation');
    if (s.status === 'finished') return serverError('match_over');
    if (s.status === 'running') return serverError('seat_locked');
    if (p.nation === nation) return null;
    if (!m.seats.canTake(p, nation)) return serverError(m.seats.teamSize > 1 ? 'team_full' : 'seat_taken');
    m.seats.take(p, nation, { turn: s.game.turn, events: s.game.events.length });
    m.seatChanged(p);
    return null;
  },
  ready(m, p, data) {
    // A click made in the lobby or in an earlier phase counts for nothing now: a late "I'm ready" is not
    // "done with diplomacy", and a late "done" does not end the next phase.
    const here = m.session.status === 'lobby' ? 'lobby' : m.session.game.phase;
    if (data.phase !== undefined && data.phase !== here) return null;
    m.seats.setReady(p, data.ready as boolean);
    return null;
  },
  takeRole(m, p, data) {
    if (m.session.status !== 'lobby') return serverError('not_lobby');
    if (m.session.row.settings.rolesBy !== 'teams') return serverError('roles_by_teacher');
    if (!p.nation) return serverError('not_seated');
    m.seats.giveRole(p, data.role as Role);
    m.drafts.touch(p.nation);
    return null;
  },
  chat(m, p, data) {
    const s = m.session;
    const line = composeLine(p, data.to as string, data.text as string, { game: s.game, seats: m.seats, frozen: s.clock.chatFrozen, lastId: s.chat.at(-1)?.id ?? 0 });
    if ('code' in line) return line;
    s.addChat(line);
    m.deliverLine(line);
    return null;
  },
};

const notHost: Command = () => serverError('not_host');

export function commandFor(kind: Kind, name: string): Command {
  if (kind === 'action') return action(name);
  if (kind === 'seat') return SEAT_COMMANDS[name]!;
  if (kind === 'team') return TEAM_COMMANDS[name]!;
  const host = HOST_COMMANDS[name as keyof typeof HOST_COMMANDS];
  return (m, p, data) => (p.host ? host(m, p, data) : notHost(m, p, data));
}

/** A client message, checked (who sent it, its type, rate and payload) and run; the answer's name and error. */
export function receive(m: Match, sessionId: string, type: string | number, payload: unknown): { name: string; error: Fail | null } {
  const name = String(type).slice(0, 40);
  if (m.projectors.has(sessionId)) return { name, error: serverError('projector') };
  const p = m.seats.bySession(sessionId);
  const conn = m.conn(sessionId);
  if (!p || !conn) return { name, error: serverError('unknown_player') };
  if (m.config.shuttingDown()) return { name, error: serverError('shutting_down') };
  if (m.config.testHooks && type === 'debugThrow') throw new Error('debugThrow: a deliberate exception for the tests');
  const msg = parseClientMessage(type, payload, conn, m.now());
  if (!msg.ok) return { name, error: msg.error };
  if (p.waiting) return { name, error: serverError('waiting') };
  return { name, error: commandFor(msg.kind, msg.name)(m, p, msg.data) };
}
