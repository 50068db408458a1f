import type { NationId } from '../../shared/types.ts';
import { h, render, type Child } from './dom.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';
import { clock, phaseHint, phaseLine, secondsLeft } from '../view/format.ts';
import { mapData, type MapData } from '../view/mapModel.ts';
import { kindName } from '../view/terms.ts';
import { negotiatePanel, startAmend } from './negotiate.ts';
import { treatiesPanel } from './treaties.ts';
import { chatPanel, totalUnread } from './chat.ts';
import { newsPanel } from './news.ts';
import { nationPanel } from './nation.ts';
import { sealedPanel } from './sealed.ts';
import { teacherPanel } from './teacher.ts';
import { glossaryPanel, onGlossaryOpen, term } from './glossary.ts';
import { showTutorial, tutorialDone } from './tutorial.ts';
import { patternSvg } from './patterns.ts';
import type { ScenarioNation } from '../../shared/types.ts';

// The game screen: a top bar (phase, countdown, my key stats), the Phaser map with a DOM overlay
// (nation buttons for keyboard selection, details, legend), and the side panels in tabs.

type Tab = 'negotiate' | 'nation' | 'treaties' | 'chat' | 'news' | 'glossary' | 'teacher';

export function gameScreen(root: HTMLElement, ctx: Ctx, onLeave: () => void): () => void {
  const st0 = ctx.st();
  const teacherOnly = st0.isHost && !ctx.me();
  let tab: Tab = teacherOnly ? 'teacher' : 'negotiate';
  let selected: NationId | null = null;
  let glossaryFocus: string | null = null;
  let projector = false;
  let lastKey = '';

  const topbar = h('header', { class: 'topbar' });
  const clockEl = h('span', { class: 'clock', role: 'timer', 'aria-label': 'Time left in this phase' }, '–');
  const mapEl = h('div', { class: 'mapcanvas', style: 'position:absolute;inset:0' });
  const overlayNations = h('div', { class: 'map-nations', role: 'group', 'aria-label': 'Select a nation on the map', title: 'Pick a nation (or click it on the map) for its details' });
  const details = h('aside', { class: 'map-details', 'aria-live': 'polite', 'aria-label': 'Nation details' });
  const legend = h('details', { class: 'map-legend', open: !window.matchMedia('(max-width: 900px)').matches });
  const zoom = h('div', { class: 'row map-zoom' },
    h('button', { class: 'btn small', type: 'button', 'aria-label': 'Zoom in', onclick: () => zoomBy(1.25) }, '+'),
    h('button', { class: 'btn small', type: 'button', 'aria-label': 'Zoom out', onclick: () => zoomBy(0.8) }, '\u2212'),
    h('button', { class: 'btn small', type: 'button', onclick: () => ctx.bus.emit('map:fit', {}) }, 'Fit'));
  const mapwrap = h('section', { class: 'mapwrap', 'aria-label': 'Map of the sea', 'data-renderer': 'loading' }, mapEl, overlayNations, details, legend, zoom);
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Panels' });
  const banner = h('div', {});
  const sealed = h('div', {});
  const panel = h('div', { class: 'panel', role: 'tabpanel', id: 'panel', tabindex: 0 });
  const side = h('section', { class: 'side', 'aria-label': 'Diplomacy panels' }, banner, sealed, tabs, panel);
  const ticker = h('div', { class: 'ticker', 'aria-hidden': 'true' });
  const layout = h('div', { class: 'game' }, topbar, mapwrap, side);

  let zoomBy = (_f: number) => {};
  let mapApi: { destroy(): void; zoom(f: number): void } | null = null;

  const getMap = (): MapData | null => {
    const s = ctx.rules();
    if (!s) return null;
    const extra = ctx.st().meta?.extra ?? {};
    return mapData(ctx.scenario(), s, ctx.me(), selected, extra);
  };

  onGlossaryOpen((key) => {
    glossaryFocus = key;
    tab = 'glossary';
    draw(true);
    document.getElementById(`gl-${key}`)?.focus();
  });

  const select = (id: NationId | null) => {
    selected = id;
    drawOverlay();
    ctx.bus.emit('nation:select', { nation: id, source: 'panel' });
  };
  const offSelect = ctx.bus.on('nation:select', (e) => {
    if (e.source === 'map') { selected = e.nation; drawOverlay(); }
  });
  const offReady = ctx.bus.on('map:ready', (e) => mapwrap.setAttribute('data-renderer', e.renderer));

  const toggleProjector = () => {
    projector = !projector;
    if (projector) document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    document.body.classList.toggle('projector', projector);
    if (projector) layout.appendChild(ticker); else ticker.remove();
    draw(true);
    setTimeout(() => ctx.bus.emit('map:fit', {}), 50);
  };

  function drawTopbar(): void {
    const st = ctx.st();
    const s = ctx.rules();
    const me = ctx.me();
    const mine = s?.nations.find((n) => n.id === me);
    const sc = ctx.scenario().nations.find((n) => n.id === me) as ScenarioNation | undefined;
    const phase = s ? (s.over ? 'over' : s.phase) : 'lobby';
    render(topbar,
      h('span', { class: 'row' }, sc ? patternSvg(sc.pattern, sc.color, 26) : '', h('strong', {}, mine ? mine.name : projector ? 'Entente' : 'Teacher')),
      h('span', { class: 'phase' }, s ? phaseLine(s.turn, s.turns, phase) : ''),
      clockEl,
      st.meta?.paused ? h('strong', {}, 'Paused') : '',
      h('span', { class: 'hint' }, phaseHint(phase)),
      mine && !projector ? h('span', { class: 'stats', 'aria-label': 'Your key stats' },
        h('span', {}, `Economy ${mine.economy}`), h('span', {}, `Military ${mine.military}`), h('span', {}, `Stability ${mine.stability}`), h('span', {}, `Reputation ${mine.reputation}`)) : '',
      projector ? h('button', { class: 'btn small', type: 'button', onclick: toggleProjector }, 'Leave projector view') : '',
      !projector ? h('button', { class: 'btn small', type: 'button', onclick: () => showTutorial() }, 'Guide') : '',
      !projector ? h('button', { class: 'btn small', type: 'button', onclick: () => { if (confirm('Leave this match? You can rejoin with the code and your nickname.')) onLeave(); } }, 'Leave') : '',
    );
    tickClock();
  }

  function tickClock(): void {
    const meta = ctx.st().meta;
    if (!meta) return;
    const left = meta.paused ? meta.remaining : secondsLeft(meta.deadline, ctx.now());
    clockEl.textContent = clock(left);
  }

  function drawOverlay(): void {
    const s = ctx.rules();
    const st = ctx.st();
    const me = ctx.me();
    if (!s) return;
    render(overlayNations, ...s.nations.map((n) => h('button', { type: 'button', 'aria-pressed': selected === n.id ? 'true' : 'false', onclick: () => select(selected === n.id ? null : n.id) }, n.name, n.id === me ? ' (you)' : '')));
    const n = selected ? s.nations.find((x) => x.id === selected) : undefined;
    details.hidden = !n;
    if (!n) {
      render(details);
    } else {
      const rel = !projector && me && me !== n.id ? st.priv?.relations?.[n.id] : undefined;
      const together = me && me !== n.id ? s.treaties.filter((t) => t.parties.includes(me) && t.parties.includes(n.id)) : [];
      const ex = st.meta?.extra[n.id];
      const holder = st.meta?.players.find((p) => p.nation === n.id);
      render(details,
        h('div', { class: 'row', style: 'justify-content:space-between;flex-wrap:nowrap' },
          h('h3', { style: 'margin:0 0 .3rem' }, n.name),
          h('button', { class: 'btn small', type: 'button', 'aria-label': `Close the details of ${n.name}`, onclick: () => select(null) }, '\u00d7')),
        h('p', { style: 'margin:0' }, holder ? `Played by ${holder.name}` : 'Played by a bot'),
        h('ul', { style: 'margin:.3rem 0 0 1rem;padding:0' },
          h('li', {}, term('reputation', 'Reputation'), ` ${n.reputation}`),
          ex ? h('li', {}, `Trust others place in it: ${ex.trustReceived}`) : '',
          rel ? h('li', {}, 'Your ', term('trust'), ` in it: ${rel.trust}`) : '',
          rel && rel.ties ? h('li', {}, term('ties', 'Ties'), `: ${rel.ties} · your `, term('dependence'), `: ${rel.dependence}`) : '',
          h('li', {}, `Economy ${n.economy} · military ${n.military} · stability ${n.stability}`),
          ex ? h('li', {}, `Regions held: ${ex.regions}`) : '',
          together.length ? h('li', {}, `Your treaties with it: ${together.map((t) => kindName(t.terms.kind).toLowerCase()).join(', ')}`) : me && me !== n.id && !projector ? h('li', {}, 'No treaty with you.') : ''));
    }
    const wasOpen = legend.open;
    render(legend,
      h('summary', {}, h('strong', {}, 'Legend')),
      h('div', {}, lineSample(false, 4), ' Defensive alliance (solid)'),
      h('div', {}, lineSample(true, 3), ' Strategic partnership (dashed, thicker with ties)'),
      h('div', {}, h('span', { 'aria-hidden': 'true', style: 'color:#a3261b;font-weight:900' }, '\u26a0'), ' Crisis: attacker \u2192 target'),
      h('div', {}, h('span', { 'aria-hidden': 'true' }, '\u2605'), ' Capital · patterns tell nations apart'));
    legend.open = wasOpen;
  }

  function drawTabs(): void {
    const st = ctx.st();
    const me = ctx.me();
    const incoming = (st.priv?.proposals ?? []).filter((p) => p.status === 'open' && me && p.to.includes(me) && !p.accepted.includes(me)).length;
    const unread = totalUnread(ctx, tab === 'chat');
    const list: [Tab, string, number][] = [];
    if (me) list.push(['negotiate', 'Negotiate', incoming]);
    if (me) list.push(['nation', 'My nation', 0]);
    list.push(['treaties', 'Treaties', 0]);
    list.push(['chat', 'Chat', unread]);
    list.push(['news', 'News', 0]);
    list.push(['glossary', 'Glossary', 0]);
    if (st.isHost) list.push(['teacher', 'Teacher', 0]);
    const order = list.map((x) => x[0]);
    render(tabs, ...list.map(([id, label, badge]) => h('button', {
      role: 'tab', type: 'button', id: `tab-${id}`, 'aria-selected': tab === id ? 'true' : 'false', 'aria-controls': 'panel', tabindex: tab === id ? 0 : -1,
      onclick: () => { tab = id; draw(true); },
      onkeydown: (e: Event) => {
        const k = (e as KeyboardEvent).key;
        if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
        const i = order.indexOf(tab);
        tab = order[(i + (k === 'ArrowRight' ? 1 : order.length - 1)) % order.length]!;
        draw(true);
        document.getElementById(`tab-${tab}`)?.focus();
      },
    }, label, badge ? h('span', { class: 'badge unread', 'aria-label': `${badge} new` }, ` ${badge}`) : '')));
    panel.setAttribute('aria-labelledby', `tab-${tab}`);
  }

  function drawPanel(): void {
    const keep = side.scrollTop;
    queueMicrotask(() => { side.scrollTop = keep; });
    const rerender = () => draw(true);
    let content: Child[];
    switch (tab) {
      case 'negotiate': content = negotiatePanel(ctx, rerender); break;
      case 'treaties': content = treatiesPanel(ctx, (t) => { const me = ctx.me(); if (me) startAmend(t, me); tab = 'negotiate'; draw(true); document.getElementById('composer-title')?.focus(); }); break;
      case 'chat': content = chatPanel(ctx, rerender); break;
      case 'news': content = newsPanel(ctx); break;
      case 'nation': content = nationPanel(ctx); break;
      case 'glossary': content = [glossaryPanel(glossaryFocus)]; break;
      case 'teacher': content = teacherPanel(ctx, toggleProjector); break;
    }
    render(panel, ...content);
    render(sealed, sealedPanel(ctx, rerender));
    const st = ctx.st();
    const meP = st.meta?.players.find((p) => p.id === st.playerId);
    const seated = (st.meta?.players ?? []).filter((p) => p.nation && p.connected && !p.bot);
    const s = ctx.rules();
    const canBeDone = !!meP?.nation && !!s && !s.over && ['diplomacy', 'policy', 'crisis'].includes(s.phase);
    render(banner,
      st.meta?.teacherReads && ctx.me() ? h('p', { class: 'banner' }, 'Your teacher can read the negotiations in this match.') : '',
      st.meta?.publishNegotiations && ctx.me() && st.game?.turn === 1 ? h('p', { class: 'banner' }, 'After the match, negotiations and your decision-journal notes are shown in the class debrief.') : '',
      canBeDone ? h('div', { class: 'row', style: 'margin:.4rem' },
        h('button', { class: `btn small ${meP!.ready ? '' : 'primary'}`, type: 'button', 'aria-pressed': meP!.ready ? 'true' : 'false', onclick: () => ctx.conn.send('ready', { ready: !meP!.ready }) },
          meP!.ready ? 'Done \u2713 (press to undo)' : 'I\u2019m done with this phase'),
        h('span', { class: 'muted' }, `${seated.filter((p) => p.ready).length} of ${seated.length} players done; the phase ends when all are.`)) : '',
      st.error ? h('p', { class: 'banner', role: 'alert' }, st.error) : '');
  }

  function drawTicker(): void {
    const st = ctx.st();
    const last = st.game?.news.at(-1);
    const lines = [...(st.meta?.events ?? []), ...(last ? last.lines : [])];
    const s = ctx.rules();
    const treaties = s ? s.treaties.map((t) => `${kindName(t.terms.kind)}: ${t.parties.map((p) => nameIn(s, p)).join(' \u2013 ')}`) : [];
    render(ticker, h('span', {}, [...lines, ...treaties].join('   \u2022   ') || 'Entente'));
  }

  function contentKey(): string {
    const st = ctx.st();
    const m = st.meta;
    return JSON.stringify([st.game, st.priv, st.chat.length, st.teacher, st.error, m && { ...m, deadline: 0, clockOffset: 0, remaining: 0 }]);
  }

  let tutorialChecked = false;
  let lastPhase = '';
  /** Lead the student to what the new phase asks: the news when it comes, the sealed choice, the table again. */
  function followPhase(): void {
    const s = ctx.rules();
    if (!s) return;
    const phase = `${s.turn}:${s.phase}`;
    if (phase === lastPhase) return;
    const first = lastPhase === '';
    lastPhase = phase;
    if (first || projector) return;
    const typing = document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'text';
    if (typing) return;
    if (tab === 'teacher') return; // the teacher's console never jumps away under the teacher's hands
    if (s.phase === 'news') tab = 'news';
    else if (s.phase === 'diplomacy' && ctx.me() && tab === 'news') tab = 'negotiate';
    if ((s.phase === 'policy' || s.phase === 'crisis') && ctx.me() && window.matchMedia('(max-width: 900px)').matches) {
      setTimeout(() => sealed.scrollIntoView({ block: 'start', behavior: 'smooth' }), 50);
    }
  }
  function draw(force = false): void {
    followPhase();
    if (!tutorialChecked && ctx.me() && !projector) {
      tutorialChecked = true;
      if (!tutorialDone()) setTimeout(() => showTutorial(), 300);
    }
    const key = contentKey();
    if (!force && key === lastKey) { tickClock(); return; }
    lastKey = key;
    drawTopbar();
    drawOverlay();
    drawTabs();
    drawPanel();
    if (projector) drawTicker();
    ctx.bus.emit('model:update', { version: ctx.st().version });
  }

  render(root, layout);
  draw(true);
  const off = ctx.conn.store.subscribe(() => draw());
  const timer = setInterval(tickClock, 500);

  // The map: Phaser is loaded only now, after joining, in its own chunk.
  void import('../game/index.ts').then((m) => {
    if (!layout.isConnected) return;
    mapApi = m.mountMap(mapEl, getMap, ctx.bus);
    zoomBy = (f) => mapApi?.zoom(f);
  }).catch((e: unknown) => {
    mapwrap.setAttribute('data-renderer', 'failed');
    render(details, h('p', { class: 'error' }, `The map could not start (${String(e)}). The panels still work.`));
  });


  return () => {
    off(); offSelect(); offReady();
    clearInterval(timer);
    mapApi?.destroy();
    document.body.classList.remove('projector');
  };
}

function lineSample(dashed: boolean, width: number): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', '40');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('sample');
  const l = document.createElementNS(NS, 'line');
  l.setAttribute('x1', '2'); l.setAttribute('y1', '6'); l.setAttribute('x2', '38'); l.setAttribute('y2', '6');
  l.setAttribute('stroke', dashed ? '#0a5c8a' : '#1d232b');
  l.setAttribute('stroke-width', String(width));
  if (dashed) l.setAttribute('stroke-dasharray', '6 4');
  svg.appendChild(l);
  return svg;
}
