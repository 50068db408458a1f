import type { Store } from '../state/store.ts';
import type { AppState } from '../state/model.ts';
import { phaseHint, phaseLine } from '../view/format.ts';

// Screen-reader announcements through the page's polite live region (#live in index.html), and the
// lines said when the phase changes or the news comes. The region is outside the Preact tree, so a
// re-render never cuts a sentence short.

export function announce(text: string): void {
  const region = document.getElementById('live');
  if (!region) return;
  const p = document.createElement('p');
  p.textContent = text;
  region.append(p);
  while (region.childNodes.length > 5) region.firstChild?.remove();
}

/** Say each new phase and each year's news once. */
export function announcePhases(store: Store<AppState>, say: (text: string) => void = announce): () => void {
  return store.subscribe((st, prev) => {
    const g = st.game;
    const was = prev.game;
    if (!g || !was || !st.meta?.started || st.meta.over || prev.meta?.code !== st.meta.code) return;
    if (was.phase !== g.phase || was.turn !== g.turn) say(`${phaseLine(g.turn, g.turns, g.phase)}. ${phaseHint(g.phase)}`);
    if (g.news.length > was.news.length) {
      const item = g.news[g.news.length - 1]!;
      say(`News of turn ${item.turn}: ${item.lines.join(' ')}`);
    }
  });
}
