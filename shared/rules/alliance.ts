import { ADVERSARY_ANY, type AllianceTerms, type Crisis, type GameState, type NationId, type Region, type Treaty } from '../types.ts';
import { CONTRIBUTION_SHARE } from './terms.ts';
import { nation } from './state.ts';

// Defensive alliances: dormant until a crisis meets their conditions (casus foederis). While dormant they
// deter, in proportion to the allies' credible strength, and cost upkeep.

export const isAlliance = (t: Treaty): t is Treaty & { terms: AllianceTerms } => t.terms.kind === 'alliance';

/** Would this alliance oblige `ally` to help `victim` in this crisis? Returns why not, or null if it would. */
export function callBlocker(t: Treaty & { terms: AllianceTerms }, crisis: Pick<Crisis, 'attacker' | 'target' | 'provoked'>, region: Pick<Region, 'core'>, ally: NationId): string | null {
  const terms = t.terms;
  if (!t.parties.includes(crisis.target) || !t.parties.includes(ally) || ally === crisis.target) return 'not a member';
  if (ally === crisis.attacker) return 'the ally is the attacker';
  if (terms.adversary !== ADVERSARY_ANY && terms.adversary !== crisis.attacker) return 'a different adversary';
  if (terms.scope === 'home' && !region.core) return 'outside the home regions';
  if (terms.nonProvocation && crisis.provoked) return 'the member provoked it';
  return null;
}

/** Strength an ally commits when it honours under these terms. */
export function contributionOf(s: GameState, ally: NationId, terms: AllianceTerms): number {
  return Math.round(nation(s, ally).military * CONTRIBUTION_SHARE[terms.contribution]);
}

/**
 * Credible allied strength behind `id` against `attacker`: each ally's military, scaled by its reputation
 * (will it come?) and its promised contribution. This is what deters.
 */
export function credibleSupport(s: GameState, id: NationId, attacker: string): number {
  let total = 0;
  for (const t of s.treaties) {
    if (!isAlliance(t) || !t.parties.includes(id)) continue;
    if (t.terms.adversary !== ADVERSARY_ANY && t.terms.adversary !== attacker) continue;
    for (const ally of t.parties) {
      if (ally === id) continue;
      const n = nation(s, ally);
      total += n.military * (n.reputation / 100) * CONTRIBUTION_SHARE[t.terms.contribution];
    }
  }
  return total;
}

/** Deterrence against an attacker, 0..0.65: how much fewer and weaker crises aimed at `id` become. */
export function deterrence(s: GameState, id: NationId, attacker: string): number {
  const support = credibleSupport(s, id, attacker);
  return Math.min(0.65, support / (support + 35));
}

/** Output each alliance costs a member per turn (upkeep), larger for bigger promises. */
export function allianceUpkeep(s: GameState, id: NationId): number {
  let cost = 0;
  const n = nation(s, id);
  for (const t of s.treaties) {
    if (!isAlliance(t) || !t.parties.includes(id)) continue;
    cost += n.economy * 0.004 * (0.5 + CONTRIBUTION_SHARE[t.terms.contribution]) * (t.parties.length - 1);
  }
  return cost;
}
