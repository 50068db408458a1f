import type { PrivateView, PrivateViewChanges } from './messages.ts';

// Kept apart from ./messages.ts (zod) so the browser, the tests' clients and the load bench fold a view's
// changes in with one function.

/** The private view after `changes` (a new object; `prev` is left as it was). */
export function applyViewChanges(prev: PrivateView, changes: PrivateViewChanges): PrivateView {
  const { eventsAdded, ...parts } = changes;
  const next: PrivateView = { ...prev, ...parts };
  if (eventsAdded) next.events = [...prev.events, ...eventsAdded];
  return next;
}
