import { PERSONALITIES, STRATEGIES, type Interest, type Player, type Strategy } from '../types.ts';
import { SCENARIOS, getScenario } from '../scenarios/index.ts';
import { step } from '../rules/rng.ts';
import { winners } from '../rules/scoring.ts';
import { simulate } from './simulate.ts';

// The balance test: many seeded bot matches where every seat draws a strategy at random. A strategy's
// relative win rate is its wins divided by its seats, times seats per match: 1.0 is a fair share.

export interface TournamentOptions {
  matches: number;
  scenario?: string;
  seed?: number;
  /** Called after each match (for progress output). */
  onMatch?: (done: number) => void;
}

type Tally = Record<Strategy, { wins: number; seats: number }>;
const emptyTally = (): Tally => Object.fromEntries(STRATEGIES.map((s) => [s, { wins: 0, seats: 0 }])) as Tally;

export interface TournamentResult {
  matches: number;
  overall: Record<Strategy, number>;
  byInterest: Record<string, Record<Strategy, number>>;
  byScenario: Record<string, Record<Strategy, number>>;
}

export function runTournament(o: TournamentOptions): TournamentResult {
  const scenarios = o.scenario ? [getScenario(o.scenario)!] : [...SCENARIOS];
  if (!scenarios[0]) throw new Error(`Unknown scenario "${o.scenario}".`);
  let rng = (o.seed ?? 1) >>> 0;
  const rand = (): number => {
    const [v, next] = step(rng);
    rng = next;
    return v;
  };
  const overall = emptyTally();
  const byInterest: Record<string, Tally> = {};
  const byScenario: Record<string, Tally> = {};
  let seatsSum = 0;
  for (let m = 0; m < o.matches; m++) {
    const scenario = scenarios[m % scenarios.length]!;
    const seats = scenario.defaults.seats;
    seatsSum += seats;
    const players: Player[] = scenario.nations.slice(0, seats).map((n) => ({
      nation: n.id, name: n.name, bot: true,
      strategy: STRATEGIES[Math.floor(rand() * STRATEGIES.length)]!,
      personality: PERSONALITIES[Math.floor(rand() * PERSONALITIES.length)]!,
    }));
    const seed = Math.floor(rand() * 0xffffffff);
    const { state } = simulate({ scenario: scenario.id, seed, turns: scenario.defaults.turns, players });
    const won = winners(state);
    for (const p of players) {
      const interest: Interest = state.nations.find((n) => n.id === p.nation)!.interest;
      const share = won.includes(p.nation) ? 1 / won.length : 0;
      for (const t of [overall, (byInterest[interest] ??= emptyTally()), (byScenario[scenario.id] ??= emptyTally())]) {
        t[p.strategy!].seats += 1;
        t[p.strategy!].wins += share;
      }
    }
    o.onMatch?.(m + 1);
  }
  const seatsPerMatch = seatsSum / Math.max(1, o.matches);
  const rates = (t: Tally): Record<Strategy, number> =>
    Object.fromEntries(STRATEGIES.map((s) => [s, t[s].seats ? Math.round((t[s].wins / t[s].seats) * seatsPerMatch * 100) / 100 : 0])) as Record<Strategy, number>;
  const mapRates = (x: Record<string, Tally>) => Object.fromEntries(Object.keys(x).sort().map((k) => [k, rates(x[k]!)]));
  return { matches: o.matches, overall: rates(overall), byInterest: mapRates(byInterest), byScenario: mapRates(byScenario) };
}
