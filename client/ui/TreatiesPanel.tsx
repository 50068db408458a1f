import { reviewDue } from '../../shared/rules/index.ts';
import { kindName, treatyStatus } from '../view/terms.ts';
import { useMatch, nameIn } from './match.ts';
import { Term } from './Term.tsx';
import { NoteField, decide } from './journal.tsx';
import { startAmend } from './negotiate/draft.ts';

// Active treaties: mine first with review dates, exit notice, review decisions and breaking (each with
// its journal line); then every public treaty on the sea.

export function TreatiesPanel({ onAmend }: { onAmend: () => void }) {
  const { rules: s, me, conn } = useMatch();
  if (!s) return <p>No treaties yet.</p>;
  const mine = me ? s.treaties.filter((t) => t.parties.includes(me)) : [];
  const rest = s.treaties.filter((t) => !me || !t.parties.includes(me));
  const diplomacy = s.phase === 'diplomacy' && !s.over;
  return (
    <>
      {me ? (
        <section aria-labelledby="my-treaties">
          <h2 id="my-treaties">Your treaties ({mine.length})</h2>
          {mine.length ? null : <p class="muted">You have no treaties yet. Use "Negotiate" to propose one.</p>}
          {mine.map((t) => {
            const noteId = `tnote-${t.id}`;
            const due = reviewDue(s, t) && !t.reviewed.includes(me);
            const why = diplomacy ? undefined : 'Treaties are changed in the diplomacy phase.';
            return (
              <article key={t.id} class="card proposal" aria-labelledby={`${t.id}-h`}>
                <h3 id={`${t.id}-h`}>{kindName(t.terms.kind)} with {t.parties.filter((p) => p !== me).map((p) => nameIn(s, p)).join(', ')}</h3>
                <ul style="margin:0 0 .4rem 1rem;padding:0">{treatyStatus(s, t, me).map((l) => <li key={l}>{l}</li>)}</ul>
                <NoteField id={noteId} />
                <div class="row" style="margin-top:.4rem">
                  {due ? <button class="btn primary" type="button" disabled={!diplomacy} title={why} onClick={() => void decide(conn, 'review', { treaty: t.id, decision: 'renew' }, noteId)}>Renew at review</button> : null}
                  {due ? <button class="btn" type="button" disabled={!diplomacy} title={why} onClick={() => void decide(conn, 'review', { treaty: t.id, decision: 'leave' }, noteId)}>Leave freely at review</button> : null}
                  {due ? <button class="btn" type="button" disabled={!diplomacy} title={why} onClick={() => { startAmend(t, me); onAmend(); }}>Amend the terms</button> : null}
                  {t.noticeBy ? null : <button class="btn" type="button" disabled={!diplomacy} title={why} onClick={() => void decide(conn, 'notice', { treaty: t.id }, noteId)}>Give exit notice</button>}
                  <button class="btn danger" type="button" disabled={!diplomacy} title={why} onClick={() => { if (confirm('Break this treaty now? Breaking is public and costs reputation.')) void decide(conn, 'break', { treaty: t.id }, noteId); }}>Break it now</button>
                </div>
                <p class="muted">Leaving with <Term k="exit-notice" /> is lawful; breaking is public and costs <Term k="reputation" />.{why ? ` ${why}` : ''}</p>
              </article>
            );
          })}
        </section>
      ) : null}
      <section aria-labelledby="all-treaties">
        <h2 id="all-treaties">{me ? 'Other treaties on the sea' : `Treaties on the sea (${s.treaties.length})`}</h2>
        {rest.length ? (
          <ul>{rest.map((t) => <li key={t.id}>{kindName(t.terms.kind)}: {t.parties.map((p) => nameIn(s, p)).join(', ')} (since turn {t.signed}{t.noticeBy ? `, ending turn ${t.endsAt}` : ''})</li>)}</ul>
        ) : <p class="muted">None.</p>}
      </section>
    </>
  );
}
