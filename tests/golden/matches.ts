// The golden matches: how each stored match file under tests/golden/ is made. Used by regenerate.ts (to
// rewrite the files and their expected hashes when the rules change on purpose) and by the golden test
// (to check that a freshly simulated match replays to its own hash).
import { PERSONALITIES, RULES_VERSION, STRATEGIES, type Action, type GameState, type MatchFile, type Player } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { apply } from '../../shared/rules/apply.ts';
import { initialState } from '../../shared/rules/replay.ts';
import { botRound, DIPLOMACY_ROUNDS, simulate } from '../../shared/bots/simulate.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';

export interface GoldenSpec {
  file: string;
  scenario: string;
  seats: number;
  turns: number;
  seed: number;
  /** A bot match with teacher actions and treaty exits mixed in (see scripted()). */
  scripted?: boolean;
}

export const GOLDEN: GoldenSpec[] = [
  { file: 'amber-sea-3-seats-seed-11.json', scenario: 'amber-sea', seats: 3, turns: 8, seed: 11 },
  { file: 'iron-strait-6-seats-seed-3.json', scenario: 'iron-strait', seats: 6, turns: 10, seed: 3 },
  { file: 'amber-sea-8-seats-seed-29.json', scenario: 'amber-sea', seats: 8, turns: 12, seed: 29 },
  { file: 'amber-sea-5-seats-seed-7-teacher.json', scenario: 'amber-sea', seats: 5, turns: 10, seed: 7, scripted: true },
];

/** Seats cycle through the strategies and personalities, so every recipe appears in a match. */
export function playersFor(scenarioId: string, seats: number, seed: number): Player[] {
  const scenario = getScenario(scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
  return scenario.nations.slice(0, seats).map((n, i) => ({
    nation: n.id, name: n.name, bot: true,
    strategy: STRATEGIES[(i + seed) % STRATEGIES.length]!,
    personality: PERSONALITIES[(i + seed) % PERSONALITIES.length]!,
  }));
}

/**
 * A bot match with a teacher and some unilateral exits: a looming crisis injected in turn 2, a crisis injected
 * during the crisis phase of turn 4, exit notice on the oldest treaty in turn 3, a break in turn 5, and the
 * teacher ending the match early in turn 7's resolution.
 */
function scripted(spec: GoldenSpec): { file: MatchFile; state: GameState } {
  const players = playersFor(spec.scenario, spec.seats, spec.seed);
  const file: MatchFile = { rulesVersion: RULES_VERSION, scenario: spec.scenario, seed: spec.seed, settings: { turns: spec.turns }, players, interests: interestsFor(spec.scenario, players.map((x) => x.nation)), actions: [] };
  let state = initialState(file);
  const tryAction = (a: Action): void => {
    const r = apply(state, a);
    if (r.ok) {
      state = r.state;
      file.actions.push(a);
    }
  };
  const ids = players.map((p) => p.nation);
  while (!state.over) {
    const { turn, phase } = state;
    if (phase === 'diplomacy') {
      if (turn === 3 && state.treaties[0]) tryAction({ type: 'notice', by: state.treaties[0].parties[0]!, treaty: state.treaties[0].id, note: 'We leave in good order.' });
      if (turn === 5 && state.treaties.length) {
        const t = state.treaties[state.treaties.length - 1]!;
        tryAction({ type: 'break', by: t.parties[t.parties.length - 1]!, treaty: t.id });
      }
      for (let round = 0; round < DIPLOMACY_ROUNDS; round++) state = botRound(state, players, file.actions);
    } else if (phase === 'policy') {
      if (turn === 2) tryAction({ type: 'inject', crisis: 'invasion', target: ids[1]!, severity: 60 });
      state = botRound(state, players, file.actions);
    } else if (phase === 'crisis') {
      if (turn === 4) tryAction({ type: 'inject', crisis: 'blockade', target: ids[0]!, severity: 45 });
      state = botRound(state, players, file.actions);
    } else if (phase === 'resolution' && turn === 7) {
      tryAction({ type: 'end', note: 'The bell rang.' });
      continue;
    }
    tryAction({ type: 'advance' });
  }
  return { file, state };
}

export function buildGolden(spec: GoldenSpec): { file: MatchFile; state: GameState } {
  if (spec.scripted) return scripted(spec);
  return simulate({ scenario: spec.scenario, seed: spec.seed, turns: spec.turns, players: playersFor(spec.scenario, spec.seats, spec.seed) });
}
