import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, test } from 'vitest';
import { openSqliteStorage } from '../../server/storage/index.ts';
import { openStorage } from '../../server/storage/open.ts';
import { storageSuite } from './storage.suite.ts';

// The storage suite against the embedded SQLite file, and what only SQLite has: its journal settings and
// the migrations it applies to itself at open.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'entente-db-'));
  dirs.push(d);
  return d;
};

storageSuite('sqlite', {
  fresh: async () => {
    const dir = tempDir();
    return async () => openSqliteStorage(dir);
  },
});

// The server's way: writes committed by the writer thread, reads on the opening thread's connection.
storageSuite('sqlite with a writer thread', {
  fresh: async () => {
    const dir = tempDir();
    return async () => openSqliteStorage(dir, undefined, { writer: 'thread' });
  },
});

test('sqlite: WAL, synchronous=FULL, migrations recorded once across reopenings', async () => {
  const dir = tempDir();
  await openSqliteStorage(dir).close();
  await openSqliteStorage(dir).close();
  const db = new DatabaseSync(join(dir, 'entente.sqlite'));
  expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
  expect((db.prepare('SELECT COUNT(*) AS n FROM migrations').get() as { n: number }).n).toBe(3);
  db.close();
  // Each connection sets synchronous=FULL for itself.
  const again = openSqliteStorage(dir);
  expect(await again.diagnostics()).toEqual({ kind: 'sqlite', journalMode: 'wal', synchronous: 'FULL', schemaVersion: 3 });
  await again.close();
});

test('openStorage picks SQLite in DATA_DIR without DATABASE_URL', async () => {
  const dir = tempDir();
  const s = await openStorage({ DATA_DIR: dir, DATABASE_URL: ' ' });
  expect((await s.diagnostics()).kind).toBe('sqlite');
  await s.close();
  expect(new DatabaseSync(join(dir, 'entente.sqlite')).prepare('SELECT COUNT(*) AS n FROM matches').get()).toEqual({ n: 0 });
});
