import { useEffect } from 'preact/hooks';
import { GLOSSARY } from '../../shared/glossary.ts';
import '../debrief/debrief.css';

// The glossary as a page of its own (/glossary, /glossary#entrapment): every concept in two plain
// sentences and where it shows in the game. Linked from the debrief's concept words and the home page.

export function GlossaryPage() {
  const keys = Object.keys(GLOSSARY).sort((a, b) => GLOSSARY[a]!.term.replace(/^the /, '').localeCompare(GLOSSARY[b]!.term.replace(/^the /, '')));
  useEffect(() => {
    document.title = 'Entente \u00b7 glossary';
    const target = decodeURIComponent(location.hash.slice(1));
    const el = target ? document.getElementById(target) : null;
    if (el) { el.focus({ preventScroll: true }); el.scrollIntoView({ block: 'start' }); }
  }, []);
  return (
    <div class="debrief glossary-page">
      <nav class="row no-print" aria-label="Pages"><a href="/">Home</a><a href="/matches">All matches</a></nav>
      <h1 id="glossary-page-title">Glossary</h1>
      <p class="lesson">The ideas of international relations that Entente makes you live through, in plain words, and where to see each one in the game.</p>
      <dl>
        {keys.flatMap((k) => {
          const e = GLOSSARY[k]!;
          return [
            <dt key={`t-${k}`} id={k} tabIndex={-1}>{e.term}</dt>,
            <dd key={`d-${k}`}><p style="margin:0">{e.definition}</p><p class="where"><strong>In the game: </strong>{e.where}</p></dd>,
          ];
        })}
      </dl>
    </div>
  );
}
