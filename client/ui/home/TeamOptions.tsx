import { useState } from 'preact/hooks';
import type { Signing } from '../../../shared/protocol/teams.ts';

// The host's team settings: students per nation (or "fill evenly", up to five), how a team's drafts become
// the nation's, who gives out the roles, and parallel matches for a class too big for one match (chosen
// directly, or worked out from the class size).

export interface TeamChoice {
  teamSize: number;
  signing: Signing;
  rolesBy: 'teacher' | 'teams';
  matches: number;
}

const MAX_MATCHES = 8;

export function TeamOptions({ value, seats, onChange }: { value: TeamChoice; seats: number; onChange: (v: TeamChoice) => void }) {
  const [students, setStudents] = useState('');
  const set = (p: Partial<TeamChoice>) => {
    const next = { ...value, ...p };
    // With a class size, the number of matches follows the team size and the nations.
    const n = Math.round(Number(students));
    if (n > 0 && !('matches' in p)) next.matches = Math.min(MAX_MATCHES, Math.max(1, Math.ceil(n / (seats * next.teamSize))));
    onChange(next);
  };
  const perMatch = seats * value.teamSize;
  return (
    <fieldset>
      <legend>Teams and classes</legend>
      <div class="grid2">
        <div class="field">
          <label for="host-team">Students per nation</label>
          <select id="host-team" value={String(value.teamSize)} onChange={(e) => set({ teamSize: Number(e.currentTarget.value) })}>
            <option value="1">One student per nation</option>
            {[2, 3, 4].map((n) => <option key={n} value={String(n)}>Teams of up to {n}</option>)}
            <option value="5">Fill evenly (up to 5 a nation)</option>
          </select>
        </div>
        <div class="field">
          <label for="host-matches">Parallel matches</label>
          <select id="host-matches" value={String(value.matches)} onChange={(e) => set({ matches: Number(e.currentTarget.value) })}>
            {Array.from({ length: MAX_MATCHES }, (_, i) => i + 1).map((k) => <option key={k} value={String(k)}>{k === 1 ? 'One match' : `${k} matches, one class code`}</option>)}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="host-students">Students in the class (optional: sets the number of matches)</label>
        <input id="host-students" type="number" min={1} max={320} value={students} onInput={(e) => {
          const raw = e.currentTarget.value;
          setStudents(raw);
          const n = Math.round(Number(raw));
          if (n > 0) onChange({ ...value, matches: Math.min(MAX_MATCHES, Math.max(1, Math.ceil(n / perMatch))) });
        }} />
      </div>
      <p class="muted" id="host-capacity">Each match holds up to {perMatch} {perMatch === 1 ? 'student' : 'students'}{value.matches > 1 ? `; ${value.matches} matches hold ${perMatch * value.matches}, all from the same start, run from one dashboard` : ''}.</p>
      {value.teamSize > 1 ? (
        <>
          <div class="field">
            <label for="host-signing">Who signs for a team</label>
            <select id="host-signing" value={value.signing} onChange={(e) => set({ signing: e.currentTarget.value as Signing })}>
              <option value="head">The head of government signs the team{'\u2019'}s drafts</option>
              <option value="any">Any member may sign (young classes)</option>
              <option value="vote">Team vote: a majority approves each draft</option>
            </select>
          </div>
          <div><input id="host-roles" type="checkbox" checked={value.rolesBy === 'teams'} onChange={(e) => set({ rolesBy: e.currentTarget.checked ? 'teams' : 'teacher' })} /> <label for="host-roles">Teams choose their own roles (otherwise you give them out)</label></div>
        </>
      ) : null}
    </fieldset>
  );
}
