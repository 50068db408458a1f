import { useEffect, useState } from 'preact/hooks';
import { SCENARIOS } from '../../shared/scenarios/index.ts';
import { listMatches, type ArchiveEntry } from './api.ts';
import { MatchCard } from './MatchCard.tsx';
import { ImportForm } from './ImportForm.tsx';
import './archive.css';

// The match archive (/matches): running and finished matches, a filter by scenario, each match's family
// of forks, replay / debrief / download, import of a match file, and deletion by the host.

export function ArchivePage() {
  const [scenario, setScenario] = useState(() => {
    const q = new URLSearchParams(location.search).get('scenario');
    return SCENARIOS.some((s) => s.id === q) ? q! : '';
  });
  const [entries, setEntries] = useState<ArchiveEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    document.title = 'Entente \u00b7 match archive';
    let alive = true;
    setLoading(true);
    setLoadError('');
    listMatches(scenario || undefined).then((m) => { if (alive) { setEntries(m); setLoading(false); } }, (e: Error) => { if (alive) { setLoadError(e.message); setLoading(false); } });
    return () => { alive = false; };
  }, [scenario, round]);
  const choose = (id: string) => {
    setScenario(id);
    const url = new URL(location.href);
    if (id) url.searchParams.set('scenario', id); else url.searchParams.delete('scenario');
    history.replaceState(null, '', url);
  };
  const reload = () => setRound((n) => n + 1);
  const known = new Set(entries.map((e) => e.id));
  const where = scenario ? ` in ${SCENARIOS.find((s) => s.id === scenario)?.title ?? scenario}` : '';
  return (
    <div class="archive">
      <nav class="crumbs" aria-label="Breadcrumb"><a href="/">Entente</a> {'\u203a'} Match archive</nav>
      <h1 id="archive-title" tabIndex={-1}>Match archive</h1>
      <p>Every match is kept as its list of moves, so any of them can be replayed step by step, downloaded, or forked into a new "what if" match from any year.</p>
      <div class="archive-grid">
        <section aria-labelledby="list-title" class="stack">
          <div class="row list-head">
            <h2 id="list-title">Matches</h2>
            <div class="field inline">
              <label for="archive-scenario">Scenario</label>
              <select id="archive-scenario" name="scenario" value={scenario} onChange={(e) => choose(e.currentTarget.value)}>
                <option value="">All scenarios</option>
                {SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
              </select>
            </div>
          </div>
          <p class="muted" id="archive-count">{loading ? 'Loading\u2026' : `${entries.length} ${entries.length === 1 ? 'match' : 'matches'}${where}.`}</p>
          <div id="archive-list" aria-live="polite" aria-busy={loading ? 'true' : 'false'}>
            {loadError ? <p class="error" role="alert">The archive could not be loaded: {loadError}</p>
              : !loading && !entries.length ? <p>No matches yet. Host one from the home page, or import a match file.</p>
              : <ul class="match-list">{entries.map((m) => <MatchCard key={m.id} m={m} known={known} onDeleted={() => { reload(); document.getElementById('archive-title')?.focus(); }} />)}</ul>}
          </div>
        </section>
        <aside class="stack"><ImportForm onImported={reload} /></aside>
      </div>
    </div>
  );
}
