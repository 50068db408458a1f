import type { GameState, NationId } from '../../shared/types.ts';

// When can a private view not have changed? A view is the nation's proposals with their assessments, its
// relations, policy, calls and private events; an assessment reads the world (the turn, the pressure, the
// record, every nation's economy, strength, standing and exposure, every relation, the treaties), never the
// phase, another's sealed policy or the map. So a view's key is the world's part, computed once per state,
// plus the nation's own part (its policy among them): a policy sealed elsewhere rebuilds no other view. Same key, same view: the view is not rebuilt. Relations and
// treaties are copied on write in the rules, so an unchanged one keeps its object, which is cheap to
// compare; the rest is compared by value. tests/server/match/viewKeys.test.ts checks that equal keys mean
// equal views over whole matches.

const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++nextId));
  return id;
};

const worldKeys = new WeakMap<GameState, string>();

/** What every assessment in `gs` may depend on. */
export function worldKey(gs: GameState): string {
  let key = worldKeys.get(gs);
  if (key !== undefined) return key;
  const parts: (string | number)[] = [gs.turn, gs.turns, gs.pressure, gs.record.honoured, gs.record.abstained, gs.record.broken, gs.record.signed];
  for (const n of gs.nations) parts.push(n.economy, n.military, n.reputation, n.technology, n.exposure);
  for (const k in gs.pairs) parts.push(idOf(gs.pairs[k]!));
  for (const t of gs.treaties) parts.push(idOf(t));
  key = parts.join(',');
  worldKeys.set(gs, key);
  return key;
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

/** The key of `nation`'s private view in `gs` (its private history starting at `since`). */
export function viewKey(gs: GameState, nation: NationId | null, since: unknown): string {
  if (!nation) return `none|${gs.turn}`;
  const me = gs.nations.find((n) => n.id === nation);
  const parts: (string | number)[] = [worldKey(gs), me?.policy ? `${me.policy.defence}/${me.policy.demand}` : '-'];
  for (const p of gs.proposals) {
    if (p.from === nation || p.to.includes(nation)) parts.push(`${p.id}:${p.status}:${p.accepted.join('+')}`);
  }
  for (const k of gs.calls) if (k.ally === nation || k.victim === nation) parts.push(`${k.id}:${k.answer ?? ''}`);
  parts.push(privateEventsOf(gs, nation), since && typeof since === 'object' ? idOf(since) : '-');
  return parts.join('|');
}
