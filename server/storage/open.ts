import type { Storage } from './index.ts';
import { openPostgresStorage } from './postgres.ts';
import { openSqliteStorage } from './sqlite.ts';

// Which store a server process uses, from its environment: PostgreSQL when DATABASE_URL is set (several
// processes share it), else the SQLite file in DATA_DIR (one process, nothing to set up), written by a
// writer thread so that a commit's sync never holds up the event loop.

export async function openStorage(env: NodeJS.ProcessEnv = process.env): Promise<Storage> {
  const url = env.DATABASE_URL?.trim();
  if (!url) return openSqliteStorage(env.DATA_DIR || './data', undefined, { writer: 'thread' });
  // Refused rather than guessed: a typo here would otherwise quietly fall back to a local file.
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  return openPostgresStorage(url);
}
