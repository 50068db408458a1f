import type { CreateOptions } from '../../shared/protocol/messages.ts';
import type { GameState, MatchFile, NationId } from '../../shared/types.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { describeTerms, PHASE_INFO, winners } from '../../shared/rules/index.ts';
import { EventBus } from '../game/bus.ts';
import type { MapApi } from '../game/index.ts';
import { mapData, crisisMarkers, type MapData } from '../view/mapModel.ts';
import { h, render, announce } from '../ui/dom.ts';
import { patternSvg } from '../ui/patterns.ts';
import { ApiError, downloadFile, fetchMatchFile, fetchNegotiations, replayUrl } from '../archive/api.ts';
import type { ChartHandle } from '../charts/index.ts';
import {
  chartSeries, chatAt, currentMoment, eventsAt, forkTurn, frameIndexAt, lastPosition, makeReplay, nameOf, positionFromQuery,
  positionLabel, queryFor, quickPosition, reasonsAt, stateAt, statsAt, turnStarts, type Replay,
} from './model.ts';
import './replay.css';

// The replay viewer (/replay/<id>): the live game's Phaser map, read-only, driven in the browser by
// shared/history (a replay of the match file); a timeline scrubber by year and phase with play / pause /
// step and speed; at each point every nation's figures, treaties, crises and outcomes, that year's news
// and the bots' one-line reasons; key moments to jump to; negotiations only if the host published them;
// deep links (?turn=5&phase=crisis), copy link, export, "fork from this year", and charts (uPlot).

export interface ReplayDeps {
  /** Host a new live match (the home page's path): used for "fork from this year". */
  host(options: CreateOptions): Promise<void>;
}

type Tab = 'nations' | 'year' | 'treaties' | 'moments';
const TABS: { id: Tab; label: string }[] = [
  { id: 'nations', label: 'Nations' },
  { id: 'year', label: 'This year' },
  { id: 'treaties', label: 'Treaties' },
  { id: 'moments', label: 'Key moments' },
];
const SPEEDS = [0.5, 1, 2, 4];
const STEP_MS = 1200;
const CHARTS = [
  { key: 'economy', title: 'Economy', description: 'Output of each nation.' },
  { key: 'military', title: 'Military', description: 'Military strength of each nation.' },
  { key: 'reputation', title: 'Reputation', description: 'How reliable each nation looks to the others.' },
  { key: 'trustReceived', title: 'Trust received', description: 'Average trust the other nations place in each nation.' },
] as const;

export function replayPage(root: HTMLElement, id: string, deps: ReplayDeps): () => void {
  let alive = true;
  let mapApi: MapApi | null = null;
  let playTimer: ReturnType<typeof setInterval> | null = null;
  const charts: ChartHandle[] = [];
  const bus = new EventBus();
  // Phaser loads while the match file is fetched and replayed.
  const gameModule = import('../game/index.ts');
  gameModule.catch(() => undefined);

  document.title = `Entente \u00b7 replay ${id}`;
  render(root, h('div', { class: 'replay-loading home' },
    h('h1', {}, `Replay of match ${id}`),
    h('p', { role: 'status', id: 'replay-status' }, 'Loading the match\u2026')));

  const fail = (message: string) => {
    if (!alive) return;
    render(root, h('div', { class: 'home stack' },
      h('h1', { tabindex: -1, id: 'replay-error-title' }, `Replay of match ${id}`),
      h('p', { class: 'error', role: 'alert' }, message),
      h('p', {}, h('a', { href: '/matches' }, 'Back to the match archive'))));
  };

  // The match as loaded (set once fetched); `complete` turns true when the whole log is replayed.
  let fullFile: MatchFile | null = null;
  let published = false;
  let chat: ChatLine[] = [];
  let complete = false;

  void (async () => {
    let first: Replay;
    let startAt = 0;
    let whole = true;
    try {
      const [file, neg] = await Promise.all([fetchMatchFile(id), fetchNegotiations(id).catch(() => ({ published: false, chat: [] as ChatLine[] }))]);
      performance.mark('replay-fetched');
      fullFile = file;
      published = neg.published;
      chat = neg.chat;
      // The first frame needs only the log up to the position shown (the start, or a deep link's moment):
      // replay that prefix now, and the whole match just after the first frame is on screen.
      const params = new URLSearchParams(location.search);
      const linked = params.has('turn') || params.has('at');
      const quick = linked ? quickPosition(file, params) : 0;
      const built = makeReplay(id, quick === null ? file : { ...file, actions: file.actions.slice(0, quick) }, published, chat);
      performance.mark('replay-built');
      if (!built.ok) return fail(built.message);
      first = built.replay;
      startAt = quick ?? positionFromQuery(first, params) ?? 0;
      whole = quick === null || quick === file.actions.length;
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      return fail(status === 404 ? 'There is no match with that code in the archive.' : status === 409 ? 'This match is still being played: its replay opens when it ends.' : `The match could not be loaded: ${(e as Error).message}`);
    }
    if (!alive) return;
    mount(first, startAt, whole);
  })();

  function mount(first: Replay, startAt: number, isComplete: boolean): void {
    let r = first;
    const file = fullFile!;
    const scenario = getScenario(file.scenario)!;
    const colors = new Map(scenario.nations.map((n) => [n.id, n]));
    let last = lastPosition(r);
    let frames = r.history.frames;
    let pos = startAt;
    let selected: NationId | null = null;
    let tab: Tab = 'nations';
    let speed = 1;
    let current: MapData | null = null;

    // ---------------------------------------------------------------- controls
    const slider = h('input', {
      id: 'replay-scrubber', type: 'range', min: 0, max: frames.length - 1, step: 1, value: frameIndexAt(r, pos),
      'aria-label': 'Timeline: year and phase', oninput: () => { stop(); go(frames[Number(slider.value)]!.index); },
    });
    const where = h('output', { id: 'replay-position', for: 'replay-scrubber', class: 'position', 'aria-live': 'polite' });
    const btn = (idAttr: string, label: string, icon: string, onclick: () => void, text?: string) =>
      h('button', { id: idAttr, class: 'btn small', type: 'button', 'aria-label': label, title: label, onclick }, icon ? h('span', { 'aria-hidden': 'true' }, icon) : null, text ? `${icon ? ' ' : ''}${text}` : '');
    const prevYear = btn('replay-prev-year', 'Previous year', '\u00ab', () => { stop(); go(yearStart(-1)); }, 'Year');
    const stepBack = btn('replay-step-back', 'Step back one phase', '\u2039', () => { stop(); step(-1); }, 'Phase');
    const playBtn = btn('replay-play', 'Play', '\u25b6', () => (playTimer ? stop() : play()), 'Play');
    const stepFwd = btn('replay-step', 'Step forward one phase', '', () => { stop(); step(1); }, 'Phase \u203a');
    const nextYear = btn('replay-next-year', 'Next year', '', () => { stop(); go(yearStart(1)); }, 'Year \u00bb');
    const speedSel = h('select', { id: 'replay-speed', 'aria-label': 'Playback speed', onchange: () => { speed = Number(speedSel.value); if (playTimer) { stop(); play(); } } },
      ...SPEEDS.map((s) => h('option', { value: s, selected: s === speed }, `${s}\u00d7`)));
    const timeline = h('div', { class: 'timeline', role: 'group', 'aria-label': 'Replay controls', 'aria-busy': isComplete ? null : 'true' },
      h('div', { class: 'transport' }, prevYear, stepBack, playBtn, stepFwd, nextYear,
        h('label', { class: 'speed' }, h('span', { class: 'visually-hidden' }, 'Speed'), speedSel)),
      h('div', { class: 'scrub' }, slider, where));

    const copyStatus = h('span', { role: 'status', class: 'copy-status', id: 'copy-status' });
    const linkFor = () => `${location.origin}${replayUrl(id)}${queryFor(r, pos)}`;
    const copyBtn = h('button', { id: 'replay-copy', class: 'btn small', type: 'button', onclick: async () => {
      const link = linkFor();
      try {
        await navigator.clipboard.writeText(link);
        copyStatus.textContent = 'Link copied.';
      } catch {
        window.prompt('Copy this link:', link);
        copyStatus.textContent = '';
      }
      setTimeout(() => { copyStatus.textContent = ''; }, 3000);
    } }, 'Copy link');
    copyBtn.setAttribute('aria-label', 'Copy a link to this moment of the replay');
    const exportBtn = h('button', { id: 'replay-export', class: 'btn small', type: 'button', onclick: () => { downloadFile(file, id); announce('Match file downloaded.'); } }, 'Download');
    exportBtn.setAttribute('aria-label', 'Download the match file (JSON)');
    const forkBtn = h('button', { id: 'replay-fork', class: 'btn small primary', type: 'button', onclick: () => openFork() }, 'Fork from this year\u2026');

    // ---------------------------------------------------------------- panels
    const mapEl = h('div', { class: 'map-canvas', id: 'replay-map' });
    const mapCaption = h('p', { class: 'visually-hidden', id: 'replay-map-caption' });
    const mapwrap = h('section', { class: 'mapwrap replay-map', 'aria-label': 'Map of the match at this moment', 'aria-describedby': 'replay-map-caption', 'data-renderer': 'loading' },
      mapEl, mapCaption,
      h('div', { class: 'map-zoom row' },
        h('button', { class: 'btn small', type: 'button', 'aria-label': 'Zoom in', onclick: () => mapApi?.zoom(1.25) }, '+'),
        h('button', { class: 'btn small', type: 'button', 'aria-label': 'Zoom out', onclick: () => mapApi?.zoom(0.8) }, '\u2212'),
        h('button', { class: 'btn small', type: 'button', 'aria-label': 'Fit the map', onclick: () => bus.emit('map:fit', {}) }, 'Fit')));
    const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Details of this moment' });
    const panel = h('div', { class: 'panel', role: 'tabpanel', id: 'replay-panel', tabindex: 0 });
    const side = h('aside', { class: 'side replay-side', 'aria-label': 'Details' }, tablist, panel);
    const chartsEl = h('div', { class: 'chart-grid', id: 'replay-charts' }, h('p', { class: 'muted' }, 'Loading the charts\u2026'));

    const top = h('header', { class: 'replay-top' },
      h('div', {},
        h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Entente'), ' \u203a ', h('a', { href: '/matches' }, 'Match archive'), ' \u203a Replay'),
        h('h1', { id: 'replay-title' }, `Replay of ${id}`, h('span', { class: 'muted scenario-name' }, ` \u00b7 ${scenario.title}`)),
        file.parent ? h('p', { class: 'family' }, 'What-if fork of ', h('a', { href: replayUrl(file.parent.id) }, file.parent.id), ` from year ${file.parent.turn} `,
          h('button', { class: 'btn small', type: 'button', id: 'replay-fork-start', onclick: () => { stop(); go(quickPosition(file, new URLSearchParams(`turn=${file.parent!.turn}`)) ?? 0); } }, `Go to year ${file.parent.turn}, where it begins`)) : null),
      h('div', { class: 'row actions' }, copyBtn, exportBtn, forkBtn, copyStatus));

    const layout = h('div', { class: 'replay' },
      top, timeline,
      h('div', { class: 'replay-main' }, mapwrap, side),
      h('section', { class: 'replay-charts', 'aria-labelledby': 'charts-title' },
        h('h2', { id: 'charts-title' }, 'Over the years'),
        h('p', { class: 'muted' }, 'Year 0 is the start; each later point is the end of that year. The dashed vertical line is the year shown above.'),
        chartsEl));
    render(root, layout);

    // ---------------------------------------------------------------- drawing
    const swatch = (nation: string) => {
      const sc = colors.get(nation);
      return sc ? patternSvg(sc.pattern, sc.color, 16) : null;
    };

    function drawTabs(): void {
      render(tablist, ...TABS.map((t) => h('button', {
        role: 'tab', id: `tab-${t.id}`, type: 'button', 'aria-selected': String(t.id === tab), 'aria-controls': 'replay-panel', tabindex: t.id === tab ? 0 : -1,
        onclick: () => { tab = t.id; drawTabs(); drawPanel(); },
        onkeydown: (ev: Event) => {
          const e = ev as KeyboardEvent;
          const i = TABS.findIndex((x) => x.id === tab);
          const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
          if (next < 0) return;
          e.preventDefault();
          tab = TABS[next]!.id;
          drawTabs();
          drawPanel();
          document.getElementById(`tab-${tab}`)?.focus();
        },
      }, t.label)));
      panel.setAttribute('aria-labelledby', `tab-${tab}`);
    }

    const winnerNames = (s: GameState): string => winners(s).map((n) => nameOf(s, n)).join(' and ');

    function nationsPanel(s: GameState): HTMLElement {
      const rows = statsAt(r, pos);
      return h('div', { class: 'stack' },
        h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Figures of every nation', tabindex: 0 },
          h('table', { class: 'stats', id: 'replay-stats' },
            h('caption', {}, `Every nation at ${positionLabel(r, pos)}`),
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, 'Nation'),
              ...[['Economy', 'Econ.'], ['Military', 'Mil.'], ['Stability', 'Stab.'], ['Reputation', 'Rep.'], ['Technology', 'Tech.'], ['Trust received', 'Trust'], ['Regions', 'Reg.'], ['Score', 'Score']]
                .map(([full, short]) => h('th', { scope: 'col', 'data-col': full }, h('abbr', { title: full }, short))))),
            h('tbody', {}, ...rows.map((n) => h('tr', { 'data-nation': n.nation, class: n.nation === selected ? 'selected' : '' },
              h('th', { scope: 'row' },
                h('button', { class: 'linkish', type: 'button', 'aria-pressed': String(n.nation === selected), 'aria-label': `${n.name}${n.player ? `, played by ${n.player}` : ', a bot'}: show on the map`, onclick: () => select(n.nation === selected ? null : n.nation) },
                  swatch(n.nation), ' ', n.name),
                h('span', { class: 'player muted' }, n.player ?? 'bot')),
              h('td', { 'data-col': 'Economy' }, n.economy), h('td', { 'data-col': 'Military' }, n.military), h('td', { 'data-col': 'Stability' }, n.stability),
              h('td', { 'data-col': 'Reputation' }, n.reputation), h('td', { 'data-col': 'Technology' }, n.technology), h('td', { 'data-col': 'Trust received' }, n.trustReceived),
              h('td', { 'data-col': 'Regions' }, n.regions), h('td', { 'data-col': 'Score' }, n.score)))))),
        s.over ? h('p', { class: 'winner-line', id: 'replay-winner' }, h('span', { 'aria-hidden': 'true' }, '\u2605 '),
          `${winnerNames(s)} ${winners(s).length > 1 ? 'share first place' : 'won the match'}.`) : null,
        h('p', { class: 'muted small' }, `Pressure of ${s.revisionistName}: ${s.pressure}. ${s.over ? 'Final scores' : 'Scores are what each nation would score now'}, by each nation's own national interest.`));
    }

    function yearPanel(s: GameState): HTMLElement {
      const events = eventsAt(r, pos);
      const reasons = reasonsAt(r, pos);
      const crises = crisisMarkers(s);
      const chat = chatAt(r, pos);
      const news = s.news.find((n) => n.turn === s.turn);
      return h('div', { class: 'stack' },
        h('h2', {}, `Year ${s.turn}`, h('span', { class: 'muted' }, ` \u00b7 ${s.over ? 'the end' : PHASE_INFO[s.phase].title}`)),
        h('section', { 'aria-labelledby': 'y-crises' },
          h('h3', { id: 'y-crises' }, 'Crises'),
          crises.length ? h('ul', { id: 'replay-crises' }, ...crises.map((c) => h('li', { class: `crisis outcome-${c.outcome}` }, c.label))) : h('p', { class: 'muted' }, 'No crisis so far this year.')),
        h('section', { 'aria-labelledby': 'y-news' },
          h('h3', { id: 'y-news' }, news ? 'News of the year' : 'What happened so far'),
          news ? h('ul', { id: 'replay-news' }, ...news.lines.map((l) => h('li', {}, l))) : null,
          !news && events.length ? h('ul', { id: 'replay-events' }, ...events.map((e) => h('li', { class: e.private ? 'private' : '' }, e.text))) : null,
          !news && !events.length ? h('p', { class: 'muted' }, 'Nothing yet: the year has just begun.') : null),
        h('section', { 'aria-labelledby': 'y-reasons' },
          h('h3', { id: 'y-reasons' }, 'Reasons given'),
          reasons.length ? h('ul', { id: 'replay-reasons', class: 'reasons' }, ...reasons.map((x) => h('li', {},
            h('strong', {}, x.name), h('span', { class: 'muted' }, ` ${x.bot ? '(bot)' : '(journal)'} \u00b7 ${x.type}: `), x.note)))
            : h('p', { class: 'muted' }, 'No reasons recorded yet this year.')),
        h('section', { 'aria-labelledby': 'y-neg' },
          h('h3', { id: 'y-neg' }, 'Negotiations'),
          r.published
            ? (chat.length ? h('ul', { id: 'replay-chat', class: 'chatlog' }, ...chat.map((l) => h('li', {}, h('strong', {}, l.fromName), ` to ${l.to === 'all' ? 'everyone' : nameOf(s, l.to)}: `, l.text)))
              : h('p', { class: 'muted' }, 'No messages this year. Proposals and answers appear under "What happened".'))
            : h('p', { class: 'muted', id: 'replay-private' }, 'The host kept this match\u2019s negotiations private: messages, proposals under discussion and players\u2019 journals are not shown. Signed treaties and public events are.')));
    }

    function treatiesPanel(s: GameState): HTMLElement {
      if (!s.treaties.length) return h('p', { class: 'muted' }, 'No treaty in force at this moment.');
      return h('ul', { class: 'treaty-list', id: 'replay-treaties' }, ...s.treaties.map((t) => h('li', { class: 'term' },
        h('strong', {}, t.terms.kind === 'alliance' ? 'Defensive alliance' : 'Strategic partnership'), ': ',
        t.parties.map((p) => nameOf(s, p)).join(', '),
        h('p', { class: 'line' }, `Signed in year ${t.signed}; ${describeTerms(s, t.terms)}.`, t.noticeBy ? ` ${nameOf(s, t.noticeBy)} gave notice: it ends in year ${t.endsAt}.` : ''))));
    }

    function momentsPanel(): HTMLElement {
      if (!r.moments.length) return h('p', { class: 'muted' }, 'No key moments in this match.');
      const cur = currentMoment(r, pos);
      return h('ol', { class: 'moments', id: 'replay-moments' }, ...r.moments.map((m, i) => h('li', {},
        h('button', { type: 'button', class: 'moment', 'aria-current': i === cur ? 'step' : null, onclick: () => { stop(); go(m.index); } },
          h('span', { class: 'when' }, `Year ${m.turn} \u00b7 ${PHASE_INFO[m.phase].title}`),
          h('span', { class: 'what' }, m.text),
          m.concepts.length ? h('span', { class: 'concepts' }, ...m.concepts.map((c) => h('span', { class: 'badge' }, c.replace(/-/g, ' ')))) : null))));
    }

    function drawPanel(): void {
      const s = stateAt(r, pos);
      render(panel, tab === 'nations' ? nationsPanel(s) : tab === 'year' ? yearPanel(s) : tab === 'treaties' ? treatiesPanel(s) : momentsPanel());
    }

    function draw(): void {
      const s = stateAt(r, pos);
      const label = positionLabel(r, pos);
      where.textContent = label;
      slider.value = String(frameIndexAt(r, pos));
      slider.setAttribute('aria-valuetext', label);
      stepBack.disabled = pos <= 0;
      prevYear.disabled = pos <= 0;
      stepFwd.disabled = pos >= last;
      nextYear.disabled = pos >= last;
      forkBtn.textContent = `Fork from year ${forkTurn(r, pos)}\u2026`;
      current = mapData(scenario, s, null, selected);
      mapCaption.textContent = `${label}. ${s.treaties.length} treaties in force. ${crisisMarkers(s).map((c) => c.label).join('; ')}`;
      drawPanel();
      bus.emit('model:update', { version: pos });
      for (const c of charts) c.setMarker(s.over ? s.turn : Math.max(0, s.turn - 1));
      if (complete) history.replaceState(null, '', `${replayUrl(id)}${queryFor(r, pos)}`);
    }

    function go(p: number): void {
      pos = Math.max(0, Math.min(last, p));
      draw();
    }

    /** One phase boundary forward or back (from a position between boundaries, to the nearest one). */
    function step(dir: 1 | -1): void {
      const i = frameIndexAt(r, pos);
      const atFrame = frames[i]!.index === pos;
      const target = dir > 0 ? frames[i + 1] : atFrame ? frames[i - 1] : frames[i];
      if (target) go(target.index);
      else if (dir > 0) go(last);
    }

    function yearStart(dir: 1 | -1): number {
      const starts = turnStarts(r);
      const turn = stateAt(r, pos).turn;
      if (dir > 0) return starts.find((x) => x.turn > turn)?.pos ?? last;
      const here = starts.find((x) => x.turn === turn)!;
      if (here.pos < pos) return here.pos;
      return [...starts].reverse().find((x) => x.turn < turn)?.pos ?? 0;
    }

    function play(): void {
      if (pos >= last) go(0);
      playBtn.replaceChildren(h('span', { 'aria-hidden': 'true' }, '\u23f8'), ' Pause');
      playBtn.setAttribute('aria-label', 'Pause');
      playBtn.title = 'Pause';
      playTimer = setInterval(() => {
        if (pos >= last) { stop(); return; }
        step(1);
      }, STEP_MS / speed);
    }

    function stop(): void {
      if (playTimer) clearInterval(playTimer);
      playTimer = null;
      playBtn.replaceChildren(h('span', { 'aria-hidden': 'true' }, '\u25b6'), ' Play');
      playBtn.setAttribute('aria-label', 'Play');
      playBtn.title = 'Play';
    }

    function select(n: NationId | null): void {
      selected = n;
      bus.emit('nation:select', { nation: n, source: 'panel' });
    }
    bus.on('nation:select', (e) => {
      selected = e.nation;
      if (e.source === 'map') draw();
      else { current = current ? { ...current, selected } : current; drawPanel(); }
    });

    // ---------------------------------------------------------------- fork
    function openFork(): void {
      stop();
      const turn = forkTurn(r, pos);
      const err = h('p', { class: 'error', role: 'alert', id: 'fork-error' });
      const name = h('input', { id: 'fork-name', type: 'text', maxlength: 16, value: 'Teacher', required: true, autocomplete: 'nickname' });
      const turns = h('input', { id: 'fork-turns', type: 'number', min: turn, max: 60, value: Math.max(turn, file.settings.turns) });
      const plays = h('input', { id: 'fork-plays', type: 'checkbox' });
      const publish = h('input', { id: 'fork-publish', type: 'checkbox' });
      const submit = h('button', { class: 'btn primary', type: 'submit', id: 'fork-submit' }, 'Create the fork');
      const dialog = h('dialog', { class: 'card fork-dialog', 'aria-labelledby': 'fork-title' });
      const close = () => { dialog.close(); dialog.remove(); forkBtn.focus(); };
      render(dialog, h('form', { class: 'stack', method: 'dialog', onsubmit: async (e: Event) => {
        e.preventDefault();
        err.textContent = '';
        submit.disabled = true;
        submit.textContent = 'Creating\u2026';
        try {
          await deps.host({
            scenario: file.scenario, seats: file.players.length,
            turns: Math.max(turn, Math.min(60, Math.round(Number(turns.value) || file.settings.turns))),
            hostName: name.value.trim() || 'Teacher', hostPlays: plays.checked, publishNegotiations: publish.checked,
            fork: { match: id, turn },
          });
        } catch (x) {
          err.textContent = `The fork could not be created: ${(x as Error).message}`;
          submit.disabled = false;
          submit.textContent = 'Create the fork';
        }
      } },
        h('h2', { id: 'fork-title' }, `What if\u2026? Fork from year ${turn}`),
        h('p', {}, `A new live match starts at the beginning of year ${turn} of this one, with the same nations, treaties and history up to there, and a new room code. Students join with that code and play on; bots play every nation no one takes.`),
        h('div', { class: 'field' }, h('label', { for: 'fork-name' }, 'Your name (host)'), name),
        h('div', { class: 'field' }, h('label', { for: 'fork-turns' }, `Last year of the new match (at least ${turn})`), turns),
        h('div', {}, plays, ' ', h('label', { for: 'fork-plays' }, 'I play a nation too')),
        h('div', {}, publish, ' ', h('label', { for: 'fork-publish' }, 'Publish the negotiations in the archive afterwards')),
        err,
        h('div', { class: 'row' }, submit, h('button', { class: 'btn', type: 'button', onclick: close }, 'Cancel'))));
      dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
      document.body.appendChild(dialog);
      dialog.showModal();
      name.focus();
      name.select();
    }

    drawTabs();
    draw();
    performance.mark('replay-panels');

    // ---------------------------------------------------------------- map and charts (lazy)
    // "First frame": the map's canvas shows the regions (a good share of its pixels differ from the sea),
    // checked on each animation frame after Phaser is ready; the panels are already drawn by then.
    let firstFrame = false;
    const probe = document.createElement('canvas');
    probe.width = 48;
    probe.height = 48;
    const mapDrawn = (): boolean => {
      const c = mapEl.querySelector('canvas');
      const g = probe.getContext('2d', { willReadFrequently: true });
      if (!c || !g || !c.width) return false;
      try {
        g.drawImage(c, 0, 0, probe.width, probe.height);
      } catch {
        return true; // cannot read it back: take Phaser's word
      }
      const px = g.getImageData(0, 0, probe.width, probe.height).data;
      let land = 0;
      for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - 0xcf) + Math.abs(px[i + 1]! - 0xe3) + Math.abs(px[i + 2]! - 0xee) > 60) land++;
      return land > (probe.width * probe.height) / 20;
    };
    const markFirstFrame = (force = false) => {
      if (firstFrame || !alive) return;
      const check = (tries: number) => {
        if (!alive) return;
        if (!force && !mapDrawn() && tries < 600) { requestAnimationFrame(() => check(tries + 1)); return; }
        firstFrame = true;
        performance.mark('replay-first-frame');
        document.body.dataset.replayFirstFrame = String(Math.round(performance.now()));
        mapwrap.setAttribute('data-ready', 'true');
      };
      requestAnimationFrame(() => check(0));
    };
    bus.on('map:ready', (e) => { performance.mark('replay-map-ready'); mapwrap.setAttribute('data-renderer', e.renderer); markFirstFrame(); });
    void gameModule.then((m) => {
      if (!alive) return;
      mapApi = m.mountMap(mapEl, () => current, bus);
    }).catch((e: unknown) => {
      mapwrap.setAttribute('data-renderer', 'failed');
      render(mapEl, h('p', { class: 'error' }, `The map could not start (${String(e)}). The panels still work.`));
      markFirstFrame(true);
    });

    const loadCharts = () => import('../charts/index.ts').then(({ lineChart }) => {
      if (!alive) return;
      chartsEl.replaceChildren();
      const s = stateAt(r, pos);
      for (const c of CHARTS) {
        const data = chartSeries(r, c.key);
        const cell = h('div', { class: 'chart-cell' });
        chartsEl.appendChild(cell);
        charts.push(lineChart(cell, {
          title: c.title, description: c.description, xLabel: 'Year', x: data.x, height: 200, id: `chart-${c.key}`,
          marker: s.over ? s.turn : Math.max(0, s.turn - 1),
          series: data.lines.map((l) => ({ label: l.name, color: colors.get(l.nation)?.color ?? '#888', values: l.values })),
        }));
      }
    }).catch((e: unknown) => { render(chartsEl, h('p', { class: 'error' }, `The charts could not load (${String(e)}).`)); });
    /** The whole match (after the first frame): the timeline, moments and charts now reach its end. */
    const upgrade = () => {
      if (!alive) return;
      if (!isComplete) {
        const built = makeReplay(id, file, published, chat);
        if (!built.ok) { fail(built.message); return; }
        r = built.replay;
        frames = r.history.frames;
        last = lastPosition(r);
        slider.max = String(frames.length - 1);
        isComplete = true;
      }
      complete = true;
      timeline.removeAttribute('aria-busy');
      draw();
      void loadCharts();
    };
    // After the first frame is on screen, so they never delay it.
    setTimeout(upgrade, 30);
  }

  return () => {
    alive = false;
    if (playTimer) clearInterval(playTimer);
    mapApi?.destroy();
    for (const c of charts) c.destroy();
    bus.clear();
    document.querySelector('dialog.fork-dialog')?.remove();
  };
}
