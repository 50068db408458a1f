import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { signal } from '@preact/signals';
import { GLOSSARY, glossaryEntry } from '../../shared/glossary.ts';

// Glossary words: an inline button that shows the definition as a tooltip (hover or focus) and opens
// the glossary tab on click (the game screen listens to `glossaryFocus`).

/** The concept the student last asked about (null: none); the game screen opens its glossary tab on it. */
export const glossaryFocus = signal<{ key: string; at: number } | null>(null);

// Keep a tooltip inside the window: shift it left when the word sits near the right edge.
function placeTip(e: Event): void {
  const gl = (e.currentTarget as HTMLElement | null);
  const tip = gl?.querySelector<HTMLElement>('.tip');
  if (!gl || !tip) return;
  tip.style.left = '0px';
  const r = tip.getBoundingClientRect();
  const over = r.right - (window.innerWidth - 8);
  if (over > 0) tip.style.left = `${-Math.min(over, gl.getBoundingClientRect().left - 8)}px`;
}

/** A concept word, explained on hover/focus (described-by) and in the glossary tab on click. */
export function Term({ k, children }: { k: string; children?: ComponentChildren }) {
  const id = useId();
  const e = glossaryEntry(k);
  if (!e) return <>{children ?? k}</>;
  return (
    <span class="gl" onMouseEnter={placeTip} onFocusIn={placeTip}>
      <button type="button" class="glossary-term" aria-describedby={id} onClick={() => { glossaryFocus.value = { key: k, at: Date.now() }; }}>{children ?? e.term}</button>
      <span id={id} class="tip" role="tooltip">{e.definition}</span>
    </span>
  );
}

/** A news line with glossary buttons on the concept words it names. */
export function WithTerms({ line, keys }: { line: string; keys: readonly string[] }) {
  const entries = keys.map((k) => ({ k, e: GLOSSARY[k] })).filter((x) => x.e).sort((a, b) => b.e!.term.length - a.e!.term.length);
  if (!entries.length) return <>{line}</>;
  const pattern = new RegExp(`(${entries.map((x) => x.e!.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return (
    <>
      {line.split(pattern).map((part, i) => {
        if (i % 2 === 0) return part;
        const hit = entries.find((x) => x.e!.term.toLowerCase() === part.toLowerCase());
        return hit ? <Term k={hit.k}>{part}</Term> : part;
      })}
    </>
  );
}
