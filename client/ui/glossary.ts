import { GLOSSARY, glossaryEntry } from '../../shared/glossary.ts';
import { h, nextId, type Child } from './dom.ts';

// Glossary words: an inline button that shows the definition as a tooltip (hover or focus) and opens the
// side panel on click; and the side panel itself.

let openPanel: ((key: string) => void) | null = null;
export function onGlossaryOpen(f: (key: string) => void): void {
  openPanel = f;
}

// Keep a tooltip inside the window: shift it left when the word sits near the right edge.
function placeTip(e: Event): void {
  const gl = (e.target as HTMLElement | null)?.closest?.('.gl');
  const tip = gl?.querySelector<HTMLElement>('.tip');
  if (!gl || !tip) return;
  tip.style.left = '0px';
  requestAnimationFrame(() => {
    const r = tip.getBoundingClientRect();
    const over = r.right - (window.innerWidth - 8);
    if (over > 0) tip.style.left = `${-Math.min(over, gl.getBoundingClientRect().left - 8)}px`;
  });
}
if (typeof document !== 'undefined') {
  document.addEventListener('mouseover', placeTip);
  document.addEventListener('focusin', placeTip);
}

/** A concept word, explained on hover/focus (title + described-by) and in the panel on click. */
export function term(key: string, text?: string): Child {
  const e = glossaryEntry(key);
  if (!e) return text ?? key;
  const id = nextId('gl');
  return h('span', { class: 'gl' },
    h('button', { type: 'button', class: 'glossary-term', 'aria-describedby': id, onclick: () => openPanel?.(key) }, text ?? e.term),
    h('span', { id, class: 'tip', role: 'tooltip' }, e.definition));
}

/** Turn a news line into text with glossary buttons for the concept words it contains. */
export function withTerms(line: string, keys: readonly string[]): Child[] {
  const entries = keys.map((k) => ({ k, e: GLOSSARY[k] })).filter((x) => x.e).sort((a, b) => b.e!.term.length - a.e!.term.length);
  if (!entries.length) return [line];
  const pattern = new RegExp(`(${entries.map((x) => x.e!.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return line.split(pattern).map((part, i) => {
    if (i % 2 === 0) return part;
    const hit = entries.find((x) => x.e!.term.toLowerCase() === part.toLowerCase());
    return hit ? term(hit.k, part) : part;
  });
}

export function glossaryPanel(focus: string | null): HTMLElement {
  const keys = Object.keys(GLOSSARY).sort((a, b) => GLOSSARY[a]!.term.localeCompare(GLOSSARY[b]!.term));
  return h('section', { class: 'glossary', 'aria-labelledby': 'glossary-title' },
    h('h2', { id: 'glossary-title' }, 'Glossary'),
    h('dl', {}, ...keys.flatMap((k) => [
      h('dt', { id: `gl-${k}`, tabindex: -1, class: focus === k ? 'focus' : '' }, GLOSSARY[k]!.term),
      h('dd', {}, GLOSSARY[k]!.definition, GLOSSARY[k]!.where ? h('span', { class: 'muted', style: 'display:block;font-size:.9rem' }, `In the game: ${GLOSSARY[k]!.where}`) : ''),
    ])),
    // The same glossary as a page of its own, opened beside the game (issue 7).
    h('p', {}, h('a', { href: `/glossary${focus ? `#${focus}` : ''}`, target: '_blank', rel: 'noopener' }, 'Open the glossary as a page (new tab)')));
}
