import type { Action, Interest, NationId, Player } from '../../shared/types.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';

// The storage interface the rooms and the HTTP API use. A match is its row (scenario, seed, settings,
// players, status, timestamps) plus its append-only action log; chat lines are kept beside it. Every
// write returns only once it is durable, so "acknowledged" always means "on disk".

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
}

/** A person in a match (the host included). The secret is stored only as a hash. */
export interface StoredPlayer {
  id: string;
  nickname: string;
  nation: string | null;
  host: boolean;
  secretHash: string;
  kicked: boolean;
}

/** The phase clock, kept so a restarted server can resume it. */
export interface StoredClock {
  deadline: number;
  paused: boolean;
  remaining: number;
  chatFrozen: boolean;
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

export interface MatchSummary {
  id: string;
  scenario: string;
  status: MatchStatus;
  nicknames: string[];
  turns: number;
  seats: number;
  actions: number;
  created: number;
  updated: number;
  finished: number | null;
}

export interface Storage {
  createMatch(row: MatchRow): void;
  /** Append one accepted action at position `index` (0-based) in its own durable transaction. */
  appendAction(matchId: string, index: number, action: Action): void;
  appendChat(matchId: string, line: ChatLine): void;
  updateMatch(matchId: string, patch: Partial<Pick<MatchRow, 'players' | 'status' | 'clock' | 'finished'>>): void;
  getMatch(id: string): MatchRow | undefined;
  actions(id: string): Action[];
  chat(id: string): ChatLine[];
  listMatches(limit?: number): MatchSummary[];
  /** Full rows for the archive, newest first, optionally of one scenario, with their log length. */
  listRows(options?: { scenario?: string; limit?: number }): (MatchRow & { actionCount: number })[];
  /** Store an imported match and its whole log in one transaction (all or nothing). */
  importMatch(row: MatchRow, actions: Action[]): void;
  /** Remove a match, its log and its chat (one transaction). False if there was no such match. */
  deleteMatch(id: string): boolean;
  setOutcome(id: string, outcome: MatchOutcome): void;
  /** Matches to bring back after a restart (lobby or running). */
  unfinished(): MatchRow[];
  hasMatch(id: string): boolean;
  /** How the store is configured (for tests and operators). */
  diagnostics(): { journalMode: string; synchronous: string; schemaVersion: number };
  close(): void;
}

export { openSqliteStorage } from './sqlite.ts';

/** A match's secret national interests: as stored, or the scenario's own for older rows. */
export function interestsOfRow(row: Pick<MatchRow, 'scenario' | 'settings' | 'seats'>): Record<NationId, Interest> {
  return row.settings.interests ?? interestsFor(row.scenario, row.seats.map((p) => p.nation));
}
