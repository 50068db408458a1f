import { INTEREST_LABELS } from '../../shared/rules/index.ts';
import type { Interest } from '../../shared/types.ts';
import { h, render } from './dom.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';

// The end screen: scores by national interest, the winner, and the link to the replay.

export function endScreen(root: HTMLElement, ctx: Ctx, onLeave: () => void): () => void {
  const draw = () => {
    const st = ctx.st();
    const s = ctx.rules();
    const meta = st.meta;
    if (!meta) return;
    const winners = meta.winners.map((w) => nameIn(s, w));
    const me = ctx.me();
    const id = meta.matchId ?? meta.code;
    render(root, h('div', { class: 'end stack' },
      h('h1', { tabindex: -1, id: 'end-title' }, 'The match is over'),
      winners.length ? h('p', { class: 'winner' }, `${winners.join(' and ')} ${winners.length > 1 ? 'share first place' : 'wins'}!`) : h('p', { class: 'winner' }, 'Final scores'),
      h('p', {}, 'Each nation scored by its own secret national interest: prosperity, security, standing and autonomy weigh differently for each.'),
      h('table', { class: 'scores' },
        h('caption', { class: 'visually-hidden' }, 'Scores by national interest'),
        h('thead', {}, h('tr', {}, ...['Rank', 'Nation', 'National interest', 'Prosperity', 'Security', 'Standing', 'Autonomy', 'Score'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, ...meta.scores.map((sc, i) => h('tr', {},
          h('td', {}, String(i + 1)),
          h('th', { scope: 'row' }, nameIn(s, sc.nation), sc.nation === me ? ' (you)' : ''),
          h('td', {}, INTEREST_LABELS[sc.interest as Interest] ?? sc.interest),
          h('td', {}, sc.prosperity), h('td', {}, sc.security), h('td', {}, sc.standing), h('td', {}, sc.autonomy),
          h('td', {}, h('strong', {}, sc.total)))))),
      h('p', { class: 'row' },
        h('a', { href: `/replay/${encodeURIComponent(id)}` }, 'Watch the replay of this match'),
        h('a', { href: `/debrief/${encodeURIComponent(id)}` }, 'Open the class debrief')),
      h('div', { class: 'row' }, h('button', { class: 'btn', type: 'button', onclick: onLeave }, 'Back to the home page'))));
  };
  draw();
  document.getElementById('end-title')?.focus();
  return ctx.conn.store.subscribe(draw);
}
