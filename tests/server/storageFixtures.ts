import type { Action } from '../../shared/types.ts';
import type { MatchRow, StoredChatLine, WriteOp } from '../../server/storage/index.ts';

// Rows, actions and chat lines for the storage suite: every optional field filled somewhere, timestamps
// of today's size (bigint in PostgreSQL), and strings that trip naive escaping.

export const T0 = 1_796_000_000_000;

/** Quotes, backslashes, NUL, a PostgreSQL array delimiter, non-BMP text: all must round-trip. */
export const AWKWARD = 'a "quoted" \\ back\\slash, {brace} \u0000 nul, é, 🕊️';

export const row = (id: string, over: Partial<MatchRow> = {}): MatchRow => ({
  id, scenario: 'amber-sea', seed: 4_000_000_123,
  settings: {
    seats: 3, turns: 2, hostName: 'Ms T', hostPlays: false, teacherReads: true, publishNegotiations: false,
    timers: { diplomacy: 240, policy: 60, crisis: 60, resolution: 20, news: 15 },
    interests: { valdor: 'frontline', kestria: 'trading', isolde: 'neutral' }, guide: true, projectorKeyHash: 'pk',
  },
  seats: [
    { nation: 'valdor', name: 'Valdor', bot: true, strategy: 'alliances', personality: 'loyal' },
    { nation: 'kestria', name: 'Kestria', bot: false },
    { nation: 'isolde', name: 'Isolde', bot: true },
  ],
  players: [
    { id: 'p1', nickname: 'Ms T', nation: null, host: true, secretHash: 'ab', kicked: false },
    { id: 'p2', nickname: AWKWARD, nation: 'kestria', host: false, secretHash: 'cd', kicked: false, deviceHash: 'dv', waiting: true, since: { turn: 2, events: 5 } },
  ],
  status: 'lobby', clock: { deadline: T0 + 60_000, paused: false, remaining: 0, chatFrozen: false, locked: true },
  parent: null, created: T0, updated: T0, finished: null,
  ...over,
});

/** The row as storage gives it back: no cached outcome, not imported, unless set. */
export const stored = (r: MatchRow): MatchRow => ({ ...r, outcome: r.outcome ?? null, imported: !!r.imported });

export const advance: Action = { type: 'advance' };
// Keys deliberately not in alphabetical order: the stored text keeps them as written.
export const inject = (severity: number): Action => ({ type: 'inject', crisis: 'blockade', target: 'valdor', severity, note: AWKWARD });

export const line = (id: number, readers?: string[]): StoredChatLine => ({
  id, from: 'valdor', fromName: 'Ms T', to: readers ? 'kestria' : 'all', text: `${AWKWARD} #${id}`, turn: 1,
  ...(readers ? { readers } : {}),
});

export const create = (r: MatchRow): WriteOp => ({ op: 'createMatch', row: r });
export const append = (match: string, index: number, action: Action = advance, at = T0 + index): WriteOp => ({ op: 'appendAction', match, index, action, at });
export const say = (match: string, l: StoredChatLine): WriteOp => ({ op: 'appendChat', match, line: l });
