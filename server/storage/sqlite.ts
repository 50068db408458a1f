import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Action } from '../../shared/types.ts';
import { Worker } from 'node:worker_threads';
import { DuplicateMatchError, LeaseLostError, type MatchRow, type Storage, type StoredChatLine, type WriteOp } from './index.ts';
import type { WriteReply, WriteRequest } from './sqliteWorker.ts';
import { PRAGMAS, sqliteWrites } from './sqliteWrites.ts';

// The embedded default: one SQLite file in DATA_DIR through Node 24's node:sqlite (no native build).
// WAL journal with synchronous=FULL, so a committed transaction survives kill -9 and power loss.
// The schema is versioned: each migration runs once, recorded in the `migrations` table. node:sqlite is
// synchronous: every method does its work before returning its (already settled) promise, except writes
// when a writer thread commits them (see `writer`).

const MIGRATIONS: string[] = [
  // 1: matches, their action logs, and their chat.
  `CREATE TABLE matches (
     id TEXT PRIMARY KEY,
     scenario TEXT NOT NULL,
     seed INTEGER NOT NULL,
     settings TEXT NOT NULL,
     seats TEXT NOT NULL,
     players TEXT NOT NULL,
     status TEXT NOT NULL,
     clock TEXT NOT NULL,
     parent TEXT,
     created INTEGER NOT NULL,
     updated INTEGER NOT NULL,
     finished INTEGER
   );
   CREATE INDEX matches_status ON matches(status);
   CREATE TABLE actions (
     match_id TEXT NOT NULL REFERENCES matches(id),
     idx INTEGER NOT NULL,
     action TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (match_id, idx)
   );
   CREATE TABLE chat (
     match_id TEXT NOT NULL REFERENCES matches(id),
     id INTEGER NOT NULL,
     line TEXT NOT NULL,
     PRIMARY KEY (match_id, id)
   );`,
  // 2: the archive (issue 6): a cached outcome of finished matches (turn reached, winners), imported files,
  // and an index to list a scenario's matches and a match's forks.
  `ALTER TABLE matches ADD COLUMN outcome TEXT;
   ALTER TABLE matches ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX matches_scenario ON matches(scenario, created);`,
  // 3: leases (which process runs a live match; one process here, but the interface is shared with PostgreSQL).
  `CREATE TABLE leases (
     match_id TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     until INTEGER NOT NULL
   );`,
];

interface RawRow {
  id: string;
  scenario: string;
  seed: number;
  settings: string;
  seats: string;
  players: string;
  status: string;
  clock: string;
  parent: string | null;
  created: number;
  updated: number;
  finished: number | null;
  outcome?: string | null;
  imported?: number;
}

function toRow(r: RawRow): MatchRow {
  return {
    id: r.id, scenario: r.scenario, seed: Number(r.seed), settings: JSON.parse(r.settings), seats: JSON.parse(r.seats),
    players: JSON.parse(r.players), status: r.status as MatchRow['status'], clock: JSON.parse(r.clock),
    parent: r.parent ? JSON.parse(r.parent) : null, created: Number(r.created), updated: Number(r.updated),
    finished: r.finished === null ? null : Number(r.finished),
    outcome: r.outcome ? JSON.parse(r.outcome) : null, imported: Number(r.imported ?? 0) === 1,
  };
}

const withCount = (raw: RawRow & { n: number }): MatchRow & { actionCount: number } => ({ ...toRow(raw), actionCount: Number(raw.n) });

/**
 * `writer: 'thread'` (the server's): writes are committed by a writer thread (./sqliteWorker.ts) on its
 * own connection, and each promise settles once its commit is synced; 'inline': on this thread.
 */
export function openSqliteStorage(dataDir: string, file = 'entente.sqlite', options: { writer?: 'thread' | 'inline' } = {}): Storage {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  const db = new DatabaseSync(path);
  db.exec(PRAGMAS);
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((r) => Number(r.version)));
  MIGRATIONS.forEach((sql, i) => {
    const version = i + 1;
    if (done.has(version)) return;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(sql);
      db.prepare('INSERT INTO migrations (version, applied) VALUES (?, ?)').run(version, Date.now());
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  });

  const COUNT = '(SELECT COUNT(*) FROM actions a WHERE a.match_id = m.id) AS n';
  const q = {
    getMatch: db.prepare('SELECT * FROM matches WHERE id = ?'),
    hasMatch: db.prepare('SELECT 1 AS x FROM matches WHERE id = ?'),
    actions: db.prepare('SELECT action FROM actions WHERE match_id = ? ORDER BY idx'),
    chat: db.prepare('SELECT line FROM chat WHERE match_id = ? ORDER BY id'),
    list: db.prepare(`SELECT m.*, ${COUNT} FROM matches m WHERE (:scenario IS NULL OR m.scenario = :scenario) AND (:status IS NULL OR m.status = :status)
                      AND (:class IS NULL OR json_extract(m.settings, '$.classCode') = :class) ORDER BY m.created DESC, m.id DESC LIMIT :limit`),
    byId: db.prepare(`SELECT m.*, ${COUNT} FROM matches m WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.created DESC`),
    setOutcome: db.prepare('UPDATE matches SET outcome = ? WHERE id = ?'),
    deleteActions: db.prepare('DELETE FROM actions WHERE match_id = ?'),
    deleteChat: db.prepare('DELETE FROM chat WHERE match_id = ?'),
    deleteLease: db.prepare('DELETE FROM leases WHERE match_id = ?'),
    deleteMatch: db.prepare('DELETE FROM matches WHERE id = ?'),
    unfinished: db.prepare(`SELECT m.* FROM matches m LEFT JOIN leases l ON l.match_id = m.id WHERE m.status IN ('lobby', 'running')
                            AND (:owner IS NULL OR l.match_id IS NULL OR l.owner = :owner OR l.until < :now) ORDER BY m.created`),
    lease: db.prepare(`INSERT INTO leases (match_id, owner, until) VALUES (:id, :owner, :until)
                       ON CONFLICT (match_id) DO UPDATE SET owner = :owner, until = :until WHERE leases.owner = :owner OR leases.until < :now`),
    release: db.prepare('DELETE FROM leases WHERE match_id = ? AND owner = ?'),
  };
  const writes = sqliteWrites(db);
  const { transaction, insertRow } = writes;

  const settle = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  };

  const thread = options.writer === 'thread' ? writerThread(path) : null;

  return {
    write: (ops) => (thread ? thread.write(ops) : settle(() => writes.write(ops))),
    importMatch: (row, actions) => settle(() => {
      const now = Date.now();
      transaction(() => {
        insertRow(row);
        actions.forEach((a, i) => writes.insertAction(row.id, i, a, now));
      });
    }),
    deleteMatch: (id) => settle(() => {
      let found = false;
      transaction(() => {
        q.deleteActions.run(id);
        q.deleteChat.run(id);
        q.deleteLease.run(id);
        found = Number(q.deleteMatch.run(id).changes) > 0;
      });
      return found;
    }),
    setOutcome: (id, outcome) => settle(() => {
      q.setOutcome.run(JSON.stringify(outcome), id);
    }),
    getMatch: (id) => settle(() => {
      const r = q.getMatch.get(id) as unknown as RawRow | undefined;
      return r ? toRow(r) : undefined;
    }),
    hasMatch: (id) => settle(() => q.hasMatch.get(id) !== undefined),
    actions: (id) => settle(() => (q.actions.all(id) as { action: string }[]).map((r) => JSON.parse(r.action) as Action)),
    chat: (id) => settle(() => (q.chat.all(id) as { line: string }[]).map((r) => JSON.parse(r.line) as StoredChatLine)),
    listRows: (options = {}) => settle(() => (q.list.all({ scenario: options.scenario ?? null, status: options.status ?? null, class: options.classCode ?? null, limit: options.limit ?? 200 }) as unknown as (RawRow & { n: number })[]).map(withCount)),
    rowsByIds: (ids) => settle(() => (ids.length ? (q.byId.all(JSON.stringify(ids)) as unknown as (RawRow & { n: number })[]).map(withCount) : [])),
    unfinished: (by) => settle(() => (q.unfinished.all({ owner: by?.owner ?? null, now: by?.now ?? 0 }) as unknown as RawRow[]).map(toRow)),
    lease: (matchId, owner, now, ttlMs) => settle(() => Number(q.lease.run({ id: matchId, owner, until: now + ttlMs, now }).changes) > 0),
    release: (matchId, owner) => settle(() => {
      q.release.run(matchId, owner);
    }),
    diagnostics: () => settle(() => {
      const journal = db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
      const sync = db.prepare('PRAGMA synchronous').get() as { synchronous: number };
      const version = db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number };
      const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
      return { kind: 'sqlite' as const, journalMode: journal.journal_mode, synchronous: names[Number(sync.synchronous)] ?? String(sync.synchronous), schemaVersion: Number(version.v) };
    }),
    close: async () => {
      await thread?.close();
      if (db.isOpen) db.close();
    },
  };
}

/** The writer thread: one batch of writes per request, answered once committed; requests run in order. */
function writerThread(path: string): { write(ops: readonly WriteOp[]): Promise<void>; close(): Promise<void> } {
  const worker = new Worker(new URL('./sqliteWorker.ts', import.meta.url), { workerData: { path } });
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (e: Error): void => {
    failed = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (r: WriteReply) => {
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if (!waiting.size) worker.unref();
    if (r.ok) return w.resolve();
    w.reject(r.kind === 'duplicate' ? new DuplicateMatchError(r.match ?? '') : r.kind === 'lease' ? new LeaseLostError(r.match ?? '') : new Error(r.message));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', () => failAll(new Error('the storage writer stopped')));
  // The writer thread keeps the process alive only while a write waits for it.
  worker.unref();
  return {
    write(ops) {
      if (!ops.length) return Promise.resolve();
      if (failed) return Promise.reject(failed);
      const id = ++next;
      return new Promise((resolve, reject) => {
        if (!waiting.size) worker.ref();
        waiting.set(id, { resolve, reject });
        // As one JSON string: cloning a string is a copy, where cloning the ops object by object cost more
        // than the writes themselves (and the rows would be turned into JSON for SQLite anyway).
        worker.postMessage({ id, ops: JSON.stringify(ops) } satisfies WriteRequest);
      });
    },
    async close() {
      if (failed) return;
      const exited = new Promise((r) => worker.once('exit', r));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
