import type { Action, GameEvent, GameState, MatchFile, Phase, RuleError } from '../types.ts';
import { replay, type Frame } from '../rules/replay.ts';

// A match's history, rebuilt from its file: the state at every phase boundary, and every action with the
// events it caused. The replay viewer scrubs through it; moments, series and the debrief read it.

export interface Step {
  /** Position in the log (0-based). */
  index: number;
  turn: number;
  phase: Phase;
  action: Action;
  events: GameEvent[];
}

export interface History {
  file: MatchFile;
  frames: Frame[];
  steps: Step[];
  final: GameState;
  initial: GameState;
}

export type HistoryResult = { ok: true; history: History } | { ok: false; index: number; action: Action | undefined; error: RuleError };

export function buildHistory(file: MatchFile): HistoryResult {
  const steps: Step[] = [];
  let before: { turn: number; phase: Phase } | null = null;
  const r = replay(file, {
    onStep: (index, action, state, events) => {
      steps.push({ index, turn: before?.turn ?? state.turn, phase: before?.phase ?? state.phase, action, events });
      before = { turn: state.turn, phase: state.phase };
    },
  });
  if (!r.ok) return r;
  // Each step is stamped with the phase it was taken in (the state before it), which `onStep` only knows
  // after the fact; fix the first one, taken in the initial phase.
  if (steps[0]) {
    steps[0].turn = r.initial.turn;
    steps[0].phase = r.initial.phase;
  }
  return { ok: true, history: { file, frames: r.frames, steps, final: r.final, initial: r.initial } };
}

/** The frame shown at a turn and phase: the last boundary at or before it. */
export function frameAt(h: History, turn: number, phase?: Phase): Frame {
  const order = ['diplomacy', 'policy', 'crisis', 'resolution', 'news'];
  let best = h.frames[0]!;
  for (const f of h.frames) {
    const before = f.turn < turn || (f.turn === turn && (phase === undefined || order.indexOf(f.phase) <= order.indexOf(phase)));
    if (before) best = f;
  }
  return best;
}

/** Events of one turn, in order (public ones only unless `withPrivate`). */
export function eventsOfTurn(h: History, turn: number, withPrivate = false): GameEvent[] {
  const out: GameEvent[] = [];
  for (const st of h.steps) for (const e of st.events) if (e.turn === turn && (withPrivate || !e.private)) out.push(e);
  return out;
}
