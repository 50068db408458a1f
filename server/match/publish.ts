import { createHash } from 'node:crypto';
import { stateHash } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/types.ts';
import { projectorOptionsSchema, type SeatSecretMessage, type ServerMessageType } from '../../shared/protocol/messages.ts';
import { secretMatches } from '../secrets.ts';
import { mirrorGame, set } from '../state/mirror.ts';
import { PeopleMirror } from '../state/people.ts';
import type { StoredChatLine } from '../storage/index.ts';
import type { Match } from './match.ts';
import type { Person } from './seats.ts';
import type { Snapshot } from './session.ts';
import { Assessments, canReadChat, privateView, teacherView, type Viewer } from './views.ts';
import { teamView } from './teams.ts';
import { sameView, viewInputs, Worlds, type ViewInputs } from './viewKeys.ts';
import { sentWhole, viewChanges, type SentView } from './viewChanges.ts';

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

/** The fingerprint is published once a year (its first state) and once at the end. */
const hashKey = (g: GameState): string => (g.over ? 'over' : String(g.turn));

/** What a connection's private view was last built from. */
interface Built { game: GameState; nation: string | null; since: unknown; team: string; inputs: ViewInputs }


/** An answer or message waiting for the writes before it to be durable. */
export type Out = { session: string; type: ServerMessageType; payload: unknown; ack?: boolean } | { line: StoredChatLine };

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
  readonly #people = new PeopleMirror();
  /** The year (or the end) the published hash belongs to. */
  #hashed = '';

  /** `yearStart`: the state the current year began with, when it is not the one shown first (after a restart). */
  constructor(match: Match, yearStart?: GameState) {
    this.#m = match;
    if (yearStart) {
      this.#hashed = hashKey(yearStart);
      match.state.hash = stateHash(yearStart);
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

  /** Show `snap` (the public state, the private views), then what waited for it to be durable (`out`). */
  publish(snap: Snapshot, out: readonly Out[]): void {
    const m = this.#m;
    const st = m.state;
    const { row, game } = snap;
    // A chat line or a seat change leaves the rules state as it was: nothing of it to mirror again. A
    // private action (a proposal, a withdrawal) changes nothing public either: no patch goes to anyone.
    let changed = game !== this.#mirrored && mirrorGame(st, game, m.scenario);
    this.#mirrored = game;
    // The full fingerprint costs a fifth of a millisecond on a grown state, and 500 rooms change phase about
    // 150 times a second: published once a year (its start, and the end of the match), not every phase.
    const key = hashKey(game);
    if (this.#hashed !== key) {
      this.#hashed = key;
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
    changed = this.#people.mirror(st, m.seats) || changed;
    // The server's time rides on every patch that carries something else (the browser sets its clock by it),
    // and only then: a chat line alone, which travels on its own, sends no patch to anyone.
    if (changed) st.serverTime = m.now();
    m.port.broadcastPatch();
    this.#sendViews(snap);
    this.deliver(out);
  }

  /** Answers and messages in order; a chat line to each connected person allowed to read it. */
  deliver(out: readonly Out[]): void {
    for (const o of out) {
      if ('line' in o) this.#deliverLine(o.line);
      else this.#m.port.send(o.session, o.type, o.payload);
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
      // Chat lines travel on their own; a view is rebuilt only when what it shows may have changed: never
      // while the rules state, the seat and the team stand still (a chat line), else when its inputs changed.
      const team = this.#teamKey(p);
      const b = this.#builtFrom.get(sid);
      const same = !!b && b.nation === p.nation && b.since === p.since && b.team === team;
      const changed = !same || (b.game !== snap.game && !sameView(b.inputs, snap.game, p.nation, p.since, this.#worlds));
      if (!changed) b.game = snap.game;
      else {
        this.#builtFrom.set(sid, { game: snap.game, nation: p.nation, since: p.since, team, inputs: viewInputs(snap.game, p.nation, p.since, this.#worlds) });
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

  #deliverLine(line: StoredChatLine): void {
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
