import { describe, expect, it } from 'vitest';
import { alliance, advanceTo, calmWorld, newGame, ok, partnership, sign, toTurn, trust } from '../helpers.ts';

// Trust moves with deeds: signing and keeping treaties raise it between the members; coercion lowers it in
// the target and in everyone who watched; breaking a treaty lowers it for partner and watchers alike.
// (Honour and abstention are covered in resolution.test.ts.)

describe('trust moved by deeds', () => {
  it('signing raises trust between the members only', () => {
    const s = newGame(6);
    const after = sign(s, 'valdor', ['solmere'], partnership()).state;
    expect(trust(after, 'valdor', 'solmere')).toBeGreaterThan(trust(s, 'valdor', 'solmere'));
    expect(trust(after, 'solmere', 'valdor')).toBeGreaterThan(trust(s, 'solmere', 'valdor'));
    expect(trust(after, 'kestria', 'valdor')).toBe(trust(s, 'kestria', 'valdor'));
  });

  it('a treaty kept turn after turn keeps raising trust between its members', () => {
    let s = calmWorld(newGame(6));
    s = sign(s, 'valdor', ['kestria'], alliance()).state;
    const t1 = trust(s, 'kestria', 'valdor');
    const t3 = trust(toTurn(s, 3), 'kestria', 'valdor');
    const t5 = trust(toTurn(s, 5), 'kestria', 'valdor');
    expect(t3).toBeGreaterThan(t1);
    expect(t5).toBeGreaterThan(t3);
    // Nations with no treaty and no dealings stay where they were.
    expect(trust(toTurn(s, 5), 'isolde', 'solmere')).toBe(trust(s, 'isolde', 'solmere'));
  });

  it('a coercive demand costs the demander the target\'s trust, the watchers\' trust, and reputation', () => {
    let s = advanceTo(calmWorld(newGame(6)), 'policy');
    const before = s;
    s = ok(s, { type: 'policy', by: 'drevany', defence: 30, demand: 'solmere' });
    // Sealed: nothing moves until the crisis phase reveals the demand.
    expect(trust(s, 'solmere', 'drevany')).toBe(trust(before, 'solmere', 'drevany'));
    s = advanceTo(s, 'crisis');
    expect(trust(s, 'solmere', 'drevany')).toBeLessThan(trust(before, 'solmere', 'drevany'));
    for (const w of ['valdor', 'kestria', 'isolde', 'corvenne']) expect(trust(s, w, 'drevany')).toBeLessThan(trust(before, w, 'drevany'));
    // The target's drop is the larger one.
    expect(trust(before, 'solmere', 'drevany') - trust(s, 'solmere', 'drevany')).toBeGreaterThan(trust(before, 'valdor', 'drevany') - trust(s, 'valdor', 'drevany'));
    s = advanceTo(s, 'resolution');
    expect(s.nations.find((n) => n.id === 'drevany')!.reputation).toBeLessThan(before.nations.find((n) => n.id === 'drevany')!.reputation);
  });

  it('trust stays within -100..100 however often it is hit', () => {
    let s = calmWorld(newGame(4, 40));
    const seen: number[] = [];
    for (let turn = 1; turn < 30; turn++) {
      s = advanceTo(s, 'policy');
      s = ok(s, { type: 'policy', by: 'kestria', defence: 30, demand: 'valdor' });
      s = advanceTo(s, 'diplomacy');
      seen.push(trust(s, 'valdor', 'kestria'));
    }
    // Repeated coercion drives trust down to the floor and no further.
    expect(seen[1]!).toBeLessThan(seen[0]!);
    expect(Math.min(...seen)).toBe(-100);
    for (const n of ['valdor', 'isolde', 'corvenne']) expect(trust(s, n, 'kestria')).toBeGreaterThanOrEqual(-100);
  });
});
