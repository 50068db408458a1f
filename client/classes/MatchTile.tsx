import { phaseLine } from '../view/format.ts';
import { useMatch, nameIn } from '../ui/match.ts';
import { Clock } from '../ui/game/Clock.tsx';
import { projectorUrl } from '../ui/teacher/ProjectorButton.tsx';

// One match of the class on the teacher's dashboard: where it stands (lobby, phase and clock, over), how
// many students are in it, and its own controls: open it here (its lobby or console), its projector
// view, pause or resume, the next phase.

export function MatchTile({ id, index, onOpen }: { id: string; index: number; onOpen: () => void }) {
  const { st, rules: s, conn } = useMatch();
  const meta = st.meta;
  const code = id;
  const title = `Match ${index + 1}: ${code}`;
  if (!meta) {
    return (
      <li class="card match-tile" aria-label={title}>
        <h3>{title}</h3>
        <p role="status">{st.error ?? 'Connecting\u2026'}</p>
      </li>
    );
  }
  const students = meta.players.filter((p) => !p.host);
  const here = students.filter((p) => p.connected).length;
  const teams = new Set(students.map((p) => p.nation).filter(Boolean)).size;
  const running = meta.started && !meta.over;
  const key = st.projectorKey;
  return (
    <li class="card match-tile" aria-label={title}>
      <h3>{title}</h3>
      <p class="tile-state">
        {!meta.started ? <strong>In the lobby</strong> : meta.over ? <strong>Over</strong> : <strong>{s ? phaseLine(s.turn, s.turns, s.phase) : ''}</strong>}
        {running ? <> <Clock /></> : null}
        {meta.paused ? <span class="badge">Paused</span> : null}
      </p>
      <p>{students.length} {students.length === 1 ? 'student' : 'students'} ({here} here){meta.teamSize > 1 ? `, ${teams} ${teams === 1 ? 'team' : 'teams'}` : ''}
        {meta.over && meta.winners.length ? ` \u00b7 first: ${meta.winners.map((w) => nameIn(s, w)).join(', ')}` : ''}</p>
      <div class="row">
        <button class="btn small primary" type="button" onClick={onOpen}>{meta.over ? 'See the end' : meta.started ? 'Open its console' : 'Open its lobby'}<span class="visually-hidden"> ({code})</span></button>
        <button class="btn small" type="button" disabled={!key} onClick={() => { if (key) window.open(projectorUrl(code, key), `entente-projector-${code}`, 'noopener'); }}>Projector<span class="visually-hidden"> of {code}</span></button>
        {running ? (meta.paused
          ? <button class="btn small" type="button" onClick={() => conn.send('resume', {})}>Resume<span class="visually-hidden"> {code}</span></button>
          : <button class="btn small" type="button" onClick={() => conn.send('pause', {})}>Pause<span class="visually-hidden"> {code}</span></button>) : null}
        {running && s && !meta.paused ? <button class="btn small" type="button" onClick={() => conn.send('advance', { phase: s.phase })}>Next phase<span class="visually-hidden"> in {code}</span></button> : null}
      </div>
      {st.error ? <p class="error" role="alert">{st.error}</p> : null}
    </li>
  );
}
