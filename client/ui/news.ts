import { h, type Child } from './dom.ts';
import type { Ctx } from './context.ts';
import { withTerms } from './glossary.ts';

// The news of every turn, newest first, with its concept words linked to the glossary; and the events of
// the turn under way.

export function newsPanel(ctx: Ctx): Child[] {
  const st = ctx.st();
  const news = [...(st.game?.news ?? [])].reverse();
  const events = st.meta?.events ?? [];
  return [
    h('h2', {}, 'News'),
    events.length ? h('section', { class: 'news-item', 'aria-label': 'This turn so far' }, h('h3', {}, 'This year so far'), h('ul', {}, ...events.map((e) => h('li', {}, e)))) : '',
    ...news.map((n) => h('article', { class: 'news-item card', 'aria-label': `News of turn ${n.turn}` },
      h('h3', {}, `Year ${n.turn}`),
      h('ul', {}, ...n.lines.map((l) => h('li', {}, ...withTerms(l, n.concepts)))))),
    news.length || events.length ? '' : h('p', { class: 'muted' }, 'The first news comes at the end of turn 1.'),
  ];
}
