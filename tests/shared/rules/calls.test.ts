import { describe, expect, it } from 'vitest';
import type { AllianceTerms, GameState } from '../../../shared/types.ts';
import { REVISIONIST } from '../../../shared/types.ts';
import { callBlocker } from '../../../shared/rules/alliance.ts';
import { alliance, advanceTo, calmWorld, crisisAgainst, newGame, ok, sign } from '../helpers.ts';

// Casus foederis: an ally is called only when the crisis meets the alliance's conditions (adversary, scope,
// non-provocation), and never otherwise.

/** Sign valdor + kestria under `terms` in a calm world. */
function allied(terms: AllianceTerms, seed = 1): GameState {
  return sign(calmWorld(newGame(6, 10, seed)), 'valdor', ['kestria'], terms).state;
}

/** Drevany presses a demand on Kestria (and optionally Kestria on Drevany); returns the crisis-phase state. */
function demandCrisis(s: GameState, kestriaProvokes: boolean): GameState {
  s = advanceTo(s, 'policy');
  s = ok(s, { type: 'policy', by: 'drevany', defence: 30, demand: 'kestria' });
  if (kestriaProvokes) s = ok(s, { type: 'policy', by: 'kestria', defence: 30, demand: 'drevany' });
  return advanceTo(s, 'crisis');
}

const callsFor = (s: GameState, crisisId: string, ally: string) => s.calls.filter((k) => k.crisis === crisisId && k.ally === ally);
const drevanyCrisis = (s: GameState) => s.crises.find((c) => c.attacker === 'drevany' && c.target === 'kestria')!;

describe('calls: adversary', () => {
  it('any attacker: both the revisionist power and a neighbour trigger the call', () => {
    let s = allied(alliance({ adversary: 'any', scope: 'anywhere', nonProvocation: true }));
    const rev = crisisAgainst(s, 'kestria', 30);
    expect(callsFor(rev.state, rev.crisis.id, 'valdor')).toHaveLength(1);
    s = demandCrisis(s, false);
    const c = drevanyCrisis(s);
    expect(c.provoked).toBe(false);
    expect(callsFor(s, c.id, 'valdor')).toHaveLength(1);
  });

  it('a named nation: only that nation triggers the call', () => {
    let s = allied(alliance({ adversary: 'drevany', scope: 'anywhere' }));
    const rev = crisisAgainst(s, 'kestria', 30);
    expect(rev.crisis.attacker).toBe(REVISIONIST);
    expect(callsFor(rev.state, rev.crisis.id, 'valdor')).toHaveLength(0);
    s = demandCrisis(s, false);
    expect(callsFor(s, drevanyCrisis(s).id, 'valdor')).toHaveLength(1);
  });

  it('the revisionist power named: a neighbour attacking does not trigger the call', () => {
    let s = allied(alliance({ adversary: REVISIONIST, scope: 'anywhere' }));
    const rev = crisisAgainst(s, 'kestria', 30);
    expect(callsFor(rev.state, rev.crisis.id, 'valdor')).toHaveLength(1);
    s = demandCrisis(s, false);
    expect(callsFor(s, drevanyCrisis(s).id, 'valdor')).toHaveLength(0);
  });

  it('a crisis against a non-member calls nobody, and the victim is never called for itself', () => {
    const s = allied(alliance());
    const r = crisisAgainst(s, 'isolde', 30);
    expect(r.state.calls.filter((k) => k.crisis === r.crisis.id)).toHaveLength(0);
    const r2 = crisisAgainst(s, 'kestria', 30);
    expect(r2.state.calls.filter((k) => k.crisis === r2.crisis.id).map((k) => k.ally)).toEqual(['valdor']);
  });

  it('an ally who is itself the attacker is not called against itself', () => {
    let s = sign(calmWorld(newGame(6)), 'drevany', ['kestria'], alliance()).state;
    s = demandCrisis(s, false);
    expect(callsFor(s, drevanyCrisis(s).id, 'drevany')).toHaveLength(0);
  });
});

describe('calls: scope', () => {
  it('home scope calls only for core regions; anywhere calls for every region', () => {
    // Isolde has a core capital and outlying skerries; which one is struck comes from the seeded draw.
    const seen = { core: 0, outlying: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      for (const scope of ['home', 'anywhere'] as const) {
        const s = sign(calmWorld(newGame(6, 10, seed)), 'valdor', ['isolde'], alliance({ scope })).state;
        const r = crisisAgainst(s, 'isolde', 30);
        const region = r.state.regions.find((x) => x.id === r.crisis.region)!;
        const called = callsFor(r.state, r.crisis.id, 'valdor').length;
        if (scope === 'anywhere') expect(called).toBe(1);
        else {
          expect(called).toBe(region.core ? 1 : 0);
          seen[region.core ? 'core' : 'outlying'] += 1;
        }
      }
    }
    // Both situations really occurred, so the assertion above was exercised both ways.
    expect(seen.core).toBeGreaterThan(0);
    expect(seen.outlying).toBeGreaterThan(0);
  });
});

describe('calls: non-provocation', () => {
  it('no obligation when the member provoked the crisis with a demand, if the clause is in the terms', () => {
    const clause = demandCrisis(allied(alliance({ nonProvocation: true })), true);
    const c = drevanyCrisis(clause);
    expect(c.provoked).toBe(true);
    expect(callsFor(clause, c.id, 'valdor')).toHaveLength(0);

    const noClause = demandCrisis(allied(alliance({ nonProvocation: false })), true);
    expect(drevanyCrisis(noClause).provoked).toBe(true);
    expect(callsFor(noClause, drevanyCrisis(noClause).id, 'valdor')).toHaveLength(1);
  });

  it('callBlocker gives a reason for every blocked case and null for a match', () => {
    const s = allied(alliance());
    const t = { ...s.treaties[0]!, terms: alliance({ adversary: 'drevany', scope: 'home', nonProvocation: true }) } as typeof s.treaties[0] & { terms: AllianceTerms };
    const core = { core: true };
    const base = { attacker: 'drevany', target: 'kestria', provoked: false };
    expect(callBlocker(t, base, core, 'valdor')).toBeNull();
    expect(callBlocker(t, { ...base, attacker: REVISIONIST }, core, 'valdor')).toEqual(expect.any(String));
    expect(callBlocker(t, base, { core: false }, 'valdor')).toEqual(expect.any(String));
    expect(callBlocker(t, { ...base, provoked: true }, core, 'valdor')).toEqual(expect.any(String));
    expect(callBlocker(t, base, core, 'kestria')).toEqual(expect.any(String));
    expect(callBlocker(t, { ...base, target: 'isolde' }, core, 'valdor')).toEqual(expect.any(String));
  });
});

describe('calls: group alliances', () => {
  it('every other member of each matching alliance is called once, committing its promised share', () => {
    let s = calmWorld(newGame(6));
    s = sign(s, 'valdor', ['kestria'], alliance({ contribution: 'token' })).state;
    s = sign(s, 'corvenne', ['kestria', 'isolde'], alliance({ contribution: 'full' })).state;
    const r = crisisAgainst(s, 'kestria', 30);
    const allies = r.state.calls.filter((k) => k.crisis === r.crisis.id).map((k) => k.ally).sort();
    expect(allies).toEqual(['corvenne', 'isolde', 'valdor']);
    const valdor = r.state.calls.find((k) => k.ally === 'valdor')!;
    const isolde = r.state.calls.find((k) => k.ally === 'isolde')!;
    // A fuller promise commits a larger share of military.
    const mil = (id: string) => r.state.nations.find((n) => n.id === id)!.military;
    expect(isolde.contribution / mil('isolde')).toBeGreaterThan(valdor.contribution / mil('valdor'));
  });
});
