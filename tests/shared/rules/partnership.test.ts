import { describe, expect, it } from 'vitest';
import type { GameState, PartnershipTerms } from '../../../shared/types.ts';
import { complementarity, MAX_TIES, partnershipYield, projectYield } from '../../../shared/rules/partnership.ts';
import { advanceTo, calmWorld, crisisAgainst, nationOf, newGame, ok, pairOf, partnership, sign, toTurn, treatyById, trust, lastEvents } from '../helpers.ts';

// Strategic partnerships: sustained yields that compound with ties, complementarity and technology sharing,
// and the dependence they build (sensitivity to a partner's shocks, vulnerability when cut).

/** A calm 6-nation world with one partnership, run for `turns` whole turns; records valdor's yield per turn. */
function run(a: string, b: string, terms: PartnershipTerms, turns: number) {
  let s = calmWorld(newGame(8, 12));
  const { state, treaty } = sign(s, a, [b], terms);
  s = state;
  const perTurn: { ties: number; yieldA: number; yieldB: number }[] = [];
  for (let i = 0; i < turns; i++) {
    const before = treatyById(s, treaty.id)!;
    s = advanceTo(s, 'resolution');
    const after = treatyById(s, treaty.id)!;
    perTurn.push({ ties: pairOf(s, a, b).ties, yieldA: after.yielded[a]! - before.yielded[a]!, yieldB: after.yielded[b]! - before.yielded[b]! });
    s = advanceTo(s, 'diplomacy');
  }
  return { state: s, treatyId: treaty.id, perTurn };
}

describe('ties compound', () => {
  it('ties grow by one a turn up to the cap, and the yield grows with them', () => {
    const r = run('valdor', 'solmere', partnership({ techSharing: false, minTerm: 8 }), MAX_TIES + 2);
    expect(r.perTurn.map((x) => x.ties)).toEqual(r.perTurn.map((_, i) => Math.min(i + 1, MAX_TIES)));
    for (let i = 1; i < MAX_TIES; i++) {
      expect(r.perTurn[i]!.yieldA).toBeGreaterThan(r.perTurn[i - 1]!.yieldA);
      expect(r.perTurn[i]!.yieldB).toBeGreaterThan(r.perTurn[i - 1]!.yieldB);
    }
    // The partnership yields every turn whatever happens: it is sustained, not conditional.
    for (const x of r.perTurn) expect(x.yieldA).toBeGreaterThan(0);
  });

  it('the pure yield rises with ties and trade level, and is zero without ties', () => {
    const s = newGame(6);
    const v = nationOf(s, 'valdor');
    const o = nationOf(s, 'solmere');
    const t = partnership({ techSharing: false });
    expect(partnershipYield(v, o, t, 0)).toBe(0);
    for (let k = 1; k < MAX_TIES; k++) expect(partnershipYield(v, o, t, k + 1)).toBeGreaterThan(partnershipYield(v, o, t, k));
    expect(partnershipYield(v, o, { ...t, trade: 'high' }, 3)).toBeGreaterThan(partnershipYield(v, o, t, 3));
    expect(partnershipYield(v, o, { ...t, trade: 'low' }, 3)).toBeLessThan(partnershipYield(v, o, t, 3));
    const p = projectYield(s, 'valdor', 'solmere', t, 6);
    expect(p.perTurn).toHaveLength(6);
    expect(p.total).toBeGreaterThan(0);
    expect(p.dependence).toBeGreaterThan(0);
  });
});

describe('complementarity', () => {
  it('is 0 for identical economies, symmetric, and larger for more different ones', () => {
    const s = newGame(8);
    const r = (id: string) => nationOf(s, id).resources;
    expect(complementarity(r('valdor'), r('valdor'))).toBe(0);
    expect(complementarity(r('valdor'), r('solmere'))).toBe(complementarity(r('solmere'), r('valdor')));
    expect(complementarity(r('valdor'), r('solmere'))).toBeGreaterThan(complementarity(r('valdor'), r('brenmark')));
    const c = complementarity({ industry: 100, agriculture: 0, energy: 0, technology: 0 }, { industry: 0, agriculture: 100, energy: 0, technology: 0 });
    expect(c).toBeLessThanOrEqual(100);
    expect(c).toBeGreaterThan(complementarity(r('valdor'), r('solmere')));
  });

  it('a more complementary partner yields more, all else equal', () => {
    const s = newGame(6);
    const me = nationOf(s, 'valdor');
    const base = nationOf(s, 'solmere');
    const similar = { ...base, resources: { ...me.resources } };
    const different = { ...base, resources: { industry: 0, agriculture: 50, energy: 50, technology: 0 } };
    const t = partnership({ techSharing: false });
    expect(partnershipYield(me, different, t, 3)).toBeGreaterThan(partnershipYield(me, base, t, 3));
    expect(partnershipYield(me, base, t, 3)).toBeGreaterThan(partnershipYield(me, similar, t, 3));
  });

  it('in play, Valdor gains more from different Solmere than from similar Brenmark', () => {
    const t = partnership({ techSharing: false, minTerm: 6 });
    const solmere = run('valdor', 'solmere', t, 3);
    const brenmark = run('valdor', 'brenmark', t, 3);
    const total = (x: typeof solmere) => x.perTurn.reduce((a, y) => a + y.yieldA, 0);
    expect(total(solmere)).toBeGreaterThan(total(brenmark));
  });
});

describe('technology sharing', () => {
  it('raises the yield and lets the partner that is behind catch up', () => {
    const withTech = run('valdor', 'solmere', partnership({ techSharing: true, minTerm: 6 }), 4);
    const without = run('valdor', 'solmere', partnership({ techSharing: false, minTerm: 6 }), 4);
    const start = nationOf(newGame(6), 'solmere').technology;
    expect(nationOf(withTech.state, 'solmere').technology).toBeGreaterThan(start);
    expect(nationOf(without.state, 'solmere').technology).toBe(start);
    const total = (x: typeof withTech) => x.perTurn.reduce((a, y) => a + y.yieldB, 0);
    expect(total(withTech)).toBeGreaterThan(total(without));
    // The leader does not lose technology by sharing it.
    expect(nationOf(withTech.state, 'valdor').technology).toBeGreaterThanOrEqual(nationOf(newGame(6), 'valdor').technology);
  });
});

describe('dependence', () => {
  it('grows with ties, and the smaller economy depends more on the larger', () => {
    const r = run('valdor', 'quillon', partnership({ minTerm: 6 }), 1);
    let s = r.state;
    const d1 = pairOf(s, 'quillon', 'valdor').dependence;
    expect(d1).toBeGreaterThan(0);
    s = advanceTo(s, 'resolution');
    expect(pairOf(s, 'quillon', 'valdor').dependence).toBeGreaterThan(d1);
    expect(nationOf(s, 'quillon').economy).toBeLessThan(nationOf(s, 'valdor').economy);
    expect(pairOf(s, 'quillon', 'valdor').dependence).toBeGreaterThan(pairOf(s, 'valdor', 'quillon').dependence);
  });

  it('sensitivity: a partner that loses a crisis yields less that year', () => {
    let found = 0;
    for (let seed = 1; seed <= 30 && found < 2; seed++) {
      let s = calmWorld(newGame(6, 10, seed));
      const { state, treaty } = sign(s, 'valdor', ['solmere'], partnership({ minTerm: 6 }));
      s = toTurn(state, 3);
      const calm = advanceTo(s, 'resolution');
      const shocked = ok(crisisAgainst(s, 'solmere', 100, 'blockade').state, { type: 'advance' });
      if (shocked.crises.find((c) => c.injected)!.outcome !== 'lost') continue;
      found++;
      const gain = (x: GameState) => treatyById(x, treaty.id)!.yielded.valdor! - treatyById(s, treaty.id)!.yielded.valdor!;
      expect(gain(shocked)).toBeLessThan(gain(calm));
    }
    expect(found).toBeGreaterThan(0);
  });
});
