import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ChatLine, PrivateView } from '../../shared/protocol/messages.ts';
import { createMatch, joinMatch, leaveAll, sleep, storedActions, waitFor, type Player } from './helpers.ts';
import { exited, freePort, startProcess as start } from './process.ts';

// Crash recovery against a real process: play, kill -9, start again on the same data folder, and find
// every acknowledged action, the seats (rejoined with code + nickname + secret), the chat and the clock.
// Then SIGTERM: clients are told, the process exits within 10 s, and nothing acknowledged is lost.

const dataDir = mkdtempSync(join(tmpdir(), 'entente-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const startProcess = async (port: number): Promise<ChildProcess> => {
  const child = await start(port, dataDir);
  children.push(child);
  return child;
};

const seatOf = (p: Player) => p.last<{ nation: string; secret: string; playerId: string; nickname: string; host: boolean }>('seat')!;

describe('crash recovery', () => {
  test('kill -9 then restart: the match resumes with every acknowledged action; SIGTERM exits cleanly', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = await startProcess(port);

    const host = await createMatch(url, { seats: 3, turns: 4, hostName: 'Teacher', hostPlays: false, timers: { diplomacy: 600, policy: 600 } });
    const code = host.room.roomId;
    const a = await joinMatch(url, code, { nickname: 'Ines' });
    const b = await joinMatch(url, code, { nickname: 'Jon' });
    const [sa, sb, sh] = [seatOf(a), seatOf(b), seatOf(host)];
    expect((await host.ask('start')).type).toBe('accepted');
    const terms = { kind: 'alliance', adversary: 'any', scope: 'home', nonProvocation: true, contribution: 'partial', duration: null, notice: 2, review: 3 };
    expect((await a.ask('propose', { to: [sb.nation], terms, note: 'We need a friend.' })).type).toBe('accepted');
    const proposal = await waitFor(() => b.last<PrivateView>('private')?.proposals.find((p) => p.status === 'open'), 'proposal');
    expect((await b.ask('accept', { proposal: proposal.id })).type).toBe('accepted');
    expect((await a.ask('chat', { to: sb.nation, text: 'Welcome aboard, ally.' })).type).toBe('accepted');
    expect((await host.ask('advance', { phase: 'diplomacy' })).type).toBe('accepted');
    await waitFor(() => host.room.state.phase === 'policy', 'policy');
    expect((await a.ask('policy', { defence: 35, demand: null })).type).toBe('accepted');
    await sleep(150); // bots have answered too
    // Every answer above came after its action was durable: what the archive holds now is at least all of them.
    const acked = await storedActions(url, code, sh.secret);
    const hash = host.room.state.hash;
    expect(acked).toBeGreaterThanOrEqual(4);

    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');
    await leaveAll(host, a, b);

    child = await startProcess(port);
    // A running match is listed to its host only (with the host's secret), never publicly.
    const open = await (await fetch(`${url}/api/matches`)).json() as { matches: { id: string }[] };
    expect(open.matches.map((m) => m.id)).not.toContain(code);
    const hosted = await (await fetch(`${url}/api/matches/hosted`, { method: 'POST', body: JSON.stringify({ claims: [{ id: code, secret: sh.secret }] }) })).json() as { matches: { id: string; status: string; actions: number }[] };
    expect(hosted.matches.find((m) => m.id === code)).toMatchObject({ status: 'running' });
    expect(hosted.matches.find((m) => m.id === code)!.actions).toBeGreaterThanOrEqual(acked);

    // Students rejoin by code + nickname + secret; their seats, views and chat are back.
    const a2 = await joinMatch(url, code, { nickname: 'Ines', secret: sa.secret });
    expect(seatOf(a2).nation).toBe(sa.nation);
    const st = a2.room.state;
    expect(st.hash).toBe(hash);
    expect(st.phase).toBe('policy');
    expect(st.status).toBe('running');
    expect(st.deadline).toBeGreaterThan(Date.now());
    expect([...st.treaties].some((t) => t.kind === 'alliance' && t.parties.includes(sa.nation) && t.parties.includes(sb.nation))).toBe(true);
    const view = await waitFor(() => a2.last<PrivateView>('private'), 'private view');
    expect(view.policy).toEqual({ defence: 35, demand: null });
    expect(view.chat.map((l: ChatLine) => l.text)).toContain('Welcome aboard, ally.');
    await expect(joinMatch(url, code, { nickname: 'Jon' })).rejects.toMatchObject({ code: 4304 });
    const b2 = await joinMatch(url, code, { nickname: 'Jon', secret: sb.secret });
    expect(seatOf(b2).nation).toBe(sb.nation);
    const host2 = await joinMatch(url, code, { nickname: 'Teacher', secret: sh.secret });
    expect(seatOf(host2).host).toBe(true);
    expect((await b2.ask('policy', { defence: 50, demand: null })).type).toBe('accepted');
    // Every seat has chosen, so the phase moves on; the host pauses so that nothing else happens.
    await waitFor(() => a2.room.state.phase !== 'policy', 'policy over');
    expect((await host2.ask('pause')).type).toBe('accepted');
    await waitFor(() => a2.room.state.paused, 'paused');
    const acked2 = await storedActions(url, code, sh.secret);
    expect(acked2).toBeGreaterThanOrEqual(acked + 2); // B's policy, then the advance

    // SIGTERM: told, closed within 10 s, and the acknowledged action is on disk.
    const t0 = Date.now();
    const told = waitFor(() => a2.last<{ message: string }>('shutdown'), 'shutdown message', 5000);
    child.kill('SIGTERM');
    expect((await told).message).toMatch(/restart/i);
    const ended = await exited(child);
    expect(ended.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    await leaveAll(a2, b2, host2);

    child = await startProcess(port);
    const again = await joinMatch(url, code, { nickname: 'Jon', secret: sb.secret });
    expect(await storedActions(url, code, sh.secret)).toBe(acked2);
    expect(again.room.state.paused).toBe(true);
    expect(again.last<PrivateView>('private')?.policy).toEqual({ defence: 50, demand: null });
    await leaveAll(again);
    child.kill('SIGTERM');
    await exited(child);
  }, 60_000);
});
