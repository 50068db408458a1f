import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PrivateView } from '../../shared/protocol/messages.ts';
import { RecordingClient, bootServer, createMatch, firstState, joinMatch, leaveAll, sleep, waitFor, wrap, type Player, type TestServer } from './helpers.ts';

// Reconnection: within the window a dropped student keeps the seat (the bot only fills timed choices);
// after it the bot plays on, until the student comes back with nickname + seat secret.

const WINDOW_S = 1.5;
let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ reconnectSeconds: WINDOW_S });
});
afterAll(async () => {
  await server?.stop();
});

const seatOf = (p: Player) => p.last<{ nation: string; playerId: string; secret: string; nickname: string; waiting: boolean }>('seat')!;
/** Drop the connection without a consented leave (like a network cut). */
function drop(p: Player): Promise<number> {
  const left = new Promise<number>((resolve) => p.room.onLeave((code: number) => resolve(code)));
  p.room.connection.close(3000, 'network cut');
  return left;
}

describe('reconnection', () => {
  test('within the window: same seat (token or nickname+secret), the bot fills the timed choice meanwhile', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false, timers: { diplomacy: 600, policy: 600 } });
    const st = host.room.state;
    const code = host.room.roomId;
    const a = await joinMatch(server.url, code, { nickname: 'Ari' });
    const b = await joinMatch(server.url, code, { nickname: 'Bea' });
    const seat = seatOf(a);
    expect((await host.ask('start')).type).toBe('accepted');
    expect((await host.ask('advance', { phase: 'diplomacy' })).type).toBe('accepted');
    await waitFor(() => st.phase === 'policy', 'policy');

    const token = a.room.reconnectionToken;
    await drop(a);
    await waitFor(() => st.players.get(seat.playerId)?.connected === false, 'shown as disconnected');
    expect(st.players.get(seat.playerId)!.bot).toBe(false);
    expect([...st.nations].find((n) => n.id === seat.nation)!.bot).toBe(false);
    // The phase ends while Ari is away: the seat's bot policy chooses for it.
    expect((await b.ask('policy', { defence: 20, demand: null })).type).toBe('accepted');
    expect((await host.ask('advance', { phase: 'policy' })).type).toBe('accepted');
    await waitFor(() => st.phase !== 'policy', 'past policy');

    const back = wrap(await new RecordingClient(server.url).reconnect(token));
    await firstState(back.room);
    expect(back.room.sessionId).toBe(a.room.sessionId);
    await waitFor(() => back.last<PrivateView>('private')?.policy, 'private view again, with the filled policy');
    expect(back.last<PrivateView>('private')!.nation).toBe(seat.nation);
    await waitFor(() => st.players.get(seat.playerId)?.connected === true, 'connected again');

    // A page reload: a new connection with nickname + secret takes the same seat.
    await drop(back);
    const reloaded = await joinMatch(server.url, code, { nickname: 'ari', secret: seat.secret });
    expect(seatOf(reloaded).nation).toBe(seat.nation);
    expect(seatOf(reloaded).playerId).toBe(seat.playerId);
    expect(reloaded.last<PrivateView>('private')?.nation).toBe(seat.nation);
    // Without the secret the nickname is someone else's.
    await expect(joinMatch(server.url, code, { nickname: 'Ari' })).rejects.toMatchObject({ code: 4304 });
    await expect(joinMatch(server.url, code, { nickname: 'Ari', secret: 'not-the-secret' })).rejects.toMatchObject({ code: 4307 });
    await sleep(WINDOW_S * 1000 + 300);
    expect(st.players.get(seat.playerId)!.bot).toBe(false); // still there after the old window
    await leaveAll(host, b, reloaded);
  });

  test('after the window the bot plays on; the student can come back with the secret', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false, timers: { diplomacy: 600 } });
    const st = host.room.state;
    const code = host.room.roomId;
    const a = await joinMatch(server.url, code, { nickname: 'Ari' });
    const b = await joinMatch(server.url, code, { nickname: 'Bea' });
    const seat = seatOf(a);
    expect((await host.ask('start')).type).toBe('accepted');
    await drop(a);
    await sleep(WINDOW_S * 1000 + 300);
    await waitFor(() => st.players.get(seat.playerId)?.bot === true, 'away: the bot has the seat');
    expect([...st.nations].find((n) => n.id === seat.nation)!.bot).toBe(true);

    // The bot answers a proposal for the absent student.
    const terms = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 };
    expect((await b.ask('propose', { to: [seat.nation], terms })).type).toBe('accepted');
    await waitFor(() => {
      const p = b.last<PrivateView>('private')?.proposals.find((x) => x.to.includes(seat.nation));
      return p && p.status !== 'open';
    }, 'the bot answered');

    // Back with nickname + secret: the seat returns to the student.
    const again = await joinMatch(server.url, code, { nickname: 'Ari', secret: seat.secret });
    expect(seatOf(again).nation).toBe(seat.nation);
    await waitFor(() => st.players.get(seat.playerId)?.bot === false && st.players.get(seat.playerId)?.connected === true, 'human again');
    expect([...st.nations].find((n) => n.id === seat.nation)!.bot).toBe(false);
    await leaveAll(host, b, again);
  });

  test('a late joiner waits until the teacher lets them in on a bot’s seat; a consented leave hands the seat to the bot at once', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false });
    const st = host.room.state;
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Ari' });
    expect((await host.ask('start')).type).toBe('accepted');
    const late = await joinMatch(server.url, host.room.roomId, { nickname: 'Lou' });
    expect(seatOf(late)).toMatchObject({ nation: null, waiting: true });
    await waitFor(() => st.players.get(seatOf(late).playerId)?.waiting === true, 'shown as waiting');
    // Waiting means no part in the game yet: no chat, no actions.
    expect((await late.ask('chat', { to: 'all', text: 'hello?' })).payload).toMatchObject({ code: 'waiting' });
    const free = [...st.nations].find((n) => n.bot)!.id;
    expect((await a.ask('admit', { player: seatOf(late).playerId, nation: free })).payload).toMatchObject({ code: 'not_host' });
    expect((await host.ask('admit', { player: seatOf(a).playerId, nation: free })).payload).toMatchObject({ code: 'not_waiting' });
    expect((await host.ask('admit', { player: seatOf(late).playerId, nation: seatOf(a).nation })).payload).toMatchObject({ code: 'seat_taken' });
    expect((await host.ask('admit', { player: seatOf(late).playerId, nation: free })).type).toBe('accepted');
    await waitFor(() => seatOf(late).nation === free && !seatOf(late).waiting, 'seat message with the nation');
    const lateSeat = seatOf(late).nation;
    await waitFor(() => [...st.nations].find((n) => n.id === lateSeat)?.bot === false, 'seat held by Lou');
    await a.room.leave(true);
    await waitFor(() => [...st.nations].find((n) => n.id === seatOf(a).nation)?.bot === true, 'bot took over');
    await leaveAll(host, late);
  });

  test('a player removed while dropped cannot come back through the reconnection token', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false });
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Ari' });
    const seat = seatOf(a);
    const token = a.room.reconnectionToken;
    await drop(a);
    await waitFor(() => host.room.state.players.get(seat.playerId)?.connected === false, 'dropped');
    expect((await host.ask('kick', { player: seat.playerId })).type).toBe('accepted');
    const outcome = await new RecordingClient(server.url).reconnect(token).then(
      (room) => new Promise<number>((resolve) => room.onLeave((code: number) => resolve(code))),
      () => -1,
    );
    expect([4100, -1]).toContain(outcome);
    expect(host.room.state.players.has(seat.playerId)).toBe(false);
    await leaveAll(host);
  });
});
