import type { PrivateView, PrivateViewChanges } from '../../shared/protocol/messages.ts';

// What a connection is sent of its private view after the first, whole one: the parts that changed, each
// replaced whole, except the private events (only ever appended: the new ones follow) and the proposals
// (one already shown as it is now goes as its id). The browser folds them in with
// shared/protocol/privateView.ts; tests/server/match/viewChanges.test.ts checks the two agree.
//
// What was sent is kept as the values themselves, compared with the next view's by `sameValue`. A view
// shares the rules state's objects (which are never changed once settled), so a part that did not change is
// mostly the very same objects, found equal at once. Kept as JSON fingerprints before, the strings were half
// of all that outlived a young-generation collection under load, and copying them made those pauses long.

/** The parts of a private view other than chat and events, each compared whole. */
const VIEW_PARTS = ['nation', 'playerId', 'interest', 'proposals', 'relations', 'policy', 'calls', 'teacherReads', 'team'] as const;
type Part = (typeof VIEW_PARTS)[number];
type ShownProposal = PrivateView['proposals'][number];

/**
 * `parts`: each part as last sent; `events`: the private events last sent, by reference (events are only ever
 * appended, never changed); `proposals`: each proposal as last sent, by id.
 */
export interface SentView { parts: Record<Part, unknown>; events: readonly PrivateView['events'][number][]; proposals: Map<string, ShownProposal> }

/**
 * Whether `a` and `b` would reach the browser alike: equal as JSON, but for the order of keys. Shared
 * objects are equal without a look inside. A key whose value is undefined counts as absent, as in JSON.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameValue(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined) continue;
    keys++;
    if (!sameValue(v, y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) keys--;
  return keys === 0;
}

/** What a connection holds after being sent `view` whole. */
export function sentWhole(view: PrivateView): SentView {
  const parts = {} as Record<Part, unknown>;
  for (const k of VIEW_PARTS) parts[k] = view[k] ?? null;
  return { parts, events: view.events, proposals: new Map(view.proposals.map((p) => [p.id, p])) };
}

/** True if `a` begins with every item of `prefix`, the same objects. */
function startsWith<T>(a: readonly T[], prefix: readonly T[]): boolean {
  if (prefix.length > a.length) return false;
  for (let i = 0; i < prefix.length; i++) if (a[i] !== prefix[i]) return false;
  return true;
}

/**
 * What changed between the view last sent and `view` (null: nothing). The parts are replaced whole; the
 * private events only grow within one seat holder's time, so new ones are sent after those already shown.
 */
export function viewChanges(sent: SentView, view: PrivateView): PrivateViewChanges | null {
  const changes: Record<string, unknown> = {};
  let any = false;
  for (const k of VIEW_PARTS) {
    const v = view[k] ?? null;
    if (!sameValue(sent.parts[k], v)) {
      changes[k] = v;
      any = true;
    }
    // The newest objects are kept even when equal: the next view shares more of them.
    sent.parts[k] = v;
  }
  if (changes.proposals) {
    // Proposals already shown as they are now go as their ids: one new proposal does not resend the others.
    const kept = view.proposals.map((p) => (sameValue(sent.proposals.get(p.id), p) ? p.id : p));
    if (kept.some((x) => typeof x === 'string')) {
      delete changes.proposals;
      changes.proposalsKept = kept;
    }
    sent.proposals = new Map(view.proposals.map((p) => [p.id, p]));
  }
  const grew = startsWith(view.events, sent.events);
  if (!grew || view.events.length !== sent.events.length) {
    any = true;
    if (grew) changes.eventsAdded = view.events.slice(sent.events.length);
    else changes.events = view.events;
    sent.events = view.events;
  }
  return any ? (changes as PrivateViewChanges) : null;
}
