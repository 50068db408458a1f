import { useEffect, useState } from 'preact/hooks';
import { parseMatchFile } from '../../shared/matchFile.ts';
import { INTEREST_LABELS } from '../../shared/rules/scoring.ts';
import type { Interest } from '../../shared/types.ts';
import { Chart } from '../charts/Chart.tsx';
import { debriefFromFile, type DebriefView } from './model.ts';
import { ConceptLink, Journals, Linked, Moments, Network, Timeline } from './parts.tsx';
import './debrief.css';

// The debrief of a finished match (/debrief/<id>): what the class did, named with the lesson's concepts,
// for a discussion and for homework. Printable: controls hide, each position memo gets its own page.

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; view: DebriefView };

async function load(id: string): Promise<Load> {
  let res: Response;
  try { res = await fetch(`/api/matches/${encodeURIComponent(id)}`); } catch { return { state: 'failed', message: 'The server could not be reached. Check the connection and reload.' }; }
  const body = await res.text();
  if (!res.ok) {
    let message = res.status === 409 ? 'This match is still being played: its debrief opens when it ends.' : 'There is no finished match with that code.';
    try { message = (JSON.parse(body) as { message?: string }).message ?? message; } catch { /* keep the default */ }
    return { state: 'failed', message };
  }
  const parsed = parseMatchFile(body);
  const result = parsed.ok ? debriefFromFile(id, parsed.file) : { ok: false as const, message: parsed.message };
  return result.ok ? { state: 'ready', view: result.view } : { state: 'failed', message: result.message };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => { a.remove(); URL.revokeObjectURL(url); }, 1000);
}

function Reliability({ v }: { v: DebriefView }) {
  const r = v.reliability;
  const bar = (label: string, pct: number, cls: string) => (
    <div class="rel-row">
      <span class="rel-label">{label}</span>
      <span class="rel-bar" role="img" aria-label={`${label}: ${pct} percent`}><span class={`rel-fill ${cls}`} style={`width:${pct}%`} /></span>
      <strong>{pct}%</strong>
    </div>
  );
  return (
    <section class="card" aria-labelledby="re-title">
      <h2 id="re-title">Reliability: calls honoured</h2>
      {r.percent === null ? <p>No ally was called in this match, so there is no record of reliability.</p>
        : <div>{bar('Your class', r.percent, 'class')}<p class="muted">{r.honoured} {r.honoured === 1 ? 'call' : 'calls'} honoured, {r.abstained} abstained.</p></div>}
      {bar('Real alliances, 1816\u20131944', r.historicalPercent, 'history')}
      <p class="source">Source: {r.source}</p>
    </section>
  );
}

function Scores({ v }: { v: DebriefView }) {
  const n = (id: string) => v.nations.find((x) => x.id === id);
  return (
    <section class="card" aria-labelledby="sc-title">
      <h2 id="sc-title">Final scores</h2>
      <div class="table-wrap">
        <table class="scores">
          <thead><tr>{['Nation', 'Played by', 'National interest', 'Prosperity', 'Security', 'Standing', 'Score'].map((x) => <th key={x} scope="col">{x}</th>)}</tr></thead>
          <tbody>
            {v.debrief.scores.map((s) => (
              <tr key={s.nation}>
                <th scope="row"><span class="dot" style={`background:${n(s.nation)?.color ?? '#888'}`} /> {n(s.nation)?.name ?? s.nation}</th>
                <td>{n(s.nation)?.player ?? 'bot'}</td>
                <td>{INTEREST_LABELS[s.interest as Interest]?.split(':')[0] ?? s.interest}</td>
                <td>{s.prosperity}</td><td>{s.security}</td><td>{s.standing}</td><td><strong>{s.total}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A memo prompt "Intro. 1. ... 2. ..." as an intro paragraph and a numbered list. */
function MemoPrompt({ prompt }: { prompt: string }) {
  const [intro, ...items] = prompt.split(/\s(?=\d\. )/);
  return <><p><Linked line={intro ?? ''} /></p>{items.length ? <ol>{items.map((x, i) => <li key={i}><Linked line={x.replace(/^\d\.\s*/, '')} /></li>)}</ol> : null}</>;
}

const studentsLine = (n: number): string => (n === 0 ? 'all played by bots' : n === 1 ? 'one played by a student' : `${n} played by students`);

export function DebriefPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Load>({ state: 'loading' });
  useEffect(() => { document.title = `Entente \u00b7 debrief ${id}`; void load(id).then(setLoaded); }, [id]);
  if (loaded.state === 'loading') return <div class="debrief"><p role="status">Loading the debrief of match {id}{'\u2026'}</p></div>;
  if (loaded.state === 'failed') {
    return <div class="debrief"><h1>Debrief of match {id}</h1><p class="error" role="alert">{loaded.message}</p><p><a href="/matches">All matches</a> · <a href="/">Home</a></p></div>;
  }
  const v = loaded.view;
  const d = v.debrief;
  const winner = v.nations.find((n) => n.id === d.winner);
  return (
    <div class="debrief">
      <nav class="row no-print" aria-label="Debrief actions">
        <a href="/">Home</a><a href="/matches">All matches</a><a href={`/replay/${encodeURIComponent(id)}`}>Replay</a><a href="/glossary">Glossary</a>
        <button class="btn small" type="button" onClick={() => window.print()}>Print</button>
        <button class="btn small" type="button" onClick={() => download(`entente-${id}-stats.csv`, v.csv.stats)}>Download stats (CSV)</button>
        <button class="btn small" type="button" onClick={() => download(`entente-${id}-treaties.csv`, v.csv.treaties)}>Download treaty events (CSV)</button>
      </nav>
      <header>
        <h1 id="debrief-title">Debrief: {d.title}</h1>
        <p class="lesson"><strong>Lesson: </strong><Linked line={d.lesson} /></p>
        <p>Match {id} · {d.turns} years · {v.nations.length} nations, {studentsLine(v.nations.filter((n) => n.player).length)}{winner ? <> · <strong>{winner.name} finished first</strong></> : null}</p>
      </header>
      <Scores v={v} />
      <section class="card" aria-labelledby="ch-title">
        <h2 id="ch-title">How each nation fared</h2>
        <div class="charts">{v.charts.map((c) => <Chart key={c.key} options={{ title: c.title, description: c.description, x: c.x, xLabel: 'Year', yLabel: 'Score', height: 200, series: c.series, id: `chart-${c.key}` }} />)}</div>
      </section>
      <section class="card" aria-labelledby="nw-title">
        <h2 id="nw-title">The network of treaties</h2>
        <p class="muted">Solid dark lines: <ConceptLink k="alliance">defensive alliances</ConceptLink>. Dashed blue lines: <ConceptLink k="partnership">strategic partnerships</ConceptLink>.</p>
        <div class="networks">{v.networks.map((n) => <Network key={n.label} net={n} />)}</div>
      </section>
      <Timeline v={v} />
      <Moments v={v} />
      <Reliability v={v} />
      <Journals v={v} />
      <section class="card" aria-labelledby="qu-title">
        <h2 id="qu-title">Questions for discussion</h2>
        <ol class="questions">{v.questions.map((q, i) => <li key={i}><Linked line={q} /></li>)}</ol>
      </section>
      <section class="memos" aria-labelledby="me-title">
        <h2 id="me-title" class="no-print">Homework: position memos</h2>
        {d.memos.map((m) => {
          const player = v.nations.find((n) => n.id === m.nation)?.player;
          return (
            <article key={m.nation} class="card memo">
              <h3>Position memo: {m.name}</h3>
              <p class="muted">{d.title} · match {id}{player ? ` \u00b7 played by ${player}` : ''}</p>
              <MemoPrompt prompt={m.prompt} />
              <div class="memo-lines" aria-hidden="true" />
            </article>
          );
        })}
      </section>
    </div>
  );
}
