import type { PrivateView, PrivateViewChanges } from './messages.ts';

// Kept apart from ./messages.ts (zod) so the browser, the tests' clients and the load bench fold a view's
// changes in with one function.

/** The private view after `changes` (a new object; `prev` is left as it was). */
export function applyViewChanges(prev: PrivateView, changes: PrivateViewChanges): PrivateView {
  const { eventsAdded, proposalsKept, ...parts } = changes;
  const next: PrivateView = { ...prev, ...parts };
  if (eventsAdded) next.events = [...prev.events, ...eventsAdded];
  if (proposalsKept) next.proposals = keptIn(prev.proposals, proposalsKept);
  return next;
}

/** A list sent as its items in order, each one already held named by its id alone. */
export function keptIn<T extends { id: string }>(held: readonly T[], list: readonly (T | string)[]): T[] {
  const byId = new Map(held.map((x) => [x.id, x]));
  const out: T[] = [];
  for (const x of list) {
    const item = typeof x === 'string' ? byId.get(x) : x;
    if (item) out.push(item);
  }
  return out;
}
