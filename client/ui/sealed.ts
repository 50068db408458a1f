import { h, type Child } from './dom.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';
import { callCard } from '../view/calls.ts';
import { term } from './glossary.ts';

// Sealed choices: the policy of the policy phase (guns vs butter, an optional coercive demand) and, when
// an ally calls, honour or abstain with what each costs, before the deadline. Nobody sees them until
// the crisis phase reveals what happened.

let defence: number | null = null;
let demand = '';
let note = '';
let lastTurn = -1;
const callNotes = new Map<string, string>();

export function sealedPanel(ctx: Ctx, rerender: () => void): Child | null {
  const s = ctx.rules();
  const me = ctx.me();
  const st = ctx.st();
  if (!s || !me || s.over) return null;
  if (lastTurn !== s.turn) { lastTurn = s.turn; defence = null; demand = ''; note = ''; }
  const mine = s.nations.find((n) => n.id === me)!;
  if (s.phase === 'policy') {
    const chosen = st.priv?.policy ?? null;
    const value = defence ?? chosen?.defence ?? mine.lastDefence ?? 30;
    const submit = (e: Event) => {
      e.preventDefault();
      const n = note.trim();
      ctx.conn.send('policy', { defence: value, demand: demand || null, ...(n ? { note: n } : {}) });
    };
    return h('form', { class: 'sealed', 'aria-labelledby': 'policy-title', onsubmit: submit },
      h('h2', { id: 'policy-title' }, 'Your sealed policy for this year'),
      h('p', {}, 'Split your output between ', term('defence-share', 'defence'), ' (guns) and investment (butter). Others see your choice only when crises strike.'),
      h('div', { class: 'slider-row' },
        h('label', { for: 'defence' }, `Defence ${value}% · investment ${100 - value}%`),
        h('output', { for: 'defence' }, `${value}%`)),
      h('input', { id: 'defence', type: 'range', min: 0, max: 100, step: 5, value, 'aria-valuetext': `${value} percent to defence`, oninput: (e: Event) => { defence = Number((e.target as HTMLInputElement).value); rerender(); } }),
      h('div', { class: 'field' },
        h('label', { for: 'demand' }, 'Coercive demand (optional)'),
        h('select', { id: 'demand', onchange: (e: Event) => { demand = (e.target as HTMLSelectElement).value; } },
          h('option', { value: '', selected: demand === '' }, 'No demand'),
          ...s.nations.filter((n) => n.id !== me).map((n) => h('option', { value: n.id, selected: demand === n.id }, `Make a demand of ${n.name}`)))),
      h('p', { class: 'muted' }, 'A ', term('coercive-demand', 'demand'), ' backed by your army may start a crisis, and allies owe no help to a member who provoked it.'),
      h('div', { class: 'field' }, h('label', { for: 'policy-note', style: 'font-weight:400' }, 'Why? (decision journal, optional)'),
        h('input', { id: 'policy-note', type: 'text', maxlength: 140, value: note, oninput: (e: Event) => { note = (e.target as HTMLInputElement).value; } })),
      h('div', { class: 'row', style: 'margin-top:.5rem' },
        h('button', { class: 'btn primary', type: 'submit' }, chosen ? 'Change my sealed policy' : 'Seal my policy'),
        chosen ? h('span', { role: 'status' }, `Sealed: ${chosen.defence}% defence${chosen.demand ? `, demand of ${nameIn(s, chosen.demand)}` : ''}.`) : ''));
  }
  if (s.phase === 'crisis') {
    const calls = (st.priv?.calls ?? []).filter((k) => k.ally === me);
    if (!calls.length) return h('div', { class: 'sealed' }, h('h2', {}, 'Crisis phase'), h('p', {}, 'No ally has called on you this year. Watch the map for crises.'));
    return h('section', { class: 'sealed', 'aria-labelledby': 'calls-title' },
      h('h2', { id: 'calls-title' }, 'Your ally calls for help'),
      ...calls.map((k) => {
        const card = callCard(s, k, me);
        const crisis = s.crises.find((c) => c.id === k.crisis);
        const where = crisis ? ` at ${s.regions.find((r) => r.id === crisis.region)?.name ?? crisis.region}` : '';
        const noteId = `call-note-${k.id}`;
        const n = () => { const v = (callNotes.get(noteId) ?? '').trim(); return v ? { note: v } : {}; };
        return h('article', { 'aria-labelledby': `${k.id}-h`, style: 'margin-bottom:.6rem' },
          h('h3', { id: `${k.id}-h` }, card.title),
          h('p', {}, card.honour),
          h('p', {}, card.abstain),
          k.answer ? h('p', { role: 'status' }, h('strong', {}, `Your sealed answer: ${k.answer}.`), ' You may change it until the deadline.') : '',
          h('div', { class: 'field' }, h('label', { for: noteId, style: 'font-weight:400' }, 'Why? (decision journal, optional)'),
            h('input', { id: noteId, type: 'text', maxlength: 140, value: callNotes.get(noteId) ?? '', oninput: (e: Event) => callNotes.set(noteId, (e.target as HTMLInputElement).value) })),
          h('div', { class: 'row', style: 'margin-top:.4rem' },
            h('button', { class: 'btn primary', type: 'button', onclick: () => ctx.conn.send('respond', { call: k.id, answer: 'honour', ...n() }) }, `Honour the call from ${nameIn(s, k.victim)}${where}`),
            h('button', { class: 'btn danger', type: 'button', onclick: () => ctx.conn.send('respond', { call: k.id, answer: 'abstain', ...n() }) }, `Abstain${where}`)));
      }));
  }
  return null;
}
