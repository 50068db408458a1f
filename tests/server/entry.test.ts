import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@colyseus/sdk';
import { RecordingClient, bootServer, createMatch, firstState, joinMatch, leaveAll, sleep, waitFor, wrap, type Player, type TestServer } from './helpers.ts';

// No way into a match without its code, and no way to the teacher's role: each attack a stranger can make
// from outside, through every matchmaking route, gets a clear refusal and changes nothing.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ hostClaimSeconds: 1.5 });
});
afterAll(async () => {
  await server?.stop();
});

const seatOf = (p: Player) => p.last<{ nation: string | null; playerId: string; secret: string; host: boolean; waiting: boolean }>('seat')!;
const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('joining needs the code', () => {
  test('join and joinOrCreate never put a stranger into a running match, and no route reveals a code', async () => {
    const host = await createMatch(server.url, { seats: 4, turns: 3, hostName: 'Teacher' });
    const code = host.room.roomId;
    await joinMatch(server.url, code, { nickname: 'Ana' });
    expect((await host.ask('start')).type).toBe('accepted');
    for (const attempt of [
      () => new Client(server.url).join('match', { nickname: 'Stranger' }),
      () => new Client(server.url).joinOrCreate('match', { nickname: 'Stranger' }),
      () => new Client(server.url).joinOrCreate('match', { seats: 3, turns: 2, hostName: 'Sneaky', hostPlays: false }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 403 });
    }
    for (const path of ['/matchmake/join/match', '/matchmake/joinOrCreate/match', '/matchmake/query/match', '/matchmake/join/', '/matchmake/joinById/match']) {
      const r = await post(path, { nickname: 'Stranger' });
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(await r.text(), path).not.toContain(code);
    }
    for (const path of ['/matchmake/', '/matchmake/match', `/matchmake/joinById/${code}`]) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain(code);
    }
    // Nothing changed: the match has its two people.
    expect(host.room.state.players.size).toBe(2);
    await leaveAll(host);
  });

  test('the public archive lists finished matches only; a lobby or running match only to its host', async () => {
    const lobby = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Lobby Host' });
    const running = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Run Host' });
    const kid = await joinMatch(server.url, running.room.roomId, { nickname: 'Kiddo' });
    expect((await running.ask('start')).type).toBe('accepted');
    const text = await (await fetch(`${server.url}/api/matches`)).text();
    for (const secret of [lobby.room.roomId, running.room.roomId, 'Kiddo', 'Run Host', 'Lobby Host']) expect(text).not.toContain(secret);
    const claim = async (id: string, secret: string) => ((await (await post('/api/matches/hosted', { claims: [{ id, secret }] })).json()) as { matches: { id: string }[] }).matches.map((m) => m.id);
    expect(await claim(running.room.roomId, seatOf(kid).secret)).toEqual([]);
    expect(await claim(running.room.roomId, 'guess')).toEqual([]);
    expect(await claim(running.room.roomId, seatOf(running).secret)).toEqual([running.room.roomId]);
    expect((await fetch(`${server.url}/api/matches/${running.room.roomId}`)).status).toBe(409);
    await leaveAll(lobby, running, kid);
  });
});

describe('the host is the creator', () => {
  test('a create that never connects cannot be claimed by anyone; the real creator is still the host', async () => {
    const res = await post('/matchmake/create/match', { seats: 3, turns: 2, hostName: 'Teacher', hostPlays: false });
    expect(res.status).toBe(200);
    const reservation = await res.json() as { roomId: string; sessionId: string; name: string; processId: string };
    const code = reservation.roomId;
    // A stranger with the code asks to be host: refused; as a student they get no host powers.
    await expect(new Client(server.url).joinById(code, { hostName: 'Teacher' })).rejects.toMatchObject({ code: 4301 });
    const stranger = await joinMatch(server.url, code, { nickname: 'Teacher2' });
    expect(seatOf(stranger).host).toBe(false);
    expect((await stranger.ask('start')).payload).toMatchObject({ code: 'not_host' });
    expect(stranger.room.state.status).toBe('lobby');
    // The creator's own reservation still makes them the host.
    const creator = wrap(await new RecordingClient(server.url).consumeSeatReservation(reservation as never));
    await firstState(creator.room);
    await waitFor(() => creator.last('seat'), 'seat');
    expect(seatOf(creator).host).toBe(true);
    expect((await creator.ask('start')).type).toBe('accepted');
    await leaveAll(stranger, creator);
  });

  test('a match whose creator never connects is forgotten after the claim window', async () => {
    const res = await post('/matchmake/create/match', { seats: 3, turns: 2, hostName: 'Ghost', hostPlays: false });
    const { roomId } = await res.json() as { roomId: string };
    expect(await server.ctx.storage.hasMatch(roomId)).toBe(true);
    await sleep(2000);
    await expect(joinMatch(server.url, roomId, { nickname: 'Late' })).rejects.toMatchObject({ code: 404 });
    expect(await server.ctx.storage.hasMatch(roomId)).toBe(false);
  });
});

describe('late joiners and removed students', () => {
  test('late joiners wait for the teacher; a kicked browser never comes back; a locked match takes no one', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false });
    const code = host.room.roomId;
    const st = host.room.state;
    const ana = await joinMatch(server.url, code, { nickname: 'Ana', device: 'device-of-ana-0001' });
    const anaSeat = seatOf(ana);
    expect((await host.ask('start')).type).toBe('accepted');
    expect((await host.ask('kick', { player: anaSeat.playerId })).type).toBe('accepted');
    await waitFor(() => !st.players.has(anaSeat.playerId), 'removed');
    // Back under another nickname from the same browser: refused.
    await expect(joinMatch(server.url, code, { nickname: 'Anna', device: 'device-of-ana-0001' })).rejects.toMatchObject({ code: 4306 });
    await expect(joinMatch(server.url, code, { nickname: 'Ana', secret: anaSeat.secret, device: 'other-device-0002' })).rejects.toMatchObject({ code: 4306 });
    // A new browser: waits, and the removed student's nation stays with the bot.
    const fresh = await joinMatch(server.url, code, { nickname: 'Newbie', device: 'device-of-new-0003' });
    expect(seatOf(fresh)).toMatchObject({ nation: null, waiting: true });
    await sleep(100);
    expect([...st.nations].find((n) => n.id === anaSeat.nation)!.bot).toBe(true);
    expect([...st.nations].find((n) => n.id === anaSeat.nation)!.player).toBe('');
    // Locked: newcomers are refused, people already in stay.
    expect((await host.ask('lock', { locked: true })).type).toBe('accepted');
    await waitFor(() => st.locked, 'locked');
    await expect(joinMatch(server.url, code, { nickname: 'Latecomer' })).rejects.toMatchObject({ code: 4310 });
    expect((await host.ask('admit', { player: seatOf(fresh).playerId, nation: anaSeat.nation })).type).toBe('accepted');
    await waitFor(() => seatOf(fresh).nation === anaSeat.nation, 'admitted');
    // The host rejoins with the secret even while locked.
    const again = await joinMatch(server.url, code, { nickname: 'Teacher', secret: seatOf(host).secret });
    expect(seatOf(again).host).toBe(true);
    await leaveAll(host, fresh, again);
  });

  test('nicknames: look-alikes are the same name; names no school wants are refused kindly', async () => {
    const host = await createMatch(server.url, { seats: 4, turns: 2, hostName: 'Teacher' });
    const code = host.room.roomId;
    const ines = await joinMatch(server.url, code, { nickname: 'Ines' });
    for (const twin of ['Ｉｎｅｓ', 'INES', 'Іnes']) await expect(joinMatch(server.url, code, { nickname: twin })).rejects.toMatchObject({ code: 4304 });
    for (const bad of ['Hitler', 'H1tler', 'Ｈｉｔｌｅｒ']) await expect(joinMatch(server.url, code, { nickname: bad })).rejects.toMatchObject({ code: 4303, message: expect.stringMatching(/choose another nickname/) });
    expect(host.room.state.players.size).toBe(2);
    await leaveAll(host, ines);
  });
});
