import { INTEREST_LABELS } from '../../shared/rules/index.ts';
import type { Interest } from '../../shared/types.ts';
import { circleLayout } from '../view/network.ts';
import { useMatch, nameIn } from '../ui/match.ts';
import { Network } from '../debrief/parts.tsx';

// The projector's side boards: the standings (public figures while the match runs, the final scores at
// the end), the treaty network and the news. Only public data: no proposals, no chat, no interests.

export function Standings() {
  const { st, rules: s } = useMatch();
  const meta = st.meta!;
  if (!s) return null;
  if (meta.over && meta.scores.length) {
    return (
      <section aria-labelledby="pj-scores">
        <h2 id="pj-scores">Final scores</h2>
        <table class="scores"><thead><tr><th scope="col">Nation</th><th scope="col">Interest</th><th scope="col">Score</th></tr></thead>
          <tbody>{meta.scores.map((x) => <tr key={x.nation}><th scope="row">{nameIn(s, x.nation)}</th><td>{INTEREST_LABELS[x.interest as Interest]?.split(':')[0] ?? x.interest}</td><td>{x.total}</td></tr>)}</tbody>
        </table>
      </section>
    );
  }
  const rows = [...s.nations].sort((a, b) => (meta.extra[b.id]?.regions ?? 0) - (meta.extra[a.id]?.regions ?? 0) || b.economy - a.economy);
  return (
    <section aria-labelledby="pj-standings">
      <h2 id="pj-standings">Standings</h2>
      <table class="scores">
        <thead><tr><th scope="col">Nation</th><th scope="col">Regions</th><th scope="col">Economy</th><th scope="col">Military</th><th scope="col">Reputation</th></tr></thead>
        <tbody>{rows.map((n) => <tr key={n.id}><th scope="row">{n.name}</th><td>{meta.extra[n.id]?.regions ?? ''}</td><td>{n.economy}</td><td>{n.military}</td><td>{n.reputation}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

export function TreatyNetwork() {
  const { st, rules: s } = useMatch();
  if (!s) return null;
  const layout = circleLayout(s.nations.map((n) => n.id));
  const edges = s.treaties.flatMap((t) => t.parties.flatMap((a, i) => t.parties.slice(i + 1).map((b) => ({ a, b, kind: t.terms.kind }))));
  const nodes = s.nations.map((n) => ({ id: n.id, name: n.name, color: st.meta?.extra[n.id]?.color ?? '#888', ...layout.get(n.id)! }));
  return (
    <section aria-labelledby="pj-network">
      <h2 id="pj-network">Treaties ({s.treaties.length})</h2>
      <Network net={{ label: 'end', turn: s.turn, nodes, edges }} caption={false} />
    </section>
  );
}

export function NewsBoard() {
  const { st } = useMatch();
  const last = st.game?.news.at(-1);
  const events = st.meta?.events ?? [];
  return (
    <section aria-labelledby="pj-news" aria-live="polite">
      <h2 id="pj-news">{events.length ? 'This year' : last ? `News of year ${last.turn}` : 'News'}</h2>
      <ul class="projector-news">{(events.length ? events.slice(-5) : last?.lines.slice(0, 6) ?? ['The first news comes at the end of year 1.']).map((l, i) => <li key={i}>{l}</li>)}</ul>
    </section>
  );
}
