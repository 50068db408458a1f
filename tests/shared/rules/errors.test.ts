import { describe, expect, it } from 'vitest';
import type { Action, GameState } from '../../../shared/types.ts';
import { apply } from '../../../shared/rules/apply.ts';
import { ERRORS } from '../../../shared/rules/errors.ts';
import { stateHash } from '../../../shared/rules/hash.ts';
import { alliance, advanceTo, calmWorld, crisisAgainst, newGame, ok, partnership, refused, sign } from '../helpers.ts';

// Every error code in ERRORS must be reachable through apply, with its own code and a non-empty sentence,
// and every refusal must leave the state exactly as it was (same object contents, same hash).

describe('every error code is reachable', () => {
  const reached = new Set<string>();
  const expectRefused = (s: GameState, a: Action, code: string): void => {
    refused(s, a, code);
    reached.add(code);
  };

  it('structural errors', () => {
    const s = newGame(4);
    expectRefused(s, { type: 'fly' } as unknown as Action, 'unknown_action');
    expectRefused(s, null as unknown as Action, 'unknown_action');
    expectRefused(s, { type: 'toString' } as unknown as Action, 'unknown_action');
    expectRefused(s, { type: 'accept', by: 'atlantis', proposal: 'p1' }, 'unknown_nation');
    expectRefused(s, { type: 'policy', by: 'valdor', defence: 20, demand: null }, 'wrong_phase');
    expectRefused(s, { type: 'advance', note: 'x'.repeat(141) }, 'bad_note');
    expectRefused(s, { type: 'inject', crisis: 'incursion', target: 'valdor', severity: 0 }, 'bad_crisis');
    expectRefused(s, { type: 'inject', crisis: 'meteor' as 'incursion', target: 'valdor', severity: 10 }, 'bad_crisis');
    expectRefused(s, { type: 'inject', crisis: 'incursion', target: 'atlantis', severity: 10 }, 'bad_crisis');
    const over = ok(s, { type: 'end' });
    expectRefused(over, { type: 'advance' }, 'match_over');
    expectRefused(over, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance() }, 'match_over');
  });

  it('proposal errors', () => {
    let s = newGame(6);
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['valdor'], terms: alliance() }, 'self_proposal');
    expectRefused(s, { type: 'propose', by: 'valdor', to: [], terms: alliance() }, 'bad_invitees');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria', 'kestria'], terms: alliance() }, 'bad_invitees');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria', 'isolde', 'corvenne', 'drevany'], terms: alliance() }, 'bad_invitees');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['atlantis'], terms: alliance() }, 'unknown_nation');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance({ review: 99 }) }, 'bad_terms');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance({ adversary: 'kestria' }) }, 'bad_terms');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance({ adversary: 'atlantis' }) }, 'bad_terms');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: partnership({ minTerm: 1 }) }, 'bad_terms');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: { kind: 'pact' } as never }, 'bad_terms');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: null as never }, 'bad_terms');
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance(), amends: 't404' }, 'bad_amendment');
    expectRefused(s, { type: 'accept', by: 'kestria', proposal: 'p404' }, 'unknown_proposal');

    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria', 'isolde'], terms: alliance() });
    const p = s.proposals.at(-1)!.id;
    expectRefused(s, { type: 'accept', by: 'corvenne', proposal: p }, 'not_your_proposal');
    expectRefused(s, { type: 'withdraw', by: 'kestria', proposal: p }, 'not_proposer');
    s = ok(s, { type: 'accept', by: 'kestria', proposal: p });
    expectRefused(s, { type: 'accept', by: 'kestria', proposal: p }, 'already_answered');
    expectRefused(s, { type: 'counter', by: 'isolde', proposal: p, terms: alliance({ notice: 0 }) }, 'bad_terms');
    s = ok(s, { type: 'accept', by: 'isolde', proposal: p });
    expectRefused(s, { type: 'reject', by: 'isolde', proposal: p }, 'proposal_closed');
    expectRefused(s, { type: 'propose', by: 'kestria', to: ['valdor'], terms: alliance() }, 'already_linked');

    // Six open proposals is the ceiling for one nation.
    for (let i = 0; i < 20; i++) {
      const r = apply(s, { type: 'propose', by: 'corvenne', to: ['drevany'], terms: partnership() });
      if (!r.ok) {
        expect(r.error.code).toBe('too_many_proposals');
        reached.add('too_many_proposals');
        expect(i).toBeGreaterThan(0);
        break;
      }
      s = r.state;
    }
    expect(reached.has('too_many_proposals')).toBe(true);
  });

  it('treaty errors', () => {
    let s = newGame(4);
    const { state, treaty } = sign(s, 'valdor', ['kestria'], alliance({ review: 3 }));
    s = state;
    expectRefused(s, { type: 'notice', by: 'valdor', treaty: 't404' }, 'unknown_treaty');
    expectRefused(s, { type: 'break', by: 'valdor', treaty: 't404' }, 'unknown_treaty');
    expectRefused(s, { type: 'notice', by: 'isolde', treaty: treaty.id }, 'not_party');
    expectRefused(s, { type: 'review', by: 'valdor', treaty: treaty.id, decision: 'renew' }, 'no_review_due');
    // An amendment is only allowed at a review.
    expectRefused(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance({ contribution: 'full' }), amends: treaty.id }, 'bad_amendment');
    const noticed = ok(s, { type: 'notice', by: 'valdor', treaty: treaty.id });
    expectRefused(noticed, { type: 'notice', by: 'kestria', treaty: treaty.id }, 'notice_given');
  });

  it('policy and call errors', () => {
    let s = advanceTo(calmWorld(newGame(4)), 'policy');
    expectRefused(s, { type: 'policy', by: 'valdor', defence: 101, demand: null }, 'bad_policy');
    expectRefused(s, { type: 'policy', by: 'valdor', defence: 12.5, demand: null }, 'bad_policy');
    expectRefused(s, { type: 'policy', by: 'valdor', defence: 20, demand: 'valdor' }, 'bad_demand');
    expectRefused(s, { type: 'policy', by: 'valdor', defence: 20, demand: 'atlantis' }, 'bad_demand');

    s = calmWorld(newGame(4));
    s = sign(s, 'valdor', ['kestria'], alliance()).state;
    s = crisisAgainst(s, 'kestria', 30).state;
    const call = s.calls.find((k) => k.ally === 'valdor')!;
    expect(call).toBeDefined();
    expectRefused(s, { type: 'respond', by: 'valdor', call: 'k404', answer: 'honour' }, 'unknown_call');
    expectRefused(s, { type: 'respond', by: 'isolde', call: call.id, answer: 'honour' }, 'not_called');
    expectRefused(s, { type: 'respond', by: 'valdor', call: call.id, answer: 'maybe' as 'honour' }, 'bad_terms');
    const answered = ok(s, { type: 'respond', by: 'valdor', call: call.id, answer: 'honour' });
    expectRefused(answered, { type: 'respond', by: 'valdor', call: call.id, answer: 'abstain' }, 'already_answered');
  });

  it('covers every code in ERRORS, each with a sentence', () => {
    for (const [code, message] of Object.entries(ERRORS)) {
      expect(message.trim().length, code).toBeGreaterThan(10);
      expect(message.trim()).toMatch(/[.!?]$/);
    }
    expect([...reached].sort()).toEqual(Object.keys(ERRORS).sort());
  });
});

describe('a refused action never changes the state', () => {
  it('leaves the very same object and hash, and does not mutate it', () => {
    let s = newGame(4);
    s = sign(s, 'valdor', ['kestria'], partnership()).state;
    const snapshot = JSON.stringify(s);
    const hash = stateHash(s);
    const bad: Action[] = [
      { type: 'accept', by: 'kestria', proposal: 'p1' },
      { type: 'review', by: 'valdor', treaty: s.treaties[0]!.id, decision: 'leave' },
      { type: 'propose', by: 'valdor', to: ['kestria'], terms: partnership() },
      { type: 'policy', by: 'valdor', defence: 10, demand: null },
      { type: 'respond', by: 'valdor', call: 'k1', answer: 'honour' },
      { type: 'propose', by: 'valdor', to: 'kestria' as unknown as string[], terms: alliance() },
      { type: 'counter', by: 'kestria', proposal: undefined as unknown as string, terms: alliance() },
    ];
    for (const a of bad) {
      const r = apply(s, a);
      expect(r.ok, a.type).toBe(false);
      expect(stateHash(s)).toBe(hash);
      expect(JSON.stringify(s)).toBe(snapshot);
    }
  });

  it('an accepted action returns a new state and leaves the old one untouched', () => {
    const s = newGame(4);
    const snapshot = JSON.stringify(s);
    const r = apply(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance() });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.state).not.toBe(s);
    const r2 = apply(s, { type: 'advance' });
    expect(r2.ok).toBe(true);
    expect(JSON.stringify(s)).toBe(snapshot);
  });
});
