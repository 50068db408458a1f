import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../shared/types.ts';
import { REVISIONIST } from '../../../shared/types.ts';
import { credibleSupport, deterrence } from '../../../shared/rules/alliance.ts';
import { alliance, advanceTo, calmWorld, nationOf, newGame, ok, sign } from '../helpers.ts';

// The dormant side of an alliance: deterrence (fewer and weaker crises against members, in proportion to
// the allies' credible strength) and upkeep.

describe('deterrence', () => {
  it('is zero alone, grows with allies and with fuller promises', () => {
    const s = newGame(6);
    expect(deterrence(s, 'kestria', REVISIONIST)).toBe(0);
    const token = sign(s, 'valdor', ['kestria'], alliance({ contribution: 'token' })).state;
    const full = sign(s, 'valdor', ['kestria'], alliance({ contribution: 'full' })).state;
    const group = sign(s, 'valdor', ['kestria', 'corvenne', 'drevany'], alliance({ contribution: 'full' })).state;
    const d = (x: GameState) => deterrence(x, 'kestria', REVISIONIST);
    expect(d(token)).toBeGreaterThan(0);
    expect(d(full)).toBeGreaterThan(d(token));
    expect(d(group)).toBeGreaterThan(d(full));
    expect(d(group)).toBeLessThan(1);
  });

  it('depends on the allies\' credibility: a disreputable ally deters less', () => {
    const s = sign(newGame(6), 'valdor', ['kestria'], alliance()).state;
    const shamed: GameState = { ...s, nations: s.nations.map((n) => (n.id === 'valdor' ? { ...n, reputation: 10 } : n)) };
    expect(credibleSupport(shamed, 'kestria', REVISIONIST)).toBeLessThan(credibleSupport(s, 'kestria', REVISIONIST));
    expect(deterrence(shamed, 'kestria', REVISIONIST)).toBeLessThan(deterrence(s, 'kestria', REVISIONIST));
  });

  it('an alliance against a named adversary deters only that adversary', () => {
    const s = sign(newGame(6), 'valdor', ['kestria'], alliance({ adversary: 'drevany' })).state;
    expect(deterrence(s, 'kestria', 'drevany')).toBeGreaterThan(0);
    expect(deterrence(s, 'kestria', REVISIONIST)).toBe(0);
  });

  it('lowers the crisis odds: a well-allied frontier state is struck less often over many seeded years', () => {
    let alone = 0;
    let allied = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const s = newGame(6, 10, seed);
      const withAllies = sign(s, 'valdor', ['kestria', 'corvenne', 'drevany'], alliance({ contribution: 'full' })).state;
      const hits = (x: GameState) => advanceTo(x, 'crisis').crises.filter((c) => c.target === 'kestria' && c.attacker === REVISIONIST && !c.injected).length;
      alone += hits(s);
      allied += hits(withAllies);
    }
    expect(alone).toBeGreaterThan(30); // the frontier really is under pressure, so the comparison means something
    expect(allied).toBeLessThan(alone);
  });

  it('weakens a coercive demand aimed at a member', () => {
    const severity = (s: GameState) => {
      s = advanceTo(calmWorld(s), 'policy');
      s = ok(s, { type: 'policy', by: 'drevany', defence: 30, demand: 'kestria' });
      return advanceTo(s, 'crisis').crises.find((c) => c.attacker === 'drevany')!.severity;
    };
    const s = newGame(6);
    const withAlly = sign(s, 'valdor', ['kestria'], alliance({ contribution: 'full' })).state;
    expect(severity(withAlly)).toBeLessThan(severity(s));
  });
});

describe('upkeep', () => {
  it('an alliance costs its members output every turn, more for bigger promises', () => {
    const s = calmWorld(newGame(6));
    const econ = (x: GameState) => nationOf(advanceTo(x, 'resolution'), 'valdor').economy;
    const none = econ(s);
    const token = econ(sign(s, 'valdor', ['kestria'], alliance({ contribution: 'token' })).state);
    const full = econ(sign(s, 'valdor', ['kestria'], alliance({ contribution: 'full' })).state);
    expect(token).toBeLessThanOrEqual(none);
    expect(full).toBeLessThan(none);
    expect(full).toBeLessThanOrEqual(token);
  });
});
