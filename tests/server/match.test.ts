import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Protocol } from '@colyseus/core';
import { parseMatchFile } from '../../shared/matchFile.ts';
import { replay, stateHash } from '../../shared/rules/index.ts';
import type { PrivateView } from '../../shared/protocol/messages.ts';
import { bootServer, createMatch, joinMatch, leaveAll, liveActions, sleep, waitFor, type Player, type TestServer } from './helpers.ts';

// A whole match on a real server: a host who only hosts, three students and two bots, to the end.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.stop();
});

const partnership = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 };

describe('a full match', () => {
  test('host + 3 students + 2 bots play to the end; the archive replays to the same hash', async () => {
    const host = await createMatch(server.url, { seats: 5, turns: 2, hostName: 'Ms Rivera', hostPlays: false, timers: { diplomacy: 600, policy: 600, crisis: 600, resolution: 120, news: 300 } });
    const code = host.room.roomId;
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(host.last<{ host: boolean }>('seat')?.host).toBe(true);

    const students: Player[] = [];
    for (const nickname of ['Ana', 'Bo', 'Chen']) students.push(await joinMatch(server.url, code, { nickname }));
    const [ana, bo, chen] = students as [Player, Player, Player];
    const nations = students.map((s) => s.last<{ nation: string }>('seat')!.nation);
    expect(new Set(nations).size).toBe(3);
    await waitFor(() => host.room.state.players.size === 4, 'four players');
    // Two seats left to bots.
    const st = host.room.state;
    expect([...st.nations].filter((n) => n.bot).length).toBe(2);

    // Students can pick another free nation in the lobby, not a taken one.
    const taken = await chen.ask('pickSeat', { nation: nations[0] });
    expect(taken.payload.code).toBe('seat_taken');
    const free = [...st.nations].find((n) => n.player === '')!.id;
    expect((await chen.ask('pickSeat', { nation: free })).type).toBe('accepted');
    nations[2] = free;
    for (const s of students) expect((await s.ask('ready', { ready: true })).type).toBe('accepted');

    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.status === 'running' && st.deadline > Date.now(), 'running with a deadline');

    let turnsPlayed = 0;
    while (st.status !== 'finished') {
      const turn = st.turn;
      expect(st.phase).toBe('diplomacy');
      // Ana proposes a partnership to Bo, who accepts it from his private view.
      const proposed = await ana.ask('propose', { to: [nations[1]], terms: partnership, note: 'Trade helps us both.' });
      if (proposed.type === 'accepted') {
        const view = await waitFor(() => bo.last<PrivateView>('private')?.proposals.find((p) => p.from === nations[0] && p.status === 'open' && p.turn === turn), 'proposal in Bo’s view');
        expect(view.assessment).not.toBeNull();
        expect((await bo.ask('accept', { proposal: view.id })).type).toBe('accepted');
      } else {
        expect(proposed.payload.code).toBe('already_linked');
      }
      await waitFor(() => liveActions(code) > 0, 'actions');
      expect((await host.ask('advance')).type).toBe('accepted');
      await waitFor(() => st.phase === 'policy', 'policy phase');
      // Two students choose; Chen's choice is filled by his seat's bot policy at the end of the phase.
      expect((await ana.ask('policy', { defence: 25, demand: null })).type).toBe('accepted');
      expect((await bo.ask('policy', { defence: 40, demand: null })).type).toBe('accepted');
      expect((await host.ask('advance')).type).toBe('accepted');
      await waitFor(() => st.phase !== 'policy', 'past policy');
      if (st.phase === 'crisis') {
        for (const [i, s] of students.entries()) {
          for (const call of s.last<PrivateView>('private')?.calls.filter((k) => k.ally === nations[i] && k.answer === null) ?? []) {
            const r = await s.ask('respond', { call: call.id, answer: 'honour' });
            if (r.type === 'error') expect(r.payload.code).toBe('wrong_phase'); // everyone else had answered: the phase ended
          }
        }
        // The crisis phase ends by itself once every call is answered; a stale advance is refused, not applied twice.
        const r = await host.ask('advance', { phase: 'crisis' });
        if (r.type === 'error') expect(r.payload.code).toBe('wrong_phase');
      }
      await waitFor(() => st.phase === 'resolution', 'resolution');
      expect((await host.ask('advance', { phase: 'resolution' })).type).toBe('accepted');
      await waitFor(() => st.phase === 'news', 'news');
      expect(st.news.length).toBeGreaterThan(0);
      expect((await host.ask('advance')).type).toBe('accepted');
      await waitFor(() => st.turn > turn || st.status === 'finished', 'next turn');
      turnsPlayed++;
      expect(turnsPlayed).toBeLessThanOrEqual(2);
    }
    expect(turnsPlayed).toBe(2);
    expect(st.scores.length).toBe(5);
    expect(st.winners.length).toBeGreaterThan(0);
    expect(st.deadline).toBe(0);
    expect([...st.treaties].some((t) => t.kind === 'partnership' && t.parties.includes(nations[0]!) && t.parties.includes(nations[1]!))).toBe(true);

    // Chen's policy was filled in by his bot and recorded with a note.
    const list = await (await fetch(`${server.url}/api/matches`)).json() as { matches: { id: string; status: string; nicknames: string[]; actions: number }[] };
    const row = list.matches.find((m) => m.id === code)!;
    expect(row.status).toBe('finished');
    expect(row.nicknames).toEqual(expect.arrayContaining(['Ms Rivera', 'Ana', 'Bo', 'Chen']));
    expect(row.actions).toBe(liveActions(code));

    const res = await fetch(`${server.url}/api/matches/${code}`);
    expect(res.status).toBe(200);
    const parsed = parseMatchFile(await res.text());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const file = parsed.file;
    expect(file.players.filter((p) => !p.bot).map((p) => p.name).sort()).toEqual(['Ana', 'Bo', 'Chen']);
    expect(file.actions.some((a) => a.type === 'policy' && a.by === nations[2] && a.note?.startsWith('Chosen for you'))).toBe(true);
    // The students' own journal stays private (publishNegotiations is off); bots' reasons remain.
    expect(file.actions.some((a) => a.note === 'Trade helps us both.')).toBe(false);
    const r = replay(file);
    expect(r.ok).toBe(true);
    if (r.ok) expect(stateHash(r.final)).toBe(st.hash);

    await leaveAll(host, ...students);
  });

  test('teacher controls: pause, resume, extend, freeze chat, inject, move, kick, end; refused for students', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 5, hostName: 'Mr Okafor', hostPlays: true, timers: { diplomacy: 300 } });
    const code = host.room.roomId;
    const st = host.room.state;
    const hostNation = host.last<{ nation: string }>('seat')!.nation;
    expect(hostNation).toBe('valdor');
    const dee = await joinMatch(server.url, code, { nickname: 'Dee' });
    const eli = await joinMatch(server.url, code, { nickname: 'Eli' });
    for (const t of ['start', 'pause', 'advance', 'endMatch', 'kick']) {
      const r = await dee.ask(t, t === 'kick' ? { player: 'p1' } : {});
      expect(r.payload.code, t).toBe('not_host');
    }
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.deadline > 0, 'deadline');
    const before = st.deadline;
    expect((await host.ask('extend', { seconds: 60 })).type).toBe('accepted');
    await waitFor(() => st.deadline >= before + 59_000, 'extended');
    expect((await host.ask('extend', { seconds: -120 })).type).toBe('accepted');
    await waitFor(() => st.deadline < before, 'shortened');

    expect((await host.ask('pause')).type).toBe('accepted');
    await waitFor(() => st.paused && st.deadline === 0 && st.remaining > 0, 'paused');
    const refused = await dee.ask('propose', { to: [hostNation], terms: partnership });
    expect(refused.payload.code).toBe('paused');
    expect((await host.ask('resume')).type).toBe('accepted');
    await waitFor(() => !st.paused && st.deadline > Date.now(), 'resumed');

    expect((await host.ask('freezeChat', { frozen: true })).type).toBe('accepted');
    expect((await dee.ask('chat', { to: 'all', text: 'hello?' })).payload.code).toBe('chat_frozen');
    expect((await host.ask('chat', { to: 'all', text: 'Listen up, everyone.' })).type).toBe('accepted');
    expect((await host.ask('freezeChat', { frozen: false })).type).toBe('accepted');
    expect((await dee.ask('chat', { to: 'all', text: 'ok!' })).type).toBe('accepted');

    const deeNation = dee.last<{ nation: string }>('seat')!.nation;
    const actionsBefore = liveActions(code);
    expect((await host.ask('inject', { crisis: 'blockade', target: deeNation, severity: 40 })).type).toBe('accepted');
    await waitFor(() => liveActions(code) > actionsBefore, 'inject recorded');
    expect((await host.ask('inject', { crisis: 'blockade', target: 'atlantis', severity: 40 })).payload.code).toBe('bad_crisis');

    // Move Eli to Dee's seat: refused while Dee holds it; kick Dee, then the move works.
    const eliId = eli.last<{ playerId: string }>('seat')!.playerId;
    const deeId = dee.last<{ playerId: string }>('seat')!.playerId;
    expect((await host.ask('moveSeat', { player: eliId, nation: deeNation })).payload.code).toBe('seat_taken');
    const closed = new Promise<number>((resolve) => dee.room.onLeave((c: number) => resolve(c)));
    expect((await host.ask('kick', { player: deeId })).type).toBe('accepted');
    expect(await closed).toBe(4100);
    expect(dee.last<{ message: string }>('kicked')?.message).toMatch(/removed/);
    await waitFor(() => !st.players.has(deeId), 'kicked player gone');
    expect([...st.nations].find((n) => n.id === deeNation)!.bot).toBe(true);
    await expect(joinMatch(server.url, code, { nickname: 'Dee', secret: dee.last<{ secret: string }>('seat')!.secret })).rejects.toMatchObject({ code: 4306 });
    expect((await host.ask('moveSeat', { player: eliId, nation: deeNation })).type).toBe('accepted');
    await waitFor(() => eli.last<{ nation: string }>('seat')?.nation === deeNation, 'Eli moved');

    expect((await host.ask('endMatch')).type).toBe('accepted');
    await waitFor(() => st.status === 'finished', 'finished');
    expect((await eli.ask('policy', { defence: 10, demand: null })).payload.code).toBe('match_over');
    await sleep(10);
    await leaveAll(host, eli);
  });

  test('when a phase times out, missing sealed choices are filled by bot policy and the turn moves on', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Host', hostPlays: false, timers: { diplomacy: 10, policy: 5 } });
    const st = host.room.state;
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Fay' });
    const nation = a.last<{ nation: string }>('seat')!.nation;
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.deadline > 0, 'deadline');
    // Shorten diplomacy to ~1 s; then the policy phase waits for Fay until its own deadline.
    expect((await host.ask('extend', { seconds: -600 })).type).toBe('accepted');
    await waitFor(() => st.phase === 'policy', 'policy', 5000);
    const policyDeadline = st.deadline;
    expect(policyDeadline - Date.now()).toBeGreaterThan(3000);
    expect((await host.ask('extend', { seconds: -600 })).type).toBe('accepted');
    await waitFor(() => st.phase !== 'policy', 'policy timed out', 5000);
    // Fay never chose: her seat's bot policy chose for her, as a recorded action, before the phase advanced.
    const view = await waitFor(() => a.last<PrivateView>('private')?.policy && a.last<PrivateView>('private'), 'policy filled');
    expect(view.nation).toBe(nation);
    expect(view.policy!.defence).toBeGreaterThanOrEqual(0);
    expect(['crisis', 'resolution']).toContain(st.phase);
    await leaveAll(host, a);
  });

  test('a chat line alone sends no patch: the server time rides only on patches that carry something else', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Host', hostPlays: false });
    const st = host.room.state;
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Kim' });
    await waitFor(() => [...st.players.values()].some((p) => p.nickname === 'Kim' && p.connected), 'Kim shown');
    await sleep(150);
    const isPatch = (f: Uint8Array) => f[0] === Protocol.ROOM_STATE_PATCH;
    const from = host.frames.length;
    expect((await a.ask('chat', { to: 'all', text: 'Hello, class.' })).type).toBe('accepted');
    await waitFor(() => host.all<{ text: string }>('chat').some((l) => l.text === 'Hello, class.'), 'the line reaches the host');
    await sleep(150);
    expect(host.frames.slice(from).filter(isPatch)).toHaveLength(0);
    // Something public (Kim is ready) goes out with the server's time of that moment.
    const before = st.serverTime;
    expect((await a.ask('ready', { ready: true, phase: 'lobby' })).type).toBe('accepted');
    await waitFor(() => [...st.players.values()].some((p) => p.ready), 'Kim ready');
    expect(st.serverTime).toBeGreaterThan(before);
    expect(host.frames.slice(from).filter(isPatch).length).toBeGreaterThan(0);
    await leaveAll(host, a);
  });

  test('a "ready" meant for the lobby or an earlier phase does nothing once the match has moved on', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Host', hostPlays: false, timers: { diplomacy: 600, policy: 600 } });
    const st = host.room.state;
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Ida' });
    const b = await joinMatch(server.url, host.room.roomId, { nickname: 'Jon' });
    const anyReady = () => [...st.players.values()].some((p) => p.ready);
    expect((await a.ask('ready', { ready: true, phase: 'lobby' })).type).toBe('accepted');
    await waitFor(anyReady, 'Ida ready in the lobby');
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.status === 'running', 'running');
    // Both "I'm ready" clicks of the lobby reach the server after the start: they are not "done with diplomacy".
    for (const s of [a, b]) expect((await s.ask('ready', { ready: true, phase: 'lobby' })).type).toBe('accepted');
    await sleep(200);
    expect(st.phase).toBe('diplomacy');
    expect(anyReady()).toBe(false);
    // Done with diplomacy ends it; the same click arriving once the policy phase began does not end that one.
    for (const s of [a, b]) expect((await s.ask('ready', { ready: true, phase: 'diplomacy' })).type).toBe('accepted');
    await waitFor(() => st.phase === 'policy', 'diplomacy ended early');
    for (const s of [a, b]) expect((await s.ask('ready', { ready: true, phase: 'diplomacy' })).type).toBe('accepted');
    await sleep(200);
    expect(st.phase).toBe('policy');
    expect(anyReady()).toBe(false);
    await leaveAll(host, a, b);
  });

  test('everyone ready ends the phase early; a finished match can be forked at a turn', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Host', hostPlays: false, timers: { diplomacy: 600 } });
    const st = host.room.state;
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Gus' });
    const b = await joinMatch(server.url, host.room.roomId, { nickname: 'Hal' });
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.status === 'running', 'running');
    expect((await a.ask('ready', { ready: true })).type).toBe('accepted');
    await sleep(100);
    expect(st.phase).toBe('diplomacy');
    expect((await b.ask('ready', { ready: true })).type).toBe('accepted');
    await waitFor(() => st.phase === 'policy', 'diplomacy ended early');
    expect([...st.players.values()].every((p) => !p.ready)).toBe(true);
    for (const phase of ['policy', 'crisis', 'resolution', 'news']) await host.ask('advance', { phase });
    await waitFor(() => st.turn === 2 && st.phase === 'diplomacy', 'turn 2');
    expect((await host.ask('endMatch')).type).toBe('accepted');
    await waitFor(() => st.status === 'finished', 'finished');
    const parent = host.room.roomId;
    await leaveAll(host, a, b);

    const fork = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Host', hostPlays: true, fork: { match: parent, turn: 2 } });
    const fs = fork.room.state;
    expect(fork.room.roomId).not.toBe(parent);
    expect(fs.status).toBe('lobby');
    expect(fs.turn).toBe(2);
    expect(liveActions(fork.room.roomId)).toBeGreaterThan(0);
    // The fork starts exactly where the parent stood at the start of turn 2.
    const parsedParent = parseMatchFile(await (await fetch(`${server.url}/api/matches/${parent}`)).text());
    expect(parsedParent.ok).toBe(true);
    if (parsedParent.ok) {
      const r = replay(parsedParent.file);
      expect(r.ok).toBe(true);
      if (r.ok) expect(fs.hash).toBe(stateHash(r.frames.find((f) => f.turn === 2 && f.phase === 'diplomacy')!.state));
    }
    expect((await fork.ask('start')).type).toBe('accepted');
    expect((await fork.ask('endMatch')).type).toBe('accepted');
    await waitFor(() => fs.status === 'finished', 'fork finished');
    const file = await (await fetch(`${server.url}/api/matches/${fork.room.roomId}`)).json() as { parent?: { id: string; turn: number }; actions: unknown[] };
    expect(file.parent).toEqual({ id: parent, turn: 2 });
    await expect(createMatch(server.url, { seats: 3, turns: 3, hostName: 'Host', hostPlays: false, fork: { match: 'NOSUCH', turn: 1 } })).rejects.toMatchObject({ code: 404 });
    await leaveAll(fork);
  });
});
