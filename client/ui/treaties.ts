import { h, type Child } from './dom.ts';
import type { Treaty } from '../../shared/types.ts';
import { kindName, treatyStatus } from '../view/terms.ts';
import { reviewDue } from '../../shared/rules/index.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';
import { term } from './glossary.ts';

// Active treaties: mine first with review dates, exit notice, review decisions and breaking (with an
// optional one-line rationale); then every public treaty on the sea.

const notes = new Map<string, string>();
const take = (id: string): { note?: string } => {
  const v = (notes.get(id) ?? '').trim();
  notes.delete(id);
  return v ? { note: v } : {};
};

export function treatiesPanel(ctx: Ctx, amend: (t: Treaty) => void): Child[] {
  const s = ctx.rules();
  const me = ctx.me();
  if (!s) return [h('p', {}, 'No treaties yet.')];
  const mine = me ? s.treaties.filter((t) => t.parties.includes(me)) : [];
  const rest = s.treaties.filter((t) => !me || !t.parties.includes(me));
  return [
    me ? h('section', { 'aria-labelledby': 'my-treaties' },
      h('h2', { id: 'my-treaties' }, `Your treaties (${mine.length})`),
      mine.length ? '' : h('p', { class: 'muted' }, 'You have no treaties yet. Use "Negotiate" to propose one.'),
      ...mine.map((t) => {
        const noteId = `tnote-${t.id}`;
        const due = reviewDue(s, t) && !t.reviewed.includes(me);
        return h('article', { class: 'card proposal', 'aria-labelledby': `${t.id}-h` },
          h('h3', { id: `${t.id}-h` }, `${kindName(t.terms.kind)} with ${t.parties.filter((p) => p !== me).map((p) => nameIn(s, p)).join(', ')}`),
          h('ul', { style: 'margin:0 0 .4rem 1rem;padding:0' }, ...treatyStatus(s, t, me).map((l) => h('li', {}, l))),
          h('div', { class: 'field' }, h('label', { for: noteId, style: 'font-weight:400' }, 'Why? (decision journal, optional)'),
            h('input', { id: noteId, type: 'text', maxlength: 140, value: notes.get(noteId) ?? '', oninput: (e: Event) => notes.set(noteId, (e.target as HTMLInputElement).value) })),
          h('div', { class: 'row', style: 'margin-top:.4rem' },
            due ? h('button', { class: 'btn primary', type: 'button', onclick: () => ctx.conn.send('review', { treaty: t.id, decision: 'renew', ...take(noteId) }) }, 'Renew at review') : '',
            due ? h('button', { class: 'btn', type: 'button', onclick: () => ctx.conn.send('review', { treaty: t.id, decision: 'leave', ...take(noteId) }) }, 'Leave freely at review') : '',
            due ? h('button', { class: 'btn', type: 'button', onclick: () => amend(t) }, 'Amend the terms') : '',
            t.noticeBy ? '' : h('button', { class: 'btn', type: 'button', onclick: () => ctx.conn.send('notice', { treaty: t.id, ...take(noteId) }) }, 'Give exit notice'),
            h('button', { class: 'btn danger', type: 'button', onclick: () => {
              if (confirm('Break this treaty now? Breaking is public and costs reputation.')) ctx.conn.send('break', { treaty: t.id, ...take(noteId) });
            } }, 'Break it now')),
          h('p', { class: 'muted' }, 'Leaving with ', term('exit-notice'), ' is lawful; breaking is public and costs ', term('reputation'), '.'));
      })) : '',
    h('section', { 'aria-labelledby': 'all-treaties' },
      h('h2', { id: 'all-treaties' }, me ? 'Other treaties on the sea' : `Treaties on the sea (${s.treaties.length})`),
      rest.length ? h('ul', {}, ...rest.map((t) => h('li', {}, `${kindName(t.terms.kind)}: ${t.parties.map((p) => nameIn(s, p)).join(', ')} (since turn ${t.signed}${t.noticeBy ? `, ending turn ${t.endsAt}` : ''})`))) : h('p', { class: 'muted' }, 'None.')),
  ];
}
