import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@colyseus/sdk';
import { bootServer, createMatch, joinMatch, leaveAll, waitFor, type Player, type TestServer } from './helpers.ts';

// Joining at classroom scale: a whole class behind one address joins, 50 simultaneous joins into one
// room are held to its seats, wrong codes are throttled per address, and only allowed Origins get in.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ joinFailBurst: 8, joinFailPerMinute: 2, createBurst: 10, createPerMinute: 1, allowedOrigins: ['http://school.example'] });
});
afterAll(async () => {
  await server?.stop();
});

describe('joins', () => {
  test('a class of 30 behind one address joins four matches at once', async () => {
    const hosts = await Promise.all([1, 2, 3, 4].map((i) => createMatch(server.url, { seats: 8, turns: 2, hostName: `Teacher ${i}` })));
    const joins = Array.from({ length: 30 }, (_, i) => joinMatch(server.url, hosts[i % 4]!.room.roomId, { nickname: `Student ${i + 1}` }));
    const students = await Promise.all(joins);
    expect(students).toHaveLength(30);
    // Each host hears of the last seats by a patch that may still be on its way when the students' joins resolve.
    for (const h of hosts) await waitFor(() => [...h.room.state.nations].filter((n) => !n.bot).length >= 7, `${h.room.roomId}: 7 students seated`);
    await leaveAll(...hosts, ...students);
  });

  test('50 simultaneous joins into one 8-seat match: 8 seated, the rest refused cleanly, the server unharmed', async () => {
    const host = await createMatch(server.url, { seats: 8, turns: 2, hostName: 'Teacher' });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => joinMatch(server.url, host.room.roomId, { nickname: `Kid ${i + 1}` })));
    const ok = results.filter((r): r is PromiseFulfilledResult<Player> => r.status === 'fulfilled').map((r) => r.value);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(8);
    for (const r of refused) expect([4305, 522]).toContain((r.reason as { code: number }).code);
    const nations = new Set(ok.map((p) => p.last<{ nation: string }>('seat')!.nation));
    expect(nations.size).toBe(8);
    expect(host.room.state.players.size).toBe(9);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await ok[0]!.ask('chat', { to: 'all', text: 'we are in' })).type).toBe('accepted');
    await leaveAll(host, ...ok);
  });

  test('Origin allowlist: same origin and listed origins pass, others are refused (HTTP and WebSocket)', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher' });
    const code = host.room.roomId;
    const post = (origin: string, nickname: string) => fetch(`${server.url}/matchmake/joinById/${code}`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ nickname }),
    });
    const evil = await post('http://evil.example', 'Eve');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const same = await post(server.url, 'Sam');
    expect(same.status).toBe(200);
    expect(same.headers.get('access-control-allow-origin')).toBe(server.url);
    expect((await post('http://school.example', 'Sky')).status).toBe(200);

    const wsUrl = server.url.replace('http', 'ws');
    const tryWs = (origin: string) => new Promise<string>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers: { origin } } as unknown as string[]);
      ws.onopen = () => {
        resolve('open');
        ws.close();
      };
      ws.onerror = () => resolve('refused');
    });
    expect(await tryWs('http://evil.example')).toBe('refused');
    expect(await tryWs(server.url)).toBe('open');
    // The SDK from a foreign page cannot join either.
    await expect(new Client(server.url, { headers: { origin: 'http://evil.example' } }).joinById(code, { nickname: 'Mallory' })).rejects.toMatchObject({ code: 403 });
    await leaveAll(host);
  });

  test('wrong codes are throttled per address; once blocked, even a right code is refused', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher' });
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        await new Client(server.url).joinById(`WRONG${'ABCDEFGHJK'[i]}`, { nickname: `Guess ${i}` });
        codes.push(200);
      } catch (e) {
        codes.push((e as { code: number }).code);
      }
    }
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(404));
    expect(codes.slice(8)).toEqual([429, 429]);
    await expect(joinMatch(server.url, host.room.roomId, { nickname: 'Honest' })).rejects.toMatchObject({ code: 429 });
    await leaveAll(host);
  });

  test('creating matches is limited per address too (10 here, then a wait)', async () => {
    // Seven matches were created by the tests above from this address.
    const results: (number | string)[] = [];
    for (let i = 0; i < 5; i++) {
      try {
        const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: `Teacher ${i}` });
        results.push('ok');
        await leaveAll(host);
      } catch (e) {
        results.push((e as { code: number }).code);
      }
    }
    expect(results).toEqual(['ok', 'ok', 'ok', 429, 429]);
  });
});
