import { roleSheet, INTEREST_LABELS } from '../../shared/rules/index.ts';
import type { Interest } from '../../shared/types.ts';
import { useMatch, nameIn } from './match.ts';
import { Term } from './Term.tsx';

// "My nation": the role sheet (situation, neighbours, strengths and needs, exposure), the secret national
// interest that weights the final score, and this nation's relations with every other.

const RESOURCE_WORD: Record<string, string> = { industry: 'industry', agriculture: 'farming', energy: 'energy', technology: 'technology' };

export function NationPanel() {
  const { st, rules: s, me, scenario } = useMatch();
  if (!s || !me) return null;
  let sheet: ReturnType<typeof roleSheet> | null = null;
  try { sheet = roleSheet(scenario, me, s.nations.length); } catch { sheet = null; }
  const interest = st.priv?.interest ? INTEREST_LABELS[st.priv.interest as Interest] : sheet?.interest;
  const mine = s.nations.find((n) => n.id === me)!;
  const relations = st.priv?.relations ?? {};
  return (
    <>
      <h2>{mine.name}: your role</h2>
      {sheet ? <p>{sheet.situation}</p> : null}
      {interest ? <p class="banner" style="margin:.4rem 0">Your secret <Term k="national-interest" />: {interest}</p> : null}
      {sheet ? (
        <ul>
          <li>Strongest resource: {RESOURCE_WORD[sheet.strongest]}; weakest: {RESOURCE_WORD[sheet.weakest]}. Partners strong where you are weak gain you most (<Term k="complementarity" />).</li>
          <li>{sheet.neighbours.length ? `Neighbours: ${sheet.neighbours.join(', ')}.` : 'No close neighbours.'}</li>
          <li>{sheet.exposure}</li>
        </ul>
      ) : null}
      <h3>Your standing now</h3>
      <p>Economy {mine.economy} · military {mine.military} · stability {mine.stability} · <Term k="reputation">reputation</Term> {mine.reputation}</p>
      <h3>Your relations</h3>
      <div class="table-wrap">
        <table class="scores">
          <thead><tr><th scope="col">Nation</th><th scope="col">Your trust</th><th scope="col">Ties</th><th scope="col">Your dependence</th></tr></thead>
          <tbody>
            {s.nations.filter((n) => n.id !== me).map((n) => {
              const r = relations[n.id];
              return <tr key={n.id}><th scope="row">{nameIn(s, n.id)}</th><td>{r ? r.trust : '–'}</td><td>{r ? r.ties : '–'}</td><td>{r ? r.dependence : '–'}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <p class="muted"><Term k="trust">Trust</Term> runs from {'\u2212'}100 to 100; <Term k="ties" /> from 0 to 5; <Term k="dependence" /> from 0 to 100.</p>
    </>
  );
}
