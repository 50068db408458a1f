import type { NationId } from '../../../shared/types.ts';
import { kindName } from '../../view/terms.ts';
import { useMatch } from '../match.ts';
import { Term } from '../Term.tsx';

// The selected nation's public figures, and my relations with it (from my private view).

export function NationDetails({ nation, onClose }: { nation: NationId; onClose: () => void }) {
  const { rules: s, me, st } = useMatch();
  const n = s?.nations.find((x) => x.id === nation);
  if (!s || !n) return null;
  const rel = me && me !== n.id ? st.priv?.relations?.[n.id] : undefined;
  const together = me && me !== n.id ? s.treaties.filter((t) => t.parties.includes(me) && t.parties.includes(n.id)) : [];
  const ex = st.meta?.extra[n.id];
  const holder = st.meta?.players.find((p) => p.nation === n.id);
  return (
    <aside class="map-details" aria-live="polite" aria-label="Nation details">
      <div class="row" style="justify-content:space-between;flex-wrap:nowrap">
        <h3 style="margin:0 0 .3rem">{n.name}</h3>
        <button class="btn small" type="button" aria-label={`Close the details of ${n.name}`} onClick={onClose}>{'\u00d7'}</button>
      </div>
      <p style="margin:0">{holder ? `Played by ${holder.name}` : 'Played by a bot'}</p>
      <ul style="margin:.3rem 0 0 1rem;padding:0">
        <li><Term k="reputation">Reputation</Term> {n.reputation}</li>
        {ex ? <li>Trust others place in it: {ex.trustReceived}</li> : null}
        {rel ? <li>Your <Term k="trust" /> in it: {rel.trust}</li> : null}
        {rel && rel.ties ? <li><Term k="ties">Ties</Term>: {rel.ties} · your <Term k="dependence" />: {rel.dependence}</li> : null}
        <li>Economy {n.economy} · military {n.military} · stability {n.stability}</li>
        {ex ? <li>Regions held: {ex.regions}</li> : null}
        {together.length ? <li>Your treaties with it: {together.map((t) => kindName(t.terms.kind).toLowerCase()).join(', ')}</li>
          : me && me !== n.id ? <li>No treaty with you.</li> : null}
      </ul>
    </aside>
  );
}
