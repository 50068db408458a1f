import type { ArraySchema } from '@colyseus/schema';
import type { GameState, Nation, Scenario, Treaty } from '../../shared/types.ts';
import { hasChosen, publicEvents, scores, winners } from '../../shared/rules/index.ts';
import { CallView, CrisisView, NationView, NewsView, RegionView, ScoreView, TreatyView, type MatchState } from './MatchState.ts';

// Copy the public part of a rules GameState into the schema state. Fields are assigned only when they
// change, and list items are updated in place by id, so a patch carries what changed and no more. It runs
// after every accepted action, so it skips what cannot have changed: a region's name and kind, a news item
// once written, a treaty's terms while the treaty object is the same (treaties are copied on write).

type Assignable = Record<string, unknown>;
/** Assign to a schema object only what differs (an unchanged field stays out of the patch); true if anything did. */
export function set<T extends object>(target: T, values: Partial<T>): boolean {
  const t = target as Assignable;
  const v = values as Assignable;
  let changed = false;
  for (const k in v) {
    if (t[k] !== v[k]) {
      t[k] = v[k];
      changed = true;
    }
  }
  return changed;
}

function setStrings(arr: ArraySchema<string>, values: readonly string[]): boolean {
  if (arr.length === values.length) {
    let same = true;
    for (let i = 0; i < values.length && same; i++) same = arr[i] === values[i];
    if (same) return false;
  }
  arr.clear();
  arr.push(...values);
  return true;
}

/**
 * The children of each list, as a plain array: this file is the lists' only writer, and reading a schema
 * array's items goes through a proxy, which was most of the mirror's time.
 */
const childrenOf = new WeakMap<object, { items: object[]; ids: string[] }>();

/** The items of a list this file keeps, as a plain array (no proxy). */
export const itemsOf = <S extends object>(arr: ArraySchema<S>): readonly S[] => (childrenOf.get(arr)?.items as S[] | undefined) ?? [...arr];

/** The ids of the items of a list this file keeps, in order (no schema read). */
export const idsOf = (arr: ArraySchema<{ id: string }>): readonly string[] => childrenOf.get(arr)?.ids ?? [...arr].map((x) => x.id);

/** Keep `arr` equal to `items` by id: update in place when the ids match, rebuild otherwise. True if anything changed. */
function syncList<S extends { id: string }, I extends { id: string }>(arr: ArraySchema<S>, items: readonly I[], make: () => S, fill: (s: S, i: I, fresh: boolean) => boolean): boolean {
  const kept = childrenOf.get(arr);
  let same = !!kept && kept.ids.length === items.length;
  for (let i = 0; i < items.length && same; i++) same = kept!.ids[i] === items[i]!.id;
  if (same) {
    const kids = kept!.items as S[];
    let changed = false;
    for (let i = 0; i < items.length; i++) changed = fill(kids[i]!, items[i]!, false) || changed;
    return changed;
  }
  arr.clear();
  const fresh: S[] = [];
  for (const it of items) {
    const s = make();
    fill(s, it, true);
    fresh.push(s);
  }
  arr.push(...fresh);
  childrenOf.set(arr, { items: fresh, ids: items.map((it) => it.id) });
  return true;
}

/** The treaty object each TreatyView was last filled from (a treaty unchanged keeps its object). */
const filledFrom = new WeakMap<object, Treaty>();

/**
 * Per nation view: the pair keys of the others' trust in it (fixed for a match), the figures last written,
 * and the nation and relations they were read from (both copied on write by the rules, so the same objects
 * mean the same figures).
 */
const nationShadow = new WeakMap<object, { trustKeys: string[]; shown: unknown[]; from: Nation | null; pairs: GameState['pairs'] | null }>();

function mirrorNations(ms: MatchState, gs: GameState, scenario: Scenario): boolean {
  const owned = new Map<string, number>();
  for (const r of gs.regions) owned.set(r.owner, (owned.get(r.owner) ?? 0) + 1);
  return syncList(ms.nations, gs.nations, () => new NationView(), (v, n, fresh) => {
    if (fresh) {
      const sc = scenario.nations.find((x) => x.id === n.id);
      set(v, { id: n.id, name: n.name, color: sc?.color ?? '#888888', pattern: sc?.pattern ?? 'solid' });
    }
    let shadow = nationShadow.get(v);
    if (!shadow) nationShadow.set(v, (shadow = { trustKeys: gs.nations.filter((o) => o.id !== n.id).map((o) => `${o.id}>${n.id}`), shown: [], from: null, pairs: null }));
    const regions = owned.get(n.id) ?? 0;
    const chose = hasChosen(gs, n.id);
    const last = shadow.shown;
    // Most actions leave every nation and relation as it was: then only the map and the choice can have moved.
    if (shadow.from === n && shadow.pairs === gs.pairs && last[6] === regions && last[9] === chose) return fresh;
    shadow.from = n;
    shadow.pairs = gs.pairs;
    let trust = 0;
    for (const k of shadow.trustKeys) trust += gs.pairs[k]?.trust ?? 0;
    trust = shadow.trustKeys.length ? Math.round(trust / shadow.trustKeys.length) : 0;
    const figures = [n.economy, n.military, n.stability, n.reputation, n.technology, trust, regions, n.crisesWithstood, n.crisesLost, chose];
    if (last.length === figures.length && figures.every((f, i) => f === last[i])) return fresh;
    shadow.shown = figures;
    return set(v, { economy: n.economy, military: n.military, stability: n.stability, reputation: n.reputation, technology: n.technology, trustReceived: trust, regions, crisesWithstood: n.crisesWithstood, crisesLost: n.crisesLost, chose }) || fresh;
  });
}

/** The rules events each state's public lines were last made from. */
const eventsShown = new WeakMap<MatchState, readonly GameState['events'][number][]>();

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Copy the public part of `gs` into `ms`; true if anything changed (and so a patch will carry it). */
export function mirrorGame(ms: MatchState, gs: GameState, scenario: Scenario): boolean {
  let changed = set(ms, { phase: gs.phase, turn: gs.turn, turns: gs.turns, pressure: gs.pressure, revisionist: gs.revisionistName });
  changed = mirrorNations(ms, gs, scenario) || changed;
  changed = syncList(ms.regions, gs.regions, () => new RegionView(), (v, r, fresh) => {
    if (fresh) set(v, { id: r.id, name: r.name, core: r.core, capital: r.capital });
    if (v.owner === r.owner) return fresh;
    v.owner = r.owner;
    return true;
  }) || changed;
  changed = syncList(ms.treaties, gs.treaties, () => new TreatyView(), (v, t) => {
    if (filledFrom.get(v) === t) return false;
    filledFrom.set(v, t);
    const terms = set(v, { id: t.id, kind: t.terms.kind, terms: JSON.stringify(t.terms), signed: t.signed, nextReview: t.nextReview, endsAt: t.endsAt ?? 0, noticeBy: t.noticeBy ?? '' });
    return setStrings(v.parties, t.parties) || terms;
  }) || changed;
  changed = syncList(ms.crises, gs.crises, () => new CrisisView(), (v, c) => set(v, {
    id: c.id, type: c.type, attacker: c.attacker, target: c.target, region: c.region, severity: c.severity, provoked: c.provoked,
    injected: c.injected, outcome: c.outcome, defence: c.defence, regionLost: c.regionLost,
  })) || changed;
  changed = syncList(ms.calls, gs.calls, () => new CallView(), (v, k) => set(v, { id: k.id, crisis: k.crisis, treaty: k.treaty, ally: k.ally, victim: k.victim, answered: k.answer !== null })) || changed;
  // The events are copied with each state, their items shared: the same items, the same lines.
  const shownEvents = eventsShown.get(ms);
  if (!shownEvents || !sameItems(shownEvents, gs.events)) {
    eventsShown.set(ms, gs.events);
    changed = setStrings(ms.events, publicEvents(gs.events).map((e) => e.text)) || changed;
  }
  // News items are never changed once written: only new ones are filled.
  if (ms.news.length > gs.news.length) {
    ms.news.clear();
    changed = true;
  }
  for (let i = ms.news.length; i < gs.news.length; i++) {
    const n = gs.news[i]!;
    const v = new NewsView();
    v.turn = n.turn;
    v.lines.push(...n.lines);
    v.concepts.push(...n.concepts);
    ms.news.push(v);
    changed = true;
  }
  if (gs.over && ms.scores.length === 0) {
    // The final standings, once: nothing changes after the end.
    for (const sc of scores(gs)) {
      const v = new ScoreView();
      set(v, { nation: sc.nation, total: sc.total, prosperity: sc.prosperity, security: sc.security, standing: sc.standing, autonomy: sc.autonomy, interest: sc.interest });
      ms.scores.push(v);
    }
    setStrings(ms.winners, winners(gs));
    changed = true;
  }
  return changed;
}
