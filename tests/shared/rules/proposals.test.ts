import { describe, expect, it } from 'vitest';
import { alliance, newGame, ok, partnership, refused, sign, advanceTo, trust, lastEvents } from '../helpers.ts';

describe('proposals lifecycle', () => {
  it('accept: a bilateral proposal becomes a treaty and both sides trust each other more', () => {
    let s = newGame(4);
    const before = trust(s, 'valdor', 'kestria');
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance() });
    const p = s.proposals.at(-1)!;
    expect(p).toMatchObject({ from: 'valdor', to: ['kestria'], status: 'open', accepted: [] });
    expect(s.treaties).toHaveLength(0);
    s = ok(s, { type: 'accept', by: 'kestria', proposal: p.id });
    expect(s.proposals.find((x) => x.id === p.id)!.status).toBe('accepted');
    expect(s.treaties).toHaveLength(1);
    expect(s.treaties[0]!.terms).toEqual(alliance());
    expect(s.record.signed).toBe(1);
    expect(trust(s, 'valdor', 'kestria')).toBeGreaterThan(before);
    expect(trust(s, 'kestria', 'valdor')).toBeGreaterThan(before);
    expect(lastEvents.some((e) => e.type === 'signed')).toBe(true);
  });

  it('reject: the proposal closes and no treaty forms', () => {
    let s = newGame(4);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: partnership() });
    const id = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'reject', by: 'kestria', proposal: id });
    expect(s.proposals.find((x) => x.id === id)!.status).toBe('rejected');
    expect(s.treaties).toHaveLength(0);
    refused(s, { type: 'accept', by: 'kestria', proposal: id }, 'proposal_closed');
  });

  it('counter: the original closes as countered and a new proposal goes back with the changed terms', () => {
    let s = newGame(4);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance({ scope: 'anywhere' }) });
    const orig = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'counter', by: 'kestria', proposal: orig, terms: alliance({ scope: 'home' }) });
    expect(s.proposals.find((x) => x.id === orig)!.status).toBe('countered');
    const counter = s.proposals.at(-1)!;
    expect(counter).toMatchObject({ from: 'kestria', to: ['valdor'], status: 'open', counterOf: orig });
    expect(counter.terms).toMatchObject({ scope: 'home' });
    // The original proposer answers the counter; the treaty carries the countered terms.
    refused(s, { type: 'accept', by: 'kestria', proposal: counter.id }, 'not_your_proposal');
    s = ok(s, { type: 'accept', by: 'valdor', proposal: counter.id });
    expect(s.treaties).toHaveLength(1);
    expect(s.treaties[0]!.terms).toMatchObject({ scope: 'home' });
  });

  it('withdraw: only the proposer, only while open', () => {
    let s = newGame(4);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: partnership() });
    const id = s.proposals.at(-1)!.id;
    refused(s, { type: 'withdraw', by: 'kestria', proposal: id }, 'not_proposer');
    s = ok(s, { type: 'withdraw', by: 'valdor', proposal: id });
    expect(s.proposals.find((x) => x.id === id)!.status).toBe('withdrawn');
    refused(s, { type: 'accept', by: 'kestria', proposal: id }, 'proposal_closed');
    refused(s, { type: 'withdraw', by: 'valdor', proposal: id }, 'proposal_closed');
  });

  it('multilateral: the treaty forms only when every invitee has accepted', () => {
    let s = newGame(6);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria', 'corvenne', 'solmere'], terms: partnership() });
    const id = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'accept', by: 'kestria', proposal: id });
    expect(lastEvents.map((e) => e.type)).toContain('accepted-partly');
    refused(s, { type: 'accept', by: 'kestria', proposal: id }, 'already_answered');
    s = ok(s, { type: 'accept', by: 'corvenne', proposal: id });
    expect(s.treaties).toHaveLength(0);
    s = ok(s, { type: 'accept', by: 'solmere', proposal: id });
    expect(s.treaties).toHaveLength(1);
    expect([...s.treaties[0]!.parties].sort()).toEqual(['corvenne', 'kestria', 'solmere', 'valdor']);
    // Every member is now linked with every other: a second partnership between any two is refused.
    refused(s, { type: 'propose', by: 'kestria', to: ['solmere'], terms: partnership() }, 'already_linked');
  });

  it('multilateral: one invitee rejecting closes the proposal for all', () => {
    let s = newGame(6);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria', 'corvenne'], terms: alliance() });
    const id = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'accept', by: 'kestria', proposal: id });
    s = ok(s, { type: 'reject', by: 'corvenne', proposal: id });
    expect(s.treaties).toHaveLength(0);
    refused(s, { type: 'accept', by: 'corvenne', proposal: id }, 'proposal_closed');
  });

  it('multilateral counter goes to the proposer and the other invitees', () => {
    let s = newGame(6);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria', 'corvenne'], terms: alliance() });
    const id = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'counter', by: 'corvenne', proposal: id, terms: alliance({ contribution: 'token' }) });
    const c = s.proposals.at(-1)!;
    expect(c.from).toBe('corvenne');
    expect([...c.to].sort()).toEqual(['kestria', 'valdor']);
  });

  it('open proposals lapse when diplomacy ends and are cleared the next turn', () => {
    let s = newGame(4);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: partnership() });
    const id = s.proposals.at(-1)!.id;
    s = advanceTo(s, 'policy');
    expect(s.proposals.find((x) => x.id === id)!.status).toBe('expired');
    s = advanceTo(s, 'news');
    s = advanceTo(s, 'diplomacy');
    expect(s.turn).toBe(2);
    expect(s.proposals.find((x) => x.id === id)).toBeUndefined();
  });

  it('acceptance re-checks the world: a second alliance between the same pair cannot be signed twice', () => {
    let s = newGame(4);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: alliance() });
    const first = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'propose', by: 'kestria', to: ['valdor'], terms: alliance({ contribution: 'full' }) });
    const second = s.proposals.at(-1)!.id;
    s = ok(s, { type: 'accept', by: 'kestria', proposal: first });
    refused(s, { type: 'accept', by: 'valdor', proposal: second }, 'already_linked');
    // A partnership between them is a different kind and still allowed.
    const r = sign(s, 'valdor', ['kestria'], partnership());
    expect(r.state.treaties).toHaveLength(2);
  });
});
