import type { Action, GameEvent, GameState, RuleError } from '../types.ts';
import { ERRORS } from './errors.ts';
import { hasNation, ownNation } from './state.ts';

// The sealed policy of the policy phase: guns or butter (the share of output spent on defence), and an
// optional coercive demand against one nation. A nation may change its choice until the phase ends.

type Act = Extract<Action, { type: 'policy' }>;

export const DEFAULT_DEFENCE = 30;

export function validatePolicy(s: GameState, a: Act): RuleError | null {
  if (typeof a.defence !== 'number' || !Number.isInteger(a.defence) || a.defence < 0 || a.defence > 100) return { code: 'bad_policy', message: ERRORS.bad_policy };
  if (a.demand !== null && (!hasNation(s, a.demand) || a.demand === a.by)) return { code: 'bad_demand', message: ERRORS.bad_demand };
  return null;
}

export function runPolicy(s: GameState, a: Act, _out: GameEvent[]): void {
  // Sealed: no public event until the crisis phase reveals demands.
  ownNation(s, a.by).policy = { defence: a.defence, demand: a.demand };
}

/** Nations that did not choose keep last turn's defence share and make no demand. */
export function settlePolicies(s: GameState): void {
  for (const n of s.nations) if (!n.policy) ownNation(s, n.id).policy = { defence: n.lastDefence, demand: null };
}
