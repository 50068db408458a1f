// npm run migrate : create or update the PostgreSQL schema of DATABASE_URL (SQLite migrates itself at start).
// Safe to run from several machines at once: migrators queue on an advisory lock.
import pg from 'pg';
import { migrate, schemaVersion } from '../server/storage/postgresMigrations.ts';

const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error('DATABASE_URL is not set: nothing to migrate (without it the server uses SQLite, which migrates itself)');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
try {
  await client.connect();
  const applied = await migrate(client);
  const version = await schemaVersion(client);
  console.log(applied.length
    ? `applied migration${applied.length > 1 ? 's' : ''} ${applied.join(', ')}: schema at version ${version}`
    : `nothing to apply: schema already at version ${version}`);
} catch (e) {
  console.error(`migration failed, nothing changed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
