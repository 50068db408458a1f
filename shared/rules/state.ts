import type { GameEvent, GameState, Nation, NationId, Pair, Proposal, Region, Treaty } from '../types.ts';

// Small helpers shared by every rule module: copying a state into a draft, looking things up, and
// recording events. Rule modules mutate only drafts made here; `apply` hands them one per action.

/**
 * Nations, pairs, treaties, proposals and regions are copied on first write: a draft starts by sharing them
 * with the state it came from, and `ownNation()` / `pair()` / `ownTreaty()` / `ownProposal()` / `ownRegion()`
 * copy one the first time the draft changes it (the pairs' record itself too, on the first pair changed).
 * Most actions touch few (an 8-nation state has 56 pairs), and what an action leaves alone stays the same
 * object from state to state, which the server compares cheaply. Each draft's set holds the copies it made
 * (and so may change); a settled state has none. A policy is replaced whole, never changed in place.
 */
const drafts = new WeakMap<GameState, Set<object>>();

export function cloneState(s: GameState): GameState {
  const draft: GameState = {
    ...s,
    nations: [...s.nations],
    regions: [...s.regions],
    treaties: [...s.treaties],
    proposals: [...s.proposals],
    crises: s.crises.map((c) => ({ ...c })),
    calls: s.calls.map((c) => ({ ...c })),
    pendingCrises: [...s.pendingCrises],
    news: [...s.news], // news items are never changed once written
    events: [...s.events],
    record: { ...s.record },
  };
  drafts.set(draft, new Set());
  return draft;
}

/** The draft's own copy of `list`'s item with `id` (replacing it in the list on first write). */
function own<T extends { id: string }>(s: GameState, list: T[], id: string, copy: (x: T) => T, what: string): T {
  const owned = drafts.get(s);
  if (!owned) throw new Error(`changing a ${what} needs a draft`);
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no ${what} ${id}`);
  const x = list[i]!;
  if (owned.has(x)) return x;
  const mine = copy(x);
  list[i] = mine;
  owned.add(mine);
  return mine;
}

/** The draft's own copy of a nation, safe to change (`nation()` only reads). */
export const ownNation = (s: GameState, id: NationId): Nation => own(s, s.nations, id, (x) => ({ ...x }), 'nation');

/** The draft's own copy of a treaty, safe to change. */
export const ownTreaty = (s: GameState, t: Treaty): Treaty =>
  own(s, s.treaties, t.id, (x) => ({ ...x, honoured: { ...x.honoured }, abstained: { ...x.abstained }, yielded: { ...x.yielded }, reviewed: [...x.reviewed] }), 'treaty');

/** The draft's own copy of a proposal, safe to change (its status, who accepted). */
export const ownProposal = (s: GameState, id: string): Proposal => own(s, s.proposals, id, (x) => ({ ...x, accepted: [...x.accepted] }), 'proposal');

/** The draft's own copy of a region, safe to change (its owner). */
export const ownRegion = (s: GameState, id: string): Region => own(s, s.regions, id, (x) => ({ ...x }), 'region');

export const pairKey = (a: NationId, b: NationId): string => `${a}>${b}`;

/** The relation A→B. On a draft it is the draft's own copy, safe to change; on a settled state, read only. */
export function pair(s: GameState, a: NationId, b: NationId): Pair {
  const key = pairKey(a, b);
  const p = s.pairs[key];
  if (!p) throw new Error(`no pair ${a}>${b}`);
  const owned = drafts.get(s);
  if (!owned || owned.has(p)) return p;
  if (!owned.has(s.pairs)) {
    s.pairs = { ...s.pairs };
    owned.add(s.pairs);
  }
  const copy = { ...p };
  s.pairs[key] = copy;
  owned.add(copy);
  return copy;
}

/** A finished draft becomes a settled state: from now on its pairs are read only. */
export function settle(draft: GameState): GameState {
  drafts.delete(draft);
  return draft;
}

/** Read a relation without taking ownership (for hot loops that only look). */
export const peekPair = (s: GameState, a: NationId, b: NationId): Pair => s.pairs[pairKey(a, b)]!;

/** A nation to read (on a draft, change only what `ownNation()` gives). */
export function nation(s: GameState, id: NationId): Nation {
  const n = s.nations.find((x) => x.id === id);
  if (!n) throw new Error(`no nation ${id}`);
  return n;
}

export const hasNation = (s: GameState, id: unknown): id is NationId =>
  typeof id === 'string' && s.nations.some((n) => n.id === id);

export const nameOf = (s: GameState, id: NationId): string => s.nations.find((n) => n.id === id)?.name ?? id;

export function newId(s: GameState, prefix: string): string {
  s.nextId += 1;
  return `${prefix}${s.nextId}`;
}

const PRIVATE_EVENTS = new Set(['proposed', 'accepted-partly', 'rejected', 'countered', 'withdrawn']);

export function emit(s: GameState, out: GameEvent[], type: string, text: string, nations: NationId[], concepts: string[] = [], data?: GameEvent['data']): void {
  // Every event line opens with a capital, whatever name it starts with ("the Vharan Dominion…").
  const event: GameEvent = { turn: s.turn, phase: s.phase, type, text: text.charAt(0).toUpperCase() + text.slice(1), nations, concepts };
  if (PRIVATE_EVENTS.has(type)) event.private = true;
  if (data) event.data = data;
  s.events.push(event);
  out.push(event);
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
export const round = (v: number): number => Math.round(v);

/** Adjust a stat of a draft's own nation and keep it in range. */
export function bump(n: Nation, stat: 'stability' | 'reputation', delta: number): void {
  n[stat] = clamp(round(n[stat] + delta), 0, 100);
}

export function bumpTrust(s: GameState, from: NationId, to: NationId, delta: number): void {
  const p = pair(s, from, to);
  p.trust = clamp(round(p.trust + delta), -100, 100);
}

/** Every other nation's trust in `who` moves by `delta` (the watchers of a deed). */
export function watchersTrust(s: GameState, who: NationId, delta: number, except: NationId[] = []): void {
  for (const n of s.nations) if (n.id !== who && !except.includes(n.id)) bumpTrust(s, n.id, who, delta);
}

export const treatiesOf = (s: GameState, id: NationId): Treaty[] => s.treaties.filter((t) => t.parties.includes(id));

export function treatyBetween(s: GameState, a: NationId, b: NationId, kind: 'alliance' | 'partnership'): Treaty | undefined {
  return s.treaties.find((t) => t.terms.kind === kind && t.parties.includes(a) && t.parties.includes(b));
}

export const others = (t: Treaty, id: NationId): NationId[] => t.parties.filter((p) => p !== id);
