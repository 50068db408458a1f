import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ErrorMessage, PrivateView } from '../../shared/protocol/messages.ts';
import { MAX_MESSAGE_BYTES } from '../../server/limits.ts';
import { liveActions, liveHash, bootServer, createMatch, joinMatch, leaveAll, sleep, waitFor, type Player, type TestServer } from './helpers.ts';

// Authority: the acting nation is the sender's seat; every refused message is answered to its sender
// only, with the right code, and changes nothing; other players are not affected.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ testHooks: true });
});
afterAll(async () => {
  await server?.stop();
});

const terms = { kind: 'partnership', trade: 'medium', techSharing: false, minTerm: 4, review: 3 };
const seatOf = (p: Player) => p.last<{ nation: string; playerId: string }>('seat')!;

async function table() {
  const host = await createMatch(server.url, { seats: 3, turns: 4, hostName: 'Teacher', hostPlays: false, timers: { diplomacy: 600 } });
  const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Ada' });
  const b = await joinMatch(server.url, host.room.roomId, { nickname: 'Ben' });
  const c = await joinMatch(server.url, host.room.roomId, { nickname: 'Cyd' });
  expect((await host.ask('start')).type).toBe('accepted');
  await waitFor(() => a.room.state.status === 'running' && a.room.state.hash !== '', 'running');
  await sleep(50);
  return { host, a, b, c };
}

describe('authority', () => {
  test('each refused message gets the right error, to its sender only, and the state hash does not move', async () => {
    const { host, a, b, c } = await table();
    const st = host.room.state;
    const hash = liveHash(host.room.roomId);
    const actions = liveActions(host.room.roomId);
    const errorsBefore = { b: b.all('error').length, host: host.all('error').length };
    const cases: [string, unknown, string][] = [
      // Acting for another seat: there is no field for it.
      ['propose', { by: seatOf(b).nation, to: [seatOf(c).nation], terms }, 'no_actor'],
      ['policy', { by: seatOf(b).nation, defence: 10, demand: null }, 'no_actor'],
      // Teacher actions from a student.
      ['advance', {}, 'not_host'],
      ['inject', { crisis: 'invasion', target: seatOf(b).nation, severity: 90 }, 'not_host'],
      ['endMatch', {}, 'not_host'],
      ['kick', { player: seatOf(b).playerId }, 'not_host'],
      // Wrong phase (policy belongs to the policy phase).
      ['policy', { defence: 10, demand: null }, 'wrong_phase'],
      ['respond', { call: 'k1', answer: 'honour' }, 'wrong_phase'],
      // Malformed payloads.
      ['propose', { to: [seatOf(b).nation], terms: { kind: 'alliance' } }, 'bad_message'],
      ['propose', { to: 'everyone', terms }, 'bad_message'],
      ['accept', { proposal: 42 }, 'bad_message'],
      ['accept', 'not an object', 'bad_message'],
      ['chat', { to: 'all' }, 'bad_message'],
      ['ready', { ready: 'yes', extra: 1 }, 'bad_message'],
      // Unknown message types.
      ['launchMissiles', { target: 'everyone' }, 'unknown_type'],
      ['__proto__', {}, 'unknown_type'],
    ];
    for (const [type, payload, code] of cases) {
      const before = a.messages.length;
      a.room.send(type, payload);
      const err = await waitFor(() => a.messages.slice(before).find((m) => m.type === 'error')?.payload as ErrorMessage | undefined, `error for ${type}`);
      expect(err.code, `${type} ${JSON.stringify(payload)}`).toBe(code);
      expect(typeof err.message).toBe('string');
      expect(err.type).toBe(type);
    }
    // A numeric message type is refused too.
    a.room.send(7 as unknown as string, {});
    await waitFor(() => a.last<ErrorMessage>('error')?.type === '7', 'numeric type refused');
    expect(a.last<ErrorMessage>('error')!.code).toBe('unknown_type');
    await sleep(50);
    expect(liveHash(host.room.roomId)).toBe(hash);
    expect(liveActions(host.room.roomId)).toBe(actions);

    // Someone else's proposal cannot be answered: the rules check the sender's seat.
    expect((await b.ask('propose', { to: [seatOf(c).nation], terms })).type).toBe('accepted');
    const prop = await waitFor(() => c.last<PrivateView>('private')?.proposals[0], 'C sees the proposal');
    const hashAfterPropose = liveHash(host.room.roomId);
    expect((await a.ask('accept', { proposal: prop.id })).payload.code).toBe('not_your_proposal');
    expect((await a.ask('withdraw', { proposal: prop.id })).payload.code).toBe('not_proposer');
    await sleep(50);
    expect(liveHash(host.room.roomId)).toBe(hashAfterPropose);
    expect(liveActions(host.room.roomId)).toBe(actions + 1);
    expect(hash).not.toBe(hashAfterPropose);
    // Nobody else was told about A's refusals, and everyone is still connected.
    expect(b.all('error').length).toBe(errorsBefore.b);
    expect(host.all('error').length).toBe(errorsBefore.host);
    expect([...st.players.values()].every((p) => p.connected)).toBe(true);
    expect((await a.ask('chat', { to: 'all', text: 'still here' })).type).toBe('accepted');
    await leaveAll(host, a, b, c);
  });

  test('a 10× oversize payload is refused with too_large and the sender stays connected; a giant frame closes only its sender', async () => {
    const { host, a, b } = await table();
    const hash = liveHash(host.room.roomId);
    const before = a.messages.length;
    a.room.send('chat', { to: 'all', text: 'x'.repeat(MAX_MESSAGE_BYTES * 10) });
    const err = await waitFor(() => a.messages.slice(before).find((m) => m.type === 'error')?.payload as ErrorMessage | undefined, 'too_large');
    expect(err.code).toBe('too_large');
    expect((await a.ask('chat', { to: 'all', text: 'after the big one' })).type).toBe('accepted');
    // Above the WebSocket frame limit the socket itself refuses (close 1009) — for that sender only.
    const closed = new Promise<number>((resolve) => a.room.onLeave((code: number) => resolve(code)));
    a.room.send('chat', { to: 'all', text: 'y'.repeat(200_000) });
    expect(await closed).toBe(1009);
    expect((await b.ask('chat', { to: 'all', text: 'unaffected' })).type).toBe('accepted');
    expect(liveHash(host.room.roomId)).toBe(hash);
    await leaveAll(host, b);
  });

  test('a 1,000 messages/s flood is throttled: one rate_limited answer, no state change, others unaffected', async () => {
    const { host, a, b, c } = await table();
    const st = host.room.state;
    const hash = liveHash(host.room.roomId);
    const actions = liveActions(host.room.roomId);
    const before = a.messages.length;
    const t0 = Date.now();
    for (let i = 0; i < 1000; i++) a.room.send('accept', { proposal: `nope${i}` });
    // Meanwhile B plays normally and is answered at once.
    const answer = await b.ask('propose', { to: [seatOf(c).nation], terms });
    expect(answer.type).toBe('accepted');
    expect(Date.now() - t0).toBeLessThan(2000);
    await sleep(300);
    const answers = a.messages.slice(before).filter((m) => m.type === 'error').map((m) => (m.payload as ErrorMessage).code);
    expect(answers.filter((c) => c === 'rate_limited')).toHaveLength(1);
    expect(answers.filter((c) => c === 'unknown_proposal').length).toBeLessThanOrEqual(20);
    expect(answers.length).toBeLessThanOrEqual(21);
    expect(liveActions(host.room.roomId)).toBe(actions + 1); // only B's proposal
    expect(liveHash(host.room.roomId)).not.toBe(hash);
    const hashAfter = liveHash(host.room.roomId);
    await sleep(1100);
    // The window has passed: A is heard again, and nothing of the flood was applied.
    expect((await a.ask('chat', { to: 'all', text: 'sorry' })).type).toBe('accepted');
    expect(liveHash(host.room.roomId)).toBe(hashAfter);
    expect([...st.players.values()].every((p) => p.connected)).toBe(true);
    // Gentler per-type limit: a burst of chat lines is cut after a few.
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await c.ask('chat', { to: 'all', text: `spam ${i}` });
      codes.push(r.type === 'accepted' ? 'ok' : String(r.payload.code));
    }
    expect(codes.filter((x) => x === 'ok').length).toBeLessThanOrEqual(5);
    expect(codes).toContain('rate_limited');
    await leaveAll(host, a, b, c);
  });

  test('an exception inside a message handler is answered, and the room and the process carry on', async () => {
    const { host, a, b } = await table();
    const other = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Other' });
    const before = a.messages.length;
    a.room.send('debugThrow', {});
    const err = await waitFor(() => a.messages.slice(before).find((m) => m.type === 'error')?.payload as ErrorMessage | undefined, 'internal');
    expect(err.code).toBe('internal');
    expect((await a.ask('chat', { to: 'all', text: 'still alive' })).type).toBe('accepted');
    expect((await b.ask('propose', { to: [seatOf(a).nation], terms })).type).toBe('accepted');
    expect((await other.ask('start')).type).toBe('accepted');
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    await leaveAll(host, a, b, other);
  });
});
