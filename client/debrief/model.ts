import type { MatchFile, NationId, Phase } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { buildDebrief, buildHistory, buildSeries, statsCsv, treatyEventsCsv, type Debrief, type History, type Moment } from '../../shared/history/index.ts';
import { TREATY_EVENT_TYPES } from '../../shared/history/csv.ts';
import { CONCEPT_WORDS } from '../../shared/rules/news.ts';

// The debrief page's view model, without the DOM: everything the page shows, computed from a match file
// by the shared history code (so it is testable and the same in every browser).

export interface NationInfo {
  id: NationId;
  name: string;
  color: string;
  /** Who played it: a student's nickname, or null for a bot. */
  player: string | null;
}

export interface TimelineEntry {
  turn: number;
  phase: Phase;
  type: (typeof TREATY_EVENT_TYPES)[number];
  kind: 'alliance' | 'partnership' | null;
  text: string;
  nations: NationId[];
}

export interface NetworkGraph {
  label: 'start' | 'middle' | 'end';
  turn: number;
  nodes: { id: NationId; name: string; color: string; x: number; y: number }[];
  edges: { a: NationId; b: NationId; kind: 'alliance' | 'partnership' }[];
}

export interface JournalEntry {
  /** Position of the action in the log. */
  index: number;
  turn: number;
  nation: NationId;
  name: string;
  /** The student's nickname. */
  player: string;
  action: string;
  text: string;
}

export interface MomentView {
  moment: Moment;
  /** Deep link into the replay at this moment. */
  replay: string;
  concepts: { key: string; word: string }[];
  /** Journal lines of the decisions that led to this moment (same year, the nation's own actions before it). */
  journal: JournalEntry[];
}

export interface ChartData {
  key: 'prosperity' | 'security' | 'standing';
  title: string;
  description: string;
  x: number[];
  series: { label: string; color: string; values: number[] }[];
}

export interface DebriefView {
  id: string;
  debrief: Debrief;
  nations: NationInfo[];
  timeline: TimelineEntry[];
  networks: NetworkGraph[];
  charts: ChartData[];
  moments: MomentView[];
  journal: JournalEntry[];
  /** Five discussion questions built from this match. */
  questions: string[];
  /** Reliability as whole percentages, or null when no ally was ever called. */
  reliability: { percent: number | null; historicalPercent: number; honoured: number; abstained: number; source: string };
  csv: { stats: string; treaties: string; statsRows: number; treatyRows: number };
}

export type DebriefResult = { ok: true; view: DebriefView } | { ok: false; message: string };

const TREATY_TYPES = new Set<string>(TREATY_EVENT_TYPES);

export { circleLayout } from '../view/network.ts';
import { circleLayout } from '../view/network.ts';

export function replayLink(id: string, m: Pick<Moment, 'turn' | 'phase'>): string {
  return `/replay/${encodeURIComponent(id)}?turn=${m.turn}&phase=${m.phase}`;
}

export function debriefFromFile(id: string, file: MatchFile): DebriefResult {
  const r = buildHistory(file);
  if (!r.ok) return { ok: false, message: `This match's record does not replay (action ${r.index + 1}: ${r.error.message}).` };
  return { ok: true, view: debriefView(id, r.history) };
}

export function debriefView(id: string, h: History): DebriefView {
  const d = buildDebrief(h);
  const scenario = getScenario(h.file.scenario);
  const colour = (nation: NationId): string => scenario?.nations.find((n) => n.id === nation)?.color ?? '#555555';
  const players = new Map(h.file.players.map((p) => [p.nation, p]));
  const nations: NationInfo[] = h.initial.nations.map((n) => {
    const p = players.get(n.id);
    return { id: n.id, name: n.name, color: colour(n.id), player: p && !p.bot ? p.name : null };
  });
  const timeline: TimelineEntry[] = [];
  for (const st of h.steps) {
    for (const e of st.events) {
      if (e.private || !TREATY_TYPES.has(e.type)) continue;
      const kind = e.data?.kind === 'alliance' || e.data?.kind === 'partnership' ? e.data.kind : null;
      timeline.push({ turn: e.turn, phase: e.phase, type: e.type as TimelineEntry['type'], kind, text: e.text, nations: [...e.nations] });
    }
  }

  const layout = circleLayout(nations.map((n) => n.id));
  const networks: NetworkGraph[] = d.networks.map((net) => {
    const edges: NetworkGraph['edges'] = [];
    for (const t of net.treaties) {
      for (let i = 0; i < t.parties.length; i++) for (let j = i + 1; j < t.parties.length; j++) edges.push({ a: t.parties[i]!, b: t.parties[j]!, kind: t.kind });
    }
    return { label: net.label, turn: net.turn, nodes: nations.map((n) => ({ id: n.id, name: n.name, color: n.color, ...layout.get(n.id)! })), edges };
  });

  const series = buildSeries(h);
  const turns = [...new Set(series.map((p) => p.turn))].sort((a, b) => a - b);
  const chart = (key: ChartData['key'], title: string, description: string): ChartData => ({
    key, title, description, x: turns,
    series: nations.map((n) => ({ label: n.name, color: n.color, values: turns.map((t) => series.find((p) => p.turn === t && p.nation === n.id)?.[key] ?? 0) })),
  });
  const charts = [
    chart('prosperity', 'Prosperity', 'Output growth since the start, as scored (0 to 100), at the end of each year.'),
    chart('security', 'Security', 'Regions held and crises withstood, as scored (0 to 100).'),
    chart('standing', 'Standing', 'Reputation and the trust others place in the nation, as scored (0 to 100).'),
  ];

  // The students' decision journals: the notes people (not bots) attached to their actions. Choices the
  // server filled in for an absent student ("Chosen for you at the deadline: ...") are the bot's reasons,
  // not the student's words, and stay out.
  const journal: JournalEntry[] = [];
  for (const st of h.steps) {
    const a = st.action;
    if (!('by' in a) || !a.note || a.note.startsWith('Chosen for you')) continue;
    const who = nations.find((n) => n.id === a.by);
    if (!who?.player) continue;
    journal.push({ index: st.index, turn: st.turn, nation: a.by, name: who.name, player: who.player, action: a.type, text: a.note });
  }
  const moments: MomentView[] = d.moments.map((m) => ({
    moment: m,
    replay: replayLink(id, m),
    concepts: m.concepts.map((c) => ({ key: c, word: CONCEPT_WORDS[c] ?? c })),
    journal: [],
  }));
  // Each journal line sits beside the moment its decision led to: the first moment of the same year, at or
  // after the action, that involves the writer's nation (a note on an answer to a call lands on the
  // honoured/abstained moment; a note on a proposal on the signing). Lines with no such moment are only
  // in the journal section.
  for (const j of journal) {
    const m = moments.find((x) => x.moment.turn === j.turn && x.moment.index > j.index && x.moment.nations.includes(j.nation));
    m?.journal.push(j);
  }

  const stats = statsCsv(h);
  const treaties = treatyEventsCsv(h);
  const lines = (csv: string): number => csv.split('\r\n').filter(Boolean).length - 1;
  return {
    id, debrief: d, nations, timeline, networks, charts, moments, journal, questions: d.questions,
    reliability: {
      percent: d.reliability.share === null ? null : Math.round(d.reliability.share * 100),
      historicalPercent: Math.round(d.reliability.historical.share * 100),
      honoured: d.reliability.honoured, abstained: d.reliability.abstained, source: d.reliability.historical.source,
    },
    csv: { stats, treaties, statsRows: lines(stats), treatyRows: lines(treaties) },
  };
}
