import type pg from 'pg';
import type { Action } from '../../shared/types.ts';
import { DuplicateMatchError, LeaseLostError, type MatchPatch, type MatchRow, type WriteOp } from './index.ts';

// How rows and writes map onto PostgreSQL statements, so postgres.ts only has to deal with connections and
// transactions. Rows must come back exactly as SQLite gives them (outcome null when unset, imported a
// boolean, numbers as numbers).

/** A matches row as `pg` returns it: json columns already parsed, bigint columns already numbers. */
export interface PgRow {
  id: string;
  scenario: string;
  seed: number;
  settings: MatchRow['settings'];
  seats: MatchRow['seats'];
  players: MatchRow['players'];
  status: MatchRow['status'];
  clock: MatchRow['clock'];
  parent: MatchRow['parent'];
  created: number;
  updated: number;
  finished: number | null;
  outcome: MatchRow['outcome'];
  imported: boolean;
}

export const toRow = (r: PgRow): MatchRow => ({
  id: r.id, scenario: r.scenario, seed: r.seed, settings: r.settings, seats: r.seats, players: r.players,
  status: r.status, clock: r.clock, parent: r.parent ?? null, created: r.created, updated: r.updated,
  finished: r.finished, outcome: r.outcome ?? null, imported: r.imported,
});

export const withCount = (r: PgRow & { n: number }): MatchRow & { actionCount: number } => ({ ...toRow(r), actionCount: r.n });

// Every JSON value is stringified here: `pg` would turn a JS array into a PostgreSQL array literal, not JSON.
const json = (v: unknown): string => JSON.stringify(v);

const COUNT = '(SELECT COUNT(*) FROM actions a WHERE a.match_id = m.id) AS n';

export const SQL = {
  getMatch: 'SELECT * FROM matches WHERE id = $1',
  hasMatch: 'SELECT 1 FROM matches WHERE id = $1',
  actions: 'SELECT action FROM actions WHERE match_id = $1 ORDER BY idx',
  chat: 'SELECT line FROM chat WHERE match_id = $1 ORDER BY id',
  list: `SELECT m.*, ${COUNT} FROM matches m
         WHERE ($1::text IS NULL OR m.scenario = $1) AND ($2::text IS NULL OR m.status = $2) AND ($4::text IS NULL OR m.settings->>'classCode' = $4)
         ORDER BY m.created DESC, m.id DESC LIMIT $3`,
  byIds: `SELECT m.*, ${COUNT} FROM matches m WHERE m.id = ANY($1::text[]) ORDER BY m.created DESC`,
  unfinished: `SELECT m.* FROM matches m LEFT JOIN leases l ON l.match_id = m.id WHERE m.status IN ('lobby', 'running')
               AND ($1::text IS NULL OR l.match_id IS NULL OR l.owner = $1 OR l.until < $2) ORDER BY m.created`,
  setOutcome: 'UPDATE matches SET outcome = $1 WHERE id = $2',
  // Atomic in one statement: concurrent callers for one match are serialised on its key, and the WHERE
  // decides whether the existing lease may be taken over (ours, or expired).
  lease: `INSERT INTO leases (match_id, owner, until) VALUES ($1, $2, $3)
          ON CONFLICT (match_id) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
          WHERE leases.owner = EXCLUDED.owner OR leases.until < $4`,
  release: 'DELETE FROM leases WHERE match_id = $1 AND owner = $2',
  deleteMatch: [
    'DELETE FROM actions WHERE match_id = $1',
    'DELETE FROM chat WHERE match_id = $1',
    'DELETE FROM leases WHERE match_id = $1',
    'DELETE FROM matches WHERE id = $1',
  ],
} as const;

export async function insertRow(c: pg.ClientBase, row: MatchRow): Promise<void> {
  try {
    await c.query(
      `INSERT INTO matches (id, scenario, seed, settings, seats, players, status, clock, parent, created, updated, finished, outcome, imported)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [row.id, row.scenario, row.seed, json(row.settings), json(row.seats), json(row.players), row.status, json(row.clock),
        row.parent ? json(row.parent) : null, row.created, row.updated, row.finished, row.outcome ? json(row.outcome) : null, !!row.imported],
    );
  } catch (e) {
    if ((e as { code?: string; constraint?: string }).code === '23505' && (e as { constraint?: string }).constraint === 'matches_pkey') {
      throw new DuplicateMatchError(row.id);
    }
    throw e;
  }
}

/** Insert many actions in one statement (one round trip however long the list). */
export async function insertActions(c: pg.ClientBase, rows: { match: string; index: number; action: Action; at: number }[]): Promise<void> {
  await c.query({
    name: 'entente-actions',
    text: 'INSERT INTO actions (match_id, idx, action, at) SELECT * FROM unnest($1::text[], $2::integer[], $3::json[], $4::bigint[])',
    values: [rows.map((r) => r.match), rows.map((r) => r.index), rows.map((r) => json(r.action)), rows.map((r) => r.at)],
  });
}

export type NotCreate = Exclude<WriteOp, { op: 'createMatch' }>;

const PATCH_KEYS: ReadonlySet<string> = new Set<keyof MatchPatch>(['players', 'clock', 'status', 'finished']);

/** Each match's patches of a batch merged in order (the last value of each column wins, and the last `at`). */
function mergedPatches(ops: readonly NotCreate[]): Map<string, { patch: MatchPatch; at: number }> {
  const out = new Map<string, { patch: MatchPatch; at: number }>();
  for (const w of ops) {
    if (w.op !== 'updateMatch') continue;
    for (const k of Object.keys(w.patch)) if (!PATCH_KEYS.has(k)) throw new Error(`cannot update column ${k}`);
    const prev = out.get(w.match);
    out.set(w.match, { patch: { ...prev?.patch, ...w.patch }, at: w.at });
  }
  return out;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The arguments of entente_write (migration 2) for a batch's writes, in its parameters' order. */
function writeArgs(ops: readonly NotCreate[]): unknown[] {
  const leases = new Map<string, Extract<WriteOp, { op: 'lease' }>>();
  const appends: Extract<WriteOp, { op: 'appendAction' }>[] = [];
  const chats: Extract<WriteOp, { op: 'appendChat' }>[] = [];
  for (const w of ops) {
    if (w.op === 'lease') leases.set(w.match, w);
    else if (w.op === 'appendAction') appends.push(w);
    else if (w.op === 'appendChat') chats.push(w);
  }
  // In one order in every process (by match), so two batches contending for the same leases cannot deadlock.
  const ls = [...leases.values()].sort((a, b) => byCode(a.match, b.match));
  const ups = [...mergedPatches(ops)].sort(([a], [b]) => byCode(a, b));
  const given = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
  return [
    ls.map((l) => l.match), ls.map((l) => l.owner), ls.map((l) => l.until), ls.length ? Math.min(...ls.map((l) => l.now)) : 0,
    appends.map((a) => a.match), appends.map((a) => a.index), appends.map((a) => json(a.action)), appends.map((a) => a.at),
    chats.map((c) => c.match), chats.map((c) => c.line.id), chats.map((c) => json(c.line)),
    ups.map(([m]) => m),
    ups.map(([, u]) => (u.patch.players === undefined ? null : json(u.patch.players))),
    ups.map(([, u]) => (u.patch.clock === undefined ? null : json(u.patch.clock))),
    ups.map(([, u]) => given(u.patch.status)),
    ups.map(([, u]) => given(u.patch.finished)),
    ups.map(([, u]) => u.patch.finished !== undefined),
    ups.map(([, u]) => u.at),
  ];
}

/**
 * A batch's writes other than new matches, in one statement (one round trip however many matches it holds;
 * alone it is its own transaction). Matches' writes touch different rows, so only each match's own order
 * matters: leases first, then actions and chat in order, then each match's patches merged in order.
 */
export async function writeRest(q: pg.ClientBase | pg.Pool, ops: readonly NotCreate[]): Promise<void> {
  if (!ops.length) return;
  try {
    await q.query({
      name: 'entente-write',
      text: 'SELECT entente_write($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)',
      values: writeArgs(ops),
    });
  } catch (e) {
    const err = e as { code?: string; detail?: string };
    if (err.code === 'EN001') throw new LeaseLostError(err.detail ?? '');
    throw e;
  }
}

/** Apply a batch in order in one transaction: each new match, and each run of other writes between them in one statement. */
export async function applyBatch(c: pg.ClientBase, ops: readonly WriteOp[]): Promise<void> {
  let run: NotCreate[] = [];
  for (const w of ops) {
    if (w.op !== 'createMatch') {
      run.push(w);
      continue;
    }
    await writeRest(c, run);
    run = [];
    await insertRow(c, w.row);
  }
  await writeRest(c, run);
}
