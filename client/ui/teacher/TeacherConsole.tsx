import { describeTerms } from '../../../shared/rules/index.ts';
import { kindName } from '../../view/terms.ts';
import { useMatch, nameIn } from '../match.ts';
import { Controls } from './Controls.tsx';
import { InjectForm } from './InjectForm.tsx';
import { SeatsForm } from './SeatsForm.tsx';
import { NationsTable } from './NationsTable.tsx';

// The teacher console: the brief, every host control of the server, the seats (late joiners included),
// every nation at a glance, and the negotiations when the match allows it.

export function TeacherConsole() {
  const { st, rules: s, scenario } = useMatch();
  const meta = st.meta;
  if (!meta || !s) return null;
  const brief = scenario.brief;
  return (
    <>
      <h2>Teacher console</h2>
      {brief ? (
        <details class="card" style="margin-bottom:.6rem">
          <summary><strong>Teacher brief: {scenario.title}</strong></summary>
          <p>{scenario.lesson ?? ''}</p>
          <h4>Goals</h4><ul>{brief.goals.map((g) => <li key={g}>{g}</li>)}</ul>
          <p><strong>Timing: </strong>{brief.timing}</p>
          <h4>Watch for</h4><ul>{brief.watchFor.map((g) => <li key={g}>{g}</li>)}</ul>
        </details>
      ) : null}
      <Controls />
      <InjectForm />
      <SeatsForm />
      <h3>All nations</h3>
      <NationsTable />
      <h3>Negotiations</h3>
      {!meta.teacherReads ? <p class="muted">This match keeps negotiations private (set when it was created).</p>
        : st.teacher ? (
          <div>
            <ul>{st.teacher.proposals.slice(-20).reverse().map((p) => <li key={p.id}>{nameIn(s, p.from)} {'\u2192'} {p.to.map((x) => nameIn(s, x)).join(', ')}: {kindName(p.terms.kind)} ({describeTerms(s, p.terms)}), {p.status}</li>)}</ul>
            <h4>Chat</h4>
            <ul class="chatlog">{st.teacher.chat.slice(-30).map((c) => <li key={c.id}><strong>{c.fromName} {'\u2192'} {c.to === 'all' ? 'everyone' : nameIn(s, c.to)}: </strong>{c.text}</li>)}</ul>
          </div>
        ) : <p class="muted">Nothing yet.</p>}
    </>
  );
}
