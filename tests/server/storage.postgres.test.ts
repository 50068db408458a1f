import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { migrate, SCHEMA_VERSION } from '../../server/storage/postgresMigrations.ts';
import { openStorage } from '../../server/storage/open.ts';
import { createTestDatabase, postgresUnavailable, underCi, type TestDatabase } from './postgresTest.ts';
import { storageSuite } from './storage.suite.ts';
import { append, create, inject, row } from './storageFixtures.ts';

// The storage suite against PostgreSQL, and what only PostgreSQL has: `npm run migrate` and a schema check
// at open. Needs ENTENTE_TEST_DATABASE_URL; under CI its absence is a failure, never a silent skip.

const missing = postgresUnavailable();
if (missing) {
  if (underCi()) {
    test('PostgreSQL is available under CI', () => {
      throw new Error(`the PostgreSQL storage tests cannot run: ${missing}`);
    });
  } else {
    console.warn(`[storage.postgres] skipped: ${missing}`);
    test.skip(`PostgreSQL storage (skipped: ${missing})`, () => {});
  }
} else {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  storageSuite('postgres', {
    fresh: async () => {
      const url = await db.schemaUrl();
      return () => openPostgresStorage(url);
    },
  });

  describe('postgres schema', () => {
    const query = async (url: string, sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };

    test('open refuses a schema older than the code and says to run npm run migrate', async () => {
      const url = await db.schemaUrl(false);
      await expect(openPostgresStorage(url)).rejects.toThrow(/version 0, this server needs \d+: run `npm run migrate`/);
      await query(url, 'CREATE TABLE migrations (version integer PRIMARY KEY, applied bigint NOT NULL)');
      await expect(openPostgresStorage(url)).rejects.toThrow(/version 0/);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      expect(await migrate(c)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
      expect(await migrate(c)).toEqual([]);
      await c.end();
      const s = await openPostgresStorage(url);
      expect(await s.diagnostics()).toEqual({ kind: 'postgres', schemaVersion: SCHEMA_VERSION });
      await s.close();
      // A newer schema (a later release migrated first, during an upgrade) is accepted.
      await query(url, `INSERT INTO migrations VALUES (${SCHEMA_VERSION + 1}, 0)`);
      const newer = await openPostgresStorage(url);
      expect((await newer.diagnostics()).schemaVersion).toBe(SCHEMA_VERSION + 1);
      await newer.close();
    });

    test('migrators running at once apply each migration exactly once', async () => {
      const url = await db.schemaUrl(false);
      const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: url }));
      await Promise.all(clients.map((c) => c.connect()));
      const applied = await Promise.all(clients.map((c) => migrate(c)));
      await Promise.all(clients.map((c) => c.end()));
      expect(applied.flat().sort()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
      expect(await query(url, 'SELECT version FROM migrations ORDER BY version')).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
      );
    });

    test('a connection killed mid-transaction fails that write only, and the store keeps working', async () => {
      const url = await db.schemaUrl();
      const s = await openPostgresStorage(url);
      await s.write([create(row('KILLED'))]);
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query("SELECT 1 FROM matches WHERE id = 'KILLED' FOR UPDATE");
      // Waits for the row lock, inside its transaction. Settled into a value at once: it fails while the
      // test is still awaiting other things.
      const pending = s.write([append('KILLED', 0)]).then(() => 'written', (e: Error) => e);
      let victim: number | undefined;
      while (!victim) {
        const waiting = await blocker.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        victim = waiting.rows[0]?.pid;
      }
      await blocker.query('SELECT pg_terminate_backend($1)', [victim]);
      expect(await pending).toBeInstanceOf(Error);
      await blocker.query('ROLLBACK');
      await blocker.end();
      await s.write([append('KILLED', 0, inject(1))]);
      expect(await s.actions('KILLED')).toEqual([inject(1)]);
      await s.close();
    });

    test('an unreachable database fails at open with its address and without its password', async () => {
      const err = await openPostgresStorage('postgres://entente:s3cret@127.0.0.1:1/none').catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/127\.0\.0\.1:1/);
      expect((err as Error).message).not.toMatch(/s3cret/);
    });

    test('openStorage picks PostgreSQL when DATABASE_URL is set', async () => {
      const url = await db.schemaUrl();
      const s = await openStorage({ DATABASE_URL: url, DATA_DIR: '/nonexistent' });
      expect((await s.diagnostics()).kind).toBe('postgres');
      await s.close();
      await expect(openStorage({ DATABASE_URL: 'mysql://x/y' })).rejects.toThrow(/postgres:\/\//);
    });
  });
}
