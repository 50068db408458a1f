import type { GameState, NationId } from '../../../shared/types.ts';
import { callCard } from '../../view/calls.ts';
import { useMatch } from '../match.ts';
import { NoteField, decide } from '../journal.tsx';

// My allies' calls for help this year: what honouring and abstaining cost, and the sealed answer (which
// may be changed until the deadline).

export function CallCards({ s, me }: { s: GameState; me: NationId }) {
  const { st, conn } = useMatch();
  const calls = (st.priv?.calls ?? []).filter((k) => k.ally === me);
  if (!calls.length) return <div class="sealed"><h2>Crisis phase</h2><p>No ally has called on you this year. Watch the map for crises.</p></div>;
  return (
    <section class="sealed" aria-labelledby="calls-title">
      <h2 id="calls-title">{calls.length === 1 ? 'Your ally calls for help' : 'Your allies call for help'}</h2>
      {calls.map((k) => {
        const card = callCard(s, k, me);
        const noteId = `call-note-${k.id}`;
        return (
          <article key={k.id} aria-labelledby={`${k.id}-h`} style="margin-bottom:.6rem">
            <h3 id={`${k.id}-h`}>{card.title}</h3>
            <p>{card.honour}</p>
            <p>{card.abstain}</p>
            {k.answer ? <p role="status"><strong>Your sealed answer: {k.answer}.</strong> You may change it until the deadline.</p> : null}
            <NoteField id={noteId} />
            <div class="row" style="margin-top:.4rem">
              <button class="btn primary" type="button" onClick={() => void decide(conn, 'respond', { call: k.id, answer: 'honour' }, noteId)}>{card.honourButton}</button>
              <button class="btn danger" type="button" onClick={() => void decide(conn, 'respond', { call: k.id, answer: 'abstain' }, noteId)}>{card.abstainButton}</button>
            </div>
          </article>
        );
      })}
    </section>
  );
}
