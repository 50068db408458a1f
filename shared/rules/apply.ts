import { MAX_NOTE, type Action, type ApplyResult, type GameEvent, type GameState, type Phase, type RuleError } from '../types.ts';
import { ERRORS, fail } from './errors.ts';
import { cloneState, hasNation, settle } from './state.ts';
import { runAccept, runCounter, runPropose, runReject, runWithdraw, validateAccept, validateCounter, validatePropose, validateReject, validateWithdraw } from './proposals.ts';
import { runBreak, runNotice, runReview, validateBreak, validateNotice, validateReview } from './treaties.ts';
import { runPolicy, validatePolicy } from './policy.ts';
import { runRespond } from './calls.ts';
import { validateRespond } from './calls.ts';
import { runInject, validateInject } from './crisis.ts';
import { advance, finish } from './phases.ts';

// The one entry point of the rules: apply(state, action). Every action is checked against the phase, its
// actor and its own conditions on the untouched state; only an accepted action gets a draft to change.

type Handler<A extends Action> = {
  phases: readonly Phase[] | 'any';
  actor: boolean;
  validate: (s: GameState, a: A) => RuleError | null;
  run: (s: GameState, a: A, out: GameEvent[]) => void;
};
type Handlers = { [T in Action['type']]: Handler<Extract<Action, { type: T }>> };

const none = (): null => null;
const HANDLERS: Handlers = {
  propose: { phases: ['diplomacy'], actor: true, validate: validatePropose, run: runPropose },
  accept: { phases: ['diplomacy'], actor: true, validate: validateAccept, run: runAccept },
  reject: { phases: ['diplomacy'], actor: true, validate: validateReject, run: runReject },
  counter: { phases: ['diplomacy'], actor: true, validate: validateCounter, run: runCounter },
  withdraw: { phases: ['diplomacy'], actor: true, validate: validateWithdraw, run: runWithdraw },
  notice: { phases: ['diplomacy'], actor: true, validate: validateNotice, run: runNotice },
  break: { phases: ['diplomacy'], actor: true, validate: validateBreak, run: runBreak },
  review: { phases: ['diplomacy'], actor: true, validate: validateReview, run: runReview },
  policy: { phases: ['policy'], actor: true, validate: validatePolicy, run: runPolicy },
  respond: { phases: ['crisis'], actor: true, validate: validateRespond, run: runRespond },
  inject: { phases: 'any', actor: false, validate: validateInject, run: runInject },
  advance: { phases: 'any', actor: false, validate: none, run: (s, _a, out) => advance(s, out) },
  end: { phases: 'any', actor: false, validate: none, run: (s, _a, out) => finish(s, out) },
};

export function apply(state: GameState, action: Action): ApplyResult {
  if (!action || typeof action !== 'object' || typeof (action as { type?: unknown }).type !== 'string' || !Object.hasOwn(HANDLERS, action.type)) return fail('unknown_action');
  if (state.over) return fail('match_over');
  const h = HANDLERS[action.type] as Handler<Action>;
  if (h.phases !== 'any' && !h.phases.includes(state.phase)) {
    return fail('wrong_phase', `${ERRORS.wrong_phase} Right now it is the ${state.phase} phase.`);
  }
  if (h.actor && !hasNation(state, (action as { by?: unknown }).by)) return fail('unknown_nation');
  if (action.note !== undefined && (typeof action.note !== 'string' || action.note.length > MAX_NOTE)) return fail('bad_note');
  let error: RuleError | null;
  try {
    error = h.validate(state, action);
  } catch {
    // Malformed input that slipped past the protocol (a missing field) is refused, never thrown.
    return fail('bad_terms');
  }
  if (error) return { ok: false, error };
  const draft = cloneState(state);
  const events: GameEvent[] = [];
  h.run(draft, action, events);
  return { ok: true, state: settle(draft), events };
}
