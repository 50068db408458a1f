import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChatLine, PrivateView, TeacherView } from '../../shared/protocol/messages.ts';
import { bootServer, createMatch, joinMatch, leaveAll, sleep, waitFor, type Player, type TestServer } from './helpers.ts';

// Privacy: a pair's proposal, its private chat, journal notes, sealed choices and seat secrets never reach a
// third client — neither in its decoded state nor in any raw frame it receives. The pair does get them
// (the positive control that keeps this test honest).

let server: TestServer;
beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.stop();
});

const terms = { kind: 'partnership', trade: 'high', techSharing: true, minTerm: 7, review: 4 };
const has = (p: Player, marker: string): boolean => {
  const needle = Buffer.from(marker, 'utf8');
  return p.frames.some((f) => Buffer.from(f).includes(needle));
};
const seatOf = (p: Player) => p.last<{ nation: string; secret: string; playerId: string }>('seat')!;

describe('privacy', () => {
  test('a third client never receives another pair’s proposal, chat, notes, sealed policy or secret', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false, teacherReads: false, timers: { diplomacy: 600, policy: 600 } });
    const code = host.room.roomId;
    // Everyone joins before anything private exists, so every frame after the join is recorded.
    const a = await joinMatch(server.url, code, { nickname: 'Amal' });
    const b = await joinMatch(server.url, code, { nickname: 'Bruno' });
    const c = await joinMatch(server.url, code, { nickname: 'Cleo' });
    const [na, nb] = [seatOf(a).nation, seatOf(b).nation];
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => c.room.state.status === 'running', 'running');

    // A private proposal sends a third client nothing at all: not even a patch saying that something happened.
    await sleep(100);
    const cFrames = c.frames.length;
    expect((await a.ask('propose', { to: [nb], terms, note: 'journal-marker-77' })).type).toBe('accepted');
    await waitFor(() => b.last<PrivateView>('private')?.proposals.some((p) => p.from === na), 'B hears of it');
    await sleep(1100); // past the room's own patch interval
    expect(c.frames.length).toBe(cFrames);
    expect((await a.ask('chat', { to: nb, text: 'zebra-secret-42 let us trade' })).type).toBe('accepted');
    expect((await b.ask('chat', { to: na, text: 'okapi-secret-43 deal' })).type).toBe('accepted');
    expect((await a.ask('chat', { to: 'all', text: 'public-hello-44' })).type).toBe('accepted');

    // The pair sees it all.
    const bView = await waitFor(() => b.last<PrivateView>('private')?.proposals.find((p) => p.from === na), 'B sees the proposal');
    expect(bView.terms).toEqual(terms);
    await waitFor(() => b.all<ChatLine>('chat').some((l) => l.text.includes('zebra-secret-42')), 'B gets the chat');
    await waitFor(() => a.all<ChatLine>('chat').some((l) => l.text.includes('okapi-secret-43')), 'A gets the reply');
    expect(has(b, 'zebra-secret-42')).toBe(true);
    expect(has(b, 'techSharing')).toBe(true);
    // Everyone sees the public line (so C's recording works).
    await waitFor(() => c.all<ChatLine>('chat').some((l) => l.text === 'public-hello-44'), 'C gets public chat');
    expect(has(c, 'public-hello-44')).toBe(true);

    // Sealed policy: A chooses in the policy phase.
    expect((await host.ask('advance', { phase: 'diplomacy' })).type).toBe('accepted');
    await waitFor(() => c.room.state.phase === 'policy', 'policy');
    expect((await a.ask('policy', { defence: 77, demand: nb, note: 'journal-marker-78' })).type).toBe('accepted');
    await waitFor(() => a.last<PrivateView>('private')?.policy?.defence === 77, 'A sees its own policy');
    await waitFor(() => [...c.room.state.nations].find((n) => n.id === na)?.chose === true, 'C sees only that A chose');
    await sleep(100);

    for (const outsider of [c, host]) {
      for (const marker of ['zebra-secret-42', 'okapi-secret-43', 'journal-marker-77', 'journal-marker-78', 'techSharing', seatOf(a).secret, seatOf(b).secret]) {
        expect(has(outsider, marker), `${marker} reached ${outsider === c ? 'C' : 'the host'}`).toBe(false);
      }
      const decoded = JSON.stringify(outsider.room.state.toJSON());
      expect(decoded).not.toMatch(/zebra|okapi|journal-marker|techSharing/);
      expect(outsider.all<unknown>('teacher')).toHaveLength(0);
      for (const view of outsider.all<PrivateView>('private')) {
        expect(view.proposals.filter((p) => p.from === na || p.to.includes(na))).toHaveLength(0);
        expect(view.chat.some((l) => l.from !== 'host' && l.to !== 'all' && l.to !== 'host')).toBe(false);
        expect(view.teacherReads).toBe(false);
        expect(view.policy === null || view.nation !== na).toBe(true);
      }
      expect(outsider.all<ChatLine>('chat').every((l) => l.to === 'all')).toBe(true);
    }
    // Nobody, not even the partner, receives a player's journal note.
    expect(has(b, 'journal-marker-77')).toBe(false);
    expect(has(b, 'journal-marker-78')).toBe(false);
    expect(c.room.state.settings.teacherReads).toBe(false);
    await leaveAll(host, a, b, c);
  });

  test('with teacherReads the host reads negotiations, and students are told so', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Teacher', hostPlays: false, teacherReads: true });
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Amal' });
    const b = await joinMatch(server.url, host.room.roomId, { nickname: 'Bruno' });
    expect(a.room.state.settings.teacherReads).toBe(true);
    expect(a.last<PrivateView>('private')?.teacherReads).toBe(true);
    expect((await host.ask('start')).type).toBe('accepted');
    expect((await a.ask('propose', { to: [seatOf(b).nation], terms })).type).toBe('accepted');
    expect((await a.ask('chat', { to: seatOf(b).nation, text: 'zebra-secret-45' })).type).toBe('accepted');
    // (Bots propose too: find Amal's proposal among them.)
    const mine = await waitFor(() => host.last<TeacherView>('teacher')?.proposals.find((p) => p.from === seatOf(a).nation), 'teacher view');
    expect(mine.terms).toEqual(terms);
    // Chat lines reach the teacher live, and are in the teacher's next view.
    await waitFor(() => host.all<ChatLine>('chat').some((l) => l.text === 'zebra-secret-45'), 'host gets the private line live');
    expect((await host.ask('advance')).type).toBe('accepted');
    await waitFor(() => host.last<TeacherView>('teacher')?.chat.some((l) => l.text === 'zebra-secret-45'), 'chat in the teacher view');
    await leaveAll(host, a, b);
  });
});
