import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../shared/bots/simulate.ts';
import { apply, defaultPlayers } from '../../../shared/rules/index.ts';
import { initialState } from '../../../shared/rules/replay.ts';
import { getScenario, SCENARIOS } from '../../../shared/scenarios/index.ts';
import type { Action, GameState } from '../../../shared/types.ts';
import { sameView, viewInputs, Worlds } from '../../../server/match/viewKeys.ts';
import { privateView } from '../../../server/match/views.ts';

// A private view is rebuilt only when its inputs changed (sameView is false). That is safe only if a view
// found the same always is the same: checked after every action of whole bot matches in every scenario, and of matches
// with random actions mixed in (teacher crises, notices, breaks), for every nation.

const viewOf = (gs: GameState, nation: string) => JSON.stringify(privateView(gs, { playerId: 'p', nation, host: false }, [], false));

function checkMatch(states: GameState[]): number {
  let skipped = 0;
  const worlds = new Worlds();
  for (let i = 1; i < states.length; i++) {
    for (const n of states[i]!.nations) {
      if (!sameView(viewInputs(states[i - 1]!, n.id, undefined, worlds), states[i]!, n.id, undefined, worlds)) continue;
      skipped++;
      expect(viewOf(states[i]!, n.id), `turn ${states[i]!.turn} ${states[i]!.phase}, ${n.id}`).toBe(viewOf(states[i - 1]!, n.id));
    }
  }
  return skipped;
}

function statesOf(actions: Action[], start: GameState): GameState[] {
  const out = [start];
  let s = start;
  for (const a of actions) {
    const r = apply(s, a);
    if (r.ok) out.push((s = r.state));
  }
  return out;
}

describe('view keys', () => {
  for (const sc of SCENARIOS) {
    test(`${sc.id}: a view found the same is the same, after every action of a bot match`, () => {
      const players = defaultPlayers(getScenario(sc.id)!, sc.maxSeats);
      const { file } = simulate({ scenario: sc.id, seed: 5, turns: 6, players });
      const skipped = checkMatch(statesOf(file.actions, initialState(file)));
      // The comparison spares work: most views are untouched by most actions.
      expect(skipped).toBeGreaterThan(file.actions.length);
    });
  }

  test('with random teacher crises, notices and breaks mixed in', () => {
    const sc = getScenario('amber-sea')!;
    const players = defaultPlayers(sc, 6);
    const { file } = simulate({ scenario: 'amber-sea', seed: 9, turns: 5, players });
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(file.actions.length), fc.nat(5), fc.nat(5), fc.constantFrom('inject', 'notice', 'break')), { maxLength: 12 }), (extra) => {
      const actions = [...file.actions];
      for (const [at, a, b, kind] of extra.sort((x, y) => y[0] - x[0])) {
        const nations = players.map((p) => p.nation);
        const act: Action = kind === 'inject'
          ? { type: 'inject', crisis: 'blockade', target: nations[a % nations.length]!, severity: 10 + 10 * b }
          : { type: kind, by: nations[a % nations.length]!, treaty: `t${b + 1}` } as Action;
        actions.splice(at, 0, act);
      }
      checkMatch(statesOf(actions, initialState(file)));
    }), { numRuns: 25 });
  });

  test('one thing changed in a state is seen in every view it changes (each field an assessment or a view may read)', () => {
    const sc = getScenario('the-hinge')!;
    const { file } = simulate({ scenario: 'the-hinge', seed: 4, turns: 6, players: defaultPlayers(sc, sc.maxSeats) });
    const states = statesOf(file.actions, initialState(file));
    // States with open partnership and alliance proposals, where an assessment has something to read.
    const rich = states.filter((g) => g.proposals.filter((p) => p.status === 'open').length >= 2);
    expect(rich.length).toBeGreaterThan(5);
    const NATION_FIELDS = ['economy', 'military', 'stability', 'reputation', 'technology', 'exposure', 'crisesWithstood', 'crisesLost', 'lastDefence'] as const;
    let changedViews = 0;
    fc.assert(fc.property(
      fc.nat(rich.length - 1), fc.nat(7), fc.constantFrom(...NATION_FIELDS, 'trust', 'pressure', 'turn', 'phase', 'policy', 'honoured'), fc.integer({ min: 1, max: 30 }),
      (at, who, field, d) => {
        const g = rich[at]!;
        // A copy that shares what the rules share between states (pairs, treaties), changed in one place.
        const h: GameState = { ...g, nations: g.nations.map((n) => ({ ...n })), pairs: { ...g.pairs }, record: { ...g.record } };
        const n = h.nations[who % h.nations.length]!;
        if (field === 'trust') {
          const other = h.nations[(who + 1) % h.nations.length]!;
          const k = `${n.id}>${other.id}`;
          h.pairs[k] = { ...h.pairs[k]!, trust: Math.max(-100, h.pairs[k]!.trust - d) };
        } else if (field === 'pressure') h.pressure = g.pressure + d;
        else if (field === 'turn') h.turn = Math.max(1, g.turn - (d % 3) - 1);
        else if (field === 'phase') h.phase = g.phase === 'diplomacy' ? 'policy' : 'diplomacy';
        else if (field === 'policy') n.policy = { defence: d, demand: null };
        else if (field === 'honoured') h.record = { ...g.record, honoured: g.record.honoured + d };
        else (n as unknown as Record<string, number>)[field] = Math.max(0, (n as unknown as Record<string, number>)[field]! - d);
        for (const x of h.nations) {
          const worlds = new Worlds();
          const same = sameView(viewInputs(g, x.id, undefined, worlds), h, x.id, undefined, worlds);
          if (viewOf(g, x.id) === viewOf(h, x.id)) continue;
          changedViews++;
          expect(same, `${field} of ${n.id} changed ${x.id}'s view, found the same`).toBe(false);
        }
      },
    ), { numRuns: 300 });
    expect(changedViews).toBeGreaterThan(100);
  });
});
