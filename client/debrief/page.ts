import { parseMatchFile } from '../../shared/matchFile.ts';
import { GLOSSARY } from '../../shared/glossary.ts';
import { INTEREST_LABELS } from '../../shared/rules/scoring.ts';
import type { Interest } from '../../shared/types.ts';
import { h, render, type Child } from '../ui/dom.ts';
import { lineChart } from '../charts/index.ts';
import { debriefFromFile, type DebriefView, type JournalEntry, type NetworkGraph, type TimelineEntry } from './model.ts';
import './debrief.css';

// The debrief of a finished match (/debrief/<id>): what the class did, named with the lesson's concepts,
// for a discussion and for homework. Loaded lazily (shared history + uPlot stay out of the first load).
// Printable: controls hide, each position memo gets its own page.

const SVG = 'http://www.w3.org/2000/svg';

/** A concept word linked to its glossary entry (opens the glossary page at that word). */
export function conceptLink(key: string, text?: string): Child {
  const e = GLOSSARY[key];
  if (!e) return text ?? key;
  return h('a', { class: 'concept', href: `/glossary#${key}`, title: e.definition }, text ?? e.term);
}

/** Put glossary links on the concept words found in a sentence. */
export function linkConcepts(line: string): Child[] {
  const entries = Object.entries(GLOSSARY).filter(([k]) => !['alliance', 'partnership', 'crisis', 'trust', 'review', 'ties'].includes(k))
    .sort((a, b) => b[1].term.length - a[1].term.length);
  const pattern = new RegExp(`\\b(${entries.map(([, e]) => e.term.replace(/^the /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');
  return line.split(pattern).map((part, i) => {
    if (i % 2 === 0) return part;
    const hit = entries.find(([, e]) => e.term.replace(/^the /, '').toLowerCase() === part.toLowerCase());
    return hit ? conceptLink(hit[0], part) : part;
  });
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

function networkSvg(net: NetworkGraph): HTMLElement {
  const size = 240;
  const pos = new Map(net.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => pos.get(id)?.name ?? id;
  const desc = net.edges.length
    ? net.edges.map((e) => `${e.kind === 'alliance' ? 'alliance' : 'partnership'} ${name(e.a)}\u2013${name(e.b)}`).join('; ')
    : 'no treaties';
  const el = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', 'aria-label': `Treaties at the ${net.label} (after year ${net.turn}): ${desc}` });
  // Offset parallel edges when a pair has both an alliance and a partnership.
  const seen = new Map<string, number>();
  for (const e of net.edges) {
    const a = pos.get(e.a);
    const b = pos.get(e.b);
    if (!a || !b) continue;
    const key = [e.a, e.b].sort().join('|');
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const off = k * 5;
    const ox = (-dy / len) * off;
    const oy = (dx / len) * off;
    el.append(svg('line', {
      x1: a.x + ox, y1: a.y + oy, x2: b.x + ox, y2: b.y + oy,
      stroke: e.kind === 'alliance' ? '#1d232b' : '#0a5c8a', 'stroke-width': e.kind === 'alliance' ? 3 : 2.5,
      ...(e.kind === 'partnership' ? { 'stroke-dasharray': '6 4' } : {}),
    }));
  }
  for (const n of net.nodes) {
    el.append(svg('circle', { cx: n.x, cy: n.y, r: 9, fill: n.color, stroke: '#1d232b', 'stroke-width': 1.5 }));
    const above = n.y < size / 2;
    el.append(svg('text', { x: n.x, y: above ? n.y - 13 : n.y + 22, 'text-anchor': 'middle', 'font-size': 12, fill: '#1d232b' }, n.name));
  }
  return h('figure', { class: 'network' }, el,
    h('figcaption', {}, h('strong', {}, net.label === 'start' ? 'Start' : net.label === 'middle' ? 'Middle' : 'End'), ` (after year ${net.turn}): `,
      `${net.edges.filter((e) => e.kind === 'alliance').length} alliance and ${net.edges.filter((e) => e.kind === 'partnership').length} partnership links`));
}

const TYPE_LABEL: Record<TimelineEntry['type'], string> = {
  signed: 'signed', amended: 'amended', renewed: 'renewed', notice: 'notice', called: 'called', honoured: 'honoured',
  abstained: 'abstained', broken: 'broken', left: 'left', expired: 'expired', unreviewed: 'unreviewed',
};

function timelineSection(v: DebriefView): HTMLElement {
  const turns = [...new Set(v.timeline.map((e) => e.turn))].sort((a, b) => a - b);
  return h('section', { class: 'card', 'aria-labelledby': 'tl-title' },
    h('h2', { id: 'tl-title' }, 'Timeline of treaties'),
    h('p', { class: 'muted' }, 'Every treaty signed, called, honoured, abstained, broken, left or expired, year by year.'),
    turns.length ? h('ol', { class: 'timeline' }, ...turns.map((t) => h('li', {},
      h('h3', {}, `Year ${t}`),
      h('ul', {}, ...yearEntries(v, t))))) : h('p', {}, 'No treaty was signed in this match.'));
}

const studentsLine = (n: number): string => (n === 0 ? 'all played by bots' : n === 1 ? 'one played by a student' : `${n} played by students`);

/** A year's treaty events; the routine renewals at review are folded into one line. */
function yearEntries(v: DebriefView, turn: number): HTMLElement[] {
  const events = v.timeline.filter((e) => e.turn === turn);
  const name = (id: string): string => v.nations.find((n) => n.id === id)?.name ?? id;
  const renewed = events.filter((e) => e.type === 'renewed');
  const out = events.filter((e) => e.type !== 'renewed').map((e) => h('li', { class: `tl-${e.type}` },
    h('span', { class: `tag tag-${e.type}` }, TYPE_LABEL[e.type]), ' ', ...linkConcepts(e.text)));
  if (renewed.length) {
    out.push(h('li', { class: 'tl-renewed' }, h('span', { class: 'tag tag-renewed' }, 'renewed'), ' ',
      `Renewed at review: ${[...new Set(renewed.map((e) => [...e.nations].sort().map(name).join('\u2013')))].join(', ')}.`));
  }
  return out;
}

function journalLine(j: JournalEntry, withName = true): HTMLElement {
  return h('li', { class: 'journal-line' }, withName ? h('strong', {}, `${j.player} (${j.name}), `) : '', `year ${j.turn}, ${j.action}: \u201c${j.text}\u201d`);
}

function momentsSection(v: DebriefView): HTMLElement {
  const shown = v.moments;
  return h('section', { class: 'card', 'aria-labelledby': 'mo-title' },
    h('h2', { id: 'mo-title' }, 'Key moments'),
    h('p', { class: 'muted' }, 'Found in the record and named with the concept they show. Each opens the replay at that moment; students\u2019 journal lines from that year sit beside them.'),
    shown.length ? h('ol', { class: 'moments' }, ...shown.map((m) => h('li', { class: 'moment' },
      h('div', { class: 'moment-head' },
        h('span', { class: 'when' }, `Year ${m.moment.turn}, ${m.moment.phase}`),
        ...m.concepts.map((c) => h('span', { class: 'concept-tag' }, conceptLink(c.key, c.word)))),
      h('p', {}, ...linkConcepts(m.moment.text), ' ', h('a', { class: 'no-print', href: m.replay }, 'See it in the replay')),
      m.journal.length ? h('ul', { class: 'journal' }, ...m.journal.map((j) => journalLine(j))) : ''))) : h('p', {}, 'No key moment: nobody was called, nothing was broken, nothing was lost.'));
}

function journalSection(v: DebriefView): HTMLElement {
  const people = [...new Set(v.journal.map((j) => j.nation))];
  return h('section', { class: 'card', 'aria-labelledby': 'jo-title' },
    h('h2', { id: 'jo-title' }, 'Decision journals'),
    people.length
      ? h('div', { class: 'journals' }, ...people.map((nation) => {
        const lines = v.journal.filter((j) => j.nation === nation);
        return h('div', {}, h('h3', {}, `${lines[0]!.player} (${lines[0]!.name})`), h('ul', { class: 'journal' }, ...lines.map((j) => journalLine(j, false))));
      }))
      : h('p', { class: 'muted' }, 'No journal notes in this record. Students\u2019 notes appear here only when the host chose, on creating the match, to share negotiations and journals in the debrief.'));
}

function reliabilitySection(v: DebriefView): HTMLElement {
  const r = v.reliability;
  const bar = (label: string, pct: number, cls: string): HTMLElement => h('div', { class: 'rel-row' },
    h('span', { class: 'rel-label' }, label),
    h('span', { class: 'rel-bar', role: 'img', 'aria-label': `${label}: ${pct} percent` }, h('span', { class: `rel-fill ${cls}`, style: `width:${pct}%` })),
    h('strong', {}, `${pct}%`));
  return h('section', { class: 'card', 'aria-labelledby': 're-title' },
    h('h2', { id: 're-title' }, 'Reliability: calls honoured'),
    r.percent === null
      ? h('p', {}, 'No ally was called in this match, so there is no record of reliability.')
      : h('div', {},
        bar('Your class', r.percent, 'class'),
        h('p', { class: 'muted' }, `${r.honoured} call${r.honoured === 1 ? '' : 's'} honoured, ${r.abstained} abstained.`)),
    bar('Real alliances, 1816\u20131944', r.historicalPercent, 'history'),
    h('p', { class: 'source' }, 'Source: ', r.source));
}

function scoresSection(v: DebriefView): HTMLElement {
  const d = v.debrief;
  const n = (id: string) => v.nations.find((x) => x.id === id);
  return h('section', { class: 'card', 'aria-labelledby': 'sc-title' },
    h('h2', { id: 'sc-title' }, 'Final scores'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'scores' },
      h('thead', {}, h('tr', {}, ...['Nation', 'Played by', 'National interest', 'Prosperity', 'Security', 'Standing', 'Score'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...d.scores.map((s) => h('tr', {},
        h('th', { scope: 'row' }, h('span', { class: 'dot', style: `background:${n(s.nation)?.color ?? '#888'}` }), ' ', n(s.nation)?.name ?? s.nation),
        h('td', {}, n(s.nation)?.player ?? 'bot'),
        h('td', {}, INTEREST_LABELS[s.interest as Interest]?.split(':')[0] ?? s.interest),
        h('td', {}, s.prosperity), h('td', {}, s.security), h('td', {}, s.standing), h('td', {}, h('strong', {}, s.total))))))));
}

/** A memo prompt "Intro. 1. ... 2. ..." as an intro paragraph and a numbered list. */
function memoParts(prompt: string): Child[] {
  const [intro, ...items] = prompt.split(/\s(?=\d\. )/);
  return [h('p', {}, ...linkConcepts(intro ?? '')), items.length ? h('ol', {}, ...items.map((x) => h('li', {}, ...linkConcepts(x.replace(/^\d\.\s*/, ''))))) : ''];
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.append(a);
  a.click();
  setTimeout(() => { a.remove(); URL.revokeObjectURL(url); }, 1000);
}

export async function debriefPage(root: HTMLElement, id: string): Promise<() => void> {
  document.title = `Entente \u00b7 debrief ${id}`;
  render(root, h('div', { class: 'debrief' }, h('p', { role: 'status' }, `Loading the debrief of match ${id}\u2026`)));
  let res: Response;
  try {
    res = await fetch(`/api/matches/${encodeURIComponent(id)}`);
  } catch {
    render(root, h('div', { class: 'debrief' }, h('h1', {}, 'Debrief'), h('p', { class: 'error', role: 'alert' }, 'The server could not be reached. Check the connection and reload.')));
    return () => {};
  }
  const body = await res.text();
  if (!res.ok) {
    let message = res.status === 409 ? 'This match is still being played: its debrief opens when it ends.' : 'There is no finished match with that code.';
    try { message = (JSON.parse(body) as { message?: string }).message ?? message; } catch { /* keep the default */ }
    render(root, h('div', { class: 'debrief' }, h('h1', {}, `Debrief of match ${id}`), h('p', { class: 'error', role: 'alert' }, message), h('p', {}, h('a', { href: '/matches' }, 'All matches'), ' \u00b7 ', h('a', { href: '/' }, 'Home'))));
    return () => {};
  }
  const parsed = parseMatchFile(body);
  const result = parsed.ok ? debriefFromFile(id, parsed.file) : { ok: false as const, message: parsed.message };
  if (!result.ok) {
    render(root, h('div', { class: 'debrief' }, h('h1', {}, `Debrief of match ${id}`), h('p', { class: 'error', role: 'alert' }, result.message)));
    return () => {};
  }
  const v = result.view;
  const d = v.debrief;
  const winner = v.nations.find((n) => n.id === d.winner);
  const charts = h('div', { class: 'charts' });
  render(root, h('div', { class: 'debrief' },
    h('nav', { class: 'row no-print', 'aria-label': 'Debrief actions' },
      h('a', { href: '/' }, 'Home'), h('a', { href: '/matches' }, 'All matches'), h('a', { href: `/replay/${encodeURIComponent(id)}` }, 'Replay'), h('a', { href: '/glossary' }, 'Glossary'),
      h('button', { class: 'btn small', type: 'button', onclick: () => window.print() }, 'Print'),
      h('button', { class: 'btn small', type: 'button', onclick: () => download(`entente-${id}-stats.csv`, v.csv.stats) }, 'Download stats (CSV)'),
      h('button', { class: 'btn small', type: 'button', onclick: () => download(`entente-${id}-treaties.csv`, v.csv.treaties) }, 'Download treaty events (CSV)')),
    h('header', {},
      h('h1', { id: 'debrief-title', tabindex: -1 }, `Debrief: ${d.title}`),
      h('p', { class: 'lesson' }, h('strong', {}, 'Lesson: '), ...linkConcepts(d.lesson)),
      h('p', {}, `Match ${id} \u00b7 ${d.turns} years \u00b7 ${v.nations.length} nations, ${studentsLine(v.nations.filter((n) => n.player).length)} \u00b7 `,
        winner ? h('strong', {}, `${winner.name} finished first`) : '')),
    scoresSection(v),
    h('section', { class: 'card', 'aria-labelledby': 'ch-title' }, h('h2', { id: 'ch-title' }, 'How each nation fared'), charts),
    h('section', { class: 'card', 'aria-labelledby': 'nw-title' },
      h('h2', { id: 'nw-title' }, 'The network of treaties'),
      h('p', { class: 'muted' }, 'Solid dark lines: ', conceptLink('alliance', 'defensive alliances'), '. Dashed blue lines: ', conceptLink('partnership', 'strategic partnerships'), '.'),
      h('div', { class: 'networks' }, ...v.networks.map(networkSvg))),
    timelineSection(v),
    momentsSection(v),
    reliabilitySection(v),
    journalSection(v),
    h('section', { class: 'card', 'aria-labelledby': 'qu-title' },
      h('h2', { id: 'qu-title' }, 'Questions for discussion'),
      h('ol', { class: 'questions' }, ...v.questions.map((q) => h('li', {}, ...linkConcepts(q))))),
    h('section', { class: 'memos', 'aria-labelledby': 'me-title' },
      h('h2', { id: 'me-title', class: 'no-print' }, 'Homework: position memos'),
      ...d.memos.map((m) => h('article', { class: 'card memo' },
        h('h3', {}, `Position memo: ${m.name}`),
        h('p', { class: 'muted' }, `${d.title} \u00b7 match ${id}`, v.nations.find((n) => n.id === m.nation)?.player ? ` \u00b7 played by ${v.nations.find((n) => n.id === m.nation)!.player}` : ''),
        ...memoParts(m.prompt),
        h('div', { class: 'memo-lines', 'aria-hidden': 'true' }))))));
  const handles = v.charts.map((c) => lineChart(charts, { title: c.title, description: c.description, x: c.x, xLabel: 'Year', yLabel: 'Score', height: 200, series: c.series, id: `chart-${c.key}` }));
  document.getElementById('debrief-title')?.focus();
  return () => { for (const c of handles) c.destroy(); };
}
