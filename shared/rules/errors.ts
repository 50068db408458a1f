import type { RuleError } from '../types.ts';

// Every way an action can be refused: a stable code for programs and a sentence a 14-year-old understands.
export const ERRORS = {
  match_over: 'The match is over, so nothing more can be done.',
  wrong_phase: 'That can only be done in another phase of the turn.',
  unknown_action: 'That is not something a nation can do in this game.',
  unknown_nation: 'There is no nation with that name in this match.',
  not_your_proposal: 'Only the nations a proposal was sent to can answer it.',
  not_proposer: 'Only the nation that made a proposal can withdraw it.',
  unknown_proposal: 'That proposal does not exist.',
  proposal_closed: 'That proposal has already been answered or withdrawn.',
  already_answered: 'You have already answered that.',
  self_proposal: 'A nation cannot make a treaty with itself.',
  bad_invitees: 'Invite between one and three other nations, each only once.',
  bad_terms: 'Some terms of that treaty are missing or out of range.',
  already_linked: 'You already have a treaty of that kind with that nation.',
  too_many_proposals: 'You already have many proposals waiting; withdraw one or wait for answers first.',
  unknown_treaty: 'That treaty does not exist.',
  not_party: 'Only members of a treaty can do that.',
  notice_given: 'Exit notice has already been given for that treaty.',
  no_review_due: 'That treaty is not up for review this turn.',
  bad_policy: 'Defence must be a whole number from 0 to 100 percent of your output.',
  bad_demand: 'A demand must name another nation in the match.',
  unknown_call: 'That call for help does not exist.',
  not_called: 'Only the ally who was called can answer that call.',
  bad_crisis: 'A crisis needs a known type, a nation as target, a severity from 1 to 100, and an attacker other than the target.',
  bad_amendment: 'An amendment must be of the same kind, between the same members, at a review.',
  bad_note: 'A note must be one short line (at most 140 characters).',
} as const;
export type ErrorCode = keyof typeof ERRORS;

export function fail(code: ErrorCode, message?: string): { ok: false; error: RuleError } {
  return { ok: false, error: { code, message: message ?? ERRORS[code] } };
}
