import type { GameState, NationId, Proposal, Terms } from '../../shared/types.ts';
import type { Assessment } from '../../shared/rules/index.ts';
import type { Draft } from '../../shared/protocol/teams.ts';
import { assessFor, assessmentCard, kindName, type AssessmentCard } from '../view/terms.ts';

// A team's draft in words (what the nation would do), with what is needed to weigh it: the assessment
// card for a proposal, a counter or an acceptance, and the terms a counter changes. Pure, unit-tested.

type Shown = Proposal & { assessment?: Assessment | null };

export interface DraftText {
  /** "Propose a strategic partnership to Kestria". */
  title: string;
  /** The button that makes it the nation's: "Sign: send the proposal". */
  sign: string;
  /** The terms it would send, if any, and the terms they replace (a counter's original, an amendment's treaty). */
  terms: Terms | null;
  before: { terms: Terms; parties: NationId[] } | null;
  /** The assessment for my nation, when the draft is about a treaty. */
  card: AssessmentCard | null;
  /** Drafts of the diplomacy phase sit under Negotiate; the policy and call answers with their phase's task. */
  sealed: boolean;
}

const nameIn = (s: GameState, id: string): string => s.nations.find((n) => n.id === id)?.name ?? id;
const kind = (t: Terms): string => kindName(t.kind).toLowerCase();

export function draftText(s: GameState, me: NationId, d: Pick<Draft, 'action'>, proposals: readonly Shown[]): DraftText {
  const a = d.action as Record<string, unknown> & { type: Draft['action']['type'] };
  const proposal = typeof a.proposal === 'string' ? proposals.find((p) => p.id === a.proposal) : undefined;
  const treaty = typeof a.treaty === 'string' ? s.treaties.find((t) => t.id === a.treaty) : undefined;
  const others = (parties: readonly NationId[]) => parties.filter((x) => x !== me).map((x) => nameIn(s, x)).join(', ');
  const withWhom = treaty ? `the ${kind(treaty.terms)} with ${others(treaty.parties)}` : 'a treaty';
  const from = proposal ? `${nameIn(s, proposal.from)}\u2019s proposal (${kind(proposal.terms)})` : 'a proposal';
  const terms = (a.terms as Terms | undefined) ?? null;
  const to = Array.isArray(a.to) ? (a.to as NationId[]) : [];
  const safeCard = (f: () => AssessmentCard): AssessmentCard | null => { try { return f(); } catch { return null; } };
  const base = { terms: null, before: null, card: null, sealed: false };
  switch (a.type) {
    case 'propose': {
      const amended = typeof a.amends === 'string' ? s.treaties.find((t) => t.id === a.amends) : undefined;
      return {
        ...base, terms, sealed: false,
        title: amended ? `Amend ${withWhomOf(s, me, amended.parties, amended.terms)}` : `Propose a ${terms ? kind(terms) : 'treaty'} to ${to.map((x) => nameIn(s, x)).join(', ')}`,
        sign: amended ? 'Sign: propose the amendment' : 'Sign: send the proposal',
        before: amended ? { terms: amended.terms, parties: amended.parties } : null,
        card: terms && to.length ? safeCard(() => assessFor(s, me, { from: me, to, terms })) : null,
      };
    }
    case 'counter':
      return {
        ...base, terms, title: `Counter ${from}`, sign: 'Sign: send the counter-proposal',
        before: proposal ? { terms: proposal.terms, parties: [proposal.from, ...proposal.to] } : null,
        card: terms && proposal ? safeCard(() => assessFor(s, me, { from: me, to: [proposal.from], terms })) : null,
      };
    case 'accept':
    case 'reject':
      return {
        ...base, title: `${a.type === 'accept' ? 'Accept' : 'Reject'} ${from}`, sign: `Sign: ${a.type} it`, terms: proposal?.terms ?? null,
        card: proposal ? (proposal.assessment ? assessmentCard(proposal.assessment) : safeCard(() => assessFor(s, me, proposal))) : null,
      };
    case 'withdraw':
      return { ...base, title: `Withdraw our proposal${proposal ? ` to ${proposal.to.map((x) => nameIn(s, x)).join(', ')}` : ''}`, sign: 'Sign: withdraw it' };
    case 'notice':
      return { ...base, title: `Give exit notice on ${withWhom}`, sign: 'Sign: give notice' };
    case 'break':
      return { ...base, title: `Break ${withWhom} now (public, costs reputation)`, sign: 'Sign: break it' };
    case 'review':
      return { ...base, title: `${a.decision === 'leave' ? 'Leave' : 'Renew'} ${withWhom} at its review`, sign: `Sign: ${a.decision === 'leave' ? 'leave' : 'renew'}` };
    case 'policy': {
      const defence = Number(a.defence);
      return { ...base, sealed: true, title: `Policy: ${defence}% defence, ${100 - defence}% investment${typeof a.demand === 'string' ? `, a demand of ${nameIn(s, a.demand)}` : ''}`, sign: 'Sign: seal this policy' };
    }
    case 'respond': {
      const call = s.calls.find((k) => k.id === a.call);
      const victim = call ? nameIn(s, call.victim) : 'our ally';
      return { ...base, sealed: true, title: `${a.answer === 'abstain' ? 'Abstain on' : 'Honour'} the call from ${victim}`, sign: `Sign: ${a.answer === 'abstain' ? 'abstain' : 'honour the call'}` };
    }
    default:
      return { ...base, title: String(a.type), sign: 'Sign' };
  }
}

function withWhomOf(s: GameState, me: NationId, parties: readonly NationId[], terms: Terms): string {
  return `the ${kind(terms)} with ${parties.filter((x) => x !== me).map((x) => nameIn(s, x)).join(', ')}`;
}
