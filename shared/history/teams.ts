import type { Action, MatchPerson, NationId, Phase, Signature } from '../types.ts';
import type { History } from './timeline.ts';

// How each team decided, from the record: every signed action with its drafter, signer and approvals,
// and each member's part (actions drafted and signed, and their journal lines: the notes of what they
// drafted). The replay and the debrief show it; nothing here is hidden or shown by itself (the server
// already left people's notes out of a file whose negotiations were not published).

export interface TeamDecision {
  /** Position of the action in the log. */
  index: number;
  turn: number;
  phase: Phase;
  nation: NationId;
  type: Action['type'];
  drafter: MatchPerson | null;
  signer: MatchPerson | null;
  approvals: MatchPerson[];
  note: string | null;
  /** The action caused a public event (so it may be shown even when negotiations were not published). */
  public: boolean;
}

export interface MemberRecord {
  person: MatchPerson;
  drafted: number;
  signed: number;
  /** The notes of the actions they drafted, in order. */
  journal: { index: number; turn: number; type: Action['type']; text: string }[];
}

export interface TeamRecord {
  nation: NationId;
  members: MemberRecord[];
  decisions: TeamDecision[];
}

const signatureOf = (a: Action): Signature | undefined => ('signed' in a ? a.signed : undefined);

/** Every signed action of the match, in order. */
export function teamDecisions(h: History): TeamDecision[] {
  const people = new Map((h.file.people ?? []).map((p) => [p.id, p]));
  const out: TeamDecision[] = [];
  for (const st of h.steps) {
    const s = signatureOf(st.action);
    if (!s || !('by' in st.action)) continue;
    out.push({
      index: st.index, turn: st.turn, phase: st.phase, nation: st.action.by, type: st.action.type,
      drafter: people.get(s.drafter) ?? null, signer: people.get(s.signer) ?? null,
      approvals: (s.approvals ?? []).flatMap((id) => people.get(id) ?? []),
      note: st.action.note && !st.action.note.startsWith('Chosen for you') ? st.action.note : null,
      public: st.events.some((e) => !e.private),
    });
  }
  return out;
}

/** Each nation's team: its members' parts and its decisions (empty for a match without teams). */
export function teamRecords(h: History): TeamRecord[] {
  const people = h.file.people ?? [];
  if (!people.length) return [];
  const decisions = teamDecisions(h);
  return h.initial.nations.map((n) => {
    const mine = decisions.filter((d) => d.nation === n.id);
    const members = people.filter((p) => p.nation === n.id).map((person) => ({
      person,
      drafted: mine.filter((d) => d.drafter?.id === person.id).length,
      signed: mine.filter((d) => d.signer?.id === person.id).length,
      journal: mine.filter((d) => d.drafter?.id === person.id && d.note).map((d) => ({ index: d.index, turn: d.turn, type: d.type, text: d.note! })),
    }));
    return { nation: n.id, members, decisions: mine };
  }).filter((t) => t.members.length);
}
