import {
  ADVERSARY_ANY, type AllianceTerms, type GameState, type NationAction, type NationId, type PartnershipTerms,
  type Personality, type Proposal, type Strategy, type Terms, type TreatyKind,
} from '../types.ts';
import { assess } from '../rules/assess.ts';
import { credibleSupport, deterrence } from '../rules/alliance.ts';
import { CONTRIBUTION_SHARE } from '../rules/terms.ts';
import { hashUnit } from '../rules/rng.ts';
import { nameOf, nation, pair, treatyBetween } from '../rules/state.ts';
import { reviewDue } from '../rules/treaties.ts';
import { callCosts } from '../rules/resolution.ts';
import { REVISIONIST } from '../types.ts';

// Bots' decision policies: fixed recipes (alliances, partnerships, both, none) and an adaptive bot that
// weighs threats, trust and complementarity through `assess`. Every decision carries a one-line reason,
// stored as the action's note so players and the debrief can read it. Bots are pure: the same state gives
// the same decisions (their "dice" are hashes of the state's position, never a clock).

export interface BotProfile {
  strategy: Strategy;
  personality: Personality;
}

export interface BotDecision {
  action: NationAction;
  reason: string;
}

const wantsKind = (strategy: Strategy, kind: TreatyKind): boolean =>
  strategy === 'both' || (strategy === 'alliances' && kind === 'alliance') || (strategy === 'partnerships' && kind === 'partnership');

const ACCEPT_BAR: Record<Personality, number> = { cautious: 8, loyal: -2, opportunist: 3 };

export function allianceTermsFor(s: GameState, me: NationId, partner: NationId, careful: boolean): AllianceTerms {
  const exposed = nation(s, partner).exposure >= 60;
  return {
    kind: 'alliance', adversary: ADVERSARY_ANY, scope: careful && exposed ? 'home' : 'anywhere', nonProvocation: true,
    contribution: careful && nation(s, me).exposure < 40 ? 'token' : 'partial', duration: null, notice: 2, review: 3,
  };
}

export function partnershipTermsFor(s: GameState, me: NationId, careful: boolean): PartnershipTerms {
  const n = nation(s, me);
  return { kind: 'partnership', trade: careful && n.interest === 'neutral' ? 'low' : n.interest === 'trading' ? 'high' : 'medium', techSharing: true, minTerm: 3, review: 3 };
}

const count = (s: GameState, me: NationId, kind: TreatyKind): number => s.treaties.filter((t) => t.terms.kind === kind && t.parties.includes(me)).length;

/** How many treaties of each kind the adaptive bot wants, given its interest and the threat it faces. */
function adaptiveWants(s: GameState, me: NationId): Record<TreatyKind, number> {
  const n = nation(s, me);
  const threat = (n.exposure / 100) * (s.pressure / 40);
  const alliances = n.interest === 'frontline' ? 2 : n.interest === 'middle' ? (threat > 0.45 ? 2 : 1) : threat > 0.8 ? 1 : 0;
  const partnerships = n.interest === 'trading' ? 3 : n.interest === 'middle' ? 2 : n.interest === 'neutral' ? 1 : 2;
  return { alliance: alliances, partnership: partnerships };
}

function answerProposals(s: GameState, me: NationId, profile: BotProfile): BotDecision[] {
  const out: BotDecision[] = [];
  const mine = s.proposals.filter((p) => p.status === 'open' && p.to.includes(me) && !p.accepted.includes(me));
  for (const p of mine) out.push(answerOne(s, me, profile, p));
  return out;
}

function answerOne(s: GameState, me: NationId, profile: BotProfile, p: Proposal): BotDecision {
  const kind = p.terms.kind;
  const from = nameOf(s, p.from);
  const decide = (accept: boolean, reason: string): BotDecision => ({
    action: { type: accept ? 'accept' : 'reject', by: me, proposal: p.id, note: reason }, reason,
  });
  if (profile.strategy !== 'adaptive') {
    if (!wantsKind(profile.strategy, kind)) return decide(false, `My policy is ${profile.strategy === 'none' ? 'to stay free of every treaty' : `to sign only ${profile.strategy}`}.`);
    if (pair(s, me, p.from).trust < -20) return decide(false, `I do not trust ${from} after what it did.`);
    return decide(true, `A ${kind === 'alliance' ? 'defensive alliance' : 'strategic partnership'} is what my policy looks for.`);
  }
  const a = assess(s, me, p);
  const wants = adaptiveWants(s, me)[kind];
  const have = count(s, me, kind);
  if (have >= wants && !p.amends) return decide(false, `I already have the ${kind === 'alliance' ? 'allies' : 'partners'} I need; more would ${kind === 'alliance' ? 'risk entrapment' : 'deepen dependence'}.`);
  const worst = [...a.factors].sort((x, y) => x.value - y.value)[0]!;
  const best = [...a.factors].sort((x, y) => y.value - x.value)[0]!;
  if (a.total >= ACCEPT_BAR[profile.personality]) return decide(true, `${best.label}: ${best.reason}`);
  if (kind === 'alliance' && p.terms.kind === 'alliance' && p.terms.scope === 'anywhere' && a.total > -25) {
    const terms: Terms = { ...p.terms, scope: 'home', nonProvocation: true };
    const reason = `Too much entrapment risk as offered; I would sign for home regions only.`;
    return { action: { type: 'counter', by: me, proposal: p.id, terms, note: reason }, reason };
  }
  return decide(false, `${worst.label}: ${worst.reason}`);
}

function reviews(s: GameState, me: NationId, profile: BotProfile): BotDecision[] {
  const out: BotDecision[] = [];
  for (const t of s.treaties) {
    if (!t.parties.includes(me) || !reviewDue(s, t) || t.reviewed.includes(me)) continue;
    const partnerAbstained = t.parties.some((p) => p !== me && (t.abstained[p] ?? 0) > 0);
    let leave = false;
    let reason = 'The treaty serves us; we renew it.';
    if (profile.strategy === 'adaptive') {
      const dep = Math.max(...t.parties.filter((p) => p !== me).map((p) => pair(s, me, p).dependence));
      if (partnerAbstained) [leave, reason] = [true, 'They did not come when called; we leave at the review.'];
      else if (t.terms.kind === 'partnership' && nation(s, me).interest === 'neutral' && dep > 55) [leave, reason] = [true, `Our dependence has reached ${dep}: we leave while we can do so freely.`];
      else if (t.terms.kind === 'alliance' && adaptiveWants(s, me).alliance < count(s, me, 'alliance')) [leave, reason] = [true, 'We no longer need this many allies; we leave at the review.'];
    }
    out.push({ action: { type: 'review', by: me, treaty: t.id, decision: leave ? 'leave' : 'renew', note: reason }, reason });
  }
  return out;
}

function propose(s: GameState, me: NationId, profile: BotProfile): BotDecision[] {
  if (profile.strategy === 'none') return [];
  if (s.proposals.some((p) => p.from === me && p.turn === s.turn)) return [];
  const others = s.nations.filter((n) => n.id !== me).map((n) => n.id);
  const out: BotDecision[] = [];
  const kinds: TreatyKind[] = ['alliance', 'partnership'];
  for (const kind of kinds) {
    if (profile.strategy === 'adaptive') {
      if (count(s, me, kind) >= adaptiveWants(s, me)[kind]) continue;
      const careful = profile.personality !== 'loyal';
      let best: { id: NationId; total: number; terms: Terms; reason: string } | null = null;
      for (const o of others) {
        if (treatyBetween(s, me, o, kind)) continue;
        const terms = kind === 'alliance' ? allianceTermsFor(s, me, o, careful) : partnershipTermsFor(s, me, careful);
        const a = assess(s, me, { from: me, to: [o], terms });
        if (best && a.total <= best.total) continue;
        // The reason given is the best partner's strongest factor (the first of equals, as a stable sort gives).
        const top = a.factors.reduce((x, y) => (y.value > x.value ? y : x));
        best = { id: o, total: a.total, terms, reason: `${top.label}: ${top.reason}` };
      }
      if (best && best.total >= 0) {
        out.push({ action: { type: 'propose', by: me, to: [best.id], terms: best.terms, note: best.reason }, reason: best.reason });
      }
      continue;
    }
    if (!wantsKind(profile.strategy, kind)) continue;
    const cap = kind === 'alliance' ? 2 : 3;
    if (count(s, me, kind) >= cap) continue;
    const free = others.filter((o) => !treatyBetween(s, me, o, kind) && pair(s, me, o).trust >= 0);
    if (!free.length) continue;
    const pick = free[Math.floor(hashUnit(s.seed, s.turn, me, kind) * free.length)]!;
    const terms = kind === 'alliance' ? allianceTermsFor(s, me, pick, false) : { ...partnershipTermsFor(s, me, false), trade: 'medium' as const };
    const reason = `My recipe is ${profile.strategy === 'both' ? 'to sign both kinds of treaty' : `to sign ${profile.strategy}`}; ${nameOf(s, pick)} is free to sign.`;
    out.push({ action: { type: 'propose', by: me, to: [pick], terms, note: reason }, reason });
  }
  return out;
}

function choosePolicy(s: GameState, me: NationId, profile: BotProfile): BotDecision {
  const n = nation(s, me);
  if (profile.strategy !== 'adaptive') {
    const reason = 'I keep a steady defence budget of 30% whatever happens.';
    return { action: { type: 'policy', by: me, defence: 30, demand: null, note: reason }, reason };
  }
  const d = deterrence(s, me, REVISIONIST);
  const threat = (n.exposure / 100) * (s.pressure / 40) * (1 - d);
  const lean = n.interest === 'trading' ? -8 : n.interest === 'frontline' ? 8 : 0;
  const defence = Math.max(10, Math.min(60, Math.round(14 + threat * 40 + lean)));
  let demand: NationId | null = null;
  let reason = `Threat ${threat > 0.5 ? 'is high' : threat > 0.25 ? 'is moderate' : 'is low'} after deterrence, so ${defence}% goes to defence and the rest to growth.`;
  if (profile.personality === 'opportunist' && s.turn > 2) {
    const weak = s.nations.filter((o) => o.id !== me && o.military * 2 < n.military && credibleSupport(s, o.id, me) < 10 && pair(s, me, o.id).trust < 10);
    if (weak.length) {
      demand = weak[0]!.id;
      reason = `${nameOf(s, demand)} is weak and alone; I press a demand on it.`;
    }
  }
  return { action: { type: 'policy', by: me, defence, demand, note: reason }, reason };
}

const HONOUR_ODDS: Record<Personality, number> = { cautious: 0.6, loyal: 0.95, opportunist: 0.75 };

function answerCalls(s: GameState, me: NationId, profile: BotProfile): BotDecision[] {
  const out: BotDecision[] = [];
  for (const k of s.calls) {
    if (k.ally !== me || k.answer !== null) continue;
    const n = nation(s, me);
    const victim = nameOf(s, k.victim);
    const turnsLeft = s.turns - s.turn;
    let honour: boolean;
    let reason: string;
    if (profile.strategy === 'adaptive') {
      const { audienceCost } = callCosts(s, k);
      const attrition = k.contribution * 0.2; // the bot's cautious estimate of its losses
      const futureValue = turnsLeft * 3;
      honour = profile.personality === 'loyal' || audienceCost + futureValue > attrition || hashUnit(s.rng, k.id) < HONOUR_ODDS[profile.personality];
      reason = honour
        ? `Honouring costs about ${Math.round(attrition)} strength; abandoning ${victim} would cost ${audienceCost} reputation and every future ally's trust.`
        : `With the match nearly over, sending ${k.contribution} strength to ${victim} costs more than my word is worth.`;
    } else {
      const share = k.contribution / Math.max(1, n.military);
      const odds = HONOUR_ODDS[profile.personality] - (profile.personality === 'cautious' && share > CONTRIBUTION_SHARE.partial ? 0.2 : 0) - (profile.personality === 'opportunist' && turnsLeft < 2 ? 0.4 : 0);
      honour = hashUnit(s.rng, k.id, me) < odds;
      reason = honour ? `An ally keeps its word: I stand with ${victim}.` : `The price of helping ${victim} is too high for me this time.`;
    }
    out.push({ action: { type: 'respond', by: me, call: k.id, answer: honour ? 'honour' : 'abstain', note: reason }, reason });
  }
  return out;
}

/**
 * What a bot does now, in the current phase. In diplomacy it may be asked more than once (after every
 * change); it answers what is waiting and proposes at most once a turn.
 */
export function decide(s: GameState, me: NationId, profile: BotProfile): BotDecision[] {
  if (s.over) return [];
  switch (s.phase) {
    case 'diplomacy':
      return [...answerProposals(s, me, profile), ...reviews(s, me, profile), ...propose(s, me, profile)];
    case 'policy':
      return nation(s, me).policy ? [] : [choosePolicy(s, me, profile)];
    case 'crisis':
      return answerCalls(s, me, profile);
    default:
      return [];
  }
}
