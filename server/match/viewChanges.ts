import type { PrivateView, PrivateViewChanges } from '../../shared/protocol/messages.ts';

// What a connection is sent of its private view after the first, whole one: the parts that changed, each
// replaced whole, except the private events (only ever appended: the new ones follow) and the proposals
// (one already shown as it is now goes as its id). The browser folds them in with
// shared/protocol/privateView.ts; tests/server/match/viewChanges.test.ts checks the two agree.

/** The parts of a private view other than chat and events, each compared by a fingerprint (see `fingerprint`). */
const VIEW_PARTS = ['nation', 'playerId', 'interest', 'proposals', 'relations', 'policy', 'calls', 'teacherReads', 'team'] as const;
/**
 * `events`: the private events last sent, by reference (events are only ever appended, never changed);
 * `proposals`: each proposal's fingerprint as last sent, by id.
 */
export interface SentView { parts: Record<string, string>; events: readonly PrivateView['events'][number][]; proposals: Map<string, string> }

/** An assessment is made once and never changed (server/match/views.ts keeps it while the world stands still): its JSON once. */
const assessmentJson = new WeakMap<object, string>();
function jsonOfAssessment(a: object | null): string {
  if (!a) return 'null';
  let json = assessmentJson.get(a);
  if (json === undefined) assessmentJson.set(a, (json = JSON.stringify(a)));
  return json;
}

/** One proposal as shown, as a string equal for equal contents (its assessment, the bulk, turned into JSON once). */
const proposalPrint = (p: PrivateView['proposals'][number]): string => `${JSON.stringify({ ...p, assessment: undefined })}${jsonOfAssessment(p.assessment)}`;

/** What a part shows, as a string equal for equal contents. */
function fingerprint(view: PrivateView, k: (typeof VIEW_PARTS)[number], prints: readonly string[]): string {
  return k === 'proposals' ? prints.join(';') : JSON.stringify(view[k] ?? null);
}

/** What a connection holds after being sent `view` whole. */
export function sentWhole(view: PrivateView): SentView {
  const prints = view.proposals.map(proposalPrint);
  const parts: Record<string, string> = {};
  for (const k of VIEW_PARTS) parts[k] = fingerprint(view, k, prints);
  return { parts, events: view.events, proposals: new Map(view.proposals.map((p, i) => [p.id, prints[i]!])) };
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
  const prints = view.proposals.map(proposalPrint);
  for (const k of VIEW_PARTS) {
    const f = fingerprint(view, k, prints);
    if (sent.parts[k] !== f) {
      sent.parts[k] = f;
      changes[k] = view[k] ?? null;
      any = true;
    }
  }
  if (changes.proposals) {
    // Proposals already shown as they are now go as their ids: one new proposal does not resend the others.
    const kept = view.proposals.map((p, i) => (sent.proposals.get(p.id) === prints[i] ? p.id : p));
    if (kept.some((x) => typeof x === 'string')) {
      delete changes.proposals;
      changes.proposalsKept = kept;
    }
    sent.proposals = new Map(view.proposals.map((p, i) => [p.id, prints[i]!]));
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
