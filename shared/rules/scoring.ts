import { REVISIONIST, type GameState, type Interest, type NationId } from '../types.ts';
import { clamp } from './state.ts';

// Scoring by national interest: prosperity, security, standing and autonomy, weighted by each nation's
// secret interest, so different interests reward different mixes of treaties.

/** `balance` weighs the weaker of prosperity and security: a middle power is only as strong as its weaker flank. */
export const INTEREST_WEIGHTS: Record<Interest, { prosperity: number; security: number; standing: number; autonomy: number; balance: number }> = {
  trading: { prosperity: 0.55, security: 0.15, standing: 0.2, autonomy: 0.1, balance: 0 },
  frontline: { prosperity: 0.1, security: 0.6, standing: 0.2, autonomy: 0.1, balance: 0 },
  middle: { prosperity: 0.2, security: 0.25, standing: 0.1, autonomy: 0.05, balance: 0.4 },
  neutral: { prosperity: 0.25, security: 0.2, standing: 0.15, autonomy: 0.4, balance: 0 },
};

export const INTEREST_LABELS: Record<Interest, string> = {
  trading: 'Trading state: rewards prosperity above all.',
  frontline: 'Frontline state: rewards security, keeping every region and weathering crises.',
  middle: 'Middle power: rewards prosperity and security together; the weaker of the two counts most.',
  neutral: 'Neutral state: rewards autonomy, staying free of dependence and entanglement.',
};

export interface Score {
  nation: NationId;
  interest: Interest;
  prosperity: number;
  security: number;
  standing: number;
  autonomy: number;
  total: number;
}

export function scoreNation(s: GameState, id: NationId): Score {
  const n = s.nations.find((x) => x.id === id)!;
  // Each component is an index of 0..100 so that no interest's favourite dominates by scale alone.
  const growth = (n.economy / n.startEconomy - 1) * 100;
  const prosperity = clamp(Math.round(40 + growth * 0.6), 0, 100);
  const held = s.regions.filter((r) => r.owner === id).length;
  const regions = (held / n.startRegions) * 45;
  // Weathering crises is what security means: every crisis held counts, every one lost costs.
  const crises = clamp(0.5 + 0.2 * n.crisesWithstood - 0.2 * n.crisesLost, 0, 1) * 35;
  const security = clamp(Math.round(regions + crises + n.stability * 0.2), 0, 100);
  let trustSum = 0;
  for (const o of s.nations) if (o.id !== id) trustSum += s.pairs[`${o.id}>${id}`]!.trust;
  const trustAvg = s.nations.length > 1 ? trustSum / (s.nations.length - 1) : 0;
  const standing = Math.round(n.reputation * 0.6 + ((trustAvg + 100) / 2) * 0.4);
  let dependence = 0;
  for (const o of s.nations) if (o.id !== id) dependence += s.pairs[`${id}>${o.id}`]!.dependence;
  const commitments = s.treaties.filter((t) => t.terms.kind === 'alliance' && t.parties.includes(id)).length;
  const autonomy = clamp(Math.round(100 - dependence * 0.5 - commitments * 10), 0, 100);
  const w = WEIGHTS(n.interest);
  const total = Math.round(w.prosperity * prosperity + w.security * security + w.standing * standing + w.autonomy * autonomy + w.balance * Math.min(prosperity, security) * 1.1);
  return { nation: id, interest: n.interest, prosperity, security, standing, autonomy, total };
}
const WEIGHTS = (i: Interest) => INTEREST_WEIGHTS[i];

/** Scores of every nation, best first (ties broken by nation order, which is the scenario's seat order). */
export function scores(s: GameState): Score[] {
  const order = new Map(s.nations.map((n, i) => [n.id, i]));
  return s.nations.map((n) => scoreNation(s, n.id)).sort((a, b) => b.total - a.total || order.get(a.nation)! - order.get(b.nation)!);
}

/** The winners: every nation sharing the top score. */
export function winners(s: GameState): NationId[] {
  const all = scores(s);
  return all.filter((x) => x.total === all[0]!.total).map((x) => x.nation);
}

export const regionsLostToRevisionist = (s: GameState): number => s.regions.filter((r) => r.owner === REVISIONIST).length;
