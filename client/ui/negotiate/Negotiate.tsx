import type { Assessment } from '../../../shared/rules/index.ts';
import type { Proposal } from '../../../shared/types.ts';
import { useMatch } from '../match.ts';
import { Composer } from './Composer.tsx';
import { IncomingCard, SentCard } from './ProposalCard.tsx';

// The negotiation table: proposals to me (answer them), the composer, and my proposals of this year.

export function Negotiate({ onAmendOpened }: { onAmendOpened: () => void }) {
  const { st, rules: s, me } = useMatch();
  if (!s || !me) return <p>The teacher watches the negotiations from the console.</p>;
  const proposals = (st.priv?.proposals ?? []) as (Proposal & { assessment?: Assessment | null })[];
  const incoming = proposals.filter((p) => p.status === 'open' && p.to.includes(me) && !p.accepted.includes(me));
  const sent = proposals.filter((p) => p.from === me && p.turn === s.turn);
  const toComposer = () => {
    onAmendOpened();
    requestAnimationFrame(() => {
      const h = document.getElementById('composer-title');
      h?.focus({ preventScroll: true });
      h?.scrollIntoView({ block: 'start' });
    });
  };
  return (
    <>
      {incoming.length ? (
        <section aria-labelledby="incoming-title">
          <h2 id="incoming-title">Proposals to you ({incoming.length})</h2>
          {incoming.map((p) => <IncomingCard key={p.id} s={s} me={me} p={p} onCounter={toComposer} />)}
        </section>
      ) : null}
      <Composer s={s} me={me} />
      {sent.length ? (
        <section aria-labelledby="sent-title">
          <h2 id="sent-title">Your proposals this turn</h2>
          {sent.map((p) => <SentCard key={p.id} s={s} me={me} p={p} />)}
        </section>
      ) : null}
    </>
  );
}
