import pg from 'pg';
import type { Action } from '../../shared/types.ts';
import type { Storage, StoredChatLine } from './index.ts';
import { checkSchema, schemaVersion } from './postgresMigrations.ts';
import { applyBatch, insertActions, insertRow, SQL, toRow, withCount, writeRest, type NotCreate, type PgRow } from './postgresRows.ts';

// The shared store for several server processes (DATABASE_URL): the same interface as SQLite over a `pg`
// connection pool. Every multi-statement method runs on one pooled client between BEGIN and COMMIT; the
// pool hands out a different connection per call, so nothing may run a transaction through `pool.query`.

const INT8 = 20;

// bigint columns (epoch milliseconds, counts) come back as JS numbers, as from SQLite; all stay far below
// 2^53. Set per pool, not on the global `pg.types`, so no other user of `pg` in the process is affected.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

export async function openPostgresStorage(url: string): Promise<Storage> {
  // TCP keepalive: a connection to a server that vanished without closing it (a failover, a partition)
  // errors within about a minute instead of leaving a write waiting for hours.
  const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: 10_000, keepAlive: true, keepAliveInitialDelayMillis: 30_000 });
  // An idle connection dropped by the server (restart, failover) is reported here; without a listener
  // it would crash the process. The pool replaces it on the next checkout.
  pool.on('error', (e) => console.error(`[entente] PostgreSQL connection lost: ${e.message}`));
  try {
    await checkSchema(pool);
  } catch (e) {
    await pool.end();
    throw new Error(`PostgreSQL at ${redact(url)}: ${(e as Error).message}`, { cause: e });
  }

  const transaction = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    let broken = false;
    // A checked-out client has no listener of the pool's: its connection dying mid-transaction (a restart,
    // a failover) would be an unhandled 'error' event and end the process. The running query rejects too.
    const lost = (): void => {
      broken = true;
    };
    c.on('error', lost);
    try {
      // Forced per transaction: a server configured with synchronous_commit=off would acknowledge writes
      // that a crash can still lose, and "written" must mean "on disk".
      await c.query('BEGIN; SET LOCAL synchronous_commit = on');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {
        broken = true; // the connection itself failed: do not hand it out again
      });
      throw e;
    } finally {
      if (!broken) c.removeListener('error', lost); // a dead one keeps it: it may still report its end
      c.release(broken);
    }
  };

  let closed = false;
  const rows = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => (await pool.query<R>(text, values)).rows;

  return {
    write: async (ops) => {
      // The server's batches under load create no match: one statement, its own transaction.
      if (ops.some((w) => w.op === 'createMatch')) await transaction((c) => applyBatch(c, ops));
      else await writeRest(pool, ops as readonly NotCreate[]);
    },
    importMatch: (row, actions) => transaction(async (c) => {
      await insertRow(c, row);
      const at = Date.now();
      if (actions.length) await insertActions(c, actions.map((action, index) => ({ match: row.id, index, action, at })));
    }),
    deleteMatch: (id) => transaction(async (c) => {
      let found = false;
      for (const sql of SQL.deleteMatch) found = ((await c.query(sql, [id])).rowCount ?? 0) > 0;
      return found; // from the last statement: the match row itself
    }),
    setOutcome: async (id, outcome) => {
      await pool.query(SQL.setOutcome, [JSON.stringify(outcome), id]);
    },
    getMatch: async (id) => {
      const [r] = await rows<PgRow>(SQL.getMatch, [id]);
      return r ? toRow(r) : undefined;
    },
    hasMatch: async (id) => (await rows(SQL.hasMatch, [id])).length > 0,
    actions: async (id) => (await rows<{ action: Action }>(SQL.actions, [id])).map((r) => r.action),
    chat: async (id) => (await rows<{ line: StoredChatLine }>(SQL.chat, [id])).map((r) => r.line),
    listRows: async (options = {}) =>
      (await rows<PgRow & { n: number }>(SQL.list, [options.scenario ?? null, options.status ?? null, options.limit ?? 200, options.classCode ?? null])).map(withCount),
    rowsByIds: async (ids) => (ids.length ? (await rows<PgRow & { n: number }>(SQL.byIds, [[...ids]])).map(withCount) : []),
    unfinished: async (by) => (await rows<PgRow>(SQL.unfinished, [by?.owner ?? null, by?.now ?? 0])).map(toRow),
    lease: async (matchId, owner, now, ttlMs) => ((await pool.query(SQL.lease, [matchId, owner, now + ttlMs, now])).rowCount ?? 0) > 0,
    release: async (matchId, owner) => {
      await pool.query(SQL.release, [matchId, owner]);
    },
    diagnostics: async () => ({ kind: 'postgres' as const, schemaVersion: await schemaVersion(pool) }),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
