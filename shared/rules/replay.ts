import type { Action, GameEvent, GameState, MatchFile, Phase, RuleError } from '../types.ts';
import { getScenario } from '../scenarios/index.ts';
import { setup } from './setup.ts';
import { apply } from './apply.ts';

// Replay: a match is a seed, a scenario and a list of accepted actions, so the state after any action is
// the initial state with the log applied. Frames mark each phase boundary for viewers and forks.

export interface Frame {
  /** Number of actions applied to reach this frame. */
  index: number;
  turn: number;
  phase: Phase;
  state: GameState;
}

export type ReplayResult =
  | { ok: true; initial: GameState; final: GameState; frames: Frame[] }
  | { ok: false; index: number; action: Action | undefined; error: RuleError };

export function initialState(file: Pick<MatchFile, 'scenario' | 'seed' | 'settings' | 'players' | 'interests'>): GameState {
  const scenario = getScenario(file.scenario);
  if (!scenario) throw new Error(`Unknown scenario "${file.scenario}".`);
  return setup(scenario, { seats: file.players.length, turns: file.settings.turns, seed: file.seed, interests: file.interests });
}

export interface ReplayOptions {
  /** Called after every accepted action with the state it produced. */
  onStep?: (index: number, action: Action, state: GameState, events: GameEvent[]) => void;
  /** Stop after this many actions (a prefix of the log). */
  limit?: number;
}

export function replay(file: MatchFile, options: ReplayOptions = {}): ReplayResult {
  let initial: GameState;
  try {
    initial = initialState(file);
  } catch (e) {
    return { ok: false, index: -1, action: undefined, error: { code: 'bad_match', message: (e as Error).message } };
  }
  let state = initial;
  const frames: Frame[] = [{ index: 0, turn: state.turn, phase: state.phase, state }];
  const n = Math.min(file.actions.length, options.limit ?? Infinity);
  for (let i = 0; i < n; i++) {
    const action = file.actions[i]!;
    const r = apply(state, action);
    if (!r.ok) return { ok: false, index: i, action, error: r.error };
    state = r.state;
    options.onStep?.(i, action, state, r.events);
    if (action.type === 'advance' || action.type === 'end') frames.push({ index: i + 1, turn: state.turn, phase: state.phase, state });
  }
  return { ok: true, initial, final: state, frames };
}

/** The number of actions that reach the start of `turn` (its diplomacy phase), or null if never reached. */
export function actionsToTurn(file: MatchFile, turn: number): number | null {
  const r = replay(file);
  if (!r.ok) return null;
  const f = r.frames.find((x) => x.turn === turn && x.phase === 'diplomacy');
  return f ? f.index : null;
}
