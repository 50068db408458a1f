import { SCENARIOS } from '../../shared/scenarios/index.ts';
import { h, render, announce } from '../ui/dom.ts';
import { deleteMatch, fileName, holdsSecret, importMatch, listMatches, matchUrl, replayUrl, type ArchiveEntry } from './api.ts';
import './archive.css';

// The match archive (/matches): running and finished matches with date, scenario, code, nations and
// nicknames, turns and winner; a filter by scenario; each match's family (the match it was forked from and
// its forks); download (export) and replay of finished matches; upload (import) of a match file; and
// deletion by the match's host (this browser must hold the host's seat secret; the server checks it).

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATUS: Record<ArchiveEntry['status'], string> = { lobby: 'In the lobby', running: 'Being played', finished: 'Finished' };

export function archivePage(root: HTMLElement): () => void {
  const params = new URLSearchParams(location.search);
  let scenario = SCENARIOS.some((s) => s.id === params.get('scenario')) ? params.get('scenario')! : '';
  let entries: ArchiveEntry[] = [];
  let loading = true;
  let loadError = '';
  let alive = true;

  const listEl = h('div', { id: 'archive-list', 'aria-live': 'polite', 'aria-busy': 'true' });
  const countEl = h('p', { class: 'muted', id: 'archive-count' });
  const importStatus = h('p', { id: 'import-status', role: 'status' });
  const importError = h('p', { id: 'import-error', class: 'error', role: 'alert' });
  const fileInput = h('input', { id: 'import-file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'import-help import-error' });
  const importBtn = h('button', { class: 'btn primary', type: 'submit', id: 'import-submit' }, 'Import the match');

  const filter = h('select', { id: 'archive-scenario', name: 'scenario', onchange: () => {
    scenario = filter.value;
    const url = new URL(location.href);
    if (scenario) url.searchParams.set('scenario', scenario); else url.searchParams.delete('scenario');
    history.replaceState(null, '', url);
    void load();
  } },
    h('option', { value: '', selected: !scenario }, 'All scenarios'),
    ...SCENARIOS.map((s) => h('option', { value: s.id, selected: s.id === scenario }, s.title)));

  const importForm = h('form', { class: 'card stack', 'aria-labelledby': 'import-title', onsubmit: async (e: Event) => {
    e.preventDefault();
    importError.textContent = '';
    importStatus.textContent = '';
    const file = fileInput.files?.[0];
    if (!file) { importError.textContent = 'Choose a match file (.json) first.'; fileInput.focus(); return; }
    importBtn.disabled = true;
    importBtn.textContent = 'Importing\u2026';
    try {
      const id = await importMatch(await file.text());
      render(importStatus, 'Imported as match ', h('strong', {}, id), '. ', h('a', { href: replayUrl(id), id: 'import-open' }, `Open the replay of ${id}`));
      announce(`Imported as match ${id}.`);
      fileInput.value = '';
      await load();
    } catch (err) {
      importError.textContent = `Not imported: ${(err as Error).message}`;
    } finally {
      importBtn.disabled = false;
      importBtn.textContent = 'Import the match';
    }
  } },
    h('h2', { id: 'import-title' }, 'Import a match file'),
    h('p', { id: 'import-help', class: 'muted' }, 'A match file (.json) downloaded from an Entente archive or made by the simulator. It is checked by replaying every action; nothing is kept if it does not replay.'),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Match file'), fileInput),
    importError, importBtn, importStatus);

  const family = (m: ArchiveEntry): HTMLElement | null => {
    if (!m.parent && !m.forks.length) return null;
    const known = new Set(entries.map((e) => e.id));
    const link = (id: string) => (known.has(id) ? h('a', { href: `#match-${id}` }, id) : h('span', {}, id, h('span', { class: 'muted' }, ' (not listed)')));
    return h('p', { class: 'family' },
      m.parent ? ['What-if fork of ', link(m.parent.id), ` from year ${m.parent.turn}`, m.forks.length ? '. ' : ''] : null,
      m.forks.length ? ['Forks: ', ...m.forks.flatMap((f, i) => [i ? ', ' : '', link(f.id), ` (from year ${f.turn})`])] : null);
  };

  const card = (m: ArchiveEntry): HTMLElement => {
    const finished = m.status === 'finished';
    const when = dateFormat.format(new Date(m.finished ?? m.created));
    const progress = m.turn === null ? `${m.turns} years planned`
      : m.over ? (m.turn < m.turns ? `ended in year ${m.turn} of ${m.turns}` : `${m.turns} years, played to the end`)
      : `${finished ? 'stopped in' : ''} year ${m.turn} of ${m.turns}`.trim();
    const winners = m.winners.map((w) => w.name).join(' and ');
    const del = holdsSecret(m.id) && (finished || m.status === 'lobby')
      ? h('button', { class: 'btn small danger', type: 'button', 'aria-label': `Delete match ${m.id} (host only)`, onclick: async (e: Event) => {
        const btn = e.currentTarget as HTMLButtonElement;
        if (!confirm(`Delete match ${m.id} and its record for good? Its forks stay.`)) return;
        btn.disabled = true;
        try {
          await deleteMatch(m.id);
          announce(`Match ${m.id} deleted.`);
          await load();
          document.getElementById('archive-title')?.focus();
        } catch (err) {
          btn.disabled = false;
          const p = document.getElementById(`match-${m.id}-error`);
          if (p) p.textContent = (err as Error).message;
        }
      } }, 'Delete')
      : null;
    return h('li', { class: 'card match-card', id: `match-${m.id}`, 'aria-labelledby': `match-${m.id}-title` },
      h('div', { class: 'match-head' },
        h('h3', { id: `match-${m.id}-title` }, h('span', { class: 'code' }, m.id), ' \u00b7 ', m.scenarioTitle),
        h('span', { class: `badge status-${m.status}` }, STATUS[m.status]),
        m.imported ? h('span', { class: 'badge' }, 'Imported') : null),
      h('p', { class: 'muted' }, h('time', { datetime: new Date(m.finished ?? m.created).toISOString() }, when), ` \u00b7 ${progress} \u00b7 ${m.seats} nations`),
      winners ? h('p', { class: 'winner-line' }, h('span', { 'aria-hidden': 'true' }, '\u2605 '), `Winner: ${winners}`) : null,
      h('ul', { class: 'nation-list', 'aria-label': `Nations of match ${m.id}` }, ...m.nations.map((n) => h('li', {}, h('strong', {}, n.name), ' \u2013 ', n.nickname ?? h('span', { class: 'muted' }, 'bot')))),
      family(m),
      h('div', { class: 'row' },
        finished ? h('a', { class: 'btn small primary', href: replayUrl(m.id), 'aria-label': `Replay match ${m.id}` }, 'Replay') : h('span', { class: 'muted' }, 'The replay opens when the match ends.'),
        finished ? h('a', { class: 'btn small', href: `/debrief/${encodeURIComponent(m.id)}`, 'aria-label': `Class debrief of match ${m.id}` }, 'Debrief') : null,
        finished ? h('a', { class: 'btn small', href: matchUrl(m.id), download: fileName(m.id), 'aria-label': `Download the match file of ${m.id}` }, 'Download') : null,
        del),
      h('p', { class: 'error', id: `match-${m.id}-error`, role: 'alert' }));
  };

  const draw = () => {
    listEl.setAttribute('aria-busy', String(loading));
    countEl.textContent = loading ? 'Loading\u2026' : `${entries.length} match${entries.length === 1 ? '' : 'es'}${scenario ? ` in ${SCENARIOS.find((s) => s.id === scenario)?.title ?? scenario}` : ''}.`;
    if (loadError) { render(listEl, h('p', { class: 'error', role: 'alert' }, `The archive could not be loaded: ${loadError}`)); return; }
    if (!loading && !entries.length) { render(listEl, h('p', {}, 'No matches yet. Host one from the home page, or import a match file.')); return; }
    render(listEl, h('ul', { class: 'match-list' }, ...entries.map(card)));
  };

  async function load(): Promise<void> {
    loading = true;
    loadError = '';
    draw();
    try {
      const next = await listMatches(scenario || undefined);
      if (!alive) return;
      entries = next;
    } catch (err) {
      loadError = (err as Error).message;
    }
    loading = false;
    draw();
  }

  document.title = 'Entente \u00b7 match archive';
  render(root, h('div', { class: 'archive' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Entente'), ' \u203a Match archive'),
    h('h1', { id: 'archive-title', tabindex: -1 }, 'Match archive'),
    h('p', {}, 'Every match is kept as its list of moves, so any of them can be replayed step by step, downloaded, or forked into a new "what if" match from any year.'),
    h('div', { class: 'archive-grid' },
      h('section', { 'aria-labelledby': 'list-title', class: 'stack' },
        h('div', { class: 'row list-head' },
          h('h2', { id: 'list-title' }, 'Matches'),
          h('div', { class: 'field inline' }, h('label', { for: 'archive-scenario' }, 'Scenario'), filter)),
        countEl,
        listEl),
      h('aside', { class: 'stack' }, importForm))));
  void load();
  return () => { alive = false; };
}
