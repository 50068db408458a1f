import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PrivateView } from '../../shared/protocol/messages.ts';
import { createMatch, joinMatch, leaveAll, sleep, storedActions, waitFor, type Player } from './helpers.ts';
import { createTestDatabase, postgresUnavailable, underCi, type TestDatabase } from './postgresTest.ts';
import { exited, freePort, startProcess } from './process.ts';

// Two server processes on Colyseus' Redis presence and driver, sharing a PostgreSQL archive: a match made
// on A is joined by code through B, played, and when A is killed -9 it comes back on B under the same
// code with every acknowledged action; it is never live on both.

const REDIS = process.env.ENTENTE_TEST_REDIS_URL?.trim();
const why = postgresUnavailable() ?? (REDIS ? undefined : 'ENTENTE_TEST_REDIS_URL is not set (`.ci/run` starts a Redis and sets it)');
if (why && underCi()) throw new Error(`the scale-out tests cannot run: ${why}`);

const dataDir = mkdtempSync(join(tmpdir(), 'entente-scale-'));
const children: ChildProcess[] = [];
let db: TestDatabase | undefined;
let databaseUrl = '';
let redisUrl = '';
beforeAll(async () => {
  if (why) return;
  db = await createTestDatabase();
  databaseUrl = await db.schemaUrl(true);
  // A Redis database of its own, so parallel test files do not share matchmaking.
  const u = new URL(REDIS!);
  u.pathname = `/${1 + (process.pid % 14)}`;
  redisUrl = u.toString();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await db?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function up(port: number): Promise<ChildProcess> {
  const child = await startProcess(port, join(dataDir, String(port)), {
    REDIS_URL: redisUrl, DATABASE_URL: databaseUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}`, LEASE_SECONDS: '3', FAILOVER_SECONDS: '1', JOIN_BURST: '500',
  });
  children.push(child);
  return child;
}

const seatOf = (p: Player) => p.last<{ nation: string; secret: string }>('seat')!;
const terms = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 };

describe.skipIf(!!why)('several processes', () => {
  test('create on A, join by code through B, play; kill -9 A: the match resumes on B, nothing acknowledged lost', async () => {
    const ports = [await freePort(), await freePort()];
    const procs = new Map<number, ChildProcess>();
    for (const p of ports) procs.set(p, await up(p));
    const url = (p: number) => `http://127.0.0.1:${p}`;
    const host = await createMatch(url(ports[0]!), { seats: 4, turns: 3, hostName: 'Teacher', hostPlays: false, timers: { diplomacy: 600 } });
    const code = host.room.roomId;
    // The matchmaker placed the room on one of the two (call it A); a join through either hands out A's address.
    const probe = async (through: number) => ((await (await fetch(`${url(through)}/matchmake/joinById/${code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname: `Probe ${through}` }) })).json()) as { publicAddress?: string }).publicAddress;
    const home = await probe(ports[0]!);
    expect(await probe(ports[1]!)).toBe(home);
    const pa = Number(home!.split(':')[1]);
    const pb = ports.find((p) => p !== pa)!;
    expect(ports).toContain(pa);
    let a = procs.get(pa)!;
    const b = procs.get(pb)!;
    const A = url(pa);
    const B = url(pb);
    const ana = await joinMatch(B, code, { nickname: 'Ana' });
    const ben = await joinMatch(B, code, { nickname: 'Ben' });
    expect((await host.ask('start')).type).toBe('accepted');
    expect((await ana.ask('propose', { to: [seatOf(ben).nation], terms, note: 'marker-one' })).type).toBe('accepted');
    const proposal = await waitFor(() => ben.last<PrivateView>('private')?.proposals.find((p) => p.status === 'open' && p.from === seatOf(ana).nation), 'Ben sees it');
    expect((await ben.ask('accept', { proposal: proposal.id, note: 'marker-two' })).type).toBe('accepted');
    expect((await ana.ask('chat', { to: 'all', text: 'marker-three' })).type).toBe('accepted');
    // The archive answers from either process.
    const hostSecret = seatOf(host).secret;
    const acked = await storedActions(A, code, hostSecret);
    for (const url of [A, B]) {
      const hosted = await (await fetch(`${url}/api/matches/hosted`, { method: 'POST', body: JSON.stringify({ claims: [{ id: code, secret: hostSecret }] }) })).json() as { matches: { id: string }[] };
      expect(hosted.matches.map((m) => m.id)).toEqual([code]);
    }

    a.kill('SIGKILL');
    await exited(a);
    for (const p of [host, ana, ben]) p.room.reconnection.enabled = false;
    // B takes the match over once A's lease has run out, under the same code; students rejoin through B.
    let back: Player | undefined;
    for (const t0 = Date.now(); !back && Date.now() - t0 < 30_000; ) {
      back = await joinMatch(B, code, { nickname: 'Ana', secret: seatOf(ana).secret }).catch(() => undefined);
      if (!back) await sleep(500);
    }
    if (!back) throw new Error('the match did not come back on B');
    expect(seatOf(back).nation).toBe(seatOf(ana).nation);
    expect(await storedActions(B, code, hostSecret)).toBeGreaterThanOrEqual(acked);
    const view = await waitFor(() => back.last<PrivateView>('private'), 'view');
    expect(view.chat.map((l) => l.text)).toContain('marker-three');
    expect([...back.room.state.treaties].some((t) => t.parties.includes(seatOf(ana).nation) && t.parties.includes(seatOf(ben).nation))).toBe(true);
    const teacher = await joinMatch(B, code, { nickname: 'Teacher', secret: hostSecret });
    expect((await teacher.ask('pause')).type).toBe('accepted');

    // A comes back: the match stays on B (joins through A are sent to B), never live on both.
    a = await up(pa);
    await sleep(2500);
    expect(await probe(pa)).toBe(`127.0.0.1:${pb}`);
    await leaveAll(host, ana, ben, back, teacher);
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    await Promise.all([exited(a), exited(b)]);

    // Every acknowledged action is in the shared database.
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const notes = (await c.query('SELECT action FROM actions WHERE match_id = $1 ORDER BY idx', [code])).rows.map((r) => (r.action as { note?: string }).note);
    await c.end();
    expect(notes).toContain('marker-one');
    expect(notes).toContain('marker-two');
  }, 90_000);
});
