import type { Action, Interest, NationId, Player } from '../../shared/types.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';

// The storage interface the match sessions and the HTTP API use, with two implementations: SQLite in
// DATA_DIR (the default, ./sqlite.ts) and PostgreSQL (DATABASE_URL). A match is its row (scenario, seed,
// settings, people, status, clock, timestamps) plus its append-only action log and its chat. Writes come
// as ordered batches: `write` resolves only once the whole batch is durable, so "acknowledged" always
// means "on disk", and a batch is all or nothing.

export type MatchStatus = 'lobby' | 'running' | 'finished';

/** Match settings as chosen by the host (timers in seconds). */
export interface StoredSettings {
  seats: number;
  turns: number;
  hostName: string;
  hostPlays: boolean;
  teacherReads: boolean;
  publishNegotiations: boolean;
  timers: { diplomacy: number; policy: number; crisis: number; resolution: number; news: number };
  /** The match's secret national interests (absent in rows written before they were stored: the scenario's). */
  interests?: Record<NationId, Interest>;
  /** The guided first turn is on: the first year's diplomacy is longer. Absent in older rows (off). */
  guide?: boolean;
  /** Hash of the projector page's key (absent in older rows: no projector). */
  projectorKeyHash?: string;
  /** Students per nation (absent in older rows: 1). */
  teamSize?: number;
  /** How a team's draft becomes the nation's (absent: its head signs). */
  signing?: 'head' | 'any' | 'vote';
  /** Who gives out roles (absent: the teacher). */
  rolesBy?: 'teacher' | 'teams';
  /** The class this match is one of (parallel matches under one class code), if any. */
  classCode?: string;
}

/** A person in a match (the host included). Secrets are stored only as hashes. */
export interface StoredPlayer {
  id: string;
  nickname: string;
  nation: string | null;
  host: boolean;
  secretHash: string;
  kicked: boolean;
  /** Hash of the browser's id: a kicked browser cannot come back under another nickname. */
  deviceHash?: string;
  /** Joined a running match and waits for the teacher to let them in. */
  waiting?: boolean;
  /**
   * Where this person's private history begins: they took their nation at this turn, when that turn had
   * this many events. Private events and lines from before belong to whoever held the nation then.
   */
  since?: { turn: number; events: number };
  /** Their place in the nation's team (0 first: the head), which gives their roles. */
  slot?: number;
}

/** The phase clock and the teacher's switches, kept so a restarted server can resume them. */
export interface StoredClock {
  deadline: number;
  paused: boolean;
  remaining: number;
  chatFrozen: boolean;
  /** No newcomers (absent in older rows: open). */
  locked?: boolean;
}

/** A chat line as stored: the wire line plus who may read it (player ids; absent for public lines). */
export interface StoredChatLine extends ChatLine {
  readers?: string[];
}

export interface MatchRow {
  id: string;
  scenario: string;
  seed: number;
  settings: StoredSettings;
  /** The bot profile of each seat, in seat order (the match file's players). */
  seats: Player[];
  players: StoredPlayer[];
  status: MatchStatus;
  clock: StoredClock;
  parent: { id: string; turn: number } | null;
  created: number;
  /** When the row last changed (made, a seat, the clock at each phase, the status); an action alone leaves it. */
  updated: number;
  finished: number | null;
  /** Cached result of a finished match (computed once by replay); absent until the archive asks. */
  outcome?: MatchOutcome | null;
  /** The match came from an uploaded match file (read-only, never played here). */
  imported?: boolean;
}

/** Where a match stopped and who won (the nations sharing the top score; empty unless it is over). */
export interface MatchOutcome {
  turn: number;
  phase: string;
  over: boolean;
  winners: string[];
}

export type MatchPatch = Partial<Pick<MatchRow, 'players' | 'status' | 'clock' | 'finished'>>;

/** One write of a batch. Batches apply in order, in one transaction. */
export type WriteOp =
  | { op: 'createMatch'; row: MatchRow }
  | { op: 'appendAction'; match: string; index: number; action: Action; at: number }
  | { op: 'appendChat'; match: string; line: StoredChatLine }
  | { op: 'updateMatch'; match: string; patch: MatchPatch; at: number }
  /** Take or renew `owner`'s lease of the match; the whole batch fails (LeaseLostError) if another owner holds it. */
  | { op: 'lease'; match: string; owner: string; now: number; until: number };

/** `write` rejects with this when a batch creates a match whose id exists (room codes are unique). */
export class DuplicateMatchError extends Error {
  readonly match: string;
  constructor(id: string) {
    super(`a match with id ${id} exists`);
    this.match = id;
    this.name = 'DuplicateMatchError';
  }
}

/** `write` rejects with this when a batch's lease belongs to another process: this one must stop the match. */
export class LeaseLostError extends Error {
  readonly match: string;
  constructor(id: string) {
    super(`another process runs match ${id} now`);
    this.match = id;
    this.name = 'LeaseLostError';
  }
}

export interface Storage {
  /** Apply a batch of writes in order, in one durable transaction (all or nothing). */
  write(ops: readonly WriteOp[]): Promise<void>;
  getMatch(id: string): Promise<MatchRow | undefined>;
  actions(id: string): Promise<Action[]>;
  chat(id: string): Promise<StoredChatLine[]>;
  /** Full rows for the archive, newest first, optionally of one scenario, status or class, with their log length. */
  listRows(options?: { scenario?: string; status?: MatchStatus; classCode?: string; limit?: number }): Promise<(MatchRow & { actionCount: number })[]>;
  /** Rows whose id is one of `ids` (the host's own running matches), with their log length. */
  rowsByIds(ids: readonly string[]): Promise<(MatchRow & { actionCount: number })[]>;
  /** Store an imported match and its whole log in one transaction (all or nothing). */
  importMatch(row: MatchRow, actions: readonly Action[]): Promise<void>;
  /** Remove a match, its log and its chat (one transaction). False if there was no such match. */
  deleteMatch(id: string): Promise<boolean>;
  setOutcome(id: string, outcome: MatchOutcome): Promise<void>;
  /**
   * Matches to bring back (lobby or running), oldest first. With `claimableBy` (several processes), only
   * those that owner could lease now: no lease, its own, or an expired one. A scan then costs what is to
   * take over, not every live match of every process.
   */
  unfinished(claimableBy?: { owner: string; now: number }): Promise<MatchRow[]>;
  hasMatch(id: string): Promise<boolean>;
  /**
   * Take or renew the lease of a live match for `owner` (a server process) until `now + ttlMs`. False when
   * another owner holds an unexpired lease: two processes never run the same match.
   */
  lease(matchId: string, owner: string, now: number, ttlMs: number): Promise<boolean>;
  /** Give up a lease (the match was finished, or this process stops). */
  release(matchId: string, owner: string): Promise<void>;
  /** How the store is configured (for tests and operators). */
  diagnostics(): Promise<{ kind: 'sqlite' | 'postgres'; journalMode?: string; synchronous?: string; schemaVersion: number }>;
  close(): Promise<void>;
}

export { openSqliteStorage } from './sqlite.ts';

/** A match's secret national interests: as stored, or the scenario's own for older rows. */
export function interestsOfRow(row: Pick<MatchRow, 'scenario' | 'settings' | 'seats'>): Record<NationId, Interest> {
  return row.settings.interests ?? interestsFor(row.scenario, row.seats.map((p) => p.nation));
}
