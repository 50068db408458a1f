import { useEffect, useState } from 'preact/hooks';
import { parseMatchFile } from '../../shared/matchFile.ts';
import { buildHistory, compareMatches, type Comparison } from '../../shared/history/index.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { loadClass } from '../net/classes.ts';
import { fetchMatchFile, replayUrl } from '../archive/api.ts';
import { fetchClass, type ClassInfo } from './api.ts';
import { outcomeTables, scoreTables, type CompareTable } from './compareView.ts';
import './classes.css';

// The class debrief (/class/<code>/debrief): the parallel matches of one class side by side. They began
// from the same world (same scenario, same seed), so every difference is the students' doing: treaties
// signed, calls honoured or abandoned, crises, scores, and questions built from those differences.

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; info: ClassInfo; comparison: Comparison | null; open: number };

async function load(code: string): Promise<Load> {
  try {
    const info = await fetchClass(code, loadClass(code)?.secret);
    const done = info.matches.filter((m) => m.status === 'finished');
    const files = await Promise.all(done.map(async (m) => ({ id: m.id, parsed: parseMatchFile(await fetchMatchFile(m.id)) })));
    const histories = files.flatMap((f) => {
      if (!f.parsed.ok) return [];
      const h = buildHistory(f.parsed.file);
      return h.ok ? [{ id: f.id, history: h.history }] : [];
    });
    return { state: 'ready', info, comparison: histories.length ? compareMatches(histories) : null, open: info.total - done.length };
  } catch (e) {
    return { state: 'failed', message: (e as Error).message };
  }
}

function Table({ t, caption, first }: { t: CompareTable; caption: string; first: string }) {
  return (
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">{first}</th>{t.matches.map((m) => <th key={m} scope="col">{m}</th>)}</tr></thead>
      <tbody>
        {t.rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th>{r.values.map((v, i) => <td key={i} class={r.numeric ? 'num' : ''}>{v}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

export function ClassDebrief({ id }: { id: string }) {
  const code = id.toUpperCase();
  const [loaded, setLoaded] = useState<Load>({ state: 'loading' });
  useEffect(() => { document.title = `Entente \u00b7 class ${code} debrief`; void load(code).then(setLoaded); }, [code]);
  if (loaded.state === 'loading') return <div class="compare"><p role="status">Loading the matches of class {code}{'\u2026'}</p></div>;
  if (loaded.state === 'failed') return <div class="compare"><h1>Class debrief {code}</h1><p class="error" role="alert">{loaded.message}</p><p><a href="/">Home</a></p></div>;
  const { info, comparison: c, open } = loaded;
  const scenario = getScenario(info.scenario);
  const n = c?.matches.length ?? 0;
  return (
    <div class="compare">
      <nav class="row no-print" aria-label="Class debrief"><a href="/">Home</a><a href="/matches">All matches</a>{loadClass(code) ? <a href={`/class/${encodeURIComponent(code)}`}>The class dashboard</a> : null}</nav>
      <h1 id="compare-title">Class debrief: same start, different outcomes</h1>
      <p>Class {code} · {scenario?.title ?? info.scenario} · {info.total} parallel {info.total === 1 ? 'match' : 'matches'}{open ? ` (${open} not over yet: ${open === 1 ? 'it joins' : 'they join'} the comparison when ${open === 1 ? 'it ends' : 'they end'})` : ''}</p>
      {!c || n < 2 ? <p class="banner">{n ? 'Only one match is over so far: the comparison needs two.' : 'No match of this class is over yet.'} Come back when the matches have ended.</p> : null}
      {c ? (
        <>
          <p class="same-start">{c.sameStart ? 'Every match began from exactly the same world: the same nations, resources, map and crises to come. What differs is what the students did.' : 'These matches did not all begin from the same world, so compare them with care.'}</p>
          <section aria-labelledby="cmp-outcomes">
            <h2 id="cmp-outcomes">What each match did</h2>
            {outcomeTables(c).map((t, i) => <Table key={i} t={t} caption={`Treaties, calls and crises, matches ${t.matches.join(', ')}`} first="Match" />)}
          </section>
          <section aria-labelledby="cmp-scores">
            <h2 id="cmp-scores">Final scores</h2>
            <p class="muted">Each nation scored by its own secret national interest.</p>
            {scoreTables(c).map((t, i) => <Table key={i} t={t} caption={`Final scores, matches ${t.matches.join(', ')}`} first="Nation" />)}
          </section>
          {c.questions.length ? (
            <section aria-labelledby="cmp-questions">
              <h2 id="cmp-questions">Questions for the class</h2>
              <ol>{c.questions.map((q) => <li key={q}>{q}</li>)}</ol>
            </section>
          ) : null}
          <section aria-labelledby="cmp-each">
            <h2 id="cmp-each">Each match</h2>
            <ul>{c.matches.map((m) => <li key={m.id}>Match {m.id}: <a href={`/debrief/${encodeURIComponent(m.id)}`}>its debrief</a> · <a href={replayUrl(m.id)}>its replay</a></li>)}</ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
