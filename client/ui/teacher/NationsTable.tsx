import type { Policy } from '../../../shared/types.ts';
import { useMatch, nameIn } from '../match.ts';

// Every nation at a glance for the teacher: who plays it, its figures, whether it has made this phase's
// sealed choice, and (when the match lets the teacher read negotiations) its sealed policy. Short column
// heads (with their full names for screen readers) so it fits the console at 1280 px.

const COLS: [string, string][] = [['Economy', 'Econ.'], ['Military', 'Mil.'], ['Stability', 'Stab.'], ['Reputation', 'Rep.'], ['Regions', 'Reg.'], ['Chose this phase', 'Chose']];

function policyText(p: Policy | null, name: (id: string) => string): string {
  if (!p) return '–';
  return `${p.defence}% defence${p.demand ? `, demand of ${name(p.demand)}` : ''}`;
}

export function NationsTable() {
  const { st, rules: s } = useMatch();
  const meta = st.meta!;
  if (!s) return null;
  return (
    <div class="table-wrap" role="region" aria-label="All nations" tabIndex={0}>
      <table class="scores compact" id="teacher-nations">
        <thead>
          <tr>
            <th scope="col">Nation</th><th scope="col">Player</th>
            {COLS.map(([full, short]) => <th key={full} scope="col"><abbr title={full}>{short}</abbr></th>)}
            {st.teacher ? <th scope="col">Sealed policy</th> : null}
          </tr>
        </thead>
        <tbody>
          {s.nations.map((n) => {
            const ex = meta.extra[n.id];
            const holder = meta.players.find((p) => p.nation === n.id);
            return (
              <tr key={n.id}>
                <th scope="row">{n.name}</th>
                <td>{holder ? `${holder.name}${holder.connected ? '' : ' (away)'}` : 'Bot'}</td>
                <td>{n.economy}</td><td>{n.military}</td><td>{n.stability}</td><td>{n.reputation}</td><td>{ex?.regions ?? ''}</td>
                <td>{ex?.chose ? <span aria-label="yes">{'\u2713'}</span> : <span aria-label="not yet">–</span>}</td>
                {st.teacher ? <td>{policyText(st.teacher.policies[n.id] ?? null, (id) => nameIn(s, id))}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
