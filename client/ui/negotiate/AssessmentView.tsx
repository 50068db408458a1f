import type { AssessmentCard } from '../../view/terms.ts';
import { signed } from '../../view/format.ts';

// The assessment card beside a proposal: each factor for you, in words and numbers, with its reason.

export function AssessmentView({ card, id }: { card: AssessmentCard; id: string }) {
  return (
    <div class="assessment" role="group" aria-labelledby={`${id}-t`}>
      <h4 id={`${id}-t`} style="margin:.1rem 0 .3rem">{card.title} ({signed(card.total)})</h4>
      <table>
        <thead class="visually-hidden"><tr><th>Factor</th><th>For you</th><th>Why</th></tr></thead>
        <tbody>
          {card.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td class={`word-${r.word}`}>{r.word} ({signed(r.value)})</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
