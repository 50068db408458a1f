import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, test } from 'vitest';
import { createMatch, joinMatch, leaveAll, sleep, waitFor, type Player } from './helpers.ts';
import { exited, freePort, startProcess } from './process.ts';

// Ten kill -9 in the middle of a played match: students keep acting (sealed policies with a journal
// line, chat) while the server is killed at random moments and started again; after each restart they
// rejoin with their secrets. Every action and chat line the server acknowledged is in the log at the end.

const dataDir = mkdtempSync(join(tmpdir(), 'entente-kills-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

type Seat = { nickname: string; secret: string };
const seatOf = (p: Player): Seat => p.last<Seat>('seat')!;

describe('kill -9, ten times', () => {
  test('no acknowledged action or chat line is lost', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const up = async (): Promise<ChildProcess> => {
      const c = await startProcess(port, dataDir, { JOIN_BURST: '1000', CREATE_BURST: '100' });
      children.push(c);
      return c;
    };
    let child = await up();
    // The host holds a nation and never chooses, so the policy phase lasts while the students act.
    const host = await createMatch(url, { seats: 6, turns: 3, hostName: 'Teacher', hostPlays: true, timers: { diplomacy: 600, policy: 600 } });
    const code = host.room.roomId;
    const names = ['Ana', 'Ben', 'Cy', 'Dee'];
    let people: Player[] = [];
    for (const n of names) people.push(await joinMatch(url, code, { nickname: n }));
    const seats = people.map(seatOf);
    const hostSeat = seatOf(host);
    expect((await host.ask('start')).type).toBe('accepted');
    expect((await host.ask('advance', { phase: 'diplomacy' })).type).toBe('accepted');
    await waitFor(() => host.room.state.phase === 'policy', 'policy phase');
    let hostNow = host;

    const ackedNotes: string[] = [];
    const ackedChat: string[] = [];
    let n = 0;
    for (let round = 0; round < 10; round++) {
      let running = true;
      let stop!: () => void;
      const stopped = new Promise<null>((resolve) => (stop = () => resolve(null)));
      const act = async (p: Player, who: number): Promise<void> => {
        while (running) {
          const mark = `m-${round}-${who}-${n++}`;
          const chat = n % 7 === 0;
          const r = await Promise.race([
            chat ? p.ask('chat', { to: 'all', text: mark }) : p.ask('policy', { defence: n % 100, demand: null, note: mark }),
            stopped,
          ]).catch(() => null);
          if (r?.type === 'accepted') (chat ? ackedChat : ackedNotes).push(mark);
          if (!r) return;
          await sleep(20);
        }
      };
      const acting = people.map((p, i) => act(p, i));
      await sleep(150 + Math.floor(Math.random() * 450));
      child.kill('SIGKILL');
      await exited(child);
      running = false;
      stop();
      await Promise.all(acting);
      for (const p of [hostNow, ...people]) p.room.reconnection.enabled = false;
      child = await up();
      hostNow = await joinMatch(url, code, { nickname: 'Teacher', secret: hostSeat.secret });
      people = [];
      for (const s of seats) people.push(await joinMatch(url, code, { nickname: s.nickname, secret: s.secret }));
      expect(hostNow.room.state.phase).toBe('policy');
    }
    expect(ackedNotes.length).toBeGreaterThan(40);
    await leaveAll(hostNow, ...people);
    child.kill('SIGTERM');
    await exited(child);

    const db = new DatabaseSync(join(dataDir, 'entente.sqlite'), { readOnly: true });
    const notes = new Set((db.prepare('SELECT action FROM actions WHERE match_id = ?').all(code) as { action: string }[]).map((r) => (JSON.parse(r.action) as { note?: string }).note));
    const lines = new Set((db.prepare('SELECT line FROM chat WHERE match_id = ?').all(code) as { line: string }[]).map((r) => (JSON.parse(r.line) as { text: string }).text));
    db.close();
    expect(ackedNotes.filter((m) => !notes.has(m))).toEqual([]);
    expect(ackedChat.filter((m) => !lines.has(m))).toEqual([]);
  }, 120_000);
});
