import pg from 'pg';
import { migrate } from '../../server/storage/postgresMigrations.ts';

// A throwaway PostgreSQL database per test file (made through ENTENTE_TEST_DATABASE_URL, which may name any
// database the user can CREATE DATABASE from), so parallel test workers never share tables; and a fresh
// schema per test inside it, reached through the connection's search_path.

const ADMIN_URL = process.env.ENTENTE_TEST_DATABASE_URL?.trim() || undefined;

/** Why the PostgreSQL tests cannot run here, or undefined when they can. Under CI they must run. */
export function postgresUnavailable(): string | undefined {
  return ADMIN_URL ? undefined : 'ENTENTE_TEST_DATABASE_URL is not set (`.ci/run` starts a PostgreSQL and sets it)';
}

export const underCi = (): boolean => !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

function withPath(url: string, database: string, schema?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (schema) u.searchParams.set('options', `-c search_path=${schema}`);
  else u.searchParams.delete('options');
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = ADMIN_URL!): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  /** The URL of a new, empty schema in this file's database (`migrated`: with the current schema). */
  schemaUrl(migrated?: boolean): Promise<string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `entente_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  let schemas = 0;
  return {
    async schemaUrl(migrated = true) {
      const schema = `s${++schemas}`;
      await admin((c) => c.query(`CREATE SCHEMA ${schema}`), withPath(ADMIN_URL!, name));
      const url = withPath(ADMIN_URL!, name, schema);
      if (migrated) await admin((c) => migrate(c), url);
      return url;
    },
    drop: () => admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }),
  };
}
