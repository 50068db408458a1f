import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openSqliteStorage } from '../../server/storage/index.ts';
import type { MatchRow } from '../../server/storage/index.ts';
import { bootServer, joinMatch, leaveAll } from './helpers.ts';

// A booted server brings back stored lobbies under their codes. (What storage itself promises is in
// storage.suite.ts, run against SQLite and PostgreSQL by storage.sqlite.test.ts and storage.postgres.test.ts.)

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'entente-db-'));
  dirs.push(d);
  return d;
};

const row = (id: string, status: MatchRow['status'] = 'lobby'): MatchRow => ({
  id, scenario: 'amber-sea', seed: 7,
  settings: { seats: 3, turns: 2, hostName: 'T', hostPlays: false, teacherReads: false, publishNegotiations: false, timers: { diplomacy: 1, policy: 1, crisis: 1, resolution: 1, news: 1 } },
  seats: [{ nation: 'valdor', name: 'Valdor', bot: true }, { nation: 'kestria', name: 'Kestria', bot: true }, { nation: 'isolde', name: 'Isolde', bot: true }],
  players: [{ id: 'p1', nickname: 'T', nation: null, host: true, secretHash: 'ab', kicked: false }],
  status, clock: { deadline: 0, paused: false, remaining: 0, chatFrozen: false }, parent: null, created: 1, updated: 1, finished: null,
});

describe('storage across a restart', () => {
  test('after a restart, lobbies come back under their codes unless untouched for too long', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    await s.write([{ op: 'createMatch', row: { ...row('FRESH2'), created: Date.now(), updated: Date.now() } }, { op: 'createMatch', row: row('STAKE2') }]);
    await s.close();
    const server = await bootServer({ dataDir: dir });
    try {
      expect((await server.ctx.storage.getMatch('STAKE2'))?.status).toBe('finished');
      expect((await server.ctx.storage.getMatch('FRESH2'))?.status).toBe('lobby');
      const student = await joinMatch(server.url, 'FRESH2', { nickname: 'Early' });
      expect(student.room.state.code).toBe('FRESH2');
      await expect(joinMatch(server.url, 'STAKE2', { nickname: 'Late' })).rejects.toMatchObject({ code: 404 });
      await leaveAll(student);
    } finally {
      await server.stop();
    }
  });
});
