import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { DuplicateMatchError, openSqliteStorage } from '../../server/storage/index.ts';
import type { MatchRow } from '../../server/storage/index.ts';
import { bootServer, joinMatch, leaveAll } from './helpers.ts';

// The embedded storage: WAL + synchronous=FULL, migrations applied once, the action log in order and
// append-only, matches to recover listed.

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

describe('sqlite storage', () => {
  test('WAL, synchronous=FULL, migrations recorded once across reopenings', async () => {
    const dir = tempDir();
    await openSqliteStorage(dir).close();
    const s = openSqliteStorage(dir);
    await s.close();
    const db = new DatabaseSync(join(dir, 'entente.sqlite'));
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('SELECT COUNT(*) AS n FROM migrations').get() as { n: number }).n).toBe(3);
    db.close();
    // Each connection sets synchronous=FULL for itself.
    const again = openSqliteStorage(dir);
    expect(await again.diagnostics()).toEqual({ kind: 'sqlite', journalMode: 'wal', synchronous: 'FULL', schemaVersion: 3 });
    await again.close();
  });

  test('batches apply in order, all or nothing; one log position once; unfinished matches are listed', async () => {
    const s = openSqliteStorage(tempDir());
    const at = 5;
    await s.write([{ op: 'createMatch', row: row('AAAAAA') }, { op: 'createMatch', row: row('BBBBBB', 'finished') }]);
    await s.write([{ op: 'appendAction', match: 'AAAAAA', index: 0, action: { type: 'advance' }, at }, { op: 'appendAction', match: 'AAAAAA', index: 1, action: { type: 'inject', crisis: 'blockade', target: 'valdor', severity: 10, note: 'why' }, at }]);
    await expect(s.write([{ op: 'appendAction', match: 'AAAAAA', index: 2, action: { type: 'advance' }, at }, { op: 'appendAction', match: 'AAAAAA', index: 1, action: { type: 'advance' }, at }])).rejects.toThrow();
    await expect(s.write([{ op: 'appendAction', match: 'NOSUCH', index: 0, action: { type: 'advance' }, at }])).rejects.toThrow();
    await expect(s.write([{ op: 'createMatch', row: row('AAAAAA') }])).rejects.toThrow(DuplicateMatchError);
    expect(await s.actions('AAAAAA')).toEqual([{ type: 'advance' }, { type: 'inject', crisis: 'blockade', target: 'valdor', severity: 10, note: 'why' }]);
    await s.write([{ op: 'appendChat', match: 'AAAAAA', line: { id: 1, from: 'valdor', fromName: 'T', to: 'kestria', text: 'hi', turn: 1, readers: ['p1', 'p2'] } }]);
    expect(await s.chat('AAAAAA')).toEqual([{ id: 1, from: 'valdor', fromName: 'T', to: 'kestria', text: 'hi', turn: 1, readers: ['p1', 'p2'] }]);
    await s.write([{ op: 'updateMatch', match: 'AAAAAA', patch: { status: 'running', clock: { deadline: 5, paused: true, remaining: 3, chatFrozen: true } }, at }]);
    expect(await s.getMatch('AAAAAA')).toMatchObject({ status: 'running', clock: { deadline: 5, paused: true, remaining: 3, chatFrozen: true } });
    expect((await s.unfinished()).map((r) => r.id)).toEqual(['AAAAAA']);
    expect((await s.listRows()).find((m) => m.id === 'AAAAAA')).toMatchObject({ actionCount: 2, status: 'running' });
    expect((await s.listRows({ status: 'finished' })).map((m) => m.id)).toEqual(['BBBBBB']);
    expect((await s.rowsByIds(['AAAAAA', 'ZZZZZZ'])).map((m) => m.id)).toEqual(['AAAAAA']);
    expect(await s.hasMatch('BBBBBB')).toBe(true);
    expect(await s.hasMatch('CCCCCC')).toBe(false);
    expect(await s.lease('AAAAAA', 'one', 1000, 100)).toBe(true);
    expect(await s.lease('AAAAAA', 'two', 1050, 100)).toBe(false);
    expect(await s.lease('AAAAAA', 'two', 1101, 100)).toBe(true);
    await s.close();
  });

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
