import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import type { ChatLine, PrivateView } from '../../shared/protocol/messages.ts';
import { bootServer, createMatch, joinMatch, leaveAll, sleep, waitFor, type Player, type TestServer } from './helpers.ts';

// Connections that come and go, as a flaky school network or an attacker makes them: reservations never
// pile up into a locked room, a reused token never pushes its owner out, and a newcomer on a departed
// student's nation does not inherit that student's private past.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ reconnectSeconds: 60, reservationSeconds: 1 });
});
afterAll(async () => {
  await server?.stop();
});

const seatOf = (p: Player) => p.last<{ nation: string; playerId: string; secret: string; waiting: boolean }>('seat')!;
/** Seat reservations the Colyseus room holds (pending joins and reconnection windows). */
const reservations = (code: string): number => Object.keys((matchMaker.getLocalRoomById(code) as unknown as { _reservedSeats: object })._reservedSeats).length;

describe('connections', () => {
  test('a student cut off again and again (network cut or an oversize frame) leaves no reservations behind', async () => {
    const host = await createMatch(server.url, { seats: 8, turns: 3, hostName: 'Teacher' });
    const code = host.room.roomId;
    let student = await joinMatch(server.url, code, { nickname: 'Flaky' });
    const seat = seatOf(student);
    expect((await host.ask('start')).type).toBe('accepted');
    for (let i = 0; i < 25; i++) {
      const gone = new Promise<number>((resolve) => student.room.onLeave((c: number) => resolve(c)));
      if (i % 2) student.room.send('chat', { to: 'all', text: 'x'.repeat(40_000) });
      else student.room.connection.close(3000, 'cut');
      await gone;
      student.room.reconnection.enabled = false;
      student = await joinMatch(server.url, code, { nickname: 'Flaky', secret: seat.secret });
      expect(seatOf(student).nation).toBe(seat.nation);
    }
    await sleep(50);
    expect(reservations(code)).toBeLessThanOrEqual(1);
    // Everyone else still gets in and back.
    const other = await joinMatch(server.url, code, { nickname: 'Steady' });
    expect(seatOf(other).waiting).toBe(true);
    const hostAgain = await joinMatch(server.url, code, { nickname: 'Teacher', secret: seatOf(host).secret });
    expect((await hostAgain.ask('pause')).type).toBe('accepted');
    await leaveAll(student, other, hostAgain);
  });

  test('reservations that never connect expire in seconds and never block a seated student’s rejoin', async () => {
    const host = await createMatch(server.url, { seats: 8, turns: 3, hostName: 'Teacher' });
    const code = host.room.roomId;
    const ana = await joinMatch(server.url, code, { nickname: 'Ana' });
    const seat = seatOf(ana);
    const stray = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${server.url}/matchmake/joinById/${code}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname: `Ghost ${i}` }),
    })));
    expect(stray.every((r) => r.status === 200)).toBe(true);
    expect(reservations(code)).toBeGreaterThanOrEqual(40);
    // The room is not locked: a dropped student comes back, a newcomer gets in.
    ana.room.reconnection.enabled = false;
    ana.room.connection.close(3000, 'cut');
    const back = await joinMatch(server.url, code, { nickname: 'Ana', secret: seat.secret });
    expect(seatOf(back).nation).toBe(seat.nation);
    const bo = await joinMatch(server.url, code, { nickname: 'Bo' });
    expect(seatOf(bo).nation).toBeTruthy();
    await waitFor(() => reservations(code) === 0, 'stray reservations expired', 5000);
    await leaveAll(host, back, bo);
  });

  test('a reused live reconnection token does not push its owner out', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher' });
    const ana = await joinMatch(server.url, host.room.roomId, { nickname: 'Ana' });
    const token = ana.room.reconnectionToken;
    await expect(new Client(server.url).reconnect(token)).rejects.toBeTruthy();
    await sleep(100);
    expect(host.room.state.players.get(seatOf(ana).playerId)!.connected).toBe(true);
    expect((await ana.ask('chat', { to: 'all', text: 'still me' })).type).toBe('accepted');
    await leaveAll(host, ana);
  });

  test('a newcomer on a departed student’s nation sees its business, not the student’s private past', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false, timers: { diplomacy: 600 } });
    const code = host.room.roomId;
    const ana = await joinMatch(server.url, code, { nickname: 'Ana' });
    const ben = await joinMatch(server.url, code, { nickname: 'Ben' });
    const [a, b] = [seatOf(ana), seatOf(ben)];
    expect((await host.ask('start')).type).toBe('accepted');
    expect((await ben.ask('chat', { to: a.nation, text: 'only-for-ana-31' })).type).toBe('accepted');
    expect((await ana.ask('chat', { to: b.nation, text: 'ana-replies-32' })).type).toBe('accepted');
    expect((await ana.ask('chat', { to: 'all', text: 'public-hello-33' })).type).toBe('accepted');
    const terms = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 };
    expect((await ben.ask('propose', { to: [a.nation], terms })).type).toBe('accepted');
    await waitFor(() => ana.last<PrivateView>('private')?.events.length, 'Ana has private events');
    await ana.room.leave(true);
    const cam = await joinMatch(server.url, code, { nickname: 'Cam' });
    expect((await host.ask('admit', { player: seatOf(cam).playerId, nation: a.nation })).type).toBe('accepted');
    const view = await waitFor(() => {
      const v = cam.last<PrivateView>('private');
      return v?.nation === a.nation ? v : undefined;
    }, 'Cam holds the nation');
    const texts = view.chat.map((l: ChatLine) => l.text);
    expect(texts).toContain('public-hello-33');
    expect(texts).not.toContain('only-for-ana-31');
    expect(texts).not.toContain('ana-replies-32');
    expect(view.events).toEqual([]);
    // The nation's business is Cam's now: Ben's proposal is there (the bot may have answered it meanwhile).
    expect(view.proposals.some((p) => p.from === b.nation)).toBe(true);
    const raw = cam.frames.map((f) => Buffer.from(f).toString('latin1')).join('');
    expect(raw).not.toContain('only-for-ana-31');
    // What is said to the nation from now on reaches Cam.
    expect((await ben.ask('chat', { to: a.nation, text: 'hello-cam-34' })).type).toBe('accepted');
    await waitFor(() => cam.all<ChatLine>('chat').some((l) => l.text === 'hello-cam-34'), 'Cam reads the new line');
    // Ana back with her secret: her nation went to Cam, so she waits for the teacher.
    const anaAgain = await joinMatch(server.url, code, { nickname: 'Ana', secret: a.secret });
    expect(seatOf(anaAgain)).toMatchObject({ nation: null, waiting: true });
    await leaveAll(host, ben, cam, anaAgain);
  });
});

describe('per address', () => {
  test('successful joins from one address are limited too (a burst, then a wait)', async () => {
    const small = await bootServer({ joinBurst: 5, joinPerMinute: 1 });
    try {
      const host = await createMatch(small.url, { seats: 8, turns: 2, hostName: 'Teacher' });
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await fetch(`${small.url}/matchmake/joinById/${host.room.roomId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname: `Kid ${i}` }) });
        codes.push(r.status);
      }
      expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      await leaveAll(host);
    } finally {
      await small.stop();
    }
  });
});

