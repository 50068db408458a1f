import { roleSheet, INTEREST_LABELS } from '../../shared/rules/index.ts';
import type { Interest } from '../../shared/types.ts';
import { h, type Child } from './dom.ts';
import { term } from './glossary.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';

// "My nation": the role sheet (situation, neighbours, strengths and needs, exposure), the secret national
// interest that weights the final score, and this nation's relations with every other.

const RESOURCE_WORD: Record<string, string> = { industry: 'industry', agriculture: 'farming', energy: 'energy', technology: 'technology' };

export function nationPanel(ctx: Ctx): Child[] {
  const st = ctx.st();
  const s = ctx.rules();
  const me = ctx.me();
  if (!s || !me) return [];
  const scenario = ctx.scenario();
  let sheet: ReturnType<typeof roleSheet> | null = null;
  try { sheet = roleSheet(scenario, me, s.nations.length); } catch { sheet = null; }
  const interest = st.priv?.interest ? INTEREST_LABELS[st.priv.interest as Interest] : sheet?.interest;
  const mine = s.nations.find((n) => n.id === me)!;
  const relations = st.priv?.relations ?? {};
  return [
    h('h2', {}, `${mine.name}: your role`),
    sheet ? h('p', {}, sheet.situation) : '',
    interest ? h('p', { class: 'banner', style: 'margin:.4rem 0' }, 'Your secret ', term('national-interest'), `: ${interest}`) : '',
    sheet ? h('ul', {},
      h('li', {}, `Strongest resource: ${RESOURCE_WORD[sheet.strongest]}; weakest: ${RESOURCE_WORD[sheet.weakest]}. Partners strong where you are weak gain you most (`, term('complementarity'), ').'),
      h('li', {}, sheet.neighbours.length ? `Neighbours: ${sheet.neighbours.join(', ')}.` : 'No close neighbours.'),
      h('li', {}, sheet.exposure)) : '',
    h('h3', {}, 'Your standing now'),
    h('p', {}, `Economy ${mine.economy} · military ${mine.military} · stability ${mine.stability} · `, term('reputation', 'reputation'), ` ${mine.reputation}`),
    h('h3', {}, 'Your relations'),
    h('div', { style: 'overflow:auto' }, h('table', { class: 'scores' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Nation'), h('th', { scope: 'col' }, 'Your trust'), h('th', { scope: 'col' }, 'Ties'), h('th', { scope: 'col' }, 'Your dependence'))),
      h('tbody', {}, ...s.nations.filter((n) => n.id !== me).map((n) => {
        const r = relations[n.id];
        return h('tr', {}, h('th', { scope: 'row' }, nameIn(s, n.id)), h('td', {}, r ? String(r.trust) : '–'), h('td', {}, r ? String(r.ties) : '–'), h('td', {}, r ? String(r.dependence) : '–'));
      })))),
    h('p', { class: 'muted' }, term('trust', 'Trust'), ' runs from \u2212100 to 100; ', term('ties'), ' from 0 to 5; ', term('dependence'), ' from 0 to 100.'),
  ];
}
