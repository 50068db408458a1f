import { describe, expect, it } from 'vitest';
import type { CallAnswer, GameState } from '../../../shared/types.ts';
import { holdChance } from '../../../shared/rules/resolution.ts';
import { alliance, advanceTo, calmWorld, crisisAgainst, nationOf, newGame, ok, sign, toTurn, trust } from '../helpers.ts';

// Honour vs abstain: the ally who comes pays attrition and earns credibility; the one who stays away pays an
// audience cost, loses the victim's trust, and the alliance ends (abandonment).

interface Outcome {
  before: GameState;
  after: GameState;
  crisisDefence: number;
  treatyId: string;
}

function called(answer: CallAnswer | null, signTurn = 1, crisisTurn = 1, seed = 7): Outcome {
  let s = calmWorld(newGame(6, 10, seed));
  s = toTurn(s, signTurn);
  const signed = sign(s, 'valdor', ['kestria'], alliance({ contribution: 'full' }));
  s = toTurn(signed.state, crisisTurn);
  s = crisisAgainst(s, 'kestria', 40).state;
  const call = s.calls.find((k) => k.ally === 'valdor')!;
  expect(call).toBeDefined();
  if (answer) s = ok(s, { type: 'respond', by: 'valdor', call: call.id, answer });
  const before = s;
  const after = ok(s, { type: 'advance' });
  expect(after.phase).toBe('resolution');
  return { before, after, crisisDefence: after.crises.find((c) => c.injected)!.defence, treatyId: signed.treaty.id };
}

describe('honour vs abstain', () => {
  const honour = called('honour');
  const abstain = called('abstain');
  const silent = called(null);

  it('honouring adds the ally\'s contribution to the defence', () => {
    expect(honour.crisisDefence).toBeGreaterThan(abstain.crisisDefence);
  });

  it('honouring raises the ally\'s reputation and the victim\'s trust in it; the alliance goes on', () => {
    expect(nationOf(honour.after, 'valdor').reputation).toBeGreaterThan(nationOf(honour.before, 'valdor').reputation);
    expect(trust(honour.after, 'kestria', 'valdor')).toBeGreaterThan(trust(honour.before, 'kestria', 'valdor'));
    const t = honour.after.treaties.find((x) => x.id === honour.treatyId)!;
    expect(t).toBeDefined();
    expect(t.honoured.valdor).toBe(1);
    expect(honour.after.record.honoured).toBe(1);
  });

  it('honouring costs strength (attrition: the price of entrapment)', () => {
    expect(nationOf(honour.after, 'valdor').military).toBeLessThan(nationOf(abstain.after, 'valdor').military);
  });

  it('abstaining costs reputation, collapses the victim\'s trust, and ends the alliance', () => {
    expect(nationOf(abstain.after, 'valdor').reputation).toBeLessThan(nationOf(abstain.before, 'valdor').reputation);
    expect(trust(abstain.after, 'kestria', 'valdor')).toBeLessThan(0);
    expect(trust(abstain.after, 'kestria', 'valdor')).toBeLessThan(trust(honour.after, 'kestria', 'valdor'));
    expect(abstain.after.treaties.find((x) => x.id === abstain.treatyId)).toBeUndefined();
    expect(abstain.after.record.abstained).toBe(1);
    expect(abstain.after.events.some((e) => e.type === 'abstained' && e.concepts.includes('abandonment'))).toBe(true);
  });

  it('everyone who watched trusts the deserter less and the loyal ally more', () => {
    for (const watcher of ['isolde', 'corvenne', 'drevany', 'solmere']) {
      expect(trust(abstain.after, watcher, 'valdor')).toBeLessThan(trust(abstain.before, watcher, 'valdor'));
      expect(trust(honour.after, watcher, 'valdor')).toBeGreaterThan(trust(abstain.after, watcher, 'valdor'));
    }
  });

  it('silence when called counts as abstaining', () => {
    expect(silent.after.record.abstained).toBe(1);
    expect(silent.after.treaties.find((x) => x.id === silent.treatyId)).toBeUndefined();
    expect(nationOf(silent.after, 'valdor').reputation).toBe(nationOf(abstain.after, 'valdor').reputation);
  });

  it('the audience cost is larger for a long-standing alliance', () => {
    const young = called('abstain', 1, 1);
    const old = called('abstain', 1, 5);
    const drop = (o: Outcome) => nationOf(o.before, 'valdor').reputation - nationOf(o.after, 'valdor').reputation;
    expect(drop(young)).toBeGreaterThan(0);
    expect(drop(old)).toBeGreaterThan(drop(young));
  });

  it('a stronger defence holds more often', () => {
    expect(holdChance(80, 40)).toBeGreaterThan(holdChance(40, 40));
    expect(holdChance(40, 80)).toBeLessThan(holdChance(40, 40));
    // Never certain either way.
    expect(holdChance(1e6, 1)).toBeLessThan(1);
    expect(holdChance(1, 1e6)).toBeGreaterThan(0);
  });
});

describe('crisis outcomes', () => {
  it('held crises count as withstood; lost ones cost output and stability', () => {
    let held = 0;
    let lost = 0;
    for (let seed = 1; seed <= 30; seed++) {
      let s = calmWorld(newGame(4, 10, seed));
      s = crisisAgainst(s, 'kestria', 60, 'blockade').state;
      const before = nationOf(s, 'kestria');
      s = ok(s, { type: 'advance' });
      const c = s.crises.find((x) => x.injected)!;
      const after = nationOf(s, 'kestria');
      if (c.outcome === 'held') {
        held++;
        expect(after.crisesWithstood).toBe(before.crisesWithstood + 1);
      } else {
        lost++;
        expect(c.outcome).toBe('lost');
        expect(after.crisesLost).toBe(before.crisesLost + 1);
        expect(after.stability).toBeLessThan(before.stability);
        // A blockade never takes a region.
        expect(c.regionLost).toBe(false);
      }
    }
    expect(held).toBeGreaterThan(0);
    expect(lost).toBeGreaterThan(0);
  });

  it('a lost invasion can take a non-capital region, never the capital', () => {
    let taken = 0;
    for (let seed = 1; seed <= 60; seed++) {
      let s = calmWorld(newGame(4, 10, seed));
      s = advanceTo(s, 'policy');
      s = ok(s, { type: 'policy', by: 'kestria', defence: 0, demand: null });
      s = crisisAgainst(s, 'kestria', 100, 'invasion').state;
      s = ok(s, { type: 'advance' });
      const c = s.crises.find((x) => x.injected)!;
      const region = s.regions.find((r) => r.id === c.region)!;
      if (c.regionLost) {
        taken++;
        expect(region.capital).toBe(false);
        expect(region.owner).not.toBe('kestria');
      } else expect(region.owner).toBe('kestria');
    }
    expect(taken).toBeGreaterThan(0);
  });
});
