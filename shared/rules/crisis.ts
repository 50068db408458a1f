import { CRISIS_TYPES, REVISIONIST, type Action, type Crisis, type CrisisType, type GameEvent, type GameState, type NationId, type RuleError } from '../types.ts';
import { ERRORS } from './errors.ts';
import { draw } from './rng.ts';
import { emit, hasNation, nameOf, nation, newId, bumpTrust, watchersTrust } from './state.ts';
import { deterrence } from './alliance.ts';
import { issueCalls } from './calls.ts';
import { atRegion } from './describe.ts';

// Crises: the revisionist power's pressure, players' coercive demands and the teacher's injections put
// nations under attack. Deterrence makes crises aimed at well-allied nations rarer and weaker.

type Inject = Extract<Action, { type: 'inject' }>;

const TYPE_WEIGHT: Record<CrisisType, number> = { incursion: 1.0, blockade: 0.85, invasion: 1.3 };

export function attackerName(s: GameState, attacker: string): string {
  return attacker === REVISIONIST ? s.revisionistName : nameOf(s, attacker);
}

export function validateInject(s: GameState, a: Inject): RuleError | null {
  const attackerOk = a.attacker === undefined || a.attacker === REVISIONIST || (hasNation(s, a.attacker) && a.attacker !== a.target);
  const ok = (CRISIS_TYPES as readonly string[]).includes(a.crisis) && hasNation(s, a.target) && attackerOk &&
    typeof a.severity === 'number' && Number.isInteger(a.severity) && a.severity >= 1 && a.severity <= 100;
  return ok ? null : { code: 'bad_crisis', message: ERRORS.bad_crisis };
}

/** A teacher's crisis strikes in the next crisis phase (at once if that phase is under way). */
export function runInject(s: GameState, a: Inject, out: GameEvent[]): void {
  const attacker = a.attacker ?? REVISIONIST;
  if (s.phase === 'crisis') {
    const c = makeCrisis(s, a.crisis, attacker, a.target, a.severity, true);
    announce(s, c, out);
    issueCalls(s, c, out);
  } else {
    s.pendingCrises.push(attacker === REVISIONIST ? { type: a.crisis, target: a.target, severity: a.severity } : { type: a.crisis, target: a.target, severity: a.severity, attacker });
    emit(s, out, 'crisis-looming', `Tension is rising around ${nameOf(s, a.target)}: a crisis is coming.`, [a.target]);
  }
}

function pickRegion(s: GameState, target: NationId, attacker: string): string {
  const owned = s.regions.filter((r) => r.owner === target);
  // Attacks fall on outlying and border regions before the capital.
  const weighted = owned.map((r) => ({ r, w: r.capital ? 1 : r.core ? 2 : 3 }));
  const total = weighted.reduce((a, x) => a + x.w, 0);
  let roll = draw(s) * total;
  for (const x of weighted) {
    roll -= x.w;
    if (roll < 0) return x.r.id;
  }
  void attacker;
  return owned[owned.length - 1]!.id;
}

function makeCrisis(s: GameState, type: CrisisType, attacker: string, target: NationId, severity: number, injected: boolean): Crisis {
  const targetPolicy = nation(s, target).policy;
  const c: Crisis = {
    id: newId(s, 'c'), turn: s.turn, type, attacker, target, region: pickRegion(s, target, attacker),
    severity: Math.max(1, Math.round(severity)),
    provoked: attacker !== REVISIONIST && targetPolicy?.demand === attacker,
    injected, outcome: 'pending', defence: 0, regionLost: false,
  };
  s.crises.push(c);
  return c;
}

function announce(s: GameState, c: Crisis, out: GameEvent[]): void {
  const region = s.regions.find((r) => r.id === c.region)!;
  const what = c.type === 'blockade' ? 'blockaded' : c.type === 'invasion' ? 'invaded' : 'struck at';
  emit(s, out, 'crisis', `${attackerName(s, c.attacker)} ${what} ${nameOf(s, c.target)}${atRegion(nameOf(s, c.target), region.name)} (strength ${c.severity}).`, c.attacker === REVISIONIST ? [c.target] : [c.attacker, c.target], [], { crisis: c.id, attacker: c.attacker, target: c.target, region: c.region, severity: c.severity, type: c.type, provoked: c.provoked, injected: c.injected });
}

/** Enter the crisis phase: demands become crises, the revisionist power strikes, allies are called. */
export function generateCrises(s: GameState, out: GameEvent[]): void {
  for (const p of s.pendingCrises) makeCrisis(s, p.type, p.attacker ?? REVISIONIST, p.target, p.severity, true);
  s.pendingCrises = [];
  for (const n of s.nations) {
    const demand = n.policy?.demand;
    if (!demand) continue;
    const severity = n.military * (0.5 + (n.policy!.defence / 100)) * (1 - deterrence(s, demand, n.id) / 2);
    makeCrisis(s, 'incursion', n.id, demand, severity, false);
    bumpTrust(s, demand, n.id, -20);
    watchersTrust(s, n.id, -4, [demand]);
  }
  for (const n of s.nations) {
    const d = deterrence(s, n.id, REVISIONIST);
    const chance = (s.pressure / 100) * (n.exposure / 100) * 1.3 * (1 - d);
    if (draw(s) >= chance) continue;
    const typeRoll = draw(s);
    const type: CrisisType = typeRoll < 0.5 ? 'incursion' : typeRoll < 0.8 ? 'blockade' : 'invasion';
    const severity = s.pressure * (0.6 + 0.8 * draw(s)) * TYPE_WEIGHT[type] * (1 - d / 2);
    makeCrisis(s, type, REVISIONIST, n.id, severity, false);
  }
  if (s.crises.length === 0) emit(s, out, 'calm', 'A calm year: no crisis struck.', []);
  for (const c of s.crises) {
    announce(s, c, out);
    issueCalls(s, c, out);
  }
}
