import type { GameState, NationId, Terms } from '../../../shared/types.ts';
import { termChanges } from '../../view/terms.ts';

// What a counter-proposal changes, term by term: old value → new value.

export function CounterChanges({ s, before, after, parties, title = 'What changes' }: { s: GameState; before: Terms; after: Terms; parties: NationId[]; title?: string }) {
  const changes = termChanges(s, before, after, parties);
  return (
    <div class="changes" role="group" aria-label={title}>
      <h4 style="margin:.3rem 0">{title}</h4>
      {changes.length ? (
        <ul class="change-list">
          {changes.map((c) => <li key={c.key}><strong>{c.label}:</strong> <del>{c.from}</del> {'\u2192'} <ins>{c.to}</ins></li>)}
        </ul>
      ) : <p class="muted" style="margin:0">No term changed yet.</p>}
    </div>
  );
}
