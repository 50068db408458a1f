import { describeTerms, termLines } from '../../shared/rules/index.ts';
import type { Draft } from '../../shared/protocol/teams.ts';
import type { Assessment } from '../../shared/rules/index.ts';
import type { Proposal } from '../../shared/types.ts';
import { useMatch } from '../ui/match.ts';
import { AssessmentView } from '../ui/negotiate/AssessmentView.tsx';
import { CounterChanges } from '../ui/negotiate/CounterChanges.tsx';
import { editTeamDraft } from '../ui/negotiate/draft.ts';
import { draftNotice } from '../ui/journal.tsx';
import { mySide } from '../view/team.ts';
import { draftText } from './draftText.ts';

// One draft of the team, live for every member: what the nation would do, who drafted it and why, the
// assessment card, and the team's buttons: sign it (the head, or anyone under "any member may sign"),
// approve it (team vote), change it in the composer (a proposal or counter), or discard it.

type Shown = Proposal & { assessment?: Assessment | null };

export function DraftCard({ d, prefix, onEdit }: { d: Draft; prefix: string; onEdit?: () => void }) {
  const { st, rules: s, me, conn } = useMatch();
  if (!s || !me) return null;
  const side = mySide(st);
  const team = side.team!;
  const proposals = (st.priv?.proposals ?? []) as Shown[];
  const t = draftText(s, me, d, proposals);
  const id = `${prefix}-${d.id}`;
  const myId = st.playerId ?? '';
  const approved = d.approvals.filter((a) => team.members.some((m) => m.id === a));
  const names = (ids: string[]) => ids.map((a) => team.members.find((m) => m.id === a)?.nickname ?? a).join(', ');
  const fail = (e: Error) => { draftNotice.value = e.message; };
  const sign = () => conn.request('sign', { draft: d.id }).then(() => { draftNotice.value = 'Signed: it is your nation\u2019s now.'; }, fail);
  const approve = () => conn.request('approve', { draft: d.id }).then(() => { draftNotice.value = approved.length + 1 >= team.needed ? 'Approved by a majority: it is your nation\u2019s now.' : 'Approved: it needs more of your team.'; }, fail);
  const discard = () => conn.request('discard', { draft: d.id }).then(() => { draftNotice.value = 'Draft discarded.'; }, fail);
  const editable = d.action.type === 'propose' || d.action.type === 'counter';
  return (
    <article class="card draft" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.title}</h3>
      <p class="muted draft-by">Drafted by <strong>{d.byName}</strong>{d.by === myId ? ' (you)' : ''}{d.note ? <>: {'\u201c'}{d.note}{'\u201d'}</> : null}</p>
      {t.before && t.terms ? <CounterChanges s={s} before={t.before.terms} after={t.terms} parties={t.before.parties} title={d.action.type === 'counter' ? 'What the counter changes' : 'What the amendment changes'} /> : null}
      {t.terms ? (
        <>
          <p class="muted">{describeTerms(s, t.terms)}</p>
          <ul class="draft-terms">{termLines(s, t.terms).map((l) => <li key={l.term}>{l.line}</li>)}</ul>
        </>
      ) : null}
      {t.card ? <AssessmentView card={t.card} id={`${id}-as`} /> : null}
      {team.signing === 'vote' ? <p><strong>Approved by {approved.length} of the {team.needed} needed</strong>{approved.length ? ` (${names(approved)})` : ''}.</p> : null}
      <div class="row draft-actions">
        {side.alone && team.signing !== 'vote' ? <button class="btn primary" type="button" onClick={() => void sign()}>{t.sign}</button> : null}
        {team.signing === 'vote' && !d.approvals.includes(myId) ? <button class="btn primary" type="button" onClick={() => void approve()}>Approve it</button> : null}
        {editable && onEdit ? <button class="btn" type="button" onClick={() => { editTeamDraft(d.id, d.action as Parameters<typeof editTeamDraft>[1], d.note); onEdit(); }}>Change it</button> : null}
        <button class="btn danger small" type="button" onClick={() => void discard()}>Discard</button>
      </div>
      {!side.alone && team.signing === 'head' ? <p class="muted">Your head of government signs it{team.members.find((m) => m.roles.includes('head')) ? ` (${team.members.find((m) => m.roles.includes('head'))!.nickname})` : ''}.</p> : null}
    </article>
  );
}
