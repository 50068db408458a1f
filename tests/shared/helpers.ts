// Shared test helpers: build a match from the real scenario and drive it only through `apply`.
import { expect } from 'vitest';
import type { Action, AllianceTerms, GameEvent, GameState, PartnershipTerms, Phase, Treaty } from '../../shared/types.ts';
import { apply } from '../../shared/rules/apply.ts';
import { setup } from '../../shared/rules/setup.ts';
import { stateHash } from '../../shared/rules/hash.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { DEFAULT_ALLIANCE, DEFAULT_PARTNERSHIP } from '../../shared/rules/terms.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';

export const scenario = getScenario('amber-sea')!;

export function newGame(seats = 6, turns = 10, seed = 1): GameState {
  return setup(scenario, { seats, turns, seed, interests: interestsFor(scenario.id, scenario.nations.slice(0, seats).map((n) => n.id)) });
}

/** A copy of a state with the revisionist power silenced: no random crises, only those we inject or demand. */
export function calmWorld(s: GameState): GameState {
  return { ...s, pressure: 0, revisionistGrowth: 0 };
}

/** Apply an action that must be accepted; returns the new state (and the events, via `last`). */
export let lastEvents: GameEvent[] = [];
export function ok(s: GameState, a: Action): GameState {
  const r = apply(s, a);
  if (!r.ok) throw new Error(`expected ${a.type} to be accepted, got ${r.error.code}: ${r.error.message}`);
  lastEvents = r.events;
  return r.state;
}

/** Apply an action that must be refused with `code`; checks the state is untouched and returns the message. */
export function refused(s: GameState, a: Action, code: string): string {
  const before = stateHash(s);
  const r = apply(s, a);
  expect(r.ok, `${a?.type} should be refused with ${code}`).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe(code);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.trim().length).toBeGreaterThan(0);
  expect(stateHash(s)).toBe(before);
  return r.error.message;
}

export function advanceTo(s: GameState, phase: Phase): GameState {
  for (let i = 0; i < 6 && s.phase !== phase; i++) s = ok(s, { type: 'advance' });
  expect(s.phase).toBe(phase);
  return s;
}

/** Advance through whole turns until the diplomacy phase of `turn`. */
export function toTurn(s: GameState, turn: number): GameState {
  let guard = 0;
  while (!(s.turn === turn && s.phase === 'diplomacy')) {
    s = ok(s, { type: 'advance' });
    if (++guard > 400) throw new Error('toTurn: never reached');
  }
  return s;
}

export const alliance = (over: Partial<AllianceTerms> = {}): AllianceTerms => ({ ...DEFAULT_ALLIANCE, ...over });
export const partnership = (over: Partial<PartnershipTerms> = {}): PartnershipTerms => ({ ...DEFAULT_PARTNERSHIP, ...over });

/** Sign a treaty through propose + accept by every invitee; returns the new state and the treaty. */
export function sign(s: GameState, by: string, to: string[], terms: AllianceTerms | PartnershipTerms): { state: GameState; treaty: Treaty } {
  s = ok(s, { type: 'propose', by, to, terms });
  const p = s.proposals[s.proposals.length - 1]!;
  for (const n of to) s = ok(s, { type: 'accept', by: n, proposal: p.id });
  const t = s.treaties[s.treaties.length - 1]!;
  expect([...t.parties].sort()).toEqual([by, ...to].sort());
  return { state: s, treaty: t };
}

export const nationOf = (s: GameState, id: string) => s.nations.find((n) => n.id === id)!;
export const pairOf = (s: GameState, a: string, b: string) => s.pairs[`${a}>${b}`]!;
export const trust = (s: GameState, a: string, b: string): number => pairOf(s, a, b).trust;
export const treatyById = (s: GameState, id: string) => s.treaties.find((t) => t.id === id);

/** Inject a teacher crisis and move into the crisis phase (from diplomacy or policy). Returns the state and the crisis. */
export function crisisAgainst(s: GameState, target: string, severity: number, type: 'incursion' | 'blockade' | 'invasion' = 'incursion') {
  s = ok(s, { type: 'inject', crisis: type, target, severity });
  s = advanceTo(s, 'crisis');
  const c = s.crises.find((x) => x.injected && x.target === target)!;
  expect(c).toBeDefined();
  return { state: s, crisis: c };
}
