import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../shared/types.ts';
import { assess, FACTORS } from '../../../shared/rules/assess.ts';
import { alliance, calmWorld, crisisAgainst, newGame, ok, partnership, sign } from '../helpers.ts';

// Before signing: every factor the seeds list, each with a value and a one-line reason, moving in the right
// direction when the world changes.

const factor = (a: ReturnType<typeof assess>, key: string) => a.factors.find((f) => f.key === key)!;

describe('assess', () => {
  it('returns every factor with a finite value and a one-line reason, for both kinds', () => {
    const s = newGame(6);
    for (const terms of [alliance(), partnership()]) {
      const a = assess(s, 'kestria', { from: 'valdor', to: ['kestria'], terms });
      expect(a.factors.map((f) => f.key)).toEqual([...FACTORS]);
      for (const f of a.factors) {
        expect(Number.isFinite(f.value), f.key).toBe(true);
        expect(f.value).toBeGreaterThanOrEqual(-100);
        expect(f.value).toBeLessThanOrEqual(100);
        expect(f.reason.length).toBeGreaterThan(10);
        expect(f.reason).not.toContain('\n');
        expect(f.label.length).toBeGreaterThan(0);
      }
      expect(a.partners).toEqual(['valdor']);
      expect(['favourable', 'mixed', 'unfavourable']).toContain(a.verdict);
    }
  });

  it('is pure: assessing does not change the state', () => {
    const s = newGame(6);
    const before = JSON.stringify(s);
    assess(s, 'kestria', { from: 'valdor', to: ['kestria'], terms: alliance() });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('complementarity counts for partnerships: a more different economy scores higher', () => {
    const s = newGame(8);
    const different = assess(s, 'valdor', { from: 'valdor', to: ['solmere'], terms: partnership() });
    const similar = assess(s, 'valdor', { from: 'valdor', to: ['brenmark'], terms: partnership() });
    expect(factor(different, 'complementarity').value).toBeGreaterThan(factor(similar, 'complementarity').value);
  });

  it('risks: an alliance with an exposed frontier state carries more entrapment risk, less when limited to home regions', () => {
    const s = newGame(6);
    const frontier = assess(s, 'valdor', { from: 'valdor', to: ['kestria'], terms: alliance({ scope: 'anywhere' }) });
    const quiet = assess(s, 'valdor', { from: 'valdor', to: ['solmere'], terms: alliance({ scope: 'anywhere' }) });
    const homeOnly = assess(s, 'valdor', { from: 'valdor', to: ['kestria'], terms: alliance({ scope: 'home' }) });
    expect(factor(frontier, 'risks').value).toBeLessThan(factor(quiet, 'risks').value);
    expect(factor(homeOnly, 'risks').value).toBeGreaterThan(factor(frontier, 'risks').value);
  });

  it('risks: a partnership at a higher trade level means more dependence', () => {
    const s = newGame(6);
    const low = assess(s, 'solmere', { from: 'valdor', to: ['solmere'], terms: partnership({ trade: 'low' }) });
    const high = assess(s, 'solmere', { from: 'valdor', to: ['solmere'], terms: partnership({ trade: 'high' }) });
    expect(factor(high, 'risks').value).toBeLessThan(factor(low, 'risks').value);
  });

  it('duration and exit: a long lock-in scores lower than a short one', () => {
    const s = newGame(6);
    const short = assess(s, 'solmere', { from: 'valdor', to: ['solmere'], terms: partnership({ minTerm: 2 }) });
    const long = assess(s, 'solmere', { from: 'valdor', to: ['solmere'], terms: partnership({ minTerm: 10 }) });
    expect(factor(long, 'duration').value).toBeLessThan(factor(short, 'duration').value);
  });

  it('trust and credibility: an ally that abandoned a partner is rated lower by everyone', () => {
    let s: GameState = calmWorld(newGame(6));
    const before = assess(s, 'isolde', { from: 'valdor', to: ['isolde'], terms: alliance() });
    s = sign(s, 'valdor', ['kestria'], alliance()).state;
    s = crisisAgainst(s, 'kestria', 30).state;
    s = ok(s, { type: 'respond', by: 'valdor', call: s.calls.find((k) => k.ally === 'valdor')!.id, answer: 'abstain' });
    s = ok(s, { type: 'advance' });
    const after = assess(s, 'isolde', { from: 'valdor', to: ['isolde'], terms: alliance() });
    expect(factor(after, 'trust').value).toBeLessThan(factor(before, 'trust').value);
  });
});
