import type { Assessment } from '../../../shared/rules/index.ts';
import { describeTerms, termLines } from '../../../shared/rules/index.ts';
import type { GameState, NationId, Proposal } from '../../../shared/types.ts';
import { assessFor, assessmentCard, kindName } from '../../view/terms.ts';
import { useMatch, nameIn } from '../match.ts';
import { NoteField, decideAs } from '../journal.tsx';
import { mySide } from '../../view/team.ts';
import { AssessmentView } from './AssessmentView.tsx';
import { CounterChanges } from './CounterChanges.tsx';
import { startCounter } from './draft.ts';

// A proposal to me, with its terms, what a counter changed, the assessment card, a journal line and
// accept / counter / reject; or one of mine with its status and "Withdraw". A team member who does not
// sign drafts these decisions instead ("Draft: accept …"), for the head (or the team's vote).

type Shown = Proposal & { assessment?: Assessment | null };

const cardFor = (s: GameState, me: NationId, p: Shown) => (p.assessment ? assessmentCard(p.assessment) : assessFor(s, me, p));

export function IncomingCard({ s, me, p, onCounter }: { s: GameState; me: NationId; p: Shown; onCounter: () => void }) {
  const { st, conn } = useMatch();
  const noteId = `note-${p.id}`;
  const diplomacy = s.phase === 'diplomacy' && !s.over;
  const earlier = p.counterOf ? st.priv?.proposals.find((x) => x.id === p.counterOf) : undefined;
  const amended = p.amends ? s.treaties.find((t) => t.id === p.amends) : undefined;
  const why = diplomacy ? undefined : 'Proposals are answered in the diplomacy phase.';
  const via = mySide(st).via;
  const pre = via ? 'Draft: ' : '';
  return (
    <article class="card proposal" aria-labelledby={`${p.id}-h`}>
      <h3 id={`${p.id}-h`}>{nameIn(s, p.from)} proposes a {kindName(p.terms.kind).toLowerCase()}{p.to.length > 1 ? ` (with ${p.to.filter((x) => x !== me).map((x) => nameIn(s, x)).join(', ')})` : ''}</h3>
      {p.counterOf ? <p><strong>A counter-proposal: </strong>{earlier ? 'the terms were changed from your earlier proposal.' : 'the terms were changed from an earlier proposal.'}</p> : null}
      {earlier ? <CounterChanges s={s} before={earlier.terms} after={p.terms} parties={[p.from, ...p.to]} title="What the counter changed" /> : null}
      {p.amends ? <p><strong>An amendment: </strong>new terms for a treaty you already have, at its review.</p> : null}
      {amended ? <CounterChanges s={s} before={amended.terms} after={p.terms} parties={amended.parties} title="What the amendment changes" /> : null}
      <p class="muted">{describeTerms(s, p.terms)}</p>
      <ul style="margin:.2rem 0 .4rem 1rem;padding:0">{termLines(s, p.terms).map((l) => <li key={l.term}>{l.line}</li>)}</ul>
      <AssessmentView card={cardFor(s, me, p)} id={`as-${p.id}`} />
      <NoteField id={noteId} label="Why? (decision journal)" />
      <div class="row" style="margin-top:.4rem">
        <button class="btn primary" type="button" disabled={!diplomacy} title={why} onClick={() => void decideAs(conn, via, 'accept', { proposal: p.id }, noteId)}>{pre}{via ? 'accept' : 'Accept'} {nameIn(s, p.from)}{'\u2019'}s proposal</button>
        <button class="btn" type="button" disabled={!diplomacy} title={why} onClick={() => { startCounter(p); onCounter(); }}>Counter (edit the terms)</button>
        <button class="btn danger" type="button" disabled={!diplomacy} title={why} onClick={() => void decideAs(conn, via, 'reject', { proposal: p.id }, noteId)}>{via ? 'Draft: reject' : 'Reject'}</button>
      </div>
    </article>
  );
}

export function SentCard({ s, me, p }: { s: GameState; me: NationId; p: Shown }) {
  const { st, conn } = useMatch();
  const via = mySide(st).via;
  const diplomacy = s.phase === 'diplomacy' && !s.over;
  const to = p.to.map((x) => nameIn(s, x)).join(', ');
  return (
    <article class="card proposal" aria-label={`Your proposal to ${to}`}>
      <h3>{st.priv?.team ? 'Your nation' : 'You'} proposed a {kindName(p.terms.kind).toLowerCase()} to {to}</h3>
      <p><strong>Status: {p.status}</strong>{p.accepted.length ? ` (accepted so far: ${p.accepted.map((x) => nameIn(s, x)).join(', ')})` : ''}</p>
      <p class="muted">{describeTerms(s, p.terms)}</p>
      {/* Advice is for a decision still open: an answered, withdrawn or lapsed proposal shows its status alone. */}
      {p.status === 'open' ? <AssessmentView card={cardFor(s, me, p)} id={`as-${p.id}`} /> : null}
      {p.status === 'open' && diplomacy ? <button class="btn small danger" type="button" onClick={() => void decideAs(conn, via, 'withdraw', { proposal: p.id }, `note-${p.id}`)}>{via ? 'Draft: withdraw' : 'Withdraw'}</button> : null}
    </article>
  );
}
