import type { Action, GameEvent, GameState, MatchFile, NationId, Phase } from '../../shared/types.ts';
import { PHASES } from '../../shared/types.ts';
import { apply, PHASE_INFO } from '../../shared/rules/index.ts';
import { buildHistory, findMoments, buildSeries, pointOf, teamDecisions, type History, type Moment, type Point, type TeamDecision } from '../../shared/history/index.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';

// The replay viewer's model, without DOM: a position in the match is a number of applied actions (0..N).
// Phase boundaries (the history's frames) are the scrubber's stops; key moments may sit between them, so
// the state at any position is the nearest frame before it plus the few actions after it (shared/rules).

export interface Replay {
  id: string;
  file: MatchFile;
  history: History;
  readonly moments: Moment[];
  readonly series: Point[];
  /** The teams' signed actions (who drafted, who signed), for a match with teams. */
  readonly decisions: TeamDecision[];
  /** Negotiations (proposals, journal notes, nation-to-nation chat) were published by the host. */
  published: boolean;
  chat: ChatLine[];
}

export type ReplayBuild = { ok: true; replay: Replay } | { ok: false; message: string };

export function makeReplay(id: string, file: MatchFile, published: boolean, chat: ChatLine[]): ReplayBuild {
  const h = buildHistory(file);
  if (!h.ok) return { ok: false, message: `This match does not replay: action ${h.index + 1} (${h.action?.type ?? 'setup'}) was refused (${h.error.message}).` };
  // Moments and series are computed on first use, so they never delay the first frame.
  const history = h.history;
  let moments: Moment[] | null = null;
  let series: Point[] | null = null;
  let decisions: TeamDecision[] | null = null;
  return {
    ok: true,
    replay: {
      id, file, history, published, chat,
      get moments() { return (moments ??= findMoments(history)); },
      get series() { return (series ??= buildSeries(history)); },
      get decisions() { return (decisions ??= teamDecisions(history)); },
    },
  };
}

export const lastPosition = (r: Replay): number => r.history.steps.length;

/** Index of the frame shown at a position: the last phase boundary at or before it. */
export function frameIndexAt(r: Replay, pos: number): number {
  const frames = r.history.frames;
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid]!.index <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const cache = new WeakMap<Replay, Map<number, GameState>>();

/** The rules state after `pos` actions. */
export function stateAt(r: Replay, pos: number): GameState {
  const p = Math.max(0, Math.min(lastPosition(r), Math.round(pos)));
  const frame = r.history.frames[frameIndexAt(r, p)]!;
  if (frame.index === p) return frame.state;
  let memo = cache.get(r);
  if (!memo) cache.set(r, (memo = new Map()));
  const hit = memo.get(p);
  if (hit) return hit;
  let s = frame.state;
  for (let i = frame.index; i < p; i++) {
    const res = apply(s, r.file.actions[i]!);
    if (!res.ok) break; // cannot happen: the history replayed
    s = res.state;
  }
  memo.set(p, s);
  return s;
}

/** "Year 3 of 8 · Crisis" (or "End of the match"). */
export function positionLabel(r: Replay, pos: number): string {
  const s = stateAt(r, pos);
  if (s.over) return `End of the match (year ${s.turn} of ${s.turns})`;
  return `Year ${s.turn} of ${s.turns} \u00b7 ${PHASE_INFO[s.phase].title}`;
}

/** The position a deep link names: `?turn=5&phase=crisis` (start of that phase), or `?at=123` (after action 123). */
export function positionFromQuery(r: Replay, params: URLSearchParams): number | null {
  const at = params.get('at');
  if (at !== null && /^\d+$/.test(at)) return Math.min(lastPosition(r), Number(at));
  const turnRaw = params.get('turn');
  if (turnRaw === null || !/^\d+$/.test(turnRaw)) return null;
  const turn = Number(turnRaw);
  const phaseRaw = params.get('phase');
  const phase = (PHASES as readonly string[]).includes(phaseRaw ?? '') ? (phaseRaw as Phase) : 'diplomacy';
  const frames = r.history.frames;
  const exact = frames.find((f) => f.turn === turn && f.phase === phase && !f.state.over);
  if (exact) return exact.index;
  // The last boundary at or before that moment (a match ended early, or a phase never reached).
  const order = (t: number, p: Phase) => t * 10 + PHASES.indexOf(p);
  let best = frames[0]!;
  for (const f of frames) if (order(f.turn, f.phase) <= order(turn, phase)) best = f;
  return best.index;
}

/**
 * The position a deep link names, found without replaying: every `advance` moves the match on by exactly
 * one phase, so the start of (turn, phase) is just after the right number of advances. Null when the link
 * names nothing or a moment this log never reaches (the full history then decides).
 */
export function quickPosition(file: MatchFile, params: URLSearchParams): number | null {
  const at = params.get('at');
  if (at !== null && /^\d+$/.test(at)) return Math.min(file.actions.length, Number(at));
  const turnRaw = params.get('turn');
  if (turnRaw === null || !/^\d+$/.test(turnRaw) || Number(turnRaw) < 1) return null;
  const phaseRaw = params.get('phase');
  const phase = (PHASES as readonly string[]).includes(phaseRaw ?? '') ? (phaseRaw as Phase) : 'diplomacy';
  const wanted = (Number(turnRaw) - 1) * PHASES.length + PHASES.indexOf(phase);
  if (wanted === 0) return 0;
  let advances = 0;
  for (let i = 0; i < file.actions.length; i++) {
    const t = file.actions[i]!.type;
    if (t === 'end') return null;
    if (t === 'advance' && ++advances === wanted) return i + 1;
  }
  return null;
}

/** The query string that opens this position again. */
export function queryFor(r: Replay, pos: number): string {
  const frame = r.history.frames[frameIndexAt(r, pos)]!;
  if (frame.index === pos && !frame.state.over) return `?turn=${frame.turn}&phase=${frame.phase}`;
  return `?at=${pos}`;
}

/** Positions of the first frame of each turn (for "previous / next year"). */
export function turnStarts(r: Replay): { turn: number; pos: number }[] {
  const out: { turn: number; pos: number }[] = [];
  for (const f of r.history.frames) if (!out.some((x) => x.turn === f.turn)) out.push({ turn: f.turn, pos: f.index });
  return out;
}

export function nameOf(s: GameState, id: string): string {
  return s.nations.find((n) => n.id === id)?.name ?? (id === 'rev' ? s.revisionistName : id);
}

/** Who played each nation: a person's nickname, or null for a bot. */
export function playerOf(r: Replay, nation: NationId): string | null {
  const p = r.file.players.find((x) => x.nation === nation);
  return p && !p.bot ? p.name : null;
}

export interface StatRow extends Point {
  name: string;
  player: string | null;
  technology: number;
}

/** Every nation's figures at a position (the same numbers as the charts' points). */
export function statsAt(r: Replay, pos: number): StatRow[] {
  const s = stateAt(r, pos);
  return s.nations.map((n) => ({ ...pointOf(s, s.turn, n.id), name: n.name, player: playerOf(r, n.id), technology: n.technology }));
}

export interface Reason {
  index: number;
  nation: NationId;
  name: string;
  /** In a team, the member who drafted it (their journal line). */
  who: string | null;
  bot: boolean;
  type: Action['type'];
  note: string;
  phase: Phase;
}

/** The one-line reasons given this turn up to the position: bots' reasons, and people's journal lines if published. */
export function reasonsAt(r: Replay, pos: number): Reason[] {
  const s = stateAt(r, pos);
  const out: Reason[] = [];
  for (const st of r.history.steps) {
    if (st.index >= pos) break;
    if (st.turn !== s.turn) continue;
    const a = st.action;
    if (!('by' in a) || !a.note) continue;
    const drafter = 'signed' in a && a.signed ? r.file.people?.find((p) => p.id === a.signed!.drafter)?.nickname ?? null : null;
    out.push({ index: st.index, nation: a.by, name: nameOf(s, a.by), who: drafter, bot: playerOf(r, a.by) === null, type: a.type, note: a.note, phase: st.phase });
  }
  return out;
}

/** What happened this turn up to the position: public events (and private negotiation events if published). */
export function eventsAt(r: Replay, pos: number): GameEvent[] {
  const s = stateAt(r, pos);
  const out: GameEvent[] = [];
  for (const st of r.history.steps) {
    if (st.index >= pos) break;
    for (const e of st.events) if (e.turn === s.turn && (!e.private || r.published)) out.push(e);
  }
  return out;
}

/**
 * The teams' decisions this turn up to the position: who drafted and who signed each. With negotiations
 * kept private, only those that caused a public event (a signed treaty, a notice, a break, an answer to a
 * call once revealed): the rest would reveal proposals nobody else saw.
 */
export function decisionsAt(r: Replay, pos: number): TeamDecision[] {
  const turn = stateAt(r, pos).turn;
  return r.decisions.filter((d) => d.index < pos && d.turn === turn && (r.published || d.public));
}

/** Chat lines of this turn (published matches only). */
export function chatAt(r: Replay, pos: number): ChatLine[] {
  if (!r.published) return [];
  const turn = stateAt(r, pos).turn;
  return r.chat.filter((l) => l.turn === turn);
}

/** The moment list entry nearest before a position (for aria-current in the side list). */
export function currentMoment(r: Replay, pos: number): number {
  let best = -1;
  r.moments.forEach((m, i) => { if (m.index <= pos) best = i; });
  return best;
}

/** The turn a fork from this position starts at (the start of the year shown). */
export function forkTurn(r: Replay, pos: number): number {
  const s = stateAt(r, pos);
  return Math.max(1, Math.min(s.turn, s.turns));
}

/** Series for one chart: a line per nation over the turns. */
export function chartSeries(r: Replay, key: 'economy' | 'military' | 'reputation' | 'trustReceived'): { x: number[]; lines: { nation: NationId; name: string; values: number[] }[] } {
  const turns = [...new Set(r.series.map((p) => p.turn))].sort((a, b) => a - b);
  const nations = r.history.initial.nations;
  return {
    x: turns,
    lines: nations.map((n) => ({
      nation: n.id, name: n.name,
      values: turns.map((t) => r.series.find((p) => p.turn === t && p.nation === n.id)?.[key] ?? 0),
    })),
  };
}
