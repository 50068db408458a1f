import { createHash } from 'node:crypto';
import { stateHash } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/types.ts';
import { projectorOptionsSchema, type SeatSecretMessage } from '../../shared/protocol/messages.ts';
import { secretMatches } from '../secrets.ts';
import { mirrorGame } from '../state/mirror.ts';
import { PlayerView } from '../state/MatchState.ts';
import type { StoredChatLine } from '../storage/index.ts';
import type { Match } from './match.ts';
import type { Person } from './seats.ts';
import type { Snapshot } from './session.ts';
import { canReadChat, privateView, teacherView, type Viewer } from './views.ts';
import { teamView } from './teams.ts';

// What the world sees of a match, always from a durable snapshot: the public schema state (sent as a
// patch at once), each person's private view (sent only when it changed), the teacher's view, the `seat`
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

type Assignable = Record<string, unknown>;
function set<T extends object>(target: T, values: Partial<T>): void {
  const t = target as Assignable;
  for (const [k, v] of Object.entries(values)) if (t[k] !== v) t[k] = v;
}

export class Publisher {
  readonly #m: Match;
  /** The last private view sent to each connection (its JSON without chat), to send only changes. */
  readonly #sent = new Map<string, string>();
  #teacherSent = '';
  #mirrored: GameState | null = null;
  /** For each connection, the state and seat its last private view was built from. */
  readonly #builtFrom = new Map<string, { game: GameState; nation: string | null; since: Person['since']; team: string }>();
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
    if (game !== this.#mirrored) mirrorGame(st, game, m.scenario);
    this.#mirrored = game;
    st.actions = snap.actions;
    // The full fingerprint costs about a millisecond on a grown state: published once per phase (its start,
    // and the end of the match), not after every action.
    const phase = phaseKey(game);
    if (this.#hashedPhase !== phase) {
      this.#hashedPhase = phase;
      st.hash = stateHash(game);
    }
    const running = row.status === 'running' && !row.clock.paused;
    set(st, {
      code: m.code, status: row.status, paused: row.clock.paused, remaining: row.clock.remaining, deadline: running ? row.clock.deadline : 0,
      chatFrozen: row.clock.chatFrozen, locked: !!row.clock.locked, serverTime: m.now(),
    });
    const t = row.settings;
    set(st.settings, {
      scenario: row.scenario, seats: t.seats, turns: t.turns, hostName: t.hostName, hostPlays: t.hostPlays, teacherReads: t.teacherReads,
      publishNegotiations: t.publishNegotiations, guide: !!t.guide, teamSize: t.teamSize ?? 1, signing: t.signing ?? 'head', rolesBy: t.rolesBy ?? 'teacher',
      diplomacySeconds: t.timers.diplomacy, policySeconds: t.timers.policy,
      crisisSeconds: t.timers.crisis, resolutionSeconds: t.timers.resolution, newsSeconds: t.timers.news,
    });
    this.#mirrorPeople();
    m.port.broadcastPatch();
    this.#sendViews(snap);
  }

  #mirrorPeople(): void {
    const m = this.#m;
    const st = m.state;
    for (const v of st.nations) {
      const h = m.seats.holderOf(v.id);
      set(v, { player: h?.id ?? '', bot: m.seats.botPlays(v.id) });
    }
    for (const key of [...st.players.keys()]) if (!m.seats.get(key)) st.players.delete(key);
    for (const p of m.seats.values()) {
      if (p.kicked) continue;
      let v = st.players.get(p.id);
      if (!v) {
        v = new PlayerView();
        v.id = p.id;
        st.players.set(p.id, v);
      }
      set(v, { nickname: p.nickname, nation: p.nation ?? '', host: p.host, ready: p.ready, connected: p.connected, bot: p.away && !!p.nation, waiting: !!p.waiting, roles: m.seats.rolesOf(p).join(',') });
    }
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
      const from = this.#builtFrom.get(sid);
      const team = this.#teamKey(p);
      // Chat lines travel on their own: a view is rebuilt only when the state, the person's seat or their team changed.
      if (!from || from.game !== snap.game || from.nation !== p.nation || from.since !== p.since || from.team !== team) {
        this.#builtFrom.set(sid, { game: snap.game, nation: p.nation, since: p.since, team });
        const view = privateView(snap.game, this.#viewer(p), chat, teacherReads, snap.chat, teamView(m, p));
        const key = JSON.stringify({ ...view, chat: null });
        if (this.#sent.get(sid) !== key) {
          this.#sent.set(sid, key);
          m.port.send(sid, 'private', view);
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
    for (const p of m.seats.values()) {
      if (p.sessionId && !p.kicked && !p.waiting && canReadChat(line, this.#viewer(p), teacherReads)) m.port.send(p.sessionId, 'chat', wire);
    }
  }
}
