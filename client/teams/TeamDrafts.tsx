import { useMatch } from '../ui/match.ts';
import { draftNotice } from '../ui/journal.tsx';
import { mySide } from '../view/team.ts';
import { draftText } from './draftText.ts';
import { DraftCard } from './DraftCard.tsx';

// The team's drafts where they are decided: the diplomacy drafts (proposals, answers, treaty moves) above
// the negotiation table, the policy and the answers to calls under the phase's sealed task. Every member
// sees them live; the status line says what became of the last one this browser touched.

export function TeamDrafts({ sealed, prefix, onEdit }: { sealed: boolean; prefix: string; onEdit?: () => void }) {
  const { st, rules: s, me } = useMatch();
  const side = mySide(st);
  if (!s || !me || !side.team) return null;
  const proposals = st.priv?.proposals ?? [];
  const drafts = side.team.drafts.filter((d) => draftText(s, me, d, proposals).sealed === sealed);
  const title = `${prefix}-drafts`;
  return (
    <section class="team-drafts" aria-labelledby={title}>
      {drafts.length ? <h2 id={title}>Your team{'\u2019'}s drafts ({drafts.length})</h2> : <h2 id={title} class="visually-hidden">Your team{'\u2019'}s drafts</h2>}
      <p role="status" class="draft-notice">{draftNotice.value}</p>
      {drafts.map((d) => <DraftCard key={d.id} d={d} prefix={prefix} onEdit={onEdit} />)}
    </section>
  );
}
