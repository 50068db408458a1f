import type { Call, GameState, NationId, Proposal } from '../../shared/types.ts';

// When can a private view not have changed? A view is the nation's proposals with their assessments, its
// relations, policy, calls and private events; an assessment reads the world (the turn, the pressure, the
// record, every nation's economy, strength, standing and exposure, every relation, the treaties), never the
// phase, another's sealed policy or the map. So a view stands while the world's number stands (a new one
// when the world changes) and the nation's own part does (its policy among them): a policy sealed elsewhere
// rebuilds no other view. Relations, treaties and proposals are copied on write in the rules, so an
// unchanged one keeps its object, which is cheap to compare; the rest is compared by value.
// tests/server/match/viewKeys.test.ts checks that a view found the same is the same over whole matches.

/** Whether every assessment reads the same in `a` as in `b` (relations and treaties compared by object). */
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
    if (m.id !== n.id || m.economy !== n.economy || m.military !== n.military || m.reputation !== n.reputation || m.technology !== n.technology || m.exposure !== n.exposure) return false;
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
type Building = { proposals: Proposal[]; calls: Call[]; events: number };

const ownByState = new WeakMap<GameState, Map<NationId, Own>>();
const NONE: Own = { proposals: [], calls: [], events: 0 };

/**
 * `nation`'s own part of `gs`: one pass over the state per state, for every nation (not one per connection).
 * The one definition of which proposals and calls are a nation's: its private view shows these lists, and
 * `sameView` compares them, so the two cannot disagree. Read only.
 */
export function ownOf(gs: GameState, nation: NationId): Own {
  let by = ownByState.get(gs);
  if (!by) {
    const m = new Map<NationId, Building>();
    const of = (n: NationId): Building | undefined => {
      let o = m.get(n);
      if (!o) m.set(n, (o = { proposals: [], calls: [], events: 0 }));
      return o;
    };
    for (const p of gs.proposals) {
      of(p.from)!.proposals.push(p);
      for (const n of p.to) if (n !== p.from) of(n)!.proposals.push(p);
    }
    for (const k of gs.calls) {
      of(k.ally)!.calls.push(k);
      if (k.victim !== k.ally) of(k.victim)!.calls.push(k);
    }
    for (const e of gs.events) {
      if (!e.private) continue;
      e.nations.forEach((n, i) => {
        if (e.nations.indexOf(n) === i) of(n)!.events++;
      });
    }
    ownByState.set(gs, (by = m));
  }
  return by.get(nation) ?? NONE;
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
  const now = ownOf(gs, nation);
  const then = was.own;
  if (now === then) return true;
  if (now.events !== then.events || now.proposals.length !== then.proposals.length || now.calls.length !== then.calls.length) return false;
  for (let i = 0; i < now.proposals.length; i++) if (now.proposals[i] !== then.proposals[i]) return false;
  for (let i = 0; i < now.calls.length; i++) if (now.calls[i]!.id !== then.calls[i]!.id || now.calls[i]!.answer !== then.calls[i]!.answer) return false;
  return true;
}
