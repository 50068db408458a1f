import type { GameState, NationId } from '../../shared/types.ts';

// When can a private view not have changed? A view is the nation's proposals with their assessments, its
// relations, policy, calls and private events; an assessment reads the world (the turn, the pressure, the
// record, every nation's economy, strength, standing and exposure, every relation, the treaties), never the
// phase, another's sealed policy or the map. So a view's key is the world's number (a new one when the world
// changes), plus the nation's own part (its policy among them): a policy sealed elsewhere rebuilds no other
// view. Same key, same view: the view is not rebuilt. Relations and treaties are copied on write in the rules,
// so an unchanged one keeps its object, which is cheap to compare; the rest is compared by value.
// tests/server/match/viewKeys.test.ts checks that equal keys mean equal views over whole matches.

const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++nextId));
  return id;
};

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

const privateCounts = new WeakMap<GameState, Map<NationId, number>>();

/** How many private events name `nation` in `gs`: one pass over the events per state, for every nation. */
function privateEventsOf(gs: GameState, nation: NationId): number {
  let counts = privateCounts.get(gs);
  if (!counts) {
    counts = new Map();
    for (const e of gs.events) {
      if (!e.private) continue;
      e.nations.forEach((n, i) => {
        if (e.nations.indexOf(n) === i) counts!.set(n, (counts!.get(n) ?? 0) + 1);
      });
    }
    privateCounts.set(gs, counts);
  }
  return counts.get(nation) ?? 0;
}

/** The key of `nation`'s private view in `gs` (its private history starting at `since`), its world numbered by the match's `worlds`. */
export function viewKey(gs: GameState, nation: NationId | null, since: unknown, worlds: Worlds): string {
  if (!nation) return `none|${gs.turn}`;
  const me = gs.nations.find((n) => n.id === nation);
  const parts: (string | number)[] = [worlds.of(gs), me?.policy ? `${me.policy.defence}/${me.policy.demand}` : '-'];
  for (const p of gs.proposals) {
    if (p.from === nation || p.to.includes(nation)) parts.push(`${p.id}:${p.status}:${p.accepted.join('+')}`);
  }
  for (const k of gs.calls) if (k.ally === nation || k.victim === nation) parts.push(`${k.id}:${k.answer ?? ''}`);
  parts.push(privateEventsOf(gs, nation), since && typeof since === 'object' ? idOf(since) : '-');
  return parts.join('|');
}
