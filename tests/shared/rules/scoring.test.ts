import { describe, expect, it } from 'vitest';
import type { GameState, Nation } from '../../../shared/types.ts';
import { REVISIONIST } from '../../../shared/types.ts';
import { INTEREST_WEIGHTS, scoreNation, scores, winners } from '../../../shared/rules/scoring.ts';
import { alliance, newGame, sign } from '../helpers.ts';

// Scoring is a pure function of the state, so each component is checked by changing one thing in a copy
// of a real starting state and watching its direction.

const withNation = (s: GameState, id: string, change: Partial<Nation>): GameState => ({
  ...s, nations: s.nations.map((n) => (n.id === id ? { ...n, ...change } : n)),
});

describe('scoring by national interest', () => {
  const s = newGame(6);

  it('prosperity follows output growth', () => {
    const v = s.nations.find((n) => n.id === 'valdor')!;
    const richer = scoreNation(withNation(s, 'valdor', { economy: v.economy * 1.5 }), 'valdor');
    expect(richer.prosperity).toBeGreaterThan(scoreNation(s, 'valdor').prosperity);
    expect(richer.total).toBeGreaterThan(scoreNation(s, 'valdor').total);
  });

  it('security falls with a lost region and rises with crises withstood', () => {
    const lost: GameState = { ...s, regions: s.regions.map((r) => (r.id === 'kestria-march' ? { ...r, owner: REVISIONIST } : r)) };
    expect(scoreNation(lost, 'kestria').security).toBeLessThan(scoreNation(s, 'kestria').security);
    const braved = withNation(s, 'kestria', { crisesWithstood: 3, crisesLost: 0 });
    const beaten = withNation(s, 'kestria', { crisesWithstood: 0, crisesLost: 3 });
    expect(scoreNation(braved, 'kestria').security).toBeGreaterThan(scoreNation(beaten, 'kestria').security);
  });

  it('standing follows reputation and the trust others place in the nation', () => {
    expect(scoreNation(withNation(s, 'isolde', { reputation: 90 }), 'isolde').standing).toBeGreaterThan(scoreNation(s, 'isolde').standing);
    const pairs = { ...s.pairs };
    for (const o of s.nations) if (o.id !== 'isolde') pairs[`${o.id}>isolde`] = { ...pairs[`${o.id}>isolde`]!, trust: 80 };
    expect(scoreNation({ ...s, pairs }, 'isolde').standing).toBeGreaterThan(scoreNation(s, 'isolde').standing);
  });

  it('autonomy falls with dependence and with alliance commitments', () => {
    const pairs = { ...s.pairs, 'isolde>valdor': { ...s.pairs['isolde>valdor']!, dependence: 60 } };
    expect(scoreNation({ ...s, pairs }, 'isolde').autonomy).toBeLessThan(scoreNation(s, 'isolde').autonomy);
    const allied = sign(s, 'isolde', ['valdor'], alliance()).state;
    expect(scoreNation(allied, 'isolde').autonomy).toBeLessThan(scoreNation(s, 'isolde').autonomy);
  });

  it('interests weight the same gain differently: growth matters more to a trading state than to a frontline one', () => {
    expect(INTEREST_WEIGHTS.trading.prosperity).toBeGreaterThan(INTEREST_WEIGHTS.frontline.prosperity);
    expect(INTEREST_WEIGHTS.frontline.security).toBeGreaterThan(INTEREST_WEIGHTS.trading.security);
    // Same nation, same 50% growth, two interests.
    const v = s.nations.find((n) => n.id === 'valdor')!;
    const gain = (interest: Nation['interest']) => {
      const base = withNation(s, 'valdor', { interest });
      return scoreNation(withNation(base, 'valdor', { economy: v.economy * 1.5 }), 'valdor').total - scoreNation(base, 'valdor').total;
    };
    expect(gain('trading')).toBeGreaterThan(gain('frontline'));
  });

  it('scores are sorted best first, and the winners share the top score', () => {
    const all = scores(s);
    expect(all).toHaveLength(6);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.total).toBeGreaterThanOrEqual(all[i]!.total);
    const w = winners(s);
    expect(w.length).toBeGreaterThan(0);
    for (const id of w) expect(all.find((x) => x.nation === id)!.total).toBe(all[0]!.total);
    // Making one nation clearly best makes it the sole winner.
    const boosted = withNation(s, 'solmere', { economy: 400, reputation: 100, crisesWithstood: 5 });
    expect(winners(boosted)).toEqual(['solmere']);
  });
});
