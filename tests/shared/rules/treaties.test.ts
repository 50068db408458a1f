import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../shared/types.ts';
import { alliance, advanceTo, calmWorld, crisisAgainst, lastEvents, nationOf, newGame, ok, pairOf, partnership, refused, sign, toTurn, treatyById, trust } from '../helpers.ts';

// The life of a treaty: early break (public, costly: audience cost, vulnerability) vs exit with notice or at
// a review (orderly), reviews (renew, leave, amend) and what unreviewed imbalance does to trust.

/** Valdor (large) and Quillon (small) in a partnership with a long term, ties built for 3 turns; now turn 4 diplomacy. */
function interdependent(): { s: GameState; id: string } {
  let s = calmWorld(newGame(8, 12));
  const { state, treaty } = sign(s, 'valdor', ['quillon'], partnership({ minTerm: 8, review: 6 }));
  s = toTurn(state, 4);
  expect(pairOf(s, 'quillon', 'valdor').ties).toBe(3);
  return { s, id: treaty.id };
}

const econ = (s: GameState, id: string) => nationOf(s, id).economy;
const rep = (s: GameState, id: string) => nationOf(s, id).reputation;

describe('dependence shock: breaking a partnership early', () => {
  const { s, id } = interdependent();
  const broken = ok(s, { type: 'break', by: 'valdor', treaty: id });
  const events = lastEvents;

  it('ends the treaty, wipes ties and dependence both ways', () => {
    expect(treatyById(broken, id)).toBeUndefined();
    for (const [a, b] of [['valdor', 'quillon'], ['quillon', 'valdor']] as const) {
      expect(pairOf(broken, a, b).ties).toBe(0);
      expect(pairOf(broken, a, b).dependence).toBe(0);
    }
  });

  it('costs both sides output, the more dependent side the larger share (vulnerability)', () => {
    const lossShare = (n: string) => (econ(s, n) - econ(broken, n)) / econ(s, n);
    expect(pairOf(s, 'quillon', 'valdor').dependence).toBeGreaterThan(pairOf(s, 'valdor', 'quillon').dependence);
    expect(lossShare('quillon')).toBeGreaterThan(0);
    expect(lossShare('valdor')).toBeGreaterThan(0);
    expect(lossShare('quillon')).toBeGreaterThan(lossShare('valdor'));
    expect(events.some((e) => e.type === 'broken' && e.concepts.includes('vulnerability'))).toBe(true);
  });

  // A big economy loses more output in absolute terms while depending less: the news must name the side
  // hit hardest relative to its economy.
  it('the break news names the more dependent side as the one hit hardest', () => {
    const text = events.find((e) => e.type === 'broken')!.text;
    expect(text).toContain('Quillon, the more dependent side');
  });

  it('costs the breaker reputation and the trust of its partner and of every watcher', () => {
    expect(rep(broken, 'valdor')).toBeLessThan(rep(s, 'valdor'));
    expect(trust(broken, 'quillon', 'valdor')).toBeLessThan(trust(s, 'quillon', 'valdor'));
    for (const w of ['kestria', 'isolde', 'corvenne']) expect(trust(broken, w, 'valdor')).toBeLessThan(trust(s, w, 'valdor'));
    expect(rep(broken, 'quillon')).toBe(rep(s, 'quillon'));
    expect(broken.record.broken).toBe(1);
  });
});

describe('exit with notice', () => {
  const { s, id } = interdependent();
  const noticed = ok(s, { type: 'notice', by: 'valdor', treaty: id });

  it('costs no reputation or trust when given, and the treaty runs to the end of its term', () => {
    expect(rep(noticed, 'valdor')).toBe(rep(s, 'valdor'));
    expect(trust(noticed, 'quillon', 'valdor')).toBe(trust(s, 'quillon', 'valdor'));
    const t = treatyById(noticed, id)!;
    expect(t.noticeBy).toBe('valdor');
    expect(t.endsAt).toBeGreaterThan(noticed.turn);
    // The partnership keeps yielding while the notice runs.
    const next = advanceTo(noticed, 'resolution');
    expect(treatyById(next, id)!.yielded.valdor!).toBeGreaterThan(t.yielded.valdor!);
  });

  it('ends in an orderly way: a far smaller shock per unit of dependence than a break, and no reputation cost', () => {
    const endsAt = treatyById(noticed, id)!.endsAt!;
    let x = noticed;
    while (!(x.turn === endsAt - 1 && x.phase === 'news')) x = ok(x, { type: 'advance' });
    const eve = x;
    const after = ok(eve, { type: 'advance' });
    expect(after.turn).toBe(endsAt);
    expect(treatyById(after, id)).toBeUndefined();
    expect(lastEvents.some((e) => e.type === 'expired')).toBe(true);
    expect(rep(after, 'valdor')).toBe(rep(eve, 'valdor'));
    expect(after.record.broken).toBe(0);
    // Shock per unit of dependence, orderly end vs break (both measured on the state just before unwinding).
    const shock = (before: GameState, afterS: GameState, n: string, other: string) =>
      (econ(before, n) - econ(afterS, n)) / econ(before, n) / pairOf(before, n, other).dependence;
    const broken = ok(s, { type: 'break', by: 'valdor', treaty: id });
    expect(shock(eve, after, 'quillon', 'valdor')).toBeLessThan(shock(s, broken, 'quillon', 'valdor'));
    expect(pairOf(after, 'quillon', 'valdor').ties).toBe(0);
  });
});

describe('alliances: break vs notice vs expiry', () => {
  it('breaking an open-ended alliance outside a review is costly; a notice is free and ends it later', () => {
    let s = calmWorld(newGame(6));
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ duration: null, notice: 2, review: 4 }));
    s = toTurn(state, 2);
    const broken = ok(s, { type: 'break', by: 'kestria', treaty: treaty.id });
    expect(rep(broken, 'kestria')).toBeLessThan(rep(s, 'kestria'));
    expect(trust(broken, 'valdor', 'kestria')).toBeLessThan(trust(s, 'valdor', 'kestria'));

    const noticed = ok(s, { type: 'notice', by: 'kestria', treaty: treaty.id });
    expect(rep(noticed, 'kestria')).toBe(rep(s, 'kestria'));
    expect(treatyById(noticed, treaty.id)!.endsAt).toBe(2 + 2);
    let x = toTurn(noticed, 3);
    expect(treatyById(x, treaty.id)).toBeDefined();
    x = toTurn(x, 4);
    expect(treatyById(x, treaty.id)).toBeUndefined();
    expect(rep(x, 'kestria')).toBe(rep(s, 'kestria'));
  });

  it('a fixed-duration alliance expires on its own without any cost', () => {
    let s = calmWorld(newGame(6));
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ duration: 2, review: 6 }));
    s = toTurn(state, 2);
    expect(treatyById(s, treaty.id)).toBeDefined();
    const reps = [rep(s, 'valdor'), rep(s, 'kestria')];
    s = toTurn(s, 3);
    expect(treatyById(s, treaty.id)).toBeUndefined();
    expect([rep(s, 'valdor'), rep(s, 'kestria')]).toEqual(reps);
    expect(s.events.some((e) => e.type === 'expired')).toBe(true);
  });

  // Signed turn 1 for 2 turns ends in turn 3; a notice of 4 turns given in turn 2 must not push it to turn 6.
  it('exit notice never prolongs a fixed-duration alliance beyond its agreed end', () => {
    let s = calmWorld(newGame(6));
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ duration: 2, notice: 4, review: 6 }));
    const agreedEnd = treatyById(state, treaty.id)!.endsAt!;
    s = toTurn(state, 2);
    s = ok(s, { type: 'notice', by: 'kestria', treaty: treaty.id });
    expect(treatyById(s, treaty.id)!.endsAt!).toBeLessThanOrEqual(agreedEnd);
    s = toTurn(s, agreedEnd);
    expect(treatyById(s, treaty.id)).toBeUndefined();
  });

  it('breaking a long-standing treaty costs more reputation than a young one', () => {
    const dropAt = (turn: number) => {
      let s = calmWorld(newGame(6, 12));
      const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ review: 6 }));
      s = toTurn(state, turn);
      return rep(s, 'valdor') - rep(ok(s, { type: 'break', by: 'valdor', treaty: treaty.id }), 'valdor');
    };
    expect(dropAt(2)).toBeGreaterThan(0);
    expect(dropAt(5)).toBeGreaterThan(dropAt(2));
  });
});

describe('reviews', () => {
  /** Valdor honoured Kestria's call in turn 1, Kestria never had to: unequal contributions. At turn 4 the review is due. */
  function unequal(): { s: GameState; id: string } {
    let s = calmWorld(newGame(6));
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ review: 3 }));
    s = crisisAgainst(state, 'kestria', 30).state;
    s = ok(s, { type: 'respond', by: 'valdor', call: s.calls.find((k) => k.ally === 'valdor')!.id, answer: 'honour' });
    s = toTurn(s, 4);
    expect(treatyById(s, treaty.id)!.honoured).toEqual({ valdor: 1, kestria: 0 });
    return { s, id: treaty.id };
  }

  it('is due at the review turn, once per member; renewing keeps the treaty and schedules the next review', () => {
    const { s, id } = unequal();
    let x = ok(s, { type: 'review', by: 'valdor', treaty: id, decision: 'renew' });
    refused(x, { type: 'review', by: 'valdor', treaty: id, decision: 'renew' }, 'already_answered');
    x = ok(x, { type: 'review', by: 'kestria', treaty: id, decision: 'renew' });
    const due = treatyById(x, id)!.nextReview;
    x = advanceTo(x, 'policy');
    expect(treatyById(x, id)!.nextReview).toBeGreaterThan(due);
    expect(treatyById(x, id)!.reviewed).toEqual([]);
  });

  it('leaving at a review is free: the treaty ends with no reputation cost', () => {
    const { s, id } = unequal();
    const left = ok(s, { type: 'review', by: 'kestria', treaty: id, decision: 'leave' });
    expect(treatyById(left, id)).toBeUndefined();
    expect(rep(left, 'kestria')).toBe(rep(s, 'kestria'));
    expect(trust(left, 'valdor', 'kestria')).toBe(trust(s, 'valdor', 'kestria'));
    expect(left.record.broken).toBe(0);
    // And a break at review time is treated as leaving too.
    const broke = ok(s, { type: 'break', by: 'kestria', treaty: id });
    expect(rep(broke, 'kestria')).toBe(rep(s, 'kestria'));
  });

  it('unequal contributions that go unreviewed erode trust; a joint review builds it', () => {
    const { s, id } = unequal();
    const reviewed = advanceTo(ok(ok(s, { type: 'review', by: 'valdor', treaty: id, decision: 'renew' }), { type: 'review', by: 'kestria', treaty: id, decision: 'renew' }), 'policy');
    const ignored = advanceTo(s, 'policy');
    const sum = (x: GameState) => trust(x, 'valdor', 'kestria') + trust(x, 'kestria', 'valdor');
    expect(sum(reviewed)).toBeGreaterThan(sum(s));
    expect(sum(ignored)).toBeLessThan(sum(s));
    expect(ignored.events.some((e) => e.type === 'unreviewed')).toBe(true);
    expect(reviewed.events.some((e) => e.type === 'unreviewed')).toBe(false);
  });

  // The member who gave more (honoured calls, or got the smaller yield) is the one whose trust wears thin.
  it('unreviewed imbalance erodes the trust of the member who gave more, in the one who gave less', () => {
    const { s } = unequal(); // valdor honoured a call, kestria never did
    const ignored = advanceTo(s, 'policy');
    expect(trust(ignored, 'valdor', 'kestria')).toBeLessThan(trust(s, 'valdor', 'kestria'));
    expect(trust(ignored, 'kestria', 'valdor')).toBeGreaterThanOrEqual(trust(s, 'kestria', 'valdor'));
  });

  it('amending an alliance to a fixed duration makes it end', () => {
    let s = calmWorld(newGame(6, 12));
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ duration: null, review: 2 }));
    s = toTurn(state, 3);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance({ duration: 3, review: 2 }), amends: treaty.id });
    s = ok(s, { type: 'accept', by: 'kestria', proposal: s.proposals.at(-1)!.id });
    expect(treatyById(s, treaty.id)!.terms).toMatchObject({ duration: 3 });
    // Whether the 3 turns count from signing or from the amendment, the alliance is over by turn 3 + 3.
    expect(treatyById(toTurn(s, 3 + 3), treaty.id)).toBeUndefined();
  });

  it('equal contributions passing a review unexamined cost no trust', () => {
    let s = calmWorld(newGame(6));
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ review: 3 }));
    s = toTurn(state, 4);
    const ignored = advanceTo(s, 'policy');
    expect(trust(ignored, 'valdor', 'kestria')).toBe(trust(s, 'valdor', 'kestria'));
    expect(ignored.events.some((e) => e.type === 'unreviewed')).toBe(false);
    expect(treatyById(ignored, treaty.id)).toBeDefined();
  });

  it('an amendment at a review replaces the terms of the same treaty by mutual consent', () => {
    const { s, id } = unequal();
    let x = ok(s, { type: 'propose', by: 'kestria', to: ['valdor'], terms: alliance({ review: 3, contribution: 'full' }), amends: id });
    const p = x.proposals.at(-1)!.id;
    expect(treatyById(x, id)!.terms).toMatchObject({ contribution: 'partial' });
    x = ok(x, { type: 'accept', by: 'valdor', proposal: p });
    expect(x.treaties).toHaveLength(1);
    expect(treatyById(x, id)!.terms).toMatchObject({ contribution: 'full' });
    expect(treatyById(x, id)!.nextReview).toBeGreaterThan(x.turn);
    // An amendment of another kind or with other members is refused.
    refused(s, { type: 'propose', by: 'kestria', to: ['valdor'], terms: partnership(), amends: id }, 'bad_amendment');
    refused(s, { type: 'propose', by: 'kestria', to: ['isolde'], terms: alliance(), amends: id }, 'bad_amendment');
  });

  it('a review with a decision other than renew/leave is refused', () => {
    const { s, id } = unequal();
    refused(s, { type: 'review', by: 'valdor', treaty: id, decision: 'maybe' as 'renew' }, 'bad_terms');
  });
});

describe('leaving without notice after the minimum term', () => {
  // Minimum term 2, reviews every 6: in turn 4 the term is over but no review is due and no notice was given.
  let s = calmWorld(newGame(6, 12));
  const { state, treaty } = sign(s, 'valdor', ['solmere'], partnership({ minTerm: 2, review: 6 }));
  s = toTurn(state, 4);
  const left = ok(s, { type: 'break', by: 'valdor', treaty: treaty.id });

  it('is still a public break that costs reputation (RULES: "or without notice")', () => {
    expect(rep(left, 'valdor')).toBeLessThan(rep(s, 'valdor'));
    expect(left.events.some((e) => e.type === 'broken')).toBe(true);
  });

  it('whereas giving notice instead costs nothing and ends it at the next turn', () => {
    const noticed = ok(s, { type: 'notice', by: 'valdor', treaty: treaty.id });
    expect(rep(noticed, 'valdor')).toBe(rep(s, 'valdor'));
    expect(treatyById(toTurn(noticed, 5), treaty.id)).toBeUndefined();
  });
});
