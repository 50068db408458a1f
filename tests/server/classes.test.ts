import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClassCreated } from '../../shared/protocol/messages.ts';
import { bootServer, joinMatch, leaveAll, waitFor, type Player, type TestServer } from './helpers.ts';

// Parallel matches under one class code: the teacher creates two matches at once from the same start,
// students typing the class code are spread over them, one host secret pauses both, and the class lists
// its matches to its teacher only until they are over.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ joinBurst: 500 });
});
afterAll(async () => {
  await server?.stop();
});

const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const postJson = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a class of parallel matches', () => {
  test('one class code spreads 12 students over 2 matches; one secret runs both; the class is private while open', async () => {
    const res = await postJson('/api/classes', { matches: 2, seats: 4, turns: 2, hostName: 'Ms Lee', hostPlays: false, teamSize: 2, scenario: 'iron-strait' });
    expect(res.status, await res.clone().text()).toBe(201);
    const cls = await res.json() as ClassCreated;
    expect(cls.matches).toHaveLength(2);
    expect(new Set([cls.code, ...cls.matches]).size).toBe(3);

    // The teacher's dashboard: one connection per match, as host, with the class secret.
    const hosts: Player[] = [];
    for (const id of cls.matches) hosts.push(await joinMatch(server.url, id, { nickname: 'Ms Lee', secret: cls.secret }));
    for (const h of hosts) expect(h.last<{ host: boolean }>('seat')!.host).toBe(true);
    // Same start: same scenario, same seed.
    expect(hosts[0]!.room.state.hash).toBe(hosts[1]!.room.state.hash);

    const students: Player[] = [];
    for (let i = 0; i < 12; i++) {
      const seat = await postJson(`/api/classes/${cls.code}/seat`, {});
      expect(seat.status).toBe(200);
      const { match } = await seat.json() as { match: string };
      students.push(await joinMatch(server.url, match, { nickname: `Pupil ${i + 1}` }));
    }
    // A student's join resolves on its own seat message; the host's patch from the same sync arrives on
    // another socket, so the host's copy is read once it has come (a 7/5 spread or a lost patch still fails).
    const counts = () => hosts.map((h) => [...h.room.state.players.values()].filter((p) => !p.host).length);
    await waitFor(() => counts().every((n) => n === 6), `6 students in each match (hosts see ${counts().join(', ')})`);
    expect(counts()).toEqual([6, 6]);

    // While open, the class shows its matches to its teacher only.
    const publicView = await (await api(`/api/classes/${cls.code}`)).json() as { matches: unknown[]; total: number; teacher: boolean };
    expect(publicView).toMatchObject({ matches: [], total: 2, teacher: false });
    const teacherView = await (await api(`/api/classes/${cls.code}`, { headers: { 'x-entente-secret': cls.secret } })).json() as { matches: { id: string; people: number }[] };
    expect(teacherView.matches.map((m) => m.id).sort()).toEqual([...cls.matches].sort());
    expect((await api('/api/classes/ZZZZZZ')).status).toBe(404);

    // Start all, pause all: each is one host command per match.
    for (const h of hosts) expect((await h.ask('start')).type).toBe('accepted');
    for (const h of hosts) expect((await h.ask('pause')).type).toBe('accepted');
    await waitFor(() => hosts.every((h) => h.room.state.paused), 'both paused');
    for (const h of hosts) expect((await h.ask('endMatch')).type).toBe('accepted');
    await waitFor(() => hosts.every((h) => h.room.state.status === 'finished'), 'both over');
    const done = await (await api(`/api/classes/${cls.code}`)).json() as { matches: { id: string; status: string }[] };
    expect(done.matches.map((m) => m.status)).toEqual(['finished', 'finished']);
    expect((await postJson(`/api/classes/${cls.code}/seat`, {})).status).toBe(409);
    await leaveAll(...hosts, ...students);
  }, 60_000);

  test('server-only options cannot be sent through matchmaking', async () => {
    const r = await postJson('/matchmake/create/match', { seats: 3, turns: 2, hostName: 'X', hostPlays: false, __class: { code: 'AAAAAA', secret: 'x' } });
    expect(r.status).toBe(400);
    const bad = await postJson('/api/classes', { matches: 20, seats: 3, turns: 2, hostName: 'X', hostPlays: false });
    expect(bad.status).toBe(400);
  });
});
