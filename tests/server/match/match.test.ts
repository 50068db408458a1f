import { describe, expect, test } from 'vitest';
import type { PrivateView, SeatSecretMessage } from '../../../shared/protocol/messages.ts';
import type { Storage, WriteOp } from '../../../server/storage/index.ts';
import { stateHash } from '../../../shared/rules/index.ts';
import { harness, reopen } from '../harness.ts';

// The match's logic without Colyseus: one sync after every input, nothing shown before it is durable,
// and a failed write changes nothing.

const terms = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 };

describe('the match without a server', () => {
  test('every teacher command runs the same sync: bots answer after resume, extend and advance alike', async () => {
    const h = await harness({ seats: 3, turns: 3, timers: { diplomacy: 600 } });
    try {
      h.match.join('host', {}, true);
      h.match.join('s1', { nickname: 'Ana' }, false);
      await h.settle();
      const ana = h.to<SeatSecretMessage>('s1', 'seat').at(-1)!;
      h.match.message('host', 'start', {});
      h.match.message('host', 'pause', {});
      await h.settle();
      expect(h.match.session.clock.paused).toBe(true);
      const other = h.match.session.game.nations.find((n) => n.id !== ana.nation)!.id;
      h.match.message('s1', 'propose', { to: [other], terms, ref: 'p1' });
      await h.settle();
      expect(h.to('s1', 'error').at(-1)).toMatchObject({ code: 'paused', ref: 'p1' });
      for (const command of ['extend', 'resume'] as const) {
        h.match.message('host', command, command === 'extend' ? { seconds: 30 } : {});
        await h.settle();
      }
      h.match.message('s1', 'propose', { to: [other], terms, note: 'a trade deal', ref: 'p2' });
      await h.settle();
      expect(h.to('s1', 'accepted').at(-1)).toEqual({ type: 'propose', ref: 'p2' });
      // The bot of the other nation answers after its delay, as after any change.
      await h.runUntil(() => h.match.session.game.proposals.some((p) => p.from === ana.nation && p.status !== 'open'), 20);
      expect(h.match.session.game.proposals.find((p) => p.from === ana.nation)!.status).not.toBe('open');
    } finally {
      await h.close();
    }
  });

  test('answers, views and patches wait until the write is durable; a failed write changes nothing', async () => {
    const h = await harness({ seats: 3, turns: 3, timers: { diplomacy: 600 } });
    try {
      h.match.join('host', {}, true);
      h.match.join('s1', { nickname: 'Ana' }, false);
      h.match.message('host', 'start', {});
      await h.settle();
      const nation = h.to<SeatSecretMessage>('s1', 'seat').at(-1)!.nation!;
      const other = h.match.session.game.nations.find((n) => n.id !== nation)!.id;
      const storage = h.journal.storage as Storage & { write: Storage['write'] };
      const write = storage.write;
      let release!: () => void;
      storage.write = (ops: readonly WriteOp[]) => new Promise<void>((resolve, reject) => {
        release = () => write(ops).then(resolve, reject);
      });
      const sentBefore = h.sent.length;
      const logBefore = h.match.session.logged;
      h.match.message('s1', 'propose', { to: [other], terms, ref: 'slow' });
      await new Promise((r) => setTimeout(r, 20));
      expect(h.sent.length).toBe(sentBefore);
      expect(h.match.session.durable.actions).toBe(logBefore);
      release();
      await h.settle();
      expect(h.to('s1', 'accepted').at(-1)).toEqual({ type: 'propose', ref: 'slow' });
      expect(h.match.session.durable.actions).toBe(logBefore + 1);

      // The disk fails: the sender is told, nothing changed, and the match goes on once it works again.
      storage.write = () => Promise.reject(new Error('disk full'));
      const hash = stateHash(h.match.session.durable.game);
      const before = h.match.session.logged;
      h.match.message('s1', 'chat', { to: 'all', text: 'lost?', ref: 'c1' });
      h.match.message('s1', 'withdraw', { proposal: h.match.session.game.proposals.find((p) => p.from === nation)!.id, ref: 'w1' });
      await h.settle();
      expect(h.to('s1', 'error').slice(-2)).toEqual([expect.objectContaining({ code: 'storage', ref: 'c1' }), expect.objectContaining({ code: 'storage', ref: 'w1' })]);
      expect(h.match.session.logged).toBe(before);
      expect(await h.storage.actions(h.match.code)).toHaveLength(before);
      expect(h.match.session.chat.some((l) => l.text === 'lost?')).toBe(false);
      expect(stateHash(h.match.session.durable.game)).toBe(hash);
      storage.write = write;
      h.match.message('s1', 'chat', { to: 'all', text: 'kept', ref: 'c2' });
      await h.settle();
      expect(h.to('s1', 'accepted').at(-1)).toEqual({ type: 'chat', ref: 'c2' });
      expect((await h.storage.chat(h.match.code)).map((l) => l.text)).toEqual(['kept']);
      // What is on disk replays to what was shown.
      const again = await reopen(h);
      expect(again.match.session.logged).toBe(h.match.session.logged);
      expect(again.match.session.game).toEqual(h.match.session.game);
    } finally {
      await h.close();
    }
  });

  test('the projector sees the public state only, cannot act, and needs the host’s key', async () => {
    const h = await harness({ seats: 3, turns: 3 });
    try {
      h.match.join('host', {}, true);
      await h.settle();
      const key = h.to<SeatSecretMessage>('host', 'seat').at(-1)!.projectorKey!;
      expect(key.length).toBeGreaterThanOrEqual(16);
      expect(h.match.join('p-bad', { projector: 'x'.repeat(20) }, false)).toMatchObject({ ok: false, code: 'bad_projector' });
      expect(h.match.join('p1', { projector: key }, false)).toMatchObject({ ok: true, kind: 'projector' });
      h.match.join('s1', { nickname: 'Ana' }, false);
      h.match.message('host', 'start', {});
      h.match.message('s1', 'chat', { to: 'all', text: 'hi all' });
      h.match.message('p1', 'chat', { to: 'all', text: 'from the wall', ref: 'x' });
      h.match.message('p1', 'start', {});
      await h.settle();
      expect(h.to('p1', 'error')).toEqual([expect.objectContaining({ code: 'projector', ref: 'x' }), expect.objectContaining({ code: 'projector' })]);
      expect(h.sent.filter((m) => m.session === 'p1').map((m) => m.type)).toEqual(['error', 'error']);
      expect(h.to<PrivateView>('s1', 'private').length).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });

  test('with people at every nation no bot wakes after an action; once one leaves, the bots play that nation', async () => {
    const h = await harness({ seats: 3, turns: 3, timers: { diplomacy: 600 } });
    try {
      h.match.join('host', {}, true);
      h.match.join('s1', { nickname: 'Ana' }, false);
      h.match.join('s2', { nickname: 'Ben' }, false);
      h.match.join('s3', { nickname: 'Cyd' }, false);
      await h.settle();
      h.match.message('host', 'start', {});
      await h.settle();
      const [ana, ben] = [h.to<SeatSecretMessage>('s1', 'seat').at(-1)!, h.to<SeatSecretMessage>('s2', 'seat').at(-1)!];
      const timers = h.timers.pending;
      h.match.message('s1', 'propose', { to: [ben.nation], terms, ref: 'p1' });
      await h.settle();
      expect(h.to('s1', 'accepted').at(-1)).toEqual({ type: 'propose', ref: 'p1' });
      // Only the phase clock waits: no bot timer, so no empty sync after each student's action.
      expect(h.timers.pending).toBe(timers);
      // Ben leaves: his nation is the bots' now, and they answer Ana's proposal.
      h.match.left('s2');
      await h.settle();
      expect(h.timers.pending).toBe(timers + 1);
      await h.runUntil(() => h.match.session.game.proposals.some((p) => p.from === ana.nation && p.status !== 'open'), 5);
      expect(h.match.session.game.proposals.find((p) => p.from === ana.nation)!.status).not.toBe('open');
    } finally {
      await h.close();
    }
  });

  test('the published fingerprint is the year’s first state: the same through its phases, the next year’s after', async () => {
    const h = await harness({ seats: 3, turns: 3, timers: { diplomacy: 600 } });
    try {
      h.match.join('host', {}, true);
      await h.settle();
      h.match.message('host', 'start', {});
      await h.settle();
      const year1 = stateHash(h.match.session.game);
      expect(h.match.state.hash).toBe(year1);
      const phases = new Set<string>();
      while (h.match.session.game.turn === 1) {
        phases.add(h.match.session.game.phase);
        expect(h.match.state.hash).toBe(year1);
        h.match.message('host', 'advance', {});
        await h.settle();
      }
      expect(phases.size).toBeGreaterThan(2);
      expect(h.match.session.game.turn).toBe(2);
      expect(h.match.state.hash).toBe(stateHash(h.match.session.game));
      expect(h.match.state.hash).not.toBe(year1);
    } finally {
      await h.close();
    }
  });
});
