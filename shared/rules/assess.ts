import { ADVERSARY_ANY, REVISIONIST, type GameState, type Interest, type NationId, type Terms, type TreatyKind } from '../types.ts';
import { CONTRIBUTION_SHARE } from './terms.ts';
import { complementarity, dependenceAt, projectYield } from './partnership.ts';
import { freeExitFrom } from './treaties.ts';
import { clamp, nameOf, nation, pair, round } from './state.ts';
import { attackerName } from './crisis.ts';
import { count, sentence } from './describe.ts';

// Before signing: what the viewing nation should weigh. Each factor has a value (-100 bad .. +100 good for
// the viewer) and a one-line reason. Players see it beside every open proposal; bots decide with it.

export const FACTORS = ['objectives', 'trust', 'complementarity', 'risks', 'duration', 'balance'] as const;
export type FactorKey = (typeof FACTORS)[number];
export const FACTOR_LABELS: Record<FactorKey, string> = {
  objectives: 'Shared objectives',
  trust: 'Trust and credibility',
  complementarity: 'Resource complementarity',
  risks: 'Risks',
  duration: 'Duration and exit',
  balance: 'Balance of contributions',
};

export interface Factor {
  key: FactorKey;
  label: string;
  value: number;
  reason: string;
}

export interface Assessment {
  viewer: NationId;
  partners: NationId[];
  kind: TreatyKind;
  factors: Factor[];
  /** Weighted sum for the viewer's interest, -100..100. */
  total: number;
  verdict: 'favourable' | 'mixed' | 'unfavourable';
}

export interface ProposalLike {
  from: NationId;
  to: NationId[];
  terms: Terms;
}

/** How much each factor matters to a nation of this interest, for each kind of treaty. */
const WEIGHTS: Record<TreatyKind, Record<Interest, Record<FactorKey, number>>> = {
  alliance: {
    trading: { objectives: 2, trust: 2, complementarity: 0, risks: 3, duration: 1, balance: 2 },
    frontline: { objectives: 3, trust: 2, complementarity: 0, risks: 1, duration: 1, balance: 3 },
    middle: { objectives: 2, trust: 2, complementarity: 0, risks: 2, duration: 1, balance: 2 },
    neutral: { objectives: 1, trust: 2, complementarity: 0, risks: 4, duration: 2, balance: 1 },
  },
  partnership: {
    trading: { objectives: 1, trust: 2, complementarity: 3, risks: 1, duration: 1, balance: 2 },
    frontline: { objectives: 1, trust: 2, complementarity: 2, risks: 2, duration: 1, balance: 2 },
    middle: { objectives: 1, trust: 2, complementarity: 2, risks: 2, duration: 1, balance: 2 },
    neutral: { objectives: 1, trust: 2, complementarity: 2, risks: 4, duration: 2, balance: 1 },
  },
};

const names = (s: GameState, ids: NationId[]): string => ids.map((n) => nameOf(s, n)).join(' and ');
const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Plain words for when the viewer would be called to fight under alliance terms. */
/** Years ahead the assessment and the preview project a partnership's yield (the same figure in both). */
export const yieldHorizon = (turnsLeft: number): number => Math.min(4, turnsLeft);
/** Years ahead both project the dependence a partnership builds. */
export const dependenceHorizon = (minTerm: number, turnsLeft: number): number => Math.min(5, Math.max(minTerm, Math.min(turnsLeft, 5)));
const turnsLeftIn = (s: GameState): number => Math.max(1, s.turns - s.turn + 1);
/** "1 turn's notice", "2 turns' notice". */
const notice = (n: number): string => `${n} turn${n === 1 ? "'s" : "s'"} notice`;

export function whenCalled(s: GameState, terms: Terms, partners: NationId[]): string {
  if (terms.kind !== 'alliance') return 'A partnership never obliges you to fight.';
  const who = terms.adversary === ADVERSARY_ANY ? 'anyone' : attackerName(s, terms.adversary);
  const where = terms.scope === 'home' ? 'one of their home regions' : 'any of their regions';
  const unless = terms.nonProvocation ? ', unless they provoked it with a demand' : '';
  return `You would be called if ${who} attacks ${names(s, partners)} in ${where}${unless}.`;
}

export function assess(s: GameState, viewer: NationId, p: ProposalLike): Assessment {
  const me = nation(s, viewer);
  const partners = [p.from, ...p.to].filter((n) => n !== viewer);
  const others = partners.map((id) => nation(s, id));
  const kind = p.terms.kind;
  const terms = p.terms;
  const factors: Factor[] = [];
  const turnsLeft = turnsLeftIn(s);

  // Shared objectives: common threats for an alliance, common growth for a partnership.
  if (terms.kind === 'alliance') {
    const vsRev = terms.adversary === ADVERSARY_ANY || terms.adversary === REVISIONIST;
    const shared = vsRev ? Math.min(me.exposure, ...others.map((o) => o.exposure)) : 0;
    const named = !vsRev && terms.adversary !== ADVERSARY_ANY ? pair(s, viewer, terms.adversary).trust : 0;
    const threat = vsRev ? shared * (0.6 + s.pressure / 100) : -named;
    const value = clamp(round(threat * 1.3 - 25), -100, 100);
    const reason = vsRev
      ? `${s.revisionistName} threatens ${shared >= 50 ? 'both of you closely' : shared >= 30 ? 'both of you somewhat' : 'at least one of you only a little'} (shared exposure ${shared}).`
      : `You trust ${attackerName(s, terms.adversary)} ${named < 0 ? 'little' : 'fairly well'} (${named}), so a pact against it ${named < 0 ? 'answers a real threat' : 'guards against a distant risk'}.`;
    factors.push({ key: 'objectives', label: FACTOR_LABELS.objectives, value, reason });
  } else {
    const value = me.interest === 'trading' ? 60 : me.interest === 'neutral' ? 10 : 35;
    factors.push({ key: 'objectives', label: FACTOR_LABELS.objectives, value, reason: `Growth through trade ${value >= 50 ? 'is what your nation lives for' : 'serves your interest in part'}.` });
  }

  // Trust and credibility: my trust in them and their public record.
  {
    const trust = avg(partners.map((id) => pair(s, viewer, id).trust));
    const rep = avg(others.map((o) => o.reputation));
    const value = clamp(round(trust * 0.6 + (rep - 50) * 1.2), -100, 100);
    const record = s.treaties.length || s.record.honoured || s.record.abstained ? '' : ' No record yet: nobody has been tested.';
    factors.push({ key: 'trust', label: FACTOR_LABELS.trust, value, reason: `Your trust in ${names(s, partners)} is ${round(trust)}, their reputation ${round(rep)}.${record}` });
  }

  // Resource complementarity: different economies gain more from each other.
  {
    const comp = round(avg(others.map((o) => complementarity(me.resources, o.resources))));
    const value = kind === 'partnership' ? clamp(comp * 2 - 40, -100, 100) : 0;
    const reason = kind === 'partnership'
      ? `Your economies are ${comp >= 40 ? 'very different: each has what the other lacks' : comp >= 20 ? 'somewhat different' : 'alike: little to gain from trade'} (complementarity ${comp}).`
      : `An alliance is about strength, not trade (complementarity ${comp} matters for partnerships).`;
    factors.push({ key: 'complementarity', label: FACTOR_LABELS.complementarity, value, reason });
  }

  // Risks: entrapment for an alliance, dependence for a partnership.
  if (terms.kind === 'alliance') {
    const exposure = avg(others.map((o) => o.exposure));
    const share = CONTRIBUTION_SHARE[terms.contribution];
    const scope = terms.scope === 'home' ? 0.6 : 1;
    const prov = terms.nonProvocation ? 0.8 : 1.2;
    const risk = exposure * (0.5 + share) * scope * prov * (s.pressure / 40);
    factors.push({ key: 'risks', label: FACTOR_LABELS.risks, value: clamp(round(-risk), -100, 0), reason: `Entrapment: ${names(s, partners)} ${exposure >= 60 ? 'often face' : exposure >= 35 ? 'sometimes face' : 'rarely face'}${partners.length === 1 ? 's' : ''} crises you could be dragged into. ${whenCalled(s, terms, partners)}` });
  } else {
    const turns = dependenceHorizon(terms.minTerm, turnsLeft);
    const dep = round(avg(others.map((o) => dependenceAt(me, o, terms, turns))));
    factors.push({ key: 'risks', label: FACTOR_LABELS.risks, value: clamp(-dep, -100, 0), reason: `Dependence: after ${count(turns, 'turn')} you would depend on them at ${dep} of 100, and a break would hurt (vulnerability).` });
  }

  // Duration and exit: how long until you may leave freely, against the time left.
  {
    const lockIn = terms.kind === 'alliance' ? (terms.duration ?? terms.notice) : terms.minTerm;
    const value = clamp(round(40 - lockIn * 8 + (6 - terms.review) * 5 - Math.max(0, lockIn - turnsLeft) * 10), -100, 100);
    const exit = terms.kind === 'alliance'
      ? terms.duration === null ? `open-ended; you may leave with ${notice(terms.notice)}` : `it binds you for ${count(terms.duration, 'turn')}`
      : `it binds you for at least ${count(terms.minTerm, 'turn')}`;
    factors.push({ key: 'duration', label: FACTOR_LABELS.duration, value, reason: `${exit[0]!.toUpperCase()}${exit.slice(1)}, reviewed every ${terms.review} turns; ${count(turnsLeft, 'turn')} ${turnsLeft === 1 ? 'remains' : 'remain'}.` });
  }

  // Balance of contributions: what each side brings.
  if (terms.kind === 'alliance') {
    const share = CONTRIBUTION_SHARE[terms.contribution];
    const theirs = round(others.reduce((a, o) => a + o.military * share * (o.reputation / 100), 0));
    const mine = round(me.military * share);
    const value = clamp(round(((theirs - mine) / Math.max(1, theirs + mine)) * 100 + 20), -100, 100);
    factors.push({ key: 'balance', label: FACTOR_LABELS.balance, value, reason: `They would bring about ${theirs} credible strength; you would bring ${mine}.` });
  } else {
    const horizon = yieldHorizon(turnsLeft);
    const mine = round(avg(partners.map((id) => projectYield(s, viewer, id, terms, horizon).total)) * partners.length);
    const theirs = round(avg(partners.map((id) => projectYield(s, id, viewer, terms, horizon).total)));
    const value = clamp(round(mine * 3 - Math.max(0, theirs - mine) * 2 - 10), -100, 100);
    factors.push({ key: 'balance', label: FACTOR_LABELS.balance, value, reason: `Projected yield after ${count(horizon, 'turn')}: about ${mine} output for you, ${theirs} for each partner.` });
  }

  const w = WEIGHTS[kind][me.interest];
  let sum = 0;
  let weights = 0;
  for (const f of factors) {
    sum += f.value * w[f.key];
    weights += w[f.key];
  }
  const total = round(sum / weights);
  // Every reason reads as a sentence, whatever name it opens with ("the Vharan Dominion threatens…").
  for (const f of factors) f.reason = sentence(f.reason);
  return { viewer, partners, kind, factors, total, verdict: total >= 10 ? 'favourable' : total <= -10 ? 'unfavourable' : 'mixed' };
}

/** The projected figures a client shows in its preview (all from the rules, never guessed). */
export function preview(s: GameState, viewer: NationId, partner: NationId, terms: Terms): string[] {
  if (terms.kind === 'partnership') {
    // The same horizons as the assessment card, so the preview and the card show the same numbers.
    const turns = yieldHorizon(turnsLeftIn(s));
    const y = projectYield(s, viewer, partner, terms, turns);
    const depTurns = dependenceHorizon(terms.minTerm, turnsLeftIn(s));
    const dep = round(dependenceAt(nation(s, viewer), nation(s, partner), terms, depTurns));
    return [
      `Projected yield after ${count(turns, 'turn')}: about ${round(y.total)} output (${y.perTurn.join(', ')} per turn).`,
      `Your dependence on ${nameOf(s, partner)} would reach about ${dep} of 100 after ${count(depTurns, 'turn')}.`,
      `You may leave freely from turn ${s.turn + terms.minTerm}; leaving earlier is a public break.`,
    ];
  }
  const share = CONTRIBUTION_SHARE[terms.contribution];
  const theirs = round(nation(s, partner).military * share);
  return [
    whenCalled(s, terms, [partner]),
    `If called you would send about ${round(nation(s, viewer).military * share)} strength; they would send you about ${theirs}.`,
    terms.duration === null ? `Open-ended: leaving takes ${notice(terms.notice)}.` : `Binding until turn ${s.turn + terms.duration}.`,
  ];
}

export { freeExitFrom };
