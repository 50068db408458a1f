import { useMatch } from './match.ts';
import { WithTerms } from './Term.tsx';

// The news of every year, newest first, with its concept words linked to the glossary; and the events
// of the year under way.

export function NewsPanel() {
  const { st } = useMatch();
  const news = [...(st.game?.news ?? [])].reverse();
  const events = st.meta?.events ?? [];
  return (
    <>
      <h2>News</h2>
      {events.length ? (
        <section class="news-item" aria-label="This year so far">
          <h3>This year so far</h3>
          <ul>{events.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </section>
      ) : null}
      {news.map((n) => (
        <article key={n.turn} class="news-item card" aria-label={`News of turn ${n.turn}`}>
          <h3>Year {n.turn}</h3>
          <ul>{n.lines.map((l, i) => <li key={i}><WithTerms line={l} keys={n.concepts} /></li>)}</ul>
        </article>
      ))}
      {news.length || events.length ? null : <p class="muted">The first news comes at the end of turn 1.</p>}
    </>
  );
}
