import type { Action, GameState, MatchFile, Player } from '../types.ts';
import { RULES_VERSION } from '../types.ts';
import { apply } from '../rules/apply.ts';
import { initialState } from '../rules/replay.ts';
import { decide, type BotProfile } from './index.ts';
import { interestsFor } from '../scenarios/interests.ts';

// A headless match played by bots from start to end, recorded as a match file. Pure: the same inputs give
// the same file. Diplomacy runs a few rounds so that proposals can be answered and countered.

export const DIPLOMACY_ROUNDS = 3;

export interface SimulateOptions {
  scenario: string;
  seed: number;
  turns: number;
  players: Player[];
  /** Secret interests; by default the scenario's own. */
  interests?: MatchFile['interests'];
  /** Called after each phase change with the new state (for per-turn tables). */
  onPhase?: (state: GameState) => void;
}

export function profileOf(p: Player): BotProfile {
  return { strategy: p.strategy ?? 'adaptive', personality: p.personality ?? 'loyal' };
}

export function botRound(state: GameState, players: Player[], log: Action[]): GameState {
  for (const p of players) {
    for (const d of decide(state, p.nation, profileOf(p))) {
      const r = apply(state, d.action);
      if (r.ok) {
        state = r.state;
        log.push(d.action);
      }
    }
  }
  return state;
}

export function simulate(o: SimulateOptions): { file: MatchFile; state: GameState } {
  const interests = o.interests ?? interestsFor(o.scenario, o.players.map((p) => p.nation));
  const file: MatchFile = { rulesVersion: RULES_VERSION, scenario: o.scenario, seed: o.seed, settings: { turns: o.turns }, players: o.players, interests, actions: [] };
  let state = initialState(file);
  const step = (action: Action): void => {
    const r = apply(state, action);
    if (!r.ok) throw new Error(`simulate: ${action.type} refused: ${r.error.message}`);
    state = r.state;
    file.actions.push(action);
  };
  while (!state.over) {
    if (state.phase === 'diplomacy') {
      for (let round = 0; round < DIPLOMACY_ROUNDS; round++) state = botRound(state, o.players, file.actions);
    } else if (state.phase === 'policy' || state.phase === 'crisis') {
      state = botRound(state, o.players, file.actions);
    }
    step({ type: 'advance' });
    o.onPhase?.(state);
  }
  return { file, state };
}
