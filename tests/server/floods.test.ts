import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ErrorMessage, PrivateView } from '../../shared/protocol/messages.ts';
import { liveActions, liveHash, bootServer, createMatch, joinMatch, leaveAll, sleep, waitFor, type Player, type TestServer } from './helpers.ts';

// Floods from outside: huge HTTP bodies are refused before they are read, pings count against the frame
// limit like any message, and a 100,000-message junk flood from one student changes nothing for anyone.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.stop();
});

const seatOf = (p: Player) => p.last<{ nation: string; playerId: string }>('seat')!;

/** POST `megabytes` of body in chunks (with or without a length); resolves with the status the server answered. */
function bigPost(path: string, megabytes: number, withLength: boolean): Promise<number> {
  return new Promise((resolve) => {
    const url = new URL(path, server.url);
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (withLength) headers['content-length'] = megabytes * 1024 * 1024;
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    // A connection broken before any answer is a failure of its own (0), not a hang.
    req.on('error', () => resolve(0));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = (): void => {
      while (sent < megabytes) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('HTTP bodies', () => {
  test('a 100 MB body to any matchmaking route or the API is refused (413) without being read', async () => {
    const before = process.memoryUsage().rss;
    const routes = ['/matchmake/join/match', '/matchmake/create/match', '/matchmake/joinById/ABCDEF', '/api/matches', '/api/matches/hosted', '/'];
    for (const path of routes) {
      expect(await bigPost(path, 100, true), path).toBe(413);
      expect([413, 403, 404, 405], `${path} (chunked)`).toContain(await bigPost(path, 100, false));
    }
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    expect(grown).toBeLessThan(60);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 60_000);
});

describe('frames', () => {
  test('pings count against the per-connection frame limit', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher' });
    const ana = await joinMatch(server.url, host.room.roomId, { nickname: 'Ana' });
    let answered = 0;
    for (let i = 0; i < 657; i++) ana.room.ping(() => (answered += 1));
    await sleep(1500);
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(40);
    await sleep(1000);
    expect((await ana.ask('chat', { to: 'all', text: 'back to normal' })).type).toBe('accepted');
    await leaveAll(host, ana);
  });

  test('a 100,000-message junk flood leaves the state, the others’ views and their answers as they were', async () => {
    const host = await createMatch(server.url, { seats: 4, turns: 3, hostName: 'Teacher', timers: { diplomacy: 600 } });
    const code = host.room.roomId;
    const [ana, ben, mal] = [await joinMatch(server.url, code, { nickname: 'Ana' }), await joinMatch(server.url, code, { nickname: 'Ben' }), await joinMatch(server.url, code, { nickname: 'Mal' })];
    expect((await host.ask('start')).type).toBe('accepted');
    await sleep(300); // the bots' first moves
    const st = host.room.state;
    const hash = liveHash(host.room.roomId);
    const actions = liveActions(host.room.roomId);
    const viewsBefore = { ana: ana.all('private').length, ben: ben.all('private').length };
    const lastView = JSON.stringify(ana.last<PrivateView>('private'));
    const junk: [string, unknown][] = [['accept', { proposal: 'nope' }], ['launch', {}], ['chat', { to: 'nobody', text: 'x' }], ['propose', { to: 'x' }], ['start', {}], ['policy', { defence: 1e9 }]];
    const sent = (async () => {
      for (let i = 0; i < 100_000; i++) {
        const [type, payload] = junk[i % junk.length]!;
        mal.room.send(type, payload);
        if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
      }
    })();
    // Meanwhile the others are answered as usual.
    for (let i = 0; i < 5; i++) expect((await ben.ask('ready', { ready: i % 2 === 0 })).type).toBe('accepted');
    await sent;
    await sleep(1500);
    expect(liveHash(host.room.roomId)).toBe(hash);
    expect(liveActions(host.room.roomId)).toBe(actions);
    expect(ana.all('private').length).toBe(viewsBefore.ana);
    expect(JSON.stringify(ana.last<PrivateView>('private'))).toBe(lastView);
    const answers = mal.messages.filter((m) => m.type === 'error').map((m) => (m.payload as ErrorMessage).code);
    expect(answers.length).toBeLessThan(500);
    expect(answers.filter((c) => c === 'rate_limited').length).toBeGreaterThan(0);
    expect(ana.all('error')).toHaveLength(0);
    expect((await ana.ask('chat', { to: seatOf(ben).nation, text: 'all quiet' })).type).toBe('accepted');
    await waitFor(() => ben.all('chat').length > 0, 'Ben reads it');
    await leaveAll(host, ana, ben, mal);
  }, 60_000);
});
