import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { DuplicateMatchError, LeaseLostError, type MatchRow, type WriteOp } from './index.ts';

// The writes of the SQLite store on one connection: the match's own thread's, or the writer thread's
// (./sqliteWorker.ts), so a commit and its sync need not hold up the event loop.

export interface SqliteWrites {
  /** One transaction, committed (and with synchronous=FULL, synced) before returning. */
  transaction(fn: () => void): void;
  /** All of `ops` in one transaction, or none. */
  write(ops: readonly WriteOp[]): void;
  insertRow(row: MatchRow): void;
  insertAction(match: string, index: number, action: unknown, at: number): void;
}

export const PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

export function sqliteWrites(db: DatabaseSync): SqliteWrites {
  const q = {
    insertMatch: db.prepare(`INSERT INTO matches (id, scenario, seed, settings, seats, players, status, clock, parent, created, updated, finished, outcome, imported)
                             VALUES (:id, :scenario, :seed, :settings, :seats, :players, :status, :clock, :parent, :created, :updated, :finished, :outcome, :imported)`),
    insertAction: db.prepare('INSERT INTO actions (match_id, idx, action, at) VALUES (?, ?, ?, ?)'),
    insertChat: db.prepare('INSERT INTO chat (match_id, id, line) VALUES (?, ?, ?)'),
    lease: db.prepare(`INSERT INTO leases (match_id, owner, until) VALUES (:id, :owner, :until)
                       ON CONFLICT (match_id) DO UPDATE SET owner = :owner, until = :until WHERE leases.owner = :owner OR leases.until < :now`),
  };
  const updates = new Map<string, StatementSync>();

  const transaction = (fn: () => void): void => {
    db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  };

  const insertRow = (row: MatchRow): void => {
    try {
      q.insertMatch.run({
        id: row.id, scenario: row.scenario, seed: row.seed, settings: JSON.stringify(row.settings), seats: JSON.stringify(row.seats),
        players: JSON.stringify(row.players), status: row.status, clock: JSON.stringify(row.clock),
        parent: row.parent ? JSON.stringify(row.parent) : null, created: row.created, updated: row.updated, finished: row.finished,
        outcome: row.outcome ? JSON.stringify(row.outcome) : null, imported: row.imported ? 1 : 0,
      });
    } catch (e) {
      if (/UNIQUE|PRIMARY KEY/i.test((e as Error).message)) throw new DuplicateMatchError(row.id);
      throw e;
    }
  };

  const update = (matchId: string, patch: Record<string, unknown>, at: number): void => {
    const cols = Object.keys(patch).sort();
    const key = cols.join(',');
    let st = updates.get(key);
    if (!st) {
      st = db.prepare(`UPDATE matches SET ${[...cols.map((c) => `${c} = :${c}`), 'updated = :updated'].join(', ')} WHERE id = :id`);
      updates.set(key, st);
    }
    const values: Record<string, string | number | null> = { id: matchId, updated: at };
    for (const c of cols) {
      const v = patch[c];
      values[c] = v === null || typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
    }
    if (Number(st.run(values).changes) === 0) throw new Error(`no match ${matchId} to update`);
  };

  const insertAction = (match: string, index: number, action: unknown, at: number): void => {
    q.insertAction.run(match, index, JSON.stringify(action), at);
  };

  /**
   * `updated` is when the match's row last changed (a seat, the clock at each phase, the status), not its
   * last action: touching it rewrote the whole row (its players and settings) with every action, a quarter of
   * a commit's CPU and a third of its bytes on disk.
   */
  const run = (w: WriteOp): void => {
    switch (w.op) {
      case 'createMatch':
        return insertRow(w.row);
      case 'appendAction':
        return insertAction(w.match, w.index, w.action, w.at);
      case 'appendChat':
        q.insertChat.run(w.match, w.line.id, JSON.stringify(w.line));
        return;
      case 'updateMatch':
        return update(w.match, w.patch, w.at);
      case 'lease':
        if (Number(q.lease.run({ id: w.match, owner: w.owner, until: w.until, now: w.now }).changes) === 0) throw new LeaseLostError(w.match);
        return;
    }
  };

  return {
    transaction,
    write: (ops) => {
      if (ops.length) transaction(() => ops.forEach(run));
    },
    insertRow,
    insertAction,
  };
}
