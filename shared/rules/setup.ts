import { INTERESTS, RULES_VERSION, type GameState, type Interest, type Nation, type NationId, type Pair, type Player, type Scenario } from '../types.ts';
import { seedToRng } from './rng.ts';
import { pairKey } from './state.ts';

// The initial state of a match: the first N nations of the scenario, their regions, neutral relations,
// and the seeded generator.

export const INITIAL_TRUST = 20;

export interface SetupOptions {
  seats: number;
  turns: number;
  seed: number;
  /** Secret national interests of the nations in play (from shared/scenarios/interests.ts, or a match file). */
  interests: Record<NationId, Interest>;
}

export function setupError(scenario: Scenario, o: SetupOptions): string | null {
  if (!Number.isInteger(o.seats) || o.seats < scenario.minSeats || o.seats > Math.min(scenario.maxSeats, scenario.nations.length)) return `This scenario takes ${scenario.minSeats} to ${scenario.maxSeats} nations.`;
  if (!Number.isInteger(o.turns) || o.turns < 1 || o.turns > 60) return 'A match lasts 1 to 60 turns.';
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) return 'The seed must be a whole number from 0 to 4294967295.';
  for (const n of scenario.nations.slice(0, o.seats)) {
    if (!(INTERESTS as readonly string[]).includes(o.interests?.[n.id] as string)) return `${n.name} needs a national interest (${INTERESTS.join(', ')}).`;
  }
  return null;
}

export function setup(scenario: Scenario, o: SetupOptions): GameState {
  const err = setupError(scenario, o);
  if (err) throw new Error(err);
  const chosen = scenario.nations.slice(0, o.seats);
  const ids = new Set(chosen.map((n) => n.id));
  const regions = scenario.regions.filter((r) => ids.has(r.owner)).map((r) => ({ id: r.id, name: r.name, owner: r.owner, core: r.core, capital: !!r.capital }));
  const nations: Nation[] = chosen.map((n) => ({
    id: n.id, name: n.name, interest: o.interests[n.id]!, resources: { ...n.resources },
    economy: n.economy, military: n.military, stability: n.stability, reputation: n.reputation, exposure: n.exposure,
    technology: n.resources.technology, startEconomy: n.economy, startRegions: regions.filter((r) => r.owner === n.id).length,
    crisesWithstood: 0, crisesLost: 0, policy: null, lastDefence: 30,
  }));
  const pairs: Record<string, Pair> = {};
  for (const a of nations) for (const b of nations) if (a.id !== b.id) pairs[pairKey(a.id, b.id)] = { trust: INITIAL_TRUST, ties: 0, dependence: 0 };
  return {
    rulesVersion: RULES_VERSION, scenario: scenario.id, seed: o.seed, rng: seedToRng(o.seed), turn: 1, turns: o.turns,
    phase: 'diplomacy', over: false, nations, pairs, regions,
    pressure: scenario.revisionist.pressure, revisionistName: scenario.revisionist.name, revisionistGrowth: scenario.revisionist.growth,
    treaties: [], proposals: [], crises: [], calls: [], pendingCrises: [], news: [], events: [], nextId: 0,
    record: { honoured: 0, abstained: 0, broken: 0, signed: 0 },
  };
}

/** Default players for a scenario: every seat a bot until people take them. */
export function defaultPlayers(scenario: Scenario, seats: number): Player[] {
  return scenario.nations.slice(0, seats).map((n) => ({ nation: n.id, name: n.name, bot: true, strategy: 'adaptive', personality: 'loyal' }));
}
