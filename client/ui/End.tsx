import { INTEREST_LABELS } from '../../shared/rules/index.ts';
import type { Interest } from '../../shared/types.ts';
import { useMatch, nameIn } from './match.ts';

// The end screen: scores by national interest, the winner, the replay and the debrief. On a phone the
// table drops to the columns that fit (nation, interest, score); the replay has every figure.

export function End({ onLeave }: { onLeave: () => void }) {
  const { st, rules: s, me } = useMatch();
  const meta = st.meta!;
  const winners = meta.winners.map((w) => nameIn(s, w));
  const id = meta.matchId;
  return (
    <div class="end stack">
      <h1 id="end-title">The match is over</h1>
      <p class="winner">{winners.length ? `${winners.join(' and ')} ${winners.length > 1 ? 'share first place' : 'wins'}!` : 'Final scores'}</p>
      <p>Each nation scored by its own secret national interest: prosperity, security, standing and autonomy weigh differently for each.</p>
      <div class="table-wrap">
        <table class="scores end-scores">
          <caption class="visually-hidden">Scores by national interest</caption>
          <thead><tr>{['Rank', 'Nation', 'National interest', 'Prosperity', 'Security', 'Standing', 'Autonomy', 'Score'].map((x) => <th key={x} scope="col">{x}</th>)}</tr></thead>
          <tbody>
            {meta.scores.map((sc, i) => (
              <tr key={sc.nation}>
                <td>{i + 1}</td>
                <th scope="row">{nameIn(s, sc.nation)}{sc.nation === me ? ' (you)' : ''}</th>
                <td>{INTEREST_LABELS[sc.interest as Interest]?.split(':')[0] ?? sc.interest}</td>
                <td>{sc.prosperity}</td><td>{sc.security}</td><td>{sc.standing}</td><td>{sc.autonomy}</td>
                <td><strong>{sc.total}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="row">
        <a href={`/replay/${encodeURIComponent(id)}`}>Watch the replay of this match</a>
        <a href={`/debrief/${encodeURIComponent(id)}`}>Open the class debrief</a>
      </p>
      <div class="row"><button class="btn" type="button" onClick={onLeave}>Back to the home page</button></div>
    </div>
  );
}
