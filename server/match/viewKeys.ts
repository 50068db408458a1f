import type { Call, GameState, NationId, Proposal } from '../../shared/types.ts';

// When can a private view not have changed? A view is the nation's proposals with their assessments, its
// relations, policy, calls and private events; an assessment reads the world (the turn, the pressure, the
// record, every nation's economy, strength, standing and exposure, every relation, the treaties), never the
// phase, another's sealed policy or the map. So a view stands while the world's number stands (a new one
// when the world changes) and the nation's own part does (its policy among them): a policy sealed elsewhere
// rebuilds no other view. Relations, treaties and proposals are copied on write in the rules, so an
// unchanged one keeps its object, which is cheap to compare; the rest is compared by value.
// tests/server/match/viewKeys.test.ts checks that a view found the same is the same over whole matches.

/** Whether every assessment reads the same in `a` as in `b` (relations and treaties compared by object, nations by object first). */
export function sameWorld(a: GameState, b: GameState): boolean {
  if (a === b) return true;
  if (a.turn !== b.turn || a.turns !== b.turns || a.pressure !== b.pressure) return false;
  const r = a.record;
  const q = b.record;
  if (r.honoured !== q.honoured || r.abstained !== q.abstained || r.broken !== q.broken || r.signed !== q.signed) return false;
  if (a.nations.length !== b.nations.length || a.treaties.length !== b.treaties.length) return false;
  for (let i = 0; i < a.nations.length; i++) {
    const m = a.nations[i]!;
    const n = b.nations[i]!;
    if (m !== n && (m.id !== n.id || m.economy !== n.economy || m.military !== n.military || m.reputation !== n.reputation || m.technology !== n.technology || m.exposure !== n.exposure)) return false;
  }
  for (let i = 0; i < a.treaties.length; i++) if (a.treaties[i] !== b.treaties[i]) return false;
  if (a.pairs !== b.pairs) {
    let count = 0;
    for (const k in b.pairs) {
      if (a.pairs[k] !== b.pairs[k]) return false;
      count++;
    }
    if (count !== Object.keys(a.pairs).length) return false;
  }
  return true;
}

let lastWorld = 0;

/**
 * Numbers the worlds one match goes through, state after state: a state gets the number of the one before
 * it when their worlds are the same, a new number otherwise. One per match (its states come in order).
 */
export class Worlds {
  #state: GameState | null = null;
  #id = 0;

  of(gs: GameState): number {
    if (gs === this.#state) return this.#id;
    if (!this.#state || !sameWorld(this.#state, gs)) this.#id = ++lastWorld;
    this.#state = gs;
    return this.#id;
  }
}

/** What of a state is one nation's own: its proposals and calls (the state's objects, in order) and how many private events name it. */
export interface Own { readonly proposals: readonly Proposal[]; readonly calls: readonly Call[]; readonly events: number }

const NONE: Own = { proposals: [], calls: [], events: 0 };

// The one definition of which proposals, calls and private events are a nation's: its private view shows
// `ownOf`'s lists, and `sameView` walks the same three tests in place, so the two cannot disagree.
const isOwnProposal = (p: Proposal, nation: NationId): boolean => p.from === nation || p.to.includes(nation);
const isOwnCall = (k: Call, nation: NationId): boolean => k.ally === nation || k.victim === nation;
function ownEvents(gs: GameState, nation: NationId): number {
  let n = 0;
  for (const e of gs.events) if (e.private && e.nations.includes(nation)) n++;
  return n;
}

/** `nation`'s own part of `gs` (read only): built only for a view that is rebuilt. */
export function ownOf(gs: GameState, nation: NationId): Own {
  return {
    proposals: gs.proposals.filter((p) => isOwnProposal(p, nation)),
    calls: gs.calls.filter((k) => isOwnCall(k, nation)),
    events: ownEvents(gs, nation),
  };
}

/** Whether `nation`'s own part of `gs` is `then`'s: the same proposal objects, the same calls and answers, as many events. No allocation: it runs for every connection after every action. */
function sameOwn(then: Own, gs: GameState, nation: NationId): boolean {
  let i = 0;
  for (const p of gs.proposals) if (isOwnProposal(p, nation) && then.proposals[i++] !== p) return false;
  if (i !== then.proposals.length) return false;
  let j = 0;
  for (const k of gs.calls) {
    if (!isOwnCall(k, nation)) continue;
    const c = then.calls[j++];
    if (!c || c.id !== k.id || c.answer !== k.answer) return false;
  }
  return j === then.calls.length && ownEvents(gs, nation) === then.events;
}

/**
 * What `nation`'s private view was built from, beyond what it always shows: enough to tell that a later
 * state shows the same view (`sameView`) without building it. The proposals are compared as objects
 * (copied on write by the rules, so an unchanged one keeps its object); calls and the policy by value.
 */
export interface ViewInputs {
  turn: number;
  world: number;
  defence: number | null;
  demand: string | null;
  own: Own;
  since: unknown;
}

/** The inputs of `nation`'s private view in `gs` (its private history starting at `since`), its world numbered by the match's `worlds`. */
export function viewInputs(gs: GameState, nation: NationId | null, since: unknown, worlds: Worlds): ViewInputs {
  if (!nation) return { turn: gs.turn, world: 0, defence: null, demand: null, own: NONE, since };
  const policy = gs.nations.find((n) => n.id === nation)?.policy ?? null;
  return { turn: gs.turn, world: worlds.of(gs), defence: policy ? policy.defence : null, demand: policy ? policy.demand : null, own: ownOf(gs, nation), since };
}

/**
 * Whether `nation`'s private view in `gs` is the one built from `was` (same nation, same seat holder).
 * Compared in place: it runs for every connection after every action.
 */
export function sameView(was: ViewInputs, gs: GameState, nation: NationId | null, since: unknown, worlds: Worlds): boolean {
  if (was.since !== since) return false;
  if (!nation) return was.turn === gs.turn;
  if (was.world !== worlds.of(gs)) return false;
  const policy = gs.nations.find((n) => n.id === nation)?.policy ?? null;
  if ((policy ? policy.defence : null) !== was.defence || (policy ? policy.demand : null) !== was.demand) return false;
  return sameOwn(was.own, gs, nation);
}
