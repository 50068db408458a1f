import type { Crisis, NationId, NewsItem, Phase, Region, Treaty, Nation } from '../../shared/types.ts';
import { PHASES } from '../../shared/types.ts';
import type { ChatLine, PrivateView, TeacherView } from '../../shared/protocol/messages.ts';
import type { PublicGame } from './rulesState.ts';

// The client's model of a match: what the server's public (schema) state says, read into plain data,
// plus the private view and teacher view that arrive as targeted messages. The adapter reads only the
// fields MatchState (server/state) has; a missing one falls back to a neutral default.

export type ConnStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface PlayerView {
  id: string;
  name: string;
  nation: NationId | null;
  ready: boolean;
  connected: boolean;
  bot: boolean;
  host: boolean;
  /** A late joiner the teacher has not let in yet (no nation). */
  waiting: boolean;
}

export interface Meta {
  code: string;
  scenario: string;
  started: boolean;
  over: boolean;
  paused: boolean;
  chatFrozen: boolean;
  /** The teacher refuses newcomers. */
  locked: boolean;
  /** The guided first turn is on (the first year's diplomacy is longer). */
  guide: boolean;
  teacherReads: boolean;
  /** The host shares negotiations and journal notes in the replay and debrief after the match. */
  publishNegotiations: boolean;
  hostPlays: boolean;
  /** Epoch ms when the current phase ends (server clock), or null. */
  deadline: number | null;
  /** Seconds left when paused (or as the server last reported). */
  remaining: number | null;
  players: PlayerView[];
  seats: number;
  matchId: string;
  hostName: string;
  /** Server clock minus local clock (ms), to read the deadline right. */
  clockOffset: number;
  /** Public event lines of the current turn. */
  events: string[];
  /** Filled when the match is over, best first. */
  scores: ScoreLine[];
  winners: NationId[];
  /** Public facts per nation the rules state has no field for. */
  extra: Record<NationId, NationExtra>;
  /** Calls for help: who was called and whether they answered (not what). */
  calls: { id: string; crisis: string; treaty: string; ally: NationId; victim: NationId; answered: boolean }[];
}

export interface ScoreLine { nation: NationId; total: number; prosperity: number; security: number; standing: number; autonomy: number; interest: string }
export interface NationExtra { color: string; pattern: string; trustReceived: number; regions: number; player: string; bot: boolean; chose: boolean }

export interface AppState {
  status: ConnStatus;
  meta: Meta | null;
  game: PublicGame | null;
  priv: PrivateView | null;
  teacher: TeacherView | null;
  /** My session id, and my player id (the key in the public players map, sent in `seat`). */
  sessionId: string | null;
  playerId: string | null;
  nickname: string;
  isHost: boolean;
  chat: ChatLine[];
  /** The last refusal from the server, as a sentence for a status line. */
  error: string | null;
  /** A late joiner waiting for the teacher to let them in (from the `seat` message). */
  waiting: boolean;
  /** The host only: the key that opens the projector page. */
  projectorKey: string | null;
  /** Version counter bumped on every change that the map should redraw. */
  version: number;
}

export const initialAppState = (): AppState => ({
  status: 'idle', meta: null, game: null, priv: null, teacher: null, sessionId: null, playerId: null, nickname: '', isHost: false,
  chat: [], error: null, waiting: false, projectorKey: null, version: 0,
});

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const bool = (v: unknown, d = false): boolean => (typeof v === 'boolean' ? v : d);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A schema collection as a list: arrays stay, maps (the players, keyed by id) give their values with the key as `_key`. */
export function list(v: unknown): Json[] {
  if (Array.isArray(v)) return v.map(obj);
  if (v && typeof v === 'object') return Object.entries(v as Json).map(([k, x]) => ({ _key: k, ...obj(x) }));
  return [];
}


export function readPlayers(v: unknown): PlayerView[] {
  return list(v).map((p) => ({
    id: str(p.id, str(p._key)),
    name: str(p.nickname),
    nation: strOrNull(p.nation),
    ready: bool(p.ready),
    connected: bool(p.connected),
    bot: bool(p.bot),
    host: bool(p.host),
    waiting: bool(p.waiting),
  }));
}

const PHASE_NAMES: readonly string[] = PHASES;

/** The public schema state (as `toJSON()` gives it) read into plain data: only fields MatchState has. */
export function readPublic(raw: unknown, roomId: string, now = Date.now()): { meta: Meta; game: PublicGame } {
  const s = obj(raw);
  const settings = obj(s.settings);
  const status = str(s.status, 'lobby');
  const phaseRaw = str(s.phase, 'diplomacy');
  const deadline = num(s.deadline, 0);
  const serverTime = num(s.serverTime, 0);
  const nationsRaw = list(s.nations);
  const code = str(s.code) || roomId;
  const meta: Meta = {
    code,
    scenario: str(settings.scenario) || 'amber-sea',
    started: status !== 'lobby',
    over: status === 'finished',
    paused: bool(s.paused),
    chatFrozen: bool(s.chatFrozen),
    locked: bool(s.locked),
    guide: bool(settings.guide, true),
    teacherReads: bool(settings.teacherReads),
    publishNegotiations: bool(settings.publishNegotiations),
    hostPlays: bool(settings.hostPlays),
    deadline: deadline > 0 ? deadline : null,
    remaining: bool(s.paused) ? Math.round(num(s.remaining) / 1000) : null,
    players: readPlayers(s.players),
    seats: num(settings.seats, nationsRaw.length),
    matchId: code,
    hostName: str(settings.hostName),
    clockOffset: serverTime > 0 ? serverTime - now : 0,
    events: Array.isArray(s.events) ? s.events.filter((e): e is string => typeof e === 'string') : [],
    scores: list(s.scores).map((x) => ({ nation: str(x.nation), total: num(x.total), prosperity: num(x.prosperity), security: num(x.security), standing: num(x.standing), autonomy: num(x.autonomy), interest: str(x.interest) })),
    winners: Array.isArray(s.winners) ? s.winners.filter((w): w is string => typeof w === 'string') : [],
    extra: Object.fromEntries(nationsRaw.map((n) => [str(n.id), { color: str(n.color, '#888888'), pattern: str(n.pattern, 'solid'), trustReceived: num(n.trustReceived), regions: num(n.regions), player: str(n.player), bot: bool(n.bot), chose: bool(n.chose) }])),
    calls: list(s.calls).map((k) => ({ id: str(k.id), crisis: str(k.crisis), treaty: str(k.treaty), ally: str(k.ally), victim: str(k.victim), answered: bool(k.answered) })),
  };
  const phase = (PHASE_NAMES.includes(phaseRaw) ? phaseRaw : 'diplomacy') as Phase;
  const game: PublicGame = {
    turn: num(s.turn, 1),
    turns: num(s.turns, num(settings.turns, 8)),
    phase,
    over: meta.over,
    pressure: num(s.pressure, 30),
    revisionistName: str(s.revisionist) || undefined,
    nations: nationsRaw.map((n) => {
      const out: Partial<Nation> = { id: str(n.id), name: str(n.name) };
      for (const k of ['economy', 'military', 'stability', 'reputation', 'technology', 'crisesWithstood', 'crisesLost'] as const) if (typeof n[k] === 'number') out[k] = n[k] as number;
      return out;
    }),
    regions: list(s.regions).map((r) => ({ id: str(r.id), name: str(r.name), owner: str(r.owner), core: bool(r.core, true), capital: bool(r.capital) }) satisfies Region),
    treaties: list(s.treaties).map((t) => readTreaty(t)),
    crises: list(s.crises).map((c) => readCrisis(c, num(s.turn, 1))),
    news: list(s.news).map((n) => ({ turn: num(n.turn), lines: strings(n.lines), concepts: strings(n.concepts) }) satisfies NewsItem),
  };
  return { meta, game };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A crisis of the public state (its turn is not mirrored: the public crises are this year's). */
function readCrisis(c: Json, turn: number): Crisis {
  const outcome = str(c.outcome);
  return {
    id: str(c.id), turn, type: str(c.type) as Crisis['type'], attacker: str(c.attacker), target: str(c.target), region: str(c.region),
    severity: num(c.severity), provoked: bool(c.provoked), injected: bool(c.injected),
    outcome: outcome === 'held' || outcome === 'lost' ? outcome : 'pending', defence: num(c.defence), regionLost: bool(c.regionLost),
  };
}

function readTreaty(t: Json): Treaty {
  let terms: Treaty['terms'] = { kind: 'partnership', trade: 'low', techSharing: false, minTerm: 2, review: 2 };
  try { terms = JSON.parse(str(t.terms)) as Treaty['terms']; } catch { /* keep the neutral stand-in */ }
  return {
    id: str(t.id),
    parties: strings(t.parties),
    terms,
    signed: num(t.signed, 1),
    nextReview: num(t.nextReview, 99),
    endsAt: num(t.endsAt) > 0 ? num(t.endsAt) : null,
    noticeBy: strOrNull(t.noticeBy),
    // Call records are not in the public state; the client's previews read none of them.
    honoured: {}, abstained: {}, yielded: {}, reviewed: [],
  };
}

/** The player record for my session. */
export const mePlayer = (st: AppState): PlayerView | undefined => st.meta?.players.find((p) => p.id === (st.playerId ?? st.priv?.playerId));
export const myNation = (st: AppState): NationId | null => st.priv?.nation ?? mePlayer(st)?.nation ?? null;
