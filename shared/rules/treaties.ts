import type { Action, GameEvent, GameState, Proposal, RuleError, Treaty } from '../types.ts';
import { ERRORS, type ErrorCode } from './errors.ts';
import { bump, bumpTrust, emit, nameOf, nation, newId, others, ownNation, ownTreaty, watchersTrust } from './state.ts';
import { isPartnership, unwindPartnership } from './partnership.ts';
import { isAlliance } from './alliance.ts';

// The life of a treaty once signed: reviews (renew or leave freely), exit with notice, breaking early
// (public, and costly), expiry, and the balance of contributions that reviews look at.

type Act<T extends Action['type']> = Extract<Action, { type: T }>;
const err = (code: ErrorCode): RuleError => ({ code, message: ERRORS[code] });

const names = (s: GameState, ids: string[]): string => ids.map((n) => nameOf(s, n)).join(' and ');

/** The turn from which leaving is free: end of a fixed duration or minimum term. */
export function freeExitFrom(t: Treaty): number {
  const terms = t.terms;
  if (terms.kind === 'partnership') return t.signed + terms.minTerm;
  return terms.duration === null ? Infinity : t.signed + terms.duration;
}

export const reviewDue = (s: GameState, t: Treaty): boolean => s.turn >= t.nextReview;

export function signTreaty(s: GameState, p: Proposal, out: GameEvent[]): void {
  const parties = [p.from, ...p.to];
  if (p.amends) {
    const t = ownTreaty(s, s.treaties.find((x) => x.id === p.amends)!);
    t.terms = p.terms;
    t.nextReview = s.turn + p.terms.review;
    t.reviewed = [];
    // Amended terms are a fresh commitment from today: a new duration runs from now, and notice is withdrawn.
    t.endsAt = p.terms.kind === 'alliance' && p.terms.duration !== null ? s.turn + p.terms.duration : null;
    t.noticeBy = null;
    emit(s, out, 'amended', `${names(s, parties)} amended their treaty at its review.`, parties, ['governance']);
    return;
  }
  const zero = Object.fromEntries(parties.map((n) => [n, 0]));
  const t: Treaty = {
    id: newId(s, 't'), parties, terms: p.terms, signed: s.turn, nextReview: s.turn + p.terms.review,
    endsAt: p.terms.kind === 'alliance' && p.terms.duration !== null ? s.turn + p.terms.duration : null,
    noticeBy: null, honoured: { ...zero }, abstained: { ...zero }, yielded: { ...zero }, reviewed: [],
  };
  s.treaties.push(t);
  s.record.signed += 1;
  for (const a of parties) for (const b of parties) if (a !== b) bumpTrust(s, a, b, 4);
  if (t.terms.kind === 'alliance') {
    emit(s, out, 'signed', `${names(s, parties)} signed a defensive alliance: collective defence, dormant until a crisis meets its terms (casus foederis).`, parties, ['collective-defence', 'casus-foederis', 'deterrence'], { treaty: t.id, kind: 'alliance', contribution: t.terms.contribution });
  } else {
    emit(s, out, 'signed', `${names(s, parties)} signed a strategic partnership: ties that grow every year and build interdependence.`, parties, ['complex-interdependence', 'comparative-advantage'], { treaty: t.id, kind: 'partnership' });
  }
}

function partyTreaty(s: GameState, by: string, id: unknown): Treaty | RuleError {
  const t = s.treaties.find((x) => x.id === id);
  if (!t) return err('unknown_treaty');
  if (!t.parties.includes(by)) return err('not_party');
  return t;
}
const isErr = (x: Treaty | RuleError): x is RuleError => 'code' in x;

export function validateNotice(s: GameState, a: Act<'notice'>): RuleError | null {
  const t = partyTreaty(s, a.by, a.treaty);
  if (isErr(t)) return t;
  if (t.noticeBy !== null) return err('notice_given');
  return null;
}

export function runNotice(s: GameState, a: Act<'notice'>, out: GameEvent[]): void {
  const t = ownTreaty(s, s.treaties.find((x) => x.id === a.treaty)!);
  const period = isAlliance(t) ? t.terms.notice : 1;
  // Notice never prolongs a treaty past an end already agreed (a fixed duration).
  const byNotice = Math.max(s.turn + period, isPartnership(t) ? freeExitFrom(t) : s.turn + period);
  t.endsAt = t.endsAt === null ? byNotice : Math.min(t.endsAt, byNotice);
  t.noticeBy = a.by;
  emit(s, out, 'notice', `${nameOf(s, a.by)} gave notice to leave its ${t.terms.kind === 'alliance' ? 'alliance' : 'partnership'} with ${names(s, others(t, a.by))}; it ends in turn ${t.endsAt}.`, t.parties, ['exit-notice']);
}

export const validateBreak = (s: GameState, a: Act<'break'>): RuleError | null => {
  const t = partyTreaty(s, a.by, a.treaty);
  return isErr(t) ? t : null;
};

/**
 * Leaving at once. Free only at a review; at any other time it is a public break, even after the minimum
 * term (leaving without notice), because the partners were given no time to adjust.
 */
export function runBreak(s: GameState, a: Act<'break'>, out: GameEvent[]): void {
  const t = s.treaties.find((x) => x.id === a.treaty)!;
  endTreaty(s, t, reviewDue(s, t) ? 'left' : 'broken', a.by, out);
}

export function validateReview(s: GameState, a: Act<'review'>): RuleError | null {
  const t = partyTreaty(s, a.by, a.treaty);
  if (isErr(t)) return t;
  if (a.decision !== 'renew' && a.decision !== 'leave') return { code: 'bad_terms', message: 'At a review, choose to renew or to leave.' };
  if (!reviewDue(s, t)) return err('no_review_due');
  if (t.reviewed.includes(a.by)) return err('already_answered');
  return null;
}

export function runReview(s: GameState, a: Act<'review'>, out: GameEvent[]): void {
  const t = s.treaties.find((x) => x.id === a.treaty)!;
  if (a.decision === 'leave') {
    endTreaty(s, t, 'left', a.by, out);
    return;
  }
  ownTreaty(s, t).reviewed.push(a.by);
  emit(s, out, 'renewed', `${nameOf(s, a.by)} reviewed its treaty with ${names(s, others(t, a.by))} and chose to renew it.`, t.parties, ['governance']);
}

/** How much each member has given to a treaty (higher = gave more, got less): calls honoured, or yields forgone. */
export function contributionBalance(t: Treaty): Record<string, number> {
  const score: Record<string, number> = {};
  for (const p of t.parties) score[p] = isAlliance(t) ? (t.honoured[p] ?? 0) * 10 - (t.abstained[p] ?? 0) * 10 : -(t.yielded[p] ?? 0);
  return score;
}

/**
 * Close the review window at the end of diplomacy. A review where someone did not look at the balance lets
 * unequal contributions fester (trust erodes on the short side); an active review acknowledges them.
 */
export function closeReviews(s: GameState, out: GameEvent[]): void {
  for (const due of s.treaties) {
    if (!reviewDue(s, due)) continue;
    const t = ownTreaty(s, due);
    const balance = contributionBalance(t);
    const values = Object.values(balance);
    const unequal = Math.max(...values) - Math.min(...values) >= 8;
    for (const a of t.parties) {
      for (const b of t.parties) {
        if (a === b) continue;
        // The member who gave more than it got is the short-changed one: its trust in the other wears thin.
        const shortChanged = (balance[a] ?? 0) > (balance[b] ?? 0);
        if (t.reviewed.includes(a) && t.reviewed.includes(b)) bumpTrust(s, a, b, 2);
        else if (unequal && shortChanged) bumpTrust(s, a, b, -5);
      }
    }
    if (unequal && t.reviewed.length < t.parties.length) {
      emit(s, out, 'unreviewed', `The treaty of ${names(s, t.parties)} passed its review without every member looking at the unequal contributions; trust wore thin.`, t.parties, ['governance', 'free-riding'], { treaty: t.id, kind: t.terms.kind });
    }
    t.nextReview = s.turn + t.terms.review;
    t.reviewed = [];
  }
}

export type EndReason = 'left' | 'broken' | 'expired' | 'abandoned' | 'notice';

/** Remove a treaty, with the consequences of how it ended. */
export function endTreaty(s: GameState, t: Treaty, reason: EndReason, by: string | null, out: GameEvent[]): void {
  s.treaties = s.treaties.filter((x) => x.id !== t.id);
  const kind = t.terms.kind === 'alliance' ? 'alliance' : 'partnership';
  let vulnerability = '';
  const data: Record<string, string | number> = { treaty: t.id, kind, signed: t.signed };
  if (by) data.by = by;
  if (isPartnership(t)) {
    const losses = unwindPartnership(s, t, reason !== 'broken');
    // The more dependent side is the one that loses most relative to its own economy, not in absolute terms.
    const share = (id: string, loss: number): number => loss / Math.max(1, nation(s, id).economy + loss);
    const hit = [...losses.entries()].sort((x, y) => share(y[0], y[1]) - share(x[0], x[1]))[0];
    if (hit && hit[1] > 0) {
      vulnerability = ` ${nameOf(s, hit[0])}, the more dependent side, lost ${hit[1]} output (vulnerability).`;
      data.hardestHit = hit[0];
      data.loss = hit[1];
    }
  }
  if (reason === 'broken' && by) {
    const together = s.turn - t.signed;
    const cost = 8 + Math.min(8, together * 2); // a formal, long-standing treaty costs more to break
    bump(ownNation(s, by), 'reputation', -cost);
    for (const o of others(t, by)) bumpTrust(s, o, by, -35);
    watchersTrust(s, by, -8, t.parties);
    s.record.broken += 1;
    emit(s, out, 'broken', `${nameOf(s, by)} broke its ${kind} with ${names(s, others(t, by))} before its term and lost ${cost} reputation: a public break carries an audience cost.${vulnerability}`, t.parties, ['audience-cost', 'shadow-of-the-future', ...(vulnerability ? ['vulnerability'] : [])], { ...data, cost });
  } else if (reason === 'left' && by) {
    emit(s, out, 'left', `${nameOf(s, by)} left its ${kind} with ${names(s, others(t, by))} at its review, as the terms allow.${vulnerability}`, t.parties, ['governance', ...(vulnerability ? ['vulnerability'] : [])], data);
  } else if (reason === 'expired' || reason === 'notice') {
    emit(s, out, 'expired', `The ${kind} of ${names(s, t.parties)} came to its agreed end.${vulnerability}`, t.parties, ['exit-notice', ...(vulnerability ? ['vulnerability'] : [])], data);
  }
}

/** At the start of a turn: treaties whose notice or duration ran out end in an orderly way. */
export function expireTreaties(s: GameState, out: GameEvent[]): void {
  for (const t of [...s.treaties]) if (t.endsAt !== null && s.turn >= t.endsAt) endTreaty(s, t, t.noticeBy ? 'notice' : 'expired', t.noticeBy, out);
}

/** Kept promises build trust: every turn a treaty lasts, its members trust each other a little more. */
export function keptPromises(s: GameState): void {
  for (const t of s.treaties) for (const a of t.parties) for (const b of t.parties) if (a !== b) bumpTrust(s, a, b, 2);
}
