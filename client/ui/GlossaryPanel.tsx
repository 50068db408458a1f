import { useEffect } from 'preact/hooks';
import { GLOSSARY } from '../../shared/glossary.ts';

// The glossary tab of the game: every concept, the one asked about highlighted and focused.

export function GlossaryPanel({ focus }: { focus: string | null }) {
  const keys = Object.keys(GLOSSARY).sort((a, b) => GLOSSARY[a]!.term.localeCompare(GLOSSARY[b]!.term));
  useEffect(() => { if (focus) document.getElementById(`gl-${focus}`)?.focus(); }, [focus]);
  return (
    <section class="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">Glossary</h2>
      <dl>
        {keys.map((k) => [
          <dt key={`t-${k}`} id={`gl-${k}`} tabIndex={-1} class={focus === k ? 'focus' : ''}>{GLOSSARY[k]!.term}</dt>,
          <dd key={`d-${k}`}>{GLOSSARY[k]!.definition}{GLOSSARY[k]!.where ? <span class="muted" style="display:block;font-size:.9rem">In the game: {GLOSSARY[k]!.where}</span> : null}</dd>,
        ])}
      </dl>
      {/* The same glossary as a page of its own, opened beside the game. */}
      <p><a href={`/glossary${focus ? `#${focus}` : ''}`} target="_blank" rel="noopener">Open the glossary as a page (new tab)</a></p>
    </section>
  );
}
