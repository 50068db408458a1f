import { createHash } from 'node:crypto';
import { stateHash } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/types.ts';
import { projectorOptionsSchema, type PrivateView, type PrivateViewChanges, type SeatSecretMessage } from '../../shared/protocol/messages.ts';
import { secretMatches } from '../secrets.ts';
import { mirrorGame } from '../state/mirror.ts';
import { PlayerView } from '../state/MatchState.ts';
import type { StoredChatLine } from '../storage/index.ts';
import type { Match } from './match.ts';
import type { Person } from './seats.ts';
import type { Snapshot } from './session.ts';
import { Assessments, canReadChat, privateView, teacherView, type Viewer } from './views.ts';
import { teamView } from './teams.ts';
import { rolesFor } from '../../shared/protocol/teams.ts';
import { viewKey, Worlds } from './viewKeys.ts';

// What the world sees of a match, always from a durable snapshot: the public schema state (sent as a
// patch at once), each person's private view (whole to a new connection, then only its changes), the teacher's view, the `seat`
// message, and chat lines to those who may read them.

/** The projector page's key: derived from the host's seat secret, so it needs no storage of its own. */
export const projectorKeyOf = (code: string, hostSecret: string): string =>
  createHash('sha256').update(`projector|${code}|${hostSecret}`).digest('base64url').slice(0, 32);

const MAX_PROJECTORS = 4;

/** Why a projector may not connect (a wrong or old key, or enough projectors already); null when it may. */
export function projectorRefusal(keyHash: string | undefined, options: object, projectors: number): { ok: false; code: 'bad_projector' | 'match_full'; message: string } | null {
  const parsed = projectorOptionsSchema.safeParse(options);
  if (!parsed.success || !secretMatches(keyHash, parsed.data.projector)) {
    return { ok: false, code: 'bad_projector', message: 'This projector link is not valid any more: open it again from the teacher console.' };
  }
  return projectors >= MAX_PROJECTORS ? { ok: false, code: 'match_full', message: 'Enough projectors show this match already.' } : null;
}

const phaseKey = (g: GameState): string => `${g.turn}:${g.phase}:${g.over}`;

/** The parts of a private view other than chat and events, each compared by a fingerprint (see `fingerprint`). */
const VIEW_PARTS = ['nation', 'playerId', 'interest', 'proposals', 'relations', 'policy', 'calls', 'teacherReads', 'team'] as const;
/**
 * `events`: the private events last sent, by reference (events are only ever appended, never changed);
 * `proposals`: each proposal's fingerprint as last sent, by id.
 */
export interface SentView { parts: Record<string, string>; events: readonly PrivateView['events'][number][]; proposals: Map<string, string> }

/** An assessment is made once and never changed (server/match/views.ts keeps it while the world stands still): its JSON once. */
const assessmentJson = new WeakMap<object, string>();
function jsonOfAssessment(a: object | null): string {
  if (!a) return 'null';
  let json = assessmentJson.get(a);
  if (json === undefined) assessmentJson.set(a, (json = JSON.stringify(a)));
  return json;
}

/** One proposal as shown, as a string equal for equal contents (its assessment, the bulk, turned into JSON once). */
const proposalPrint = (p: PrivateView['proposals'][number]): string => `${JSON.stringify({ ...p, assessment: undefined })}${jsonOfAssessment(p.assessment)}`;

/** What a part shows, as a string equal for equal contents. */
function fingerprint(view: PrivateView, k: (typeof VIEW_PARTS)[number], prints: readonly string[]): string {
  return k === 'proposals' ? prints.join(';') : JSON.stringify(view[k] ?? null);
}

/** What a connection holds after being sent `view` whole. */
export function sentWhole(view: PrivateView): SentView {
  const prints = view.proposals.map(proposalPrint);
  const parts: Record<string, string> = {};
  for (const k of VIEW_PARTS) parts[k] = fingerprint(view, k, prints);
  return { parts, events: view.events, proposals: new Map(view.proposals.map((p, i) => [p.id, prints[i]!])) };
}

/** True if `a` begins with every item of `prefix`, the same objects. */
function startsWith<T>(a: readonly T[], prefix: readonly T[]): boolean {
  if (prefix.length > a.length) return false;
  for (let i = 0; i < prefix.length; i++) if (a[i] !== prefix[i]) return false;
  return true;
}

/**
 * What changed between the view last sent and `view` (null: nothing). The parts are replaced whole; the
 * private events only grow within one seat holder's time, so new ones are sent after those already shown.
 */
export function viewChanges(sent: SentView, view: PrivateView): PrivateViewChanges | null {
  const changes: Record<string, unknown> = {};
  let any = false;
  const prints = view.proposals.map(proposalPrint);
  for (const k of VIEW_PARTS) {
    const f = fingerprint(view, k, prints);
    if (sent.parts[k] !== f) {
      sent.parts[k] = f;
      changes[k] = view[k] ?? null;
      any = true;
    }
  }
  if (changes.proposals) {
    // Proposals already shown as they are now go as their ids: one new proposal does not resend the others.
    const kept = view.proposals.map((p, i) => (sent.proposals.get(p.id) === prints[i] ? p.id : p));
    if (kept.some((x) => typeof x === 'string')) {
      delete changes.proposals;
      changes.proposalsKept = kept;
    }
    sent.proposals = new Map(view.proposals.map((p, i) => [p.id, prints[i]!]));
  }
  const before = sent.events;
  if (before.length !== view.events.length || !startsWith(view.events, before)) {
    any = true;
    if (before.length > 0 && startsWith(view.events, before)) changes.eventsAdded = view.events.slice(before.length);
    else if (before.length === 0 && view.events.length > 0) changes.eventsAdded = view.events;
    else changes.events = view.events;
    sent.events = view.events;
  }
  return any ? (changes as PrivateViewChanges) : null;
}

/** What a connection's private view was last built from; the key says what it showed. */
interface Built { game: GameState; nation: string | null; since: unknown; team: string; key: string }

type Assignable = Record<string, unknown>;
/** Assign what differs; true if anything did. */
function set<T extends object>(target: T, values: Partial<T>): boolean {
  const t = target as Assignable;
  const v = values as Assignable;
  let changed = false;
  for (const k in v) {
    if (t[k] !== v[k]) {
      t[k] = v[k];
      changed = true;
    }
  }
  return changed;
}

export class Publisher {
  readonly #m: Match;
  /** What each connection was last sent of its private view, part by part, to send only changes. */
  readonly #sent = new Map<string, SentView>();
  #teacherSent = '';
  #mirrored: GameState | null = null;
  #mirroredSettings: unknown = null;
  /** For each connection, the state and seat its last private view was built from. */
  readonly #builtFrom = new Map<string, Built>();
  readonly #worlds = new Worlds();
  readonly #assessments = new Assessments(this.#worlds);
  /** The phase the published hash belongs to. */
  #hashedPhase = '';

  /** `phaseStart`: the state the current phase began with, when it is not the one shown first (after a restart). */
  constructor(match: Match, phaseStart?: GameState) {
    this.#m = match;
    if (phaseStart) {
      this.#hashedPhase = phaseKey(phaseStart);
      match.state.hash = stateHash(phaseStart);
    }
  }

  forget(sessionId: string): void {
    this.#sent.delete(sessionId);
    this.#builtFrom.delete(sessionId);
    this.#teacherSent = '';
  }

  seatMessage(p: Person): SeatSecretMessage {
    const msg: SeatSecretMessage = { secret: p.secret ?? '', nation: p.nation, nickname: p.nickname, playerId: p.id, host: p.host, waiting: !!p.waiting };
    if (p.host && p.secret) msg.projectorKey = projectorKeyOf(this.#m.code, p.secret);
    return msg;
  }

  publish(snap: Snapshot): void {
    const m = this.#m;
    const st = m.state;
    const { row, game } = snap;
    // A chat line or a seat change leaves the rules state as it was: nothing of it to mirror again.
    let changed = game !== this.#mirrored;
    if (changed) mirrorGame(st, game, m.scenario);
    this.#mirrored = game;
    if (st.actions !== snap.actions) {
      st.actions = snap.actions;
      changed = true;
    }
    // The full fingerprint costs about a millisecond on a grown state: published once per phase (its start,
    // and the end of the match), not after every action.
    const phase = phaseKey(game);
    if (this.#hashedPhase !== phase) {
      this.#hashedPhase = phase;
      st.hash = stateHash(game);
    }
    const running = row.status === 'running' && !row.clock.paused;
    changed = set(st, {
      code: m.code, status: row.status, paused: row.clock.paused, remaining: row.clock.remaining, deadline: running ? row.clock.deadline : 0,
      chatFrozen: row.clock.chatFrozen, locked: !!row.clock.locked,
    }) || changed;
    // A match's settings are fixed when it is made: mirrored once, not on every publish.
    if (row.settings !== this.#mirroredSettings) {
      changed = true;
      this.#mirroredSettings = row.settings;
      const t = row.settings;
      set(st.settings, {
        scenario: row.scenario, seats: t.seats, turns: t.turns, hostName: t.hostName, hostPlays: t.hostPlays, teacherReads: t.teacherReads,
        publishNegotiations: t.publishNegotiations, guide: !!t.guide, teamSize: t.teamSize ?? 1, signing: t.signing ?? 'head', rolesBy: t.rolesBy ?? 'teacher',
        diplomacySeconds: t.timers.diplomacy, policySeconds: t.timers.policy,
        crisisSeconds: t.timers.crisis, resolutionSeconds: t.timers.resolution, newsSeconds: t.timers.news,
      });
    }
    changed = this.#mirrorPeople() || changed;
    // The server's time rides on every patch that carries something else (the browser sets its clock by it),
    // and only then: a chat line alone, which travels on its own, sends no patch to anyone.
    if (changed) st.serverTime = m.now();
    m.port.broadcastPatch();
    this.#sendViews(snap);
  }

  /** True if anything of the people changed. */
  #mirrorPeople(): boolean {
    const m = this.#m;
    const st = m.state;
    const teams = m.seats.teams();
    let changed = false;
    for (const v of st.nations) {
      const team = teams.get(v.id);
      const player = team?.[0]?.id ?? '';
      // Bots play a nation nobody holds, or whose members are all away beyond the reconnection window.
      const bot = !team || team.every((p) => p.away);
      changed = set(v, { player, bot }) || changed;
    }
    for (const key of [...st.players.keys()]) {
      if (m.seats.get(key)) continue;
      st.players.delete(key);
      changed = true;
    }
    for (const p of m.seats.values()) {
      if (p.kicked) continue;
      let v = st.players.get(p.id);
      if (!v) {
        v = new PlayerView();
        v.id = p.id;
        st.players.set(p.id, v);
        changed = true;
      }
      const team = p.nation ? teams.get(p.nation) : undefined;
      const roles = team ? rolesFor(team.length, team.indexOf(p)).join(',') : '';
      changed = set(v, { nickname: p.nickname, nation: p.nation ?? '', host: p.host, ready: p.ready, connected: p.connected, bot: p.away && !!p.nation, waiting: !!p.waiting, roles }) || changed;
    }
    return changed;
  }

  /** What a member's team view depends on: its members (roles, presence) and its drafts. */
  #teamKey(p: Person): string {
    if (!p.nation || this.#m.seats.teamSize <= 1) return '';
    const members = this.#m.seats.membersOf(p.nation).map((x) => `${x.id}${x.connected ? '+' : '-'}${x.slot ?? 0}`).join(' ');
    return `${members}|${this.#m.drafts.versions.get(p.nation) ?? 0}`;
  }

  #viewer(p: Person): Viewer {
    return { playerId: p.id, nation: p.nation, host: p.host, since: p.since };
  }

  #sendViews(snap: Snapshot): void {
    const m = this.#m;
    const teacherReads = snap.row.settings.teacherReads;
    const chat = m.session.chat;
    for (const p of m.seats.values()) {
      const sid = p.sessionId;
      if (!sid || p.kicked) continue;
      // Chat lines travel on their own; a view is rebuilt only when what it shows may have changed: never
      // while the rules state, the seat and the team stand still (a chat line), else when its key changed.
      const team = this.#teamKey(p);
      const b = this.#builtFrom.get(sid);
      const same = !!b && b.nation === p.nation && b.since === p.since && b.team === team;
      const key = same && b.game === snap.game ? b.key : viewKey(snap.game, p.nation, p.since, this.#worlds);
      if (!same || b.game !== snap.game) this.#builtFrom.set(sid, { game: snap.game, nation: p.nation, since: p.since, team, key });
      if (!same || b.key !== key) {
        const sent = this.#sent.get(sid);
        // Only a whole view carries chat (changes never do): no need to pick the lines for the others.
        const view = privateView(snap.game, this.#viewer(p), sent ? [] : chat, teacherReads, sent ? 0 : snap.chat, teamView(m, p), this.#assessments);
        if (!sent) {
          // A new connection gets its view whole, with the chat it may read; after that only changes.
          this.#sent.set(sid, sentWhole(view));
          m.port.send(sid, 'private', view);
        } else {
          const changes = viewChanges(sent, view);
          if (changes) m.port.send(sid, 'privateChanges', changes);
        }
      }
      if (p.host && teacherReads) {
        const tv = teacherView(snap.game, chat.slice(0, snap.chat));
        const tkey = `${sid}:${JSON.stringify({ ...tv, chat: tv.chat.at(-1)?.id ?? 0 })}`;
        if (this.#teacherSent !== tkey) {
          this.#teacherSent = tkey;
          m.port.send(sid, 'teacher', tv);
        }
      }
    }
  }

  /** A durable chat line, to each connected person allowed to read it. */
  deliverLine(line: StoredChatLine): void {
    const m = this.#m;
    const teacherReads = m.session.row.settings.teacherReads;
    const { readers: _readers, ...wire } = line;
    const to: string[] = [];
    for (const p of m.seats.values()) {
      if (p.sessionId && !p.kicked && !p.waiting && canReadChat(line, this.#viewer(p), teacherReads)) to.push(p.sessionId);
    }
    if (to.length) m.port.sendEach(to, 'chat', wire);
  }
}
