import { CLOSE_CODES, type HostMessageType } from '../../shared/protocol/messages.ts';
import { randomInt } from 'node:crypto';
import type { Action } from '../../shared/types.ts';
import type { Role } from '../../shared/protocol/teams.ts';
import { makeTeams } from './teams.ts';
import { extend, pause, resume } from './clock.ts';
import type { Command } from './commands.ts';
import { serverError, type Fail } from './inbox.ts';
import type { Match } from './match.ts';
import { closePhase, finish, startMatch } from './phases.ts';
import type { Person } from './seats.ts';

// The teacher's commands, one entry each. Checked for the host by ./commands.ts; each changes the match
// through the session, the people or the phases, and the sync that follows shows it to everyone.

const KICKED_MESSAGE = 'The host removed you from this match; a bot plays your nation now.';

function running(m: Match): Fail | null {
  if (m.session.status !== 'running') return serverError('not_started');
  if (m.session.game.over) return serverError('match_over');
  return null;
}

function target(m: Match, id: unknown): Person | Fail {
  return m.seats.get(id as string) ?? serverError('unknown_player');
}

function nationOf(m: Match, id: unknown): string | Fail {
  return m.session.game.nations.some((n) => n.id === id) ? (id as string) : serverError('unknown_nation');
}

/** Put `p` on `nation` (a free seat, or one a bot plays); they are in from now on. */
function seat(m: Match, p: Person, nation: string): Fail | null {
  if (!m.seats.canTake(p, nation)) return serverError('seat_taken');
  const g = m.session.game;
  m.seats.take(p, nation, { turn: g.turn, events: g.events.length });
  m.seatChanged(p);
  return null;
}

function record(m: Match, a: Action): Fail | null {
  if (m.session.status === 'finished' || m.session.game.over) return serverError('match_over');
  return m.session.record(a);
}

export const HOST_COMMANDS: Record<HostMessageType, Command> = {
  start(m) {
    if (m.session.status !== 'lobby') return serverError('not_lobby');
    startMatch(m);
    return null;
  },
  pause(m) {
    const gate = running(m);
    if (gate) return gate;
    m.session.setClock(pause(m.session.clock, m.now()));
    return null;
  },
  resume(m) {
    if (m.session.status !== 'running') return serverError('not_started');
    m.session.setClock(resume(m.session.clock, m.now()));
    return null;
  },
  extend(m, _p, data) {
    const gate = running(m);
    if (gate) return gate;
    m.session.setClock(extend(m.session.clock, (data.seconds as number) * 1000, m.now()));
    return null;
  },
  advance(m, _p, data) {
    const gate = running(m);
    if (gate) return gate;
    if (data.phase !== undefined && data.phase !== m.session.game.phase) return { code: 'wrong_phase', message: `The ${String(data.phase)} phase is already over.` };
    closePhase(m);
    return null;
  },
  inject(m, _p, data) {
    const a: Action = { type: 'inject', crisis: data.crisis as 'incursion', target: data.target as string, severity: data.severity as number };
    if (typeof data.attacker === 'string') a.attacker = data.attacker;
    return record(m, a);
  },
  freezeChat(m, _p, data) {
    m.session.setClock({ ...m.session.clock, chatFrozen: data.frozen as boolean });
    return null;
  },
  lock(m, _p, data) {
    m.session.setClock({ ...m.session.clock, locked: data.locked as boolean });
    return null;
  },
  moveSeat(m, _p, data) {
    const p = target(m, data.player);
    if ('code' in p) return p;
    const nation = nationOf(m, data.nation);
    if (typeof nation !== 'string') return nation;
    return p.nation === nation ? null : seat(m, p, nation);
  },
  admit(m, _p, data) {
    const p = target(m, data.player);
    if ('code' in p) return p;
    if (!p.waiting) return serverError('not_waiting');
    const nation = nationOf(m, data.nation);
    if (typeof nation !== 'string') return nation;
    return seat(m, p, nation);
  },
  kick(m, _p, data) {
    const p = target(m, data.player);
    if ('code' in p) return p;
    if (p.host) return { code: 'not_allowed', message: 'The host cannot be removed.' };
    const session = m.seats.kick(p);
    if (session) {
      m.port.send(session, 'kicked', { message: KICKED_MESSAGE });
      m.port.close(session, CLOSE_CODES.kicked);
    }
    return null;
  },
  setRole(m, _p, data) {
    const p = target(m, data.player);
    if ('code' in p) return p;
    if (!p.nation) return serverError('not_seated');
    m.seats.giveRole(p, data.role as Role);
    for (const member of m.seats.membersOf(p.nation)) m.seatChanged(member);
    m.drafts.touch(p.nation);
    return null;
  },
  makeTeams(m, _p, data) {
    if (m.session.status !== 'lobby') return serverError('not_lobby');
    return makeTeams(m, data.mode as 'balanced', data.list as string | undefined, randomInt);
  },
  endMatch(m) {
    const err = record(m, { type: 'end' });
    if (err) return err;
    finish(m);
    return null;
  },
};
