import type { Action, Call, Crisis, GameEvent, GameState, RuleError } from '../types.ts';
import { ERRORS } from './errors.ts';
import { emit, nameOf } from './state.ts';
import { callBlocker, contributionOf, isAlliance } from './alliance.ts';

// Calls to allies: when a crisis meets an alliance's conditions, every other member is called and must
// choose, sealed, to honour (send its contribution) or abstain.

type Respond = Extract<Action, { type: 'respond' }>;

export function issueCalls(s: GameState, c: Crisis, out: GameEvent[]): void {
  const region = s.regions.find((r) => r.id === c.region)!;
  const best = new Map<string, Call>();
  for (const t of s.treaties) {
    if (!isAlliance(t) || !t.parties.includes(c.target)) continue;
    for (const ally of t.parties) {
      if (callBlocker(t, c, region, ally) !== null) continue;
      const contribution = contributionOf(s, ally, t.terms);
      const prev = best.get(ally);
      if (!prev || contribution > prev.contribution) {
        best.set(ally, { id: '', crisis: c.id, treaty: t.id, ally, victim: c.target, answer: null, contribution });
      }
    }
  }
  for (const call of [...best.values()].sort((a, b) => (a.ally < b.ally ? -1 : 1))) {
    s.nextId += 1;
    call.id = `k${s.nextId}`;
    s.calls.push(call);
    emit(s, out, 'called', `${nameOf(s, call.victim)} called on its ally ${nameOf(s, call.ally)} for help.`, [call.ally, call.victim], ['casus-foederis', 'entrapment'], { call: call.id, crisis: c.id, treaty: call.treaty, ally: call.ally, victim: call.victim, attacker: c.attacker, contribution: call.contribution });
  }
}

export function validateRespond(s: GameState, a: Respond): RuleError | null {
  const call = s.calls.find((k) => k.id === a.call);
  if (!call) return { code: 'unknown_call', message: ERRORS.unknown_call };
  if (call.ally !== a.by) return { code: 'not_called', message: ERRORS.not_called };
  if (call.answer !== null) return { code: 'already_answered', message: ERRORS.already_answered };
  if (a.answer !== 'honour' && a.answer !== 'abstain') return { code: 'bad_terms', message: 'Answer a call with honour or abstain.' };
  return null;
}

export function runRespond(s: GameState, a: Respond, _out: GameEvent[]): void {
  // Sealed until resolution reveals who came.
  s.calls.find((k) => k.id === a.call)!.answer = a.answer;
}
