import { useState } from 'preact/hooks';
import { useMatch } from '../ui/match.ts';

// The teacher's "Make teams": spread everyone who joined over the nations, in teams of the match's size —
// in the order they joined, at random, or as a pasted list says (one line per nation, "Nation: nick, nick";
// anyone not listed fills the room left). The server's refusal names a line it could not read.

type Mode = 'balanced' | 'random' | 'list';

export function MakeTeams() {
  const { st, conn } = useMatch();
  const [mode, setMode] = useState<Mode>('balanced');
  const [list, setList] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const people = (st.meta?.players ?? []).filter((p) => !p.host).length;
  const make = () => {
    setStatus('');
    setError('');
    conn.request('makeTeams', { mode, ...(mode === 'list' ? { list } : {}) })
      .then(() => setStatus(`Teams made: ${people} ${people === 1 ? 'student' : 'students'} spread over the nations.`), (e: Error) => setError(e.message));
  };
  const radio = (m: Mode, label: string) => (
    <div><input id={`teams-${m}`} type="radio" name="teams-mode" checked={mode === m} onChange={() => setMode(m)} /> <label for={`teams-${m}`}>{label}</label></div>
  );
  return (
    <fieldset class="make-teams">
      <legend>Make teams</legend>
      <p class="muted">{people} {people === 1 ? 'student has' : 'students have'} joined. Students can also pick a team themselves until you start.</p>
      {radio('balanced', 'Balanced: fill every team evenly, in the order students joined')}
      {radio('random', 'Random: shuffle everyone, then fill every team evenly')}
      {radio('list', 'From a list: paste who goes where')}
      {mode === 'list' ? (
        <div class="field">
          <label for="teams-paste">One line per nation, e.g. {'\u201c'}Valdor: Ana, Ben, Cy{'\u201d'} (anyone not listed fills the room left)</label>
          <textarea id="teams-paste" rows={4} value={list} onInput={(e) => setList(e.currentTarget.value)} />
        </div>
      ) : null}
      <div class="row">
        <button class="btn primary" type="button" onClick={make} disabled={mode === 'list' && !list.trim()}>Make teams</button>
        <span role="status">{status}</span>
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
    </fieldset>
  );
}
