import { CRISIS_TYPES } from '../../shared/types.ts';
import { describeTerms } from '../../shared/rules/index.ts';
import { h, type Child } from './dom.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';
import { kindName } from '../view/terms.ts';

// The teacher console: every host control of the server, an overview of every nation, the negotiations
// when the match allows it, and the switch to the projector view.

let injectType: string = 'invasion';
let injectTarget = '';
let injectSeverity = 50;
let movePlayer = '';
let moveNation = '';

export function teacherPanel(ctx: Ctx, toggleProjector: () => void): Child[] {
  const st = ctx.st();
  const s = ctx.rules();
  const meta = st.meta;
  if (!meta || !s) return [];
  const send = ctx.conn.send.bind(ctx.conn);
  if (!s.nations.some((n) => n.id === injectTarget) && s.nations[0]) injectTarget = s.nations[0].id;
  if (movePlayer && !meta.players.some((p) => p.id === movePlayer)) movePlayer = '';
  if (moveNation && !s.nations.some((n) => n.id === moveNation)) moveNation = '';
  const players = meta.players.filter((p) => !p.host || p.nation);
  const brief = ctx.scenario().brief;
  return [
    h('h2', {}, 'Teacher console'),
    brief ? h('details', { class: 'card', style: 'margin-bottom:.6rem' },
      h('summary', {}, h('strong', {}, `Teacher brief: ${ctx.scenario().title}`)),
      h('p', {}, ctx.scenario().lesson ?? ''),
      h('h4', {}, 'Goals'), h('ul', {}, ...brief.goals.map((g) => h('li', {}, g))),
      h('p', {}, h('strong', {}, 'Timing: '), brief.timing),
      h('h4', {}, 'Watch for'), h('ul', {}, ...brief.watchFor.map((g) => h('li', {}, g)))) : '',
    h('div', { class: 'row', role: 'group', 'aria-label': 'Match controls' },
      meta.paused ? h('button', { class: 'btn primary', type: 'button', onclick: () => send('resume', {}) }, 'Resume') : h('button', { class: 'btn', type: 'button', onclick: () => send('pause', {}) }, 'Pause'),
      h('button', { class: 'btn', type: 'button', onclick: () => send('extend', { seconds: 60 }) }, '+1 minute'),
      h('button', { class: 'btn', type: 'button', onclick: () => send('extend', { seconds: -30 }) }, '\u221230 seconds'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => send('advance', { phase: s.phase }) }, 'Next phase now'),
      h('button', { class: 'btn', type: 'button', 'aria-pressed': meta.chatFrozen ? 'true' : 'false', onclick: () => send('freezeChat', { frozen: !meta.chatFrozen }) }, meta.chatFrozen ? 'Unfreeze chat' : 'Freeze chat'),
      h('button', { class: 'btn', type: 'button', onclick: toggleProjector }, 'Projector view'),
      h('button', { class: 'btn danger', type: 'button', onclick: () => { if (confirm('End the match now for everyone?')) send('endMatch', {}); } }, 'End the match')),
    h('fieldset', { style: 'margin-top:.6rem' }, h('legend', {}, 'Inject a crisis'),
      h('div', { class: 'row' },
        h('label', { for: 'inj-type' }, 'Type'),
        h('select', { id: 'inj-type', onchange: (e: Event) => { injectType = (e.target as HTMLSelectElement).value; } }, ...CRISIS_TYPES.map((c) => h('option', { value: c, selected: c === injectType }, c))),
        h('label', { for: 'inj-target' }, 'Target'),
        h('select', { id: 'inj-target', onchange: (e: Event) => { injectTarget = (e.target as HTMLSelectElement).value; } }, ...s.nations.map((n) => h('option', { value: n.id, selected: n.id === injectTarget }, n.name))),
        h('label', { for: 'inj-sev' }, 'Severity'),
        h('input', { id: 'inj-sev', type: 'number', min: 1, max: 100, value: injectSeverity, style: 'width:5rem', onchange: (e: Event) => { injectSeverity = Math.max(1, Math.min(100, Number((e.target as HTMLInputElement).value) || 50)); } }),
        h('button', { class: 'btn', type: 'button', onclick: () => send('inject', { crisis: injectType as (typeof CRISIS_TYPES)[number], target: injectTarget, severity: injectSeverity }) }, 'Inject'))),
    h('fieldset', { style: 'margin-top:.6rem' }, h('legend', {}, 'Seats'),
      h('div', { class: 'row' },
        h('label', { for: 'mv-player' }, 'Player'),
        h('select', { id: 'mv-player', onchange: (e: Event) => { movePlayer = (e.target as HTMLSelectElement).value; } }, h('option', { value: '' }, 'Choose\u2026'), ...players.map((p) => h('option', { value: p.id, selected: p.id === movePlayer }, p.name))),
        h('label', { for: 'mv-nation' }, 'to'),
        h('select', { id: 'mv-nation', onchange: (e: Event) => { moveNation = (e.target as HTMLSelectElement).value; } }, h('option', { value: '' }, 'Choose\u2026'), ...s.nations.map((n) => h('option', { value: n.id, selected: n.id === moveNation }, n.name))),
        h('button', { class: 'btn', type: 'button', disabled: !movePlayer || !moveNation, onclick: () => send('moveSeat', { player: movePlayer, nation: moveNation }) }, 'Move'),
        h('button', { class: 'btn danger', type: 'button', disabled: !movePlayer, onclick: () => { if (confirm('Remove this player from the match?')) send('kick', { player: movePlayer }); } }, 'Remove player'))),
    h('h3', {}, 'All nations'),
    h('div', { style: 'overflow:auto' }, h('table', { class: 'scores' },
      h('thead', {}, h('tr', {}, ...['Nation', 'Player', 'Economy', 'Military', 'Stability', 'Reputation', 'Regions', 'Chose', ...(st.teacher ? ['Sealed policy'] : [])].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...s.nations.map((n) => {
        const ex = meta.extra[n.id];
        const holder = meta.players.find((p) => p.nation === n.id);
        return h('tr', {}, h('th', { scope: 'row' }, n.name), h('td', {}, holder ? `${holder.name}${holder.connected ? '' : ' (away)'}` : 'Bot'),
          h('td', {}, n.economy), h('td', {}, n.military), h('td', {}, n.stability), h('td', {}, n.reputation), h('td', {}, ex?.regions ?? ''), h('td', {}, ex?.chose ? '\u2713' : ''),
          st.teacher ? h('td', {}, policyText(st.teacher.policies[n.id] ?? null, (id) => nameIn(s, id))) : '');
      })))),
    h('h3', {}, 'Negotiations'),
    !meta.teacherReads ? h('p', { class: 'muted' }, 'This match keeps negotiations private (set when it was created).')
      : st.teacher ? h('div', {},
        h('ul', {}, ...st.teacher.proposals.slice(-20).reverse().map((p) => h('li', {}, `${nameIn(s, p.from)} \u2192 ${p.to.map((x) => nameIn(s, x)).join(', ')}: ${kindName(p.terms.kind)} (${describeTerms(s, p.terms)}), ${p.status}`))),
        h('h4', {}, 'Chat'),
        h('ul', { class: 'chatlog' }, ...st.teacher.chat.slice(-30).map((c) => h('li', {}, h('strong', {}, `${c.fromName} \u2192 ${c.to === 'all' ? 'everyone' : nameIn(s, c.to)}: `), c.text))))
      : h('p', { class: 'muted' }, 'Nothing yet.'),
  ];
}

function policyText(p: { defence: number; demand: string | null } | null, name: (id: string) => string): string {
  if (!p) return '–';
  return `${p.defence}% defence${p.demand ? `, demand of ${name(p.demand)}` : ''}`;
}
