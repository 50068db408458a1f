import type { Action, GameState, MatchFile, Player } from '../types.ts';
import { RULES_VERSION } from '../types.ts';
import { apply } from '../rules/apply.ts';
import { initialState } from '../rules/replay.ts';
import { botsAct } from './play.ts';
import { interestsFor } from '../scenarios/interests.ts';

export { botRound, DIPLOMACY_ROUNDS, profileOf } from './play.ts';

// A headless match played by bots from start to end, recorded as a match file. Pure: the same inputs give
// the same file. Each phase the bots play their rounds (shared/bots/play.ts, as on the live server), then
// the match advances.

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
    const played = botsAct(state, o.players);
    state = played.state;
    file.actions.push(...played.actions);
    step({ type: 'advance' });
    o.onPhase?.(state);
  }
  return { file, state };
}
