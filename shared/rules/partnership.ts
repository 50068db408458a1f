import type { GameState, Nation, NationId, PartnershipTerms, ResourceProfile, Treaty } from '../types.ts';
import { RESOURCES } from '../types.ts';
import { TRADE_FACTOR } from './terms.ts';
import { clamp, nation, ownNation, ownTreaty, pair, round } from './state.ts';

// Strategic partnerships: ties that grow every turn, yields that compound with ties, trade level and
// complementarity, technology sharing, and the dependence they build (sensitivity and vulnerability).

export const MAX_TIES = 5;

/** How different two economies are, 0 (identical) .. 100 (nothing in common): different economies gain more. */
export function complementarity(a: ResourceProfile, b: ResourceProfile): number {
  let diff = 0;
  for (const r of RESOURCES) diff += Math.abs(a[r] - b[r]);
  return round(diff / 2);
}

/** Output a partnership yields to `me` from `other` this turn at the given ties level. */
export function partnershipYield(me: Nation, other: Nation, terms: PartnershipTerms, ties: number): number {
  if (ties <= 0) return 0;
  const comp = complementarity(me.resources, other.resources) / 100;
  const scale = Math.min(me.economy, other.economy) / 100;
  let y = 0.6 * ties * TRADE_FACTOR[terms.trade] * (0.35 + comp) * scale;
  // Technology sharing lifts the one who is behind most, and both a little.
  if (terms.techSharing) y += ties * (0.12 + Math.max(0, other.technology - me.technology) / 80) * scale;
  return Math.max(0, round(y * 10) / 10);
}

/** Dependence of `me` on `other` at a ties level: more ties and a smaller economy mean more dependence. */
export function dependenceAt(me: Nation, other: Nation, terms: PartnershipTerms, ties: number): number {
  if (ties <= 0) return 0;
  const weight = other.economy / (me.economy + other.economy);
  return clamp(round(ties * 9 * TRADE_FACTOR[terms.trade] * (0.5 + weight)), 0, 100);
}

/** Projected yield to `me` over the next `turns` turns of a new partnership (a preview for players). */
export function projectYield(s: GameState, me: NationId, other: NationId, terms: PartnershipTerms, turns: number): { perTurn: number[]; total: number; dependence: number } {
  const a = nation(s, me);
  const b = nation(s, other);
  const perTurn: number[] = [];
  for (let t = 1; t <= turns; t++) perTurn.push(partnershipYield(a, b, terms, Math.min(MAX_TIES, t)));
  return {
    perTurn,
    total: round(perTurn.reduce((x, y) => x + y, 0) * 10) / 10,
    dependence: dependenceAt(a, b, terms, Math.min(MAX_TIES, turns)),
  };
}

/**
 * One turn of every partnership: ties grow, each side gains its yield (reduced for a partner that just
 * lost a crisis: sensitivity), technology spreads, and dependence follows ties. Returns output gained.
 */
export function runPartnerships(s: GameState, shaken: Set<NationId>): Map<NationId, number> {
  const gains = new Map<NationId, number>();
  for (const shared of s.treaties) {
    if (shared.terms.kind !== 'partnership') continue;
    const t = ownTreaty(s, shared);
    const terms = shared.terms;
    for (const a of t.parties) {
      for (const b of t.parties) {
        if (a === b) continue;
        const p = pair(s, a, b);
        p.ties = Math.min(MAX_TIES, p.ties + 1);
      }
    }
    for (const a of t.parties) {
      let total = 0;
      for (const b of t.parties) {
        if (a === b) continue;
        const me = ownNation(s, a);
        const other = nation(s, b);
        const p = pair(s, a, b);
        let y = partnershipYield(me, other, terms, p.ties);
        if (shaken.has(b)) y = round(y * 5) / 10; // sensitivity: a partner's shock reaches you
        total += y;
        p.dependence = dependenceAt(me, other, terms, p.ties);
        if (terms.techSharing && other.technology > me.technology) me.technology = Math.min(100, me.technology + 1);
      }
      t.yielded[a] = round(((t.yielded[a] ?? 0) + total) * 10) / 10;
      gains.set(a, (gains.get(a) ?? 0) + total);
    }
  }
  return gains;
}

/**
 * A partnership ends. Ties are wiped; each side loses output in proportion to its dependence on the other
 * (vulnerability). An orderly end (notice served, review) softens the blow.
 */
export function unwindPartnership(s: GameState, t: Treaty, orderly: boolean): Map<NationId, number> {
  const losses = new Map<NationId, number>();
  for (const a of t.parties) {
    for (const b of t.parties) {
      if (a === b) continue;
      const p = pair(s, a, b);
      const me = ownNation(s, a);
      const loss = round(me.economy * (p.dependence / 100) * (orderly ? 0.04 : 0.15));
      me.economy = Math.max(10, me.economy - loss);
      losses.set(a, (losses.get(a) ?? 0) + loss);
      p.ties = 0;
      p.dependence = 0;
    }
  }
  return losses;
}

export const isPartnership = (t: Treaty): t is Treaty & { terms: PartnershipTerms } => t.terms.kind === 'partnership';
