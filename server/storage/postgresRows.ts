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
  unfinished: `SELECT * FROM matches WHERE status IN ('lobby', 'running') ORDER BY created`,
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

type Append = Extract<WriteOp, { op: 'appendAction' }>;

/** A run of appended actions in one statement (one round trip). (`updated` is the row's last change, not its last action.) */
async function appendRun(c: pg.ClientBase, run: readonly Append[]): Promise<void> {
  await insertActions(c, run.map((a) => ({ match: a.match, index: a.index, action: a.action as Action, at: a.at })));
}

// The columns a patch may set, and how each is written (a whitelist: patch keys become SQL).
const PATCH_COLUMNS: Record<keyof MatchPatch, (v: unknown) => unknown> = {
  players: json, clock: json, status: (v) => v, finished: (v) => v,
};

async function update(c: pg.ClientBase, match: string, patch: MatchPatch, at: number): Promise<void> {
  const cols = (Object.keys(patch) as (keyof MatchPatch)[]).filter((k) => patch[k] !== undefined);
  for (const k of cols) if (!(k in PATCH_COLUMNS)) throw new Error(`cannot update column ${k}`);
  const values = cols.map((k) => PATCH_COLUMNS[k](patch[k]));
  const sets = [...cols.map((k, i) => `${k} = $${i + 1}`), `updated = $${cols.length + 1}`];
  const r = await c.query(`UPDATE matches SET ${sets.join(', ')} WHERE id = $${cols.length + 2}`, [...values, at, match]);
  if (r.rowCount === 0) throw new Error(`no match ${match} to update`);
}

/**
 * A batch without a new match, in four statements however many matches it holds (the server's batches
 * under load: a lease, an action or two, maybe a chat line, for each of many matches, where one statement
 * per write meant a round trip each): every lease, every action, every chat line, then each match's
 * patches in order (each sets `updated`: the last one wins, as in order).
 * Matches' writes touch different rows, so only each match's own order matters, and it is kept.
 */
async function applyGrouped(c: pg.ClientBase, ops: readonly WriteOp[]): Promise<void> {
  const leases = new Map<string, Extract<WriteOp, { op: 'lease' }>>();
  const appends: Append[] = [];
  const chats: Extract<WriteOp, { op: 'appendChat' }>[] = [];
  const updates: Extract<WriteOp, { op: 'updateMatch' }>[] = [];
  for (const w of ops) {
    if (w.op === 'lease') leases.set(w.match, w);
    else if (w.op === 'appendAction') appends.push(w);
    else if (w.op === 'appendChat') chats.push(w);
    else if (w.op === 'updateMatch') updates.push(w);
  }
  if (leases.size) {
    const ls = [...leases.values()];
    const now = Math.min(...ls.map((l) => l.now));
    const r = await c.query<{ match_id: string }>({
      name: 'entente-leases',
      text: `INSERT INTO leases (match_id, owner, until) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
             ON CONFLICT (match_id) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
             WHERE leases.owner = EXCLUDED.owner OR leases.until < $4 RETURNING match_id`,
      values: [ls.map((l) => l.match), ls.map((l) => l.owner), ls.map((l) => l.until), now],
    });
    const held = new Set(r.rows.map((x) => x.match_id));
    const lost = ls.find((l) => !held.has(l.match));
    if (lost) throw new LeaseLostError(lost.match);
  }
  if (appends.length) await appendRun(c, appends);
  if (chats.length) {
    await c.query({
      name: 'entente-chats',
      text: 'INSERT INTO chat (match_id, id, line) SELECT * FROM unnest($1::text[], $2::integer[], $3::json[])',
      values: [chats.map((w) => w.match), chats.map((w) => w.line.id), chats.map((w) => json(w.line))],
    });
  }
  for (const w of updates) await update(c, w.match, w.patch, w.at);
}

/** Apply a batch in order on a client inside a transaction. Consecutive appends go as one statement. */
export async function applyBatch(c: pg.ClientBase, ops: readonly WriteOp[]): Promise<void> {
  if (!ops.some((w) => w.op === 'createMatch')) return applyGrouped(c, ops);
  for (let i = 0; i < ops.length; ) {
    const w = ops[i]!;
    if (w.op === 'appendAction') {
      const run: Append[] = [];
      while (i < ops.length && ops[i]!.op === 'appendAction') run.push(ops[i++] as Append);
      await appendRun(c, run);
      continue;
    }
    i += 1;
    if (w.op === 'createMatch') await insertRow(c, w.row);
    else if (w.op === 'appendChat') await c.query('INSERT INTO chat (match_id, id, line) VALUES ($1, $2, $3)', [w.match, w.line.id, json(w.line)]);
    else if (w.op === 'lease') {
      // The lease in the batch's own transaction: a process that lost the match writes nothing of it.
      const r = await c.query(SQL.lease, [w.match, w.owner, w.until, w.now]);
      if (r.rowCount === 0) throw new LeaseLostError(w.match);
    } else await update(c, w.match, w.patch, w.at);
  }
}
