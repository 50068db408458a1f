import { REVISIONIST, type Call, type GameEvent, type GameState, type NationId } from '../types.ts';
import { draw } from './rng.ts';
import { bump, bumpTrust, emit, nameOf, nation, ownNation, ownRegion, ownTreaty, pair, watchersTrust } from './state.ts';
import { attackerName } from './crisis.ts';
import { atRegion, regionOf } from './describe.ts';
import { endTreaty } from './treaties.ts';

// Resolution: every crisis is a contest (the target's defence plus honouring allies against the attack),
// decided by a seeded draw weighted by strength. Then the costs of honour and of abstention are paid.

/** Attrition an honouring ally suffers, as a share of the strength it sends, if the defence holds or falls. */
export const HONOUR_ATTRITION = { held: 0.06, lost: 0.15 } as const;
/** Reputation an ally earns for honouring a call. */
export const HONOUR_REPUTATION = 4;

/** Reputation lost by abstaining: an audience cost, larger for a formal, long-standing treaty. */
export function audienceCost(s: GameState, treatyId: string): number {
  const t = s.treaties.find((x) => x.id === treatyId);
  const together = t ? Math.max(0, s.turn - t.signed) : 0;
  return 8 + Math.min(10, together * 2);
}

/** What each answer to a call will cost the ally: the figures resolution applies, for call cards and bots. */
export function callCosts(s: GameState, call: Call): { attrition: { held: number; lost: number }; reputationGain: number; audienceCost: number } {
  return {
    attrition: { held: Math.round(call.contribution * HONOUR_ATTRITION.held), lost: Math.round(call.contribution * HONOUR_ATTRITION.lost) },
    reputationGain: HONOUR_REPUTATION,
    audienceCost: audienceCost(s, call.treaty),
  };
}

/** Chance that a defence of `defence` holds against `attack`. */
export function holdChance(defence: number, attack: number): number {
  return Math.min(0.92, Math.max(0.08, defence / (defence + attack)));
}

/** Strength a nation defends with on its own: its military, sharpened by its defence posture. */
export function ownDefence(s: GameState, id: NationId): number {
  const n = nation(s, id);
  return n.military * (0.6 + (n.policy?.defence ?? n.lastDefence) / 100);
}

/** Resolve the turn's crises; returns the nations that lost one (their partners feel it: sensitivity). */
export function resolveCrises(s: GameState, out: GameEvent[]): Set<NationId> {
  const shaken = new Set<NationId>();
  for (const call of s.calls) if (call.answer === null) call.answer = 'abstain'; // silence abandons
  for (const c of s.crises) {
    const calls = s.calls.filter((k) => k.crisis === c.id);
    const honoured = calls.filter((k) => k.answer === 'honour');
    const target = ownNation(s, c.target);
    c.defence = Math.round(ownDefence(s, c.target) + honoured.reduce((a, k) => a + k.contribution, 0));
    const held = draw(s) < holdChance(c.defence, c.severity);
    c.outcome = held ? 'held' : 'lost';
    const region = s.regions.find((r) => r.id === c.region)!;
    if (held) {
      target.crisesWithstood += 1;
      bump(target, 'stability', 2);
      target.military = Math.max(1, Math.round(target.military - c.severity * 0.05));
      const help = honoured.length ? `, with ${honoured.map((k) => nameOf(s, k.ally)).join(' and ')} at its side` : '';
      emit(s, out, 'held', `${nameOf(s, c.target)} held ${regionOf(nameOf(s, c.target), region.name)} against ${attackerName(s, c.attacker)}${help}.`, [c.target], honoured.length ? ['collective-defence'] : [], { crisis: c.id, attacker: c.attacker, region: c.region, defence: c.defence, severity: c.severity, helpers: honoured.length });
    } else {
      target.crisesLost += 1;
      shaken.add(c.target);
      const loss = Math.round(c.severity * (c.type === 'blockade' ? 0.35 : 0.2));
      target.economy = Math.max(10, target.economy - loss);
      // Sensitivity: the shock travels along partnership ties to whoever depends on the victim.
      for (const other of s.nations) {
        const dep = other.id === c.target ? 0 : s.pairs[`${other.id}>${c.target}`]!.dependence;
        if (dep <= 0) continue;
        const passed = Math.round(loss * (dep / 100) * 0.8);
        if (passed > 0) {
          ownNation(s, other.id).economy = Math.max(10, other.economy - passed);
          emit(s, out, 'sensitivity', `${nameOf(s, other.id)} lost ${passed} output because its partner ${nameOf(s, c.target)} was hit: sensitivity.`, [other.id, c.target], ['sensitivity', 'complex-interdependence'], { crisis: c.id, loss: passed, dependence: dep });
        }
      }
      bump(target, 'stability', -8);
      target.military = Math.max(1, Math.round(target.military - c.severity * 0.1));
      const canLose = c.type !== 'blockade' && !region.capital && c.severity >= c.defence * 0.9;
      if (canLose) {
        ownRegion(s, region.id).owner = c.attacker === REVISIONIST ? REVISIONIST : c.attacker;
        c.regionLost = true;
      }
      if (c.attacker !== REVISIONIST) ownNation(s, c.attacker).economy += Math.round(loss / 2); // tribute
      emit(s, out, 'lost', `${nameOf(s, c.target)} lost the crisis${atRegion(nameOf(s, c.target), region.name)} to ${attackerName(s, c.attacker)} and ${loss} output${c.regionLost ? `, and the region itself` : ''}.`, [c.target], [], { crisis: c.id, attacker: c.attacker, region: c.region, loss, regionLost: c.regionLost, defence: c.defence, severity: c.severity, helpers: honoured.length });
    }
    if (c.attacker !== REVISIONIST) {
      bump(ownNation(s, c.attacker), 'reputation', -4); // coercion is noticed by all
    }
    for (const k of calls) {
      const ally = ownNation(s, k.ally);
      const found = s.treaties.find((t) => t.id === k.treaty);
      const treaty = found && ownTreaty(s, found);
      if (k.answer === 'honour') {
        ally.military = Math.max(1, Math.round(ally.military - k.contribution * (held ? HONOUR_ATTRITION.held : HONOUR_ATTRITION.lost)));
        bump(ally, 'reputation', HONOUR_REPUTATION);
        bumpTrust(s, k.victim, k.ally, 15);
        watchersTrust(s, k.ally, 3, [k.victim]);
        s.record.honoured += 1;
        if (treaty) treaty.honoured[k.ally] = (treaty.honoured[k.ally] ?? 0) + 1;
        emit(s, out, 'honoured', `${nameOf(s, k.ally)} honoured its alliance and sent ${k.contribution} strength to ${nameOf(s, k.victim)}, paying in losses: credibility earned, and the price of entrapment.`, [k.ally, k.victim], ['credibility', 'entrapment', 'burden-sharing'], { call: k.id, crisis: c.id, treaty: k.treaty, ally: k.ally, victim: k.victim, contribution: k.contribution, held });
      } else {
        const cost = audienceCost(s, k.treaty);
        bump(ally, 'reputation', -cost);
        const p = pair(s, k.victim, k.ally);
        p.trust = Math.max(-100, Math.min(p.trust - 60, -40));
        watchersTrust(s, k.ally, -8, [k.victim]);
        s.record.abstained += 1;
        if (treaty) treaty.abstained[k.ally] = (treaty.abstained[k.ally] ?? 0) + 1;
        emit(s, out, 'abstained', `${nameOf(s, k.ally)} abstained when ${nameOf(s, k.victim)} called, lost ${cost} reputation, and the alliance ended: abandonment.`, [k.ally, k.victim], ['abandonment', 'audience-cost', 'credibility'], { call: k.id, crisis: c.id, treaty: k.treaty, ally: k.ally, victim: k.victim, cost, held });
        if (treaty) endTreaty(s, treaty, 'abandoned', k.ally, out);
      }
    }
  }
  return shaken;
}
