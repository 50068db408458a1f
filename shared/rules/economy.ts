import type { GameEvent, GameState, NationId } from '../types.ts';
import { allianceUpkeep } from './alliance.ts';
import { runPartnerships } from './partnership.ts';
import { bump, emit, nameOf, ownNation, round } from './state.ts';

// The economy of a turn: base growth from investment (butter), military from defence spending (guns),
// partnership yields, and alliance upkeep.

export const BASE_GROWTH = 0.012;
export const INVEST_GROWTH = 0.05;

export function runEconomy(s: GameState, shaken: Set<NationId>, out: GameEvent[]): void {
  const gains = runPartnerships(s, shaken);
  for (const { id } of s.nations) {
    const n = ownNation(s, id);
    const defence = (n.policy?.defence ?? n.lastDefence) / 100;
    const stabilityFactor = 0.5 + n.stability / 200;
    const growth = n.economy * (BASE_GROWTH + INVEST_GROWTH * (1 - defence)) * stabilityFactor;
    const upkeep = allianceUpkeep(s, n.id);
    const yieldIn = gains.get(n.id) ?? 0;
    n.economy = Math.max(10, round(n.economy + growth + yieldIn - upkeep));
    n.military = Math.max(1, round(n.military + n.economy * defence * 0.12 - n.military * 0.08));
    // Stability drifts back toward a calm level.
    bump(n, 'stability', n.stability < 70 ? 2 : n.stability > 80 ? -1 : 0);
    n.lastDefence = n.policy?.defence ?? n.lastDefence;
    if (yieldIn >= 8) emit(s, out, 'yield', `${nameOf(s, n.id)} gained ${round(yieldIn)} output from its partnerships: comparative advantage at work.`, [n.id], ['comparative-advantage', 'complex-interdependence']);
  }
}
