import type { Action, GameEvent, GameState, Proposal, RuleError, Terms } from '../types.ts';
import { ERRORS, type ErrorCode } from './errors.ts';
import { emit, hasNation, nameOf, newId, ownProposal, treatyBetween } from './state.ts';
import { termsValid } from './terms.ts';
import { signTreaty, reviewDue } from './treaties.ts';
import { describeTerms } from './describe.ts';

// Proposals: a nation offers terms to one to three others, who accept, reject or counter; the proposer
// may withdraw. A treaty forms when every invitee has accepted.

type Act<T extends Action['type']> = Extract<Action, { type: T }>;
const err = (code: ErrorCode): RuleError => ({ code, message: ERRORS[code] });
const MAX_OPEN = 6;

const openProposal = (s: GameState, id: unknown): Proposal | RuleError => {
  const p = s.proposals.find((x) => x.id === id);
  if (!p) return err('unknown_proposal');
  if (p.status !== 'open') return err('proposal_closed');
  return p;
};
const isError = (x: unknown): x is RuleError => !!x && typeof x === 'object' && 'code' in x && 'message' in x;

function checkTerms(s: GameState, by: string, to: string[], terms: Terms, amends: string | undefined): RuleError | null {
  const parties = [by, ...to];
  if (!termsValid(s, terms, parties)) return err('bad_terms');
  if (amends !== undefined) {
    const t = s.treaties.find((x) => x.id === amends);
    if (!t || t.terms.kind !== terms.kind || t.parties.length !== parties.length || !parties.every((p) => t.parties.includes(p)) || !reviewDue(s, t)) return err('bad_amendment');
    return null;
  }
  for (const a of parties) for (const b of parties) if (a < b && treatyBetween(s, a, b, terms.kind)) return err('already_linked');
  return null;
}

export function validatePropose(s: GameState, a: Act<'propose'>): RuleError | null {
  if (!Array.isArray(a.to) || a.to.length < 1 || a.to.length > 3 || new Set(a.to).size !== a.to.length) return err('bad_invitees');
  if (a.to.includes(a.by)) return err('self_proposal');
  if (!a.to.every((n) => hasNation(s, n))) return err('unknown_nation');
  const open = s.proposals.filter((p) => p.status === 'open' && p.from === a.by).length;
  if (open >= MAX_OPEN) return err('too_many_proposals');
  return checkTerms(s, a.by, a.to, a.terms, a.amends);
}

export function runPropose(s: GameState, a: Act<'propose'>, out: GameEvent[]): void {
  const p: Proposal = { id: newId(s, 'p'), from: a.by, to: [...a.to], terms: a.terms, turn: s.turn, status: 'open', accepted: [] };
  if (a.amends) p.amends = a.amends;
  s.proposals.push(p);
  const kind = a.terms.kind === 'alliance' ? 'a defensive alliance' : 'a strategic partnership';
  emit(s, out, 'proposed', `${nameOf(s, a.by)} proposed ${kind} to ${a.to.map((n) => nameOf(s, n)).join(', ')} (${describeTerms(s, a.terms)}).`, [a.by, ...a.to]);
}

function validateAnswer(s: GameState, a: Act<'accept' | 'reject' | 'counter'>): RuleError | null {
  const p = openProposal(s, a.proposal);
  if (isError(p)) return p;
  if (!p.to.includes(a.by)) return err('not_your_proposal');
  if (p.accepted.includes(a.by)) return err('already_answered');
  return null;
}

export function validateAccept(s: GameState, a: Act<'accept'>): RuleError | null {
  const e = validateAnswer(s, a);
  if (e) return e;
  const p = s.proposals.find((x) => x.id === a.proposal)!;
  // The world may have changed since it was made (another treaty signed, an adversary gone).
  return checkTerms(s, p.from, p.to, p.terms, p.amends);
}

export function runAccept(s: GameState, a: Act<'accept'>, out: GameEvent[]): void {
  const p = ownProposal(s, a.proposal);
  p.accepted.push(a.by);
  if (p.accepted.length < p.to.length) {
    emit(s, out, 'accepted-partly', `${nameOf(s, a.by)} accepted ${nameOf(s, p.from)}'s proposal; waiting for the others.`, [a.by, p.from]);
    return;
  }
  p.status = 'accepted';
  signTreaty(s, p, out);
}

export const validateReject = validateAnswer;
export function runReject(s: GameState, a: Act<'reject'>, out: GameEvent[]): void {
  const p = ownProposal(s, a.proposal);
  p.status = 'rejected';
  emit(s, out, 'rejected', `${nameOf(s, a.by)} turned down ${nameOf(s, p.from)}'s proposal.`, [a.by, p.from]);
}

export function validateCounter(s: GameState, a: Act<'counter'>): RuleError | null {
  const e = validateAnswer(s, a);
  if (e) return e;
  const p = s.proposals.find((x) => x.id === a.proposal)!;
  const invitees = [p.from, ...p.to.filter((n) => n !== a.by)];
  return checkTerms(s, a.by, invitees, a.terms, p.amends);
}

export function runCounter(s: GameState, a: Act<'counter'>, out: GameEvent[]): void {
  const p = ownProposal(s, a.proposal);
  p.status = 'countered';
  const counter: Proposal = {
    id: newId(s, 'p'), from: a.by, to: [p.from, ...p.to.filter((n) => n !== a.by)], terms: a.terms,
    turn: s.turn, status: 'open', accepted: [], counterOf: p.id,
  };
  if (p.amends) counter.amends = p.amends;
  s.proposals.push(counter);
  emit(s, out, 'countered', `${nameOf(s, a.by)} answered ${nameOf(s, p.from)} with changed terms (${describeTerms(s, a.terms)}).`, [a.by, p.from]);
}

export function validateWithdraw(s: GameState, a: Act<'withdraw'>): RuleError | null {
  const p = openProposal(s, a.proposal);
  if (isError(p)) return p;
  if (p.from !== a.by) return err('not_proposer');
  return null;
}
export function runWithdraw(s: GameState, a: Act<'withdraw'>, out: GameEvent[]): void {
  const p = ownProposal(s, a.proposal);
  p.status = 'withdrawn';
  emit(s, out, 'withdrawn', `${nameOf(s, a.by)} withdrew a proposal.`, [a.by, ...p.to]);
}

/** Open proposals lapse when diplomacy ends; answered ones are cleared at the start of the next turn. */
export function expireProposals(s: GameState): void {
  for (const p of s.proposals) if (p.status === 'open') ownProposal(s, p.id).status = 'expired';
}
export function clearProposals(s: GameState): void {
  s.proposals = s.proposals.filter((p) => p.status === 'open');
}
