import {
  ADVERSARY_ANY, CONTRIBUTIONS, REVISIONIST, SCOPES, TRADE_LEVELS,
  type AllianceTerms, type Contribution, type GameState, type PartnershipTerms, type Terms, type TradeLevel,
} from '../types.ts';

// The terms of both treaty kinds: their allowed ranges, their numeric weights, and a check that a set of
// terms is complete and in range. Protocol schemas and the client's term pickers read the same limits.

export const TERM_LIMITS = {
  duration: { min: 2, max: 20 },
  notice: { min: 1, max: 4 },
  review: { min: 2, max: 6 },
  minTerm: { min: 2, max: 12 },
} as const;

/** Share of an ally's military committed when it honours a call. */
export const CONTRIBUTION_SHARE: Record<Contribution, number> = { token: 0.15, partial: 0.4, full: 0.8 };
export const TRADE_FACTOR: Record<TradeLevel, number> = { low: 0.6, medium: 1.0, high: 1.5 };

export const DEFAULT_ALLIANCE: AllianceTerms = {
  kind: 'alliance', adversary: ADVERSARY_ANY, scope: 'anywhere', nonProvocation: true,
  contribution: 'partial', duration: null, notice: 2, review: 3,
};
export const DEFAULT_PARTNERSHIP: PartnershipTerms = {
  kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 4, review: 3,
};

const intIn = (v: unknown, lim: { min: number; max: number }): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= lim.min && v <= lim.max;

/** True when the terms are complete and in range for this state (a named adversary must exist). */
export function termsValid(s: GameState, terms: Terms, parties: string[]): boolean {
  if (!terms || typeof terms !== 'object') return false;
  if (terms.kind === 'alliance') {
    const t = terms;
    const adversaryOk =
      t.adversary === ADVERSARY_ANY || t.adversary === REVISIONIST ||
      (s.nations.some((n) => n.id === t.adversary) && !parties.includes(t.adversary));
    return (
      adversaryOk &&
      (SCOPES as readonly string[]).includes(t.scope) &&
      typeof t.nonProvocation === 'boolean' &&
      (CONTRIBUTIONS as readonly string[]).includes(t.contribution) &&
      (t.duration === null || intIn(t.duration, TERM_LIMITS.duration)) &&
      intIn(t.notice, TERM_LIMITS.notice) &&
      intIn(t.review, TERM_LIMITS.review)
    );
  }
  if (terms.kind === 'partnership') {
    const t = terms;
    return (
      (TRADE_LEVELS as readonly string[]).includes(t.trade) &&
      typeof t.techSharing === 'boolean' &&
      intIn(t.minTerm, TERM_LIMITS.minTerm) &&
      intIn(t.review, TERM_LIMITS.review)
    );
  }
  return false;
}
