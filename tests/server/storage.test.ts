import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { openSqliteStorage } from '../../server/storage/index.ts';
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
  test('WAL, synchronous=FULL, migrations recorded once across reopenings', () => {
    const dir = tempDir();
    openSqliteStorage(dir).close();
    const s = openSqliteStorage(dir);
    s.close();
    const db = new DatabaseSync(join(dir, 'entente.sqlite'));
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('SELECT COUNT(*) AS n FROM migrations').get() as { n: number }).n).toBe(2);
    db.close();
    // Each connection sets synchronous=FULL for itself.
    const again = openSqliteStorage(dir);
    expect(again.diagnostics()).toEqual({ journalMode: 'wal', synchronous: 'FULL', schemaVersion: 2 });
    again.close();
  });

  test('actions append in order, one position once; rows update; unfinished matches are listed', () => {
    const s = openSqliteStorage(tempDir());
    s.createMatch(row('AAAAAA'));
    s.createMatch(row('BBBBBB', 'finished'));
    s.appendAction('AAAAAA', 0, { type: 'advance' });
    s.appendAction('AAAAAA', 1, { type: 'inject', crisis: 'blockade', target: 'valdor', severity: 10, note: 'why' });
    expect(() => s.appendAction('AAAAAA', 1, { type: 'advance' })).toThrow();
    expect(() => s.appendAction('NOSUCH', 0, { type: 'advance' })).toThrow();
    expect(s.actions('AAAAAA')).toEqual([{ type: 'advance' }, { type: 'inject', crisis: 'blockade', target: 'valdor', severity: 10, note: 'why' }]);
    s.appendChat('AAAAAA', { id: 1, from: 'valdor', fromName: 'T', to: 'all', text: 'hi', turn: 1 });
    expect(s.chat('AAAAAA')).toHaveLength(1);
    s.updateMatch('AAAAAA', { status: 'running', clock: { deadline: 5, paused: true, remaining: 3, chatFrozen: true } });
    expect(s.getMatch('AAAAAA')).toMatchObject({ status: 'running', clock: { deadline: 5, paused: true, remaining: 3, chatFrozen: true } });
    expect(s.unfinished().map((r) => r.id)).toEqual(['AAAAAA']);
    expect(s.listMatches().find((m) => m.id === 'AAAAAA')).toMatchObject({ actions: 2, nicknames: ['T'], status: 'running' });
    expect(s.hasMatch('BBBBBB')).toBe(true);
    expect(s.hasMatch('CCCCCC')).toBe(false);
    s.close();
  });

  test('after a restart, lobbies come back under their codes unless untouched for too long', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    s.createMatch({ ...row('FRESH2'), created: Date.now(), updated: Date.now() });
    s.createMatch(row('STAKE2')); // updated at 1 ms after 1970
    s.close();
    const server = await bootServer({ dataDir: dir });
    try {
      const list = await (await fetch(`${server.url}/api/matches`)).json() as { matches: { id: string; status: string }[] };
      expect(list.matches.find((m) => m.id === 'STAKE2')?.status).toBe('finished');
      expect(list.matches.find((m) => m.id === 'FRESH2')?.status).toBe('lobby');
      const student = await joinMatch(server.url, 'FRESH2', { nickname: 'Early' });
      expect(student.room.state.code).toBe('FRESH2');
      await expect(joinMatch(server.url, 'STAKE2', { nickname: 'Late' })).rejects.toMatchObject({ code: 404 });
      await leaveAll(student);
    } finally {
      await server.stop();
    }
  });
});
