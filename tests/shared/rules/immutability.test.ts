import { describe, expect, it } from 'vitest';
import type { GameState, Player } from '../../../shared/types.ts';
import { PERSONALITIES, STRATEGIES } from '../../../shared/types.ts';
import { SCENARIOS } from '../../../shared/scenarios/index.ts';
import { apply, initialState, stateHash } from '../../../shared/rules/index.ts';
import { decide } from '../../../shared/bots/index.ts';
import { profileOf } from '../../../shared/bots/simulate.ts';
import { interestsFor } from '../../../shared/scenarios/interests.ts';

// apply() must never change the state it is given: drafts copy what they change (some parts only on first
// write), so every state here is deep-frozen before the next action. A hidden write throws in strict mode.

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

describe('apply never mutates its input', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: a bot match on frozen states', (_id, scenario) => {
    const seats = scenario.defaults.seats;
    const players: Player[] = scenario.nations.slice(0, seats).map((n, i) => ({
      nation: n.id, name: n.name, bot: true, strategy: STRATEGIES[i % STRATEGIES.length]!, personality: PERSONALITIES[i % PERSONALITIES.length]!,
    }));
    let state: GameState = deepFreeze(initialState({ scenario: scenario.id, seed: 21, settings: { turns: scenario.defaults.turns }, players, interests: interestsFor(scenario.id, players.map((p) => p.nation)) }));
    let applied = 0;
    const step = (s: GameState, a: Parameters<typeof apply>[1]): GameState => {
      const before = stateHash(s);
      const r = apply(s, a);
      expect(stateHash(s)).toBe(before);
      if (!r.ok) return s;
      applied++;
      return deepFreeze(r.state);
    };
    while (!state.over) {
      const rounds = state.phase === 'diplomacy' ? 3 : 1;
      for (let round = 0; round < rounds; round++) for (const p of players) for (const d of decide(state, p.nation, profileOf(p))) state = step(state, d.action);
      state = step(state, { type: 'advance' });
    }
    expect(applied).toBeGreaterThan(scenario.defaults.turns * 5);
  });
});
