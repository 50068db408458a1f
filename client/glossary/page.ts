import { GLOSSARY } from '../../shared/glossary.ts';
import { h, render } from '../ui/dom.ts';
import '../debrief/debrief.css';

// The glossary as a page of its own (/glossary, /glossary#entrapment): every concept in two plain
// sentences and where it shows in the game. Linked from the debrief's concept words and the home page.

export function glossaryPage(root: HTMLElement): void {
  document.title = 'Entente \u00b7 glossary';
  const keys = Object.keys(GLOSSARY).sort((a, b) => GLOSSARY[a]!.term.replace(/^the /, '').localeCompare(GLOSSARY[b]!.term.replace(/^the /, '')));
  render(root, h('div', { class: 'debrief glossary-page' },
    h('nav', { class: 'row no-print', 'aria-label': 'Pages' }, h('a', { href: '/' }, 'Home'), h('a', { href: '/matches' }, 'All matches')),
    h('h1', { id: 'glossary-page-title', tabindex: -1 }, 'Glossary'),
    h('p', { class: 'lesson' }, 'The ideas of international relations that Entente makes you live through, in plain words, and where to see each one in the game.'),
    h('dl', {}, ...keys.flatMap((k) => {
      const e = GLOSSARY[k]!;
      return [
        h('dt', { id: k, tabindex: -1 }, e.term),
        h('dd', {}, h('p', { style: 'margin:0' }, e.definition), h('p', { class: 'where' }, h('strong', {}, 'In the game: '), e.where)),
      ];
    }))));
  const target = decodeURIComponent(location.hash.slice(1));
  const el = (target && document.getElementById(target)) || document.getElementById('glossary-page-title');
  el?.focus();
  el?.scrollIntoView({ block: 'start' });
}
