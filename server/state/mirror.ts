import type { ArraySchema } from '@colyseus/schema';
import type { GameState, Scenario } from '../../shared/types.ts';
import { hasChosen, publicEvents, scores, winners } from '../../shared/rules/index.ts';
import { CallView, CrisisView, NationView, NewsView, RegionView, ScoreView, TreatyView, type MatchState } from './MatchState.ts';

// Copy the public part of a rules GameState into the schema state. Fields are assigned only when they
// change, and list items are updated in place by id, so a patch carries what changed and no more.

type Assignable = Record<string, unknown>;
function set<T extends object>(target: T, values: Partial<T>): void {
  const t = target as Assignable;
  for (const [k, v] of Object.entries(values)) if (t[k] !== v) t[k] = v;
}

function setStrings(arr: ArraySchema<string>, values: readonly string[]): void {
  if (arr.length === values.length && values.every((v, i) => arr[i] === v)) return;
  arr.clear();
  arr.push(...values);
}

/** Keep `arr` equal to `items` keyed by `key`: update in place when the ids match, rebuild otherwise. */
function syncList<S extends object, I>(arr: ArraySchema<S>, items: readonly I[], key: (i: I) => string, idOf: (s: S) => string, make: () => S, fill: (s: S, i: I) => void): void {
  const same = arr.length === items.length && items.every((it, i) => idOf(arr[i]!) === key(it));
  if (!same) {
    arr.clear();
    for (const it of items) {
      const s = make();
      fill(s, it);
      arr.push(s);
    }
    return;
  }
  items.forEach((it, i) => fill(arr[i]!, it));
}

export function mirrorGame(ms: MatchState, gs: GameState, scenario: Scenario): void {
  set(ms, { phase: gs.phase, turn: gs.turn, turns: gs.turns, pressure: gs.pressure, revisionist: gs.revisionistName });
  syncList(ms.nations, gs.nations, (n) => n.id, (v) => v.id, () => new NationView(), (v, n) => {
    const sc = scenario.nations.find((x) => x.id === n.id);
    const others = gs.nations.filter((o) => o.id !== n.id);
    const trust = others.length ? Math.round(others.reduce((sum, o) => sum + (gs.pairs[`${o.id}>${n.id}`]?.trust ?? 0), 0) / others.length) : 0;
    set(v, {
      id: n.id, name: n.name, color: sc?.color ?? '#888888', pattern: sc?.pattern ?? 'solid',
      economy: n.economy, military: n.military, stability: n.stability, reputation: n.reputation, technology: n.technology,
      trustReceived: trust, regions: gs.regions.filter((r) => r.owner === n.id).length,
      crisesWithstood: n.crisesWithstood, crisesLost: n.crisesLost, chose: hasChosen(gs, n.id),
    });
  });
  syncList(ms.regions, gs.regions, (r) => r.id, (v) => v.id, () => new RegionView(), (v, r) => set(v, { id: r.id, name: r.name, owner: r.owner, core: r.core, capital: r.capital }));
  syncList(ms.treaties, gs.treaties, (t) => t.id, (v) => v.id, () => new TreatyView(), (v, t) => {
    set(v, { id: t.id, kind: t.terms.kind, terms: JSON.stringify(t.terms), signed: t.signed, nextReview: t.nextReview, endsAt: t.endsAt ?? 0, noticeBy: t.noticeBy ?? '' });
    setStrings(v.parties, t.parties);
  });
  syncList(ms.crises, gs.crises, (c) => c.id, (v) => v.id, () => new CrisisView(), (v, c) => set(v, {
    id: c.id, type: c.type, attacker: c.attacker, target: c.target, region: c.region, severity: c.severity, provoked: c.provoked,
    injected: c.injected, outcome: c.outcome, defence: c.defence, regionLost: c.regionLost,
  }));
  syncList(ms.calls, gs.calls, (k) => k.id, (v) => v.id, () => new CallView(), (v, k) => set(v, { id: k.id, crisis: k.crisis, treaty: k.treaty, ally: k.ally, victim: k.victim, answered: k.answer !== null }));
  setStrings(ms.events, publicEvents(gs.events).map((e) => e.text));
  syncList(ms.news, gs.news, (n) => String(n.turn), (v) => String(v.turn), () => new NewsView(), (v, n) => {
    set(v, { turn: n.turn });
    setStrings(v.lines, n.lines);
    setStrings(v.concepts, n.concepts);
  });
  if (gs.over) {
    syncList(ms.scores, scores(gs), (s) => s.nation, (v) => v.nation, () => new ScoreView(), (v, s) => set(v, {
      nation: s.nation, total: s.total, prosperity: s.prosperity, security: s.security, standing: s.standing, autonomy: s.autonomy, interest: s.interest,
    }));
    setStrings(ms.winners, winners(gs));
  }
}
