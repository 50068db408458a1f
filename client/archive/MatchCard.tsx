import { useState } from 'preact/hooks';
import { deleteMatch, fileName, holdsSecret, matchUrl, replayUrl, type ArchiveEntry } from './api.ts';
import { announce } from '../ui/live.ts';

// One match of the archive: code, scenario, when, how far it went, nations and who played them, its
// family of forks, and replay / debrief / download / delete (the host only; the server checks).

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATUS: Record<ArchiveEntry['status'], string> = { lobby: 'In the lobby', running: 'Being played', finished: 'Finished' };

function Family({ m, known }: { m: ArchiveEntry; known: Set<string> }) {
  if (!m.parent && !m.forks.length) return null;
  const link = (id: string) => (known.has(id) ? <a href={`#match-${id}`}>{id}</a> : <span>{id}<span class="muted"> (not listed)</span></span>);
  return (
    <p class="family">
      {m.parent ? <>What-if fork of {link(m.parent.id)} from year {m.parent.turn}{m.forks.length ? '. ' : ''}</> : null}
      {m.forks.length ? <>Forks: {m.forks.map((f, i) => <span key={f.id}>{i ? ', ' : ''}{link(f.id)} (from year {f.turn})</span>)}</> : null}
    </p>
  );
}

export function MatchCard({ m, known, onDeleted }: { m: ArchiveEntry; known: Set<string>; onDeleted: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const finished = m.status === 'finished';
  const when = new Date(m.finished ?? m.created);
  const progress = m.turn === null ? `${m.turns} years planned`
    : m.over ? (m.turn < m.turns ? `ended in year ${m.turn} of ${m.turns}` : `${m.turns} years, played to the end`)
    : `${finished ? 'stopped in ' : ''}year ${m.turn} of ${m.turns}`;
  const winners = m.winners.map((w) => w.name).join(' and ');
  const remove = async () => {
    if (!confirm(`Delete match ${m.id} and its record for good? Its forks stay.`)) return;
    setBusy(true);
    try {
      await deleteMatch(m.id);
      announce(`Match ${m.id} deleted.`);
      onDeleted();
    } catch (err) {
      setBusy(false);
      setError((err as Error).message);
    }
  };
  return (
    <li class="card match-card" id={`match-${m.id}`} aria-labelledby={`match-${m.id}-title`}>
      <div class="match-head">
        <h3 id={`match-${m.id}-title`}><span class="code">{m.id}</span> · {m.scenarioTitle}</h3>
        <span class={`badge status-${m.status}`}>{STATUS[m.status]}</span>
        {m.imported ? <span class="badge">Imported</span> : null}
      </div>
      <p class="muted"><time dateTime={when.toISOString()}>{dateFormat.format(when)}</time> · {progress} · {m.seats} nations</p>
      {winners ? <p class="winner-line"><span aria-hidden="true">{'\u2605'} </span>Winner: {winners}</p> : null}
      <ul class="nation-list" aria-label={`Nations of match ${m.id}`}>
        {m.nations.map((n) => <li key={n.nation}><strong>{n.name}</strong> {'\u2013'} {n.nickname ?? <span class="muted">bot</span>}</li>)}
      </ul>
      <Family m={m} known={known} />
      <div class="row">
        {finished ? <a class="btn small primary" href={replayUrl(m.id)} aria-label={`Replay match ${m.id}`}>Replay</a> : <span class="muted">The replay opens when the match ends.</span>}
        {finished ? <a class="btn small" href={`/debrief/${encodeURIComponent(m.id)}`} aria-label={`Class debrief of match ${m.id}`}>Debrief</a> : null}
        {finished ? <a class="btn small" href={matchUrl(m.id)} download={fileName(m.id)} aria-label={`Download the match file of ${m.id}`}>Download</a> : null}
        {holdsSecret(m.id) && (finished || m.status === 'lobby')
          ? <button class="btn small danger" type="button" disabled={busy} aria-label={`Delete match ${m.id} (host only)`} onClick={() => void remove()}>Delete</button> : null}
      </div>
      {error ? <p class="error" id={`match-${m.id}-error`} role="alert">{error}</p> : null}
    </li>
  );
}
