import { randomInt } from 'node:crypto';
import type { Action, GameState, Scenario } from '../../shared/types.ts';
import { defaultPlayers, replay, setup, setupError } from '../../shared/rules/index.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';
import { forkMatchFile } from '../../shared/matchFile.ts';
import { createOptionsSchema } from '../../shared/protocol/messages.ts';
import { checkNickname } from '../nicknames.ts';
import { newRoomCode } from '../roomCode.ts';
import { hashSecret } from '../secrets.ts';
import { DuplicateMatchError, type MatchRow, type StoredSettings } from '../storage/index.ts';
import { matchFileOf } from '../storage/matchFile.ts';
import type { Journal } from '../storage/journal.ts';
import { newClock, recovered } from './clock.ts';
import { CHAT_KEPT } from './chat.ts';
import { projectorKeyOf } from './publish.ts';
import { Seats } from './seats.ts';
import { Session, type LeaseTerms } from './session.ts';

// Where a match comes from: a teacher's new match, a "what if" fork of an archived one (from its public
// record), or a match brought back after a restart by replaying its log. Each gives the session, the
// people and the scenario; the room then carries them.

export const DEFAULT_TIMERS: StoredSettings['timers'] = { diplomacy: 180, policy: 60, crisis: 45, resolution: 8, news: 20 };

export class CreateError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface Created {
  session: Session;
  seats: Seats;
  scenario: Scenario;
  /** The state the current year began with (its hash is what the match publishes). */
  yearStart?: GameState;
}

export interface CreateDeps {
  journal: Journal;
  now: () => number;
  /** Codes in use by live rooms of this process (storage knows the rest). */
  liveCode: (code: string) => boolean;
  /** With several processes: the lease each match's writes renew. */
  lease?: LeaseTerms;
}

/** A match of a class: its code, and the secret its host (the class's teacher) shares with the other matches. */
export interface ClassTie {
  code: string;
  secret: string;
}

/** A new match (or a fork) from the host's options; stored before it is announced. */
export async function createMatch(deps: CreateDeps, options: unknown, tie?: ClassTie): Promise<Created> {
  const parsed = createOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CreateError(400, `Those match settings are not valid (${issue.path.join('.') || 'options'}: ${issue.message}).`);
  }
  const o = parsed.data;
  const host = checkNickname(o.hostName);
  if (!host.ok) throw new CreateError(400, host.message);
  const storage = deps.journal.storage;
  let scenarioId = o.scenario ?? 'amber-sea';
  let seats = o.seats;
  let seed = o.seed ?? randomInt(0, 0xffffffff);
  let prefix: Action[] = [];
  let parent: MatchRow['parent'] = null;
  let interests: StoredSettings['interests'];
  if (o.fork) {
    // A fork starts from the parent's public record (a finished match; people's journals only if published).
    const from = await storage.getMatch(o.fork.match);
    if (!from) throw new CreateError(404, 'There is no archived match with that code to fork.');
    if (from.status !== 'finished') throw new CreateError(409, 'That match is still being played: it can be forked once it has ended.');
    if (o.turns < o.fork.turn) throw new CreateError(400, `A fork from turn ${o.fork.turn} needs at least ${o.fork.turn} turns.`);
    const forked = forkMatchFile(matchFileOf(from, await storage.actions(from.id), 'public'), from.id, o.fork.turn);
    if (!forked.ok) throw new CreateError(400, forked.message);
    ({ scenario: scenarioId, seed } = from);
    seats = from.settings.seats;
    prefix = forked.file.actions;
    parent = forked.file.parent ?? { id: from.id, turn: o.fork.turn };
    interests = forked.file.interests;
  }
  const scenario = getScenario(scenarioId);
  if (!scenario) throw new CreateError(400, `There is no scenario called "${scenarioId}".`);
  if (!Number.isInteger(seats) || seats < scenario.minSeats || seats > scenario.maxSeats) throw new CreateError(400, `This scenario takes ${scenario.minSeats} to ${scenario.maxSeats} nations.`);
  interests ??= interestsFor(scenario.id, scenario.nations.slice(0, seats).map((n) => n.id));
  const err = setupError(scenario, { seats, turns: o.turns, seed, interests });
  if (err) throw new CreateError(400, err);

  const people = new Seats([], o.teamSize ?? 1);
  const hostPerson = people.add(host.nickname, o.hostPlays ? scenario.nations[0]!.id : null, true, o.device, tie?.secret);
  const now = deps.now();
  const settings: StoredSettings = {
    seats, turns: o.turns, hostName: host.nickname, hostPlays: o.hostPlays, teacherReads: o.teacherReads ?? false,
    publishNegotiations: o.publishNegotiations ?? false, timers: { ...DEFAULT_TIMERS, ...(o.timers ?? {}) }, interests, guide: o.guide ?? true,
    teamSize: o.teamSize ?? 1, signing: o.signing ?? 'head', rolesBy: o.rolesBy ?? 'teacher',
  };
  if (tie) settings.classCode = tie.code;
  for (let attempt = 0; ; attempt++) {
    const code = newRoomCode(deps.liveCode);
    settings.projectorKeyHash = hashSecret(projectorKeyOf(code, hostPerson.secret!));
    const row: MatchRow = {
      id: code, scenario: scenario.id, seed, settings, seats: defaultPlayers(scenario, seats), players: people.stored(), status: 'lobby',
      clock: newClock(), parent, created: now, updated: now, finished: null,
    };
    const session = new Session(deps.journal, row, setup(scenario, { seats, turns: o.turns, seed, interests }), 0, [], deps.now, true, deps.lease);
    for (const a of prefix) {
      const e = session.record(a);
      if (e) throw new CreateError(500, `The forked match could not be replayed: ${e.message}`);
    }
    try {
      // The row and the fork's copied log in one batch: the match exists on disk before anyone hears of it.
      await session.commit();
      people.dirty = false;
      return { session, seats: people, scenario };
    } catch (e) {
      // Another process may have taken the same code a moment ago: draw another.
      if (!(e instanceof DuplicateMatchError) || attempt >= 5) throw e;
    }
  }
}

/** Bring back an unfinished match by replaying its log: same code, same people (all disconnected). */
export async function recoverMatch(deps: CreateDeps, code: string, graceMs: number): Promise<Created> {
  const storage = deps.journal.storage;
  const row = await storage.getMatch(code);
  if (!row) throw new Error(`no match ${code} to recover`);
  const scenario = getScenario(row.scenario);
  if (!scenario) throw new Error(`match ${code}: unknown scenario ${row.scenario}`);
  const actions = await storage.actions(code);
  const r = replay(matchFileOf(row, actions, 'all'));
  if (!r.ok) throw new Error(`match ${code}: replay failed at action ${r.index}: ${r.error.message}`);
  const chat = (await storage.chat(code)).slice(-CHAT_KEPT);
  const session = new Session(deps.journal, row, r.final, actions.length, chat, deps.now, false, deps.lease);
  if (row.status === 'running') session.setClock(recovered(row.clock, deps.now(), graceMs));
  return { session, seats: new Seats(row.players, row.settings.teamSize ?? 1), scenario, yearStart: yearStartOf(r.frames) };
}

/** The state the current year began with (the match's last, once it is over): what its published hash is of. */
function yearStartOf(frames: readonly { state: GameState }[]): GameState {
  const last = frames.at(-1)!.state;
  return last.over ? last : frames.find((f) => f.state.turn === last.turn)!.state;
}
