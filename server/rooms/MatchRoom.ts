import { randomInt } from 'node:crypto';
import { CloseCode, Room, ServerError, matchMaker, type Client } from '@colyseus/core';
import type { Action, GameState, NationAction, NationId, Player, RuleError, Scenario } from '../../shared/types.ts';
import { RULES_VERSION } from '../../shared/types.ts';
import { apply, defaultPlayers, replay, setup, setupError, stateHash } from '../../shared/rules/index.ts';
import { decide, type BotProfile } from '../../shared/bots/index.ts';
import { profileOf as botProfileOf } from '../../shared/bots/simulate.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { forkMatchFile } from '../../shared/matchFile.ts';
import { forkableFile } from '../archive.ts';
import { CLOSE_CODES, JOIN_ERRORS, SERVER_ERRORS, createOptionsSchema, joinOptionsSchema, type ChatLine, type SeatSecretMessage } from '../../shared/protocol/messages.ts';
import { context, type ServerContext } from '../config.ts';
import { checkChat, checkNickname, sanitizeText } from '../limits.ts';
import { newRoomCode } from '../roomCode.ts';
import { interestsOfRow, type MatchRow, type StoredClock, type StoredSettings } from '../storage/index.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';
import { MatchState, PlayerView } from '../state/MatchState.ts';
import { mirrorGame } from '../state/mirror.ts';
import { Seats, secretMatches, type PlayerRec } from './seats.ts';
import { canReadChat, privateView, teacherView, type Viewer } from './views.ts';
import { installFrameGate, newConn, parseClientMessage, refOf, sendError, serverError, type Conn, type Fail } from './gate.ts';

// One classroom match. The room is a thin authoritative shell around shared/rules: it knows who sent a
// message (the seat bound at join), validates it at the edge, applies it through `apply`, appends the
// accepted action to the durable log, mirrors the public state into the schema and sends each seat its
// private view. Bots of shared/bots play every seat no person holds; the phase clock is the server's.

export const DEFAULT_TIMERS: StoredSettings['timers'] = { diplomacy: 180, policy: 60, crisis: 45, resolution: 8, news: 20 };
const MAX_NOTE = 140;
const CHAT_KEPT = 1000;

const KICKED_MESSAGE = 'The host removed you from this match; a bot plays your nation now.';
const clipNote = (s: string): string => (s.length > MAX_NOTE ? `${s.slice(0, MAX_NOTE - 1)}…` : s);
const joinError = (code: keyof typeof JOIN_ERRORS, message: string): ServerError => new ServerError(JOIN_ERRORS[code], message);

/** The match rooms of this process (for the shutdown announcement). */
export const liveRooms = new Set<MatchRoom>();

export class MatchRoom extends Room<{ state: MatchState }> {
  override state = new MatchState();
  override maxClients = 24;
  override autoDispose = false;

  private ctx: ServerContext = context();
  private code = '';
  private row!: MatchRow;
  private scenario!: Scenario;
  private game!: GameState;
  private log: Action[] = [];
  private seats = new Seats();
  private conns = new Map<string, Conn>();
  private chat: ChatLine[] = [];
  private chatId = 0;
  private phaseTimer: NodeJS.Timeout | null = null;
  private botTimer: NodeJS.Timeout | null = null;
  private awayTimers = new Map<string, NodeJS.Timeout>();
  private lastPrivate = new Map<string, string>();
  private lastTeacher = '';
  private hostPending = false;
  private kickedSessions = new Set<string>();
  private hostClaimTimer: NodeJS.Timeout | null = null;

  // ------------------------------------------------------------------ lifecycle

  override onCreate(options: unknown): void {
    const o = (options ?? {}) as Record<string, unknown>;
    if (typeof o.__recover === 'string' && this.ctx.recovering.has(o.__recover)) this.recover(o.__recover);
    else this.createNew(options);
    this.roomId = this.code;
    this.maxClients = this.row.settings.seats + 16;
    installFrameGate(this, (sid) => this.connOf(sid));
    liveRooms.add(this);
    this.onMessage('*', (client: Client, type: string | number, message: unknown) => this.handle(client, type, message));
    this.publish();
    this.armTimer();
    if (this.row.status === 'running') this.scheduleBots();
  }

  private createNew(options: unknown): void {
    const parsed = createOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ServerError(400, `Those match settings are not valid (${issue.path.join('.') || 'options'}: ${issue.message}).`);
    }
    const o = parsed.data;
    const host = checkNickname(o.hostName);
    if (!host.ok) throw new ServerError(400, host.message);
    const storage = this.ctx.storage;
    let scenarioId = o.scenario ?? 'amber-sea';
    let seats = o.seats;
    let seed = o.seed ?? randomInt(0, 0xffffffff);
    let prefix: Action[] = [];
    let parent: MatchRow['parent'] = null;
    let interests: StoredSettings['interests'];
    if (o.fork) {
      // The parent's public record (finished matches only, people's journal notes left out unless published):
      // a fork must not reveal what the archive would not.
      const source = forkableFile(this.ctx, o.fork.match);
      if (!source.ok) throw new ServerError(source.status, source.message);
      const from = source.row;
      if (o.turns < o.fork.turn) throw new ServerError(400, `A fork from turn ${o.fork.turn} needs at least ${o.fork.turn} turns.`);
      const parentFile = source.file;
      const forked = forkMatchFile(parentFile, from.id, o.fork.turn);
      if (!forked.ok) throw new ServerError(400, forked.message);
      scenarioId = from.scenario;
      seats = from.settings.seats;
      seed = from.seed;
      prefix = forked.file.actions;
      parent = forked.file.parent ?? { id: from.id, turn: o.fork.turn };
      interests = forked.file.interests;
    }
    const scenario = getScenario(scenarioId);
    if (!scenario) throw new ServerError(400, `There is no scenario called "${scenarioId}".`);
    if (!Number.isInteger(seats) || seats < scenario.minSeats || seats > scenario.maxSeats) throw new ServerError(400, `This scenario takes ${scenario.minSeats} to ${scenario.maxSeats} nations.`);
    interests ??= interestsFor(scenario.id, scenario.nations.slice(0, seats).map((n) => n.id));
    const err = setupError(scenario, { seats, turns: o.turns, seed, interests });
    if (err) throw new ServerError(400, err);
    this.scenario = scenario;
    this.code = newRoomCode((c) => storage.hasMatch(c) || !!matchMaker.getLocalRoomById(c));
    this.seats.add(host.nickname, o.hostPlays ? scenario.nations[0]!.id : null, true);
    // The creator connects right after creating; the host role cannot be claimed by anyone later.
    this.hostPending = true;
    this.hostClaimTimer = setTimeout(() => {
      this.hostPending = false;
    }, 30_000);
    const now = Date.now();
    this.row = {
      id: this.code, scenario: scenario.id, seed,
      settings: {
        seats, turns: o.turns, hostName: host.nickname, hostPlays: o.hostPlays, teacherReads: o.teacherReads ?? false,
        publishNegotiations: o.publishNegotiations ?? false, timers: { ...DEFAULT_TIMERS, ...(o.timers ?? {}) }, interests,
      },
      seats: defaultPlayers(scenario, seats), players: this.seats.stored(), status: 'lobby',
      clock: { deadline: 0, paused: false, remaining: 0, chatFrozen: false }, parent, created: now, updated: now, finished: null,
    };
    storage.createMatch(this.row);
    this.game = setup(scenario, { seats, turns: o.turns, seed, interests });
    for (const a of prefix) {
      const e = this.record(a);
      if (e) throw new ServerError(500, `The forked match could not be replayed: ${e.message}`);
    }
    this.initState();
  }

  /** Bring back a match after a restart: replay its log, restore its people (all disconnected), resume the clock. */
  private recover(code: string): void {
    this.ctx.recovering.delete(code);
    const storage = this.ctx.storage;
    const row = storage.getMatch(code);
    if (!row) throw new Error(`no match ${code} to recover`);
    const scenario = getScenario(row.scenario);
    if (!scenario) throw new Error(`match ${code}: unknown scenario ${row.scenario}`);
    const actions = storage.actions(code);
    const r = replay({ rulesVersion: RULES_VERSION, scenario: row.scenario, seed: row.seed, settings: { turns: row.settings.turns }, players: row.seats, interests: interestsOfRow(row), actions });
    if (!r.ok) throw new Error(`match ${code}: replay failed at action ${r.index}: ${r.error.message}`);
    this.code = code;
    this.row = row;
    this.scenario = scenario;
    this.game = r.final;
    this.log = actions;
    this.seats.restore(row.players);
    for (const p of row.players) if (!p.kicked) this.startAwayTimer(p.id);
    this.chat = storage.chat(code).slice(-CHAT_KEPT);
    this.chatId = this.chat.length ? this.chat[this.chat.length - 1]!.id : 0;
    const now = Date.now();
    const clock = row.clock;
    if (row.status === 'running' && !clock.paused) clock.deadline = Math.max(clock.deadline, now + this.ctx.config.recoveryGraceMs);
    this.initState();
    this.persistClock();
    console.log(`[entente] recovered match ${code}: ${actions.length} actions, turn ${this.game.turn} ${this.game.phase}, ${row.status}`);
  }

  private initState(): void {
    const s = this.row.settings;
    const st = this.state;
    st.code = this.code;
    st.status = this.row.status;
    st.turns = s.turns;
    st.paused = this.row.clock.paused;
    st.remaining = this.row.clock.remaining;
    st.deadline = this.row.status === 'running' && !this.row.clock.paused ? this.row.clock.deadline : 0;
    st.chatFrozen = this.row.clock.chatFrozen;
    Object.assign(st.settings, {
      scenario: this.row.scenario, seats: s.seats, turns: s.turns, hostName: s.hostName, hostPlays: s.hostPlays, teacherReads: s.teacherReads,
      publishNegotiations: s.publishNegotiations, diplomacySeconds: s.timers.diplomacy, policySeconds: s.timers.policy, crisisSeconds: s.timers.crisis,
      resolutionSeconds: s.timers.resolution, newsSeconds: s.timers.news,
    });
  }

  override onDispose(): void {
    liveRooms.delete(this);
    if (this.hostClaimTimer) clearTimeout(this.hostClaimTimer);
    this.clearTimers();
    for (const t of this.awayTimers.values()) clearTimeout(t);
    this.awayTimers.clear();
  }

  override onBeforeShutdown(): void {
    // Stop the clock and the bots; the log is already on disk. Clients are told by the server, then closed.
    this.clearTimers();
    this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  override onUncaughtException(error: Error & { client?: Client; type?: string; cause?: unknown }, methodName: string): void {
    // Refusals we throw on purpose (bad options, taken nickname...) reach the client; they are not errors.
    if (error?.cause instanceof ServerError || error instanceof ServerError) return;
    console.error(`[entente] room ${this.code}: uncaught exception in ${methodName}:`, error?.message ?? error);
    if (methodName === 'onMessage' && error.client) {
      this.sendError(error.client, serverError('internal'), typeof error.type === 'string' ? error.type : undefined);
    }
  }

  // ------------------------------------------------------------------ joining and leaving

  override onAuth(_client: Client, options: unknown): unknown {
    if (this.ctx.shuttingDown) throw new ServerError(CloseCode.SERVER_SHUTDOWN, SERVER_ERRORS.shutting_down);
    const o = (options ?? {}) as Record<string, unknown>;
    if (this.hostPending && typeof o.hostName === 'string') return { host: true };
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw joinError('bad_options', 'To join, send your nickname (and your seat secret if you had one).');
    const nick = checkNickname(parsed.data.nickname);
    if (!nick.ok) throw joinError(nick.code as keyof typeof JOIN_ERRORS, nick.message);
    const existing = this.seats.byNickname(nick.nickname);
    if (existing) {
      if (existing.kicked) throw joinError('kicked', 'The host removed that player from this match.');
      if (!parsed.data.secret) throw joinError('nickname_taken', `Someone already uses the nickname "${nick.nickname}" here: please choose another.`);
      if (!secretMatches(existing.secretHash, parsed.data.secret)) throw joinError('wrong_secret', 'That nickname belongs to someone else in this match (the seat secret does not match).');
      return { rejoin: existing.id, secret: parsed.data.secret };
    }
    if (this.row.status === 'finished') throw joinError('match_over', 'This match is over.');
    if (!this.freeSeat()) throw joinError('match_full', 'Every nation in this match is taken. Ask your teacher for another code.');
    return { nickname: nick.nickname };
  }

  override onJoin(client: Client, _options: unknown, auth: { host?: boolean; rejoin?: string; secret?: string; nickname?: string }): void {
    let p: PlayerRec | undefined;
    if (auth?.host) {
      p = this.seats.host();
      this.hostPending = false;
      if (this.hostClaimTimer) clearTimeout(this.hostClaimTimer);
    } else if (auth?.rejoin) {
      p = this.seats.get(auth.rejoin);
      if (p) p.secret = auth.secret ?? p.secret;
    } else if (auth?.nickname) {
      // Checked again here, synchronously, so two simultaneous joins cannot take the same seat or name.
      if (this.seats.byNickname(auth.nickname)) throw joinError('nickname_taken', `Someone already uses the nickname "${auth.nickname}" here: please choose another.`);
      const seat = this.freeSeat();
      if (!seat) throw joinError('match_full', 'Every nation in this match is taken. Ask your teacher for another code.');
      p = this.seats.add(auth.nickname, null, false);
      this.seats.take(p, seat);
    }
    if (!p) throw joinError('bad_options', 'That join could not be matched to a player.');
    const previous = p.sessionId ? this.clients.get(p.sessionId) : undefined;
    p.sessionId = client.sessionId;
    p.connected = true;
    p.away = false;
    this.cancelAwayTimer(p.id);
    if (previous && previous !== client) previous.leave(CLOSE_CODES.replaced);
    if (!p.nation && this.row.status === 'running' && !p.host) {
      const seat = this.freeSeat();
      if (seat) this.seats.take(p, seat);
    }
    this.conns.set(client.sessionId, newConn());
    this.lastPrivate.delete(client.sessionId);
    this.sendSeat(client, p);
    this.persistPlayers();
    this.publish();
    this.scheduleBots();
  }

  override onDrop(client: Client, code?: number): void {
    const p = this.playerOfSession(client.sessionId);
    if (!p || code === CloseCode.WITH_ERROR || this.ctx.shuttingDown) return;
    p.connected = false;
    this.publish();
    try {
      this.allowReconnection(client, this.ctx.config.reconnectSeconds);
    } catch {
      // The room is being disposed: nothing to hold the seat for.
    }
  }

  override onReconnect(client: Client): void {
    const p = this.playerOfSession(client.sessionId);
    if (!p) {
      // The player was removed meanwhile, or came back another way (nickname + secret).
      if (this.kickedSessions.has(client.sessionId)) {
        client.send('kicked', { message: KICKED_MESSAGE });
        client.leave(CLOSE_CODES.kicked);
      } else {
        client.leave(CLOSE_CODES.replaced);
      }
      return;
    }
    p.connected = true;
    p.away = false;
    this.conns.set(client.sessionId, newConn());
    this.lastPrivate.delete(client.sessionId);
    this.sendSeat(client, p);
    this.publish();
  }

  override onLeave(client: Client): void {
    this.conns.delete(client.sessionId);
    this.lastPrivate.delete(client.sessionId);
    const p = this.playerOfSession(client.sessionId);
    if (!p) return;
    p.sessionId = null;
    p.connected = false;
    p.away = true;
    p.ready = false;
    this.publish();
    this.scheduleBots();
  }

  private startAwayTimer(playerId: string): void {
    this.cancelAwayTimer(playerId);
    this.awayTimers.set(playerId, setTimeout(() => this.guard(() => {
      this.awayTimers.delete(playerId);
      const p = this.seats.get(playerId);
      if (!p || p.connected) return;
      p.away = true;
      this.publish();
      this.scheduleBots();
    }), this.ctx.config.reconnectSeconds * 1000));
  }

  private cancelAwayTimer(playerId: string): void {
    const t = this.awayTimers.get(playerId);
    if (t) clearTimeout(t);
    this.awayTimers.delete(playerId);
  }

  // ------------------------------------------------------------------ seats

  private playerOfSession(sessionId: string): PlayerRec | undefined {
    return this.seats.bySession(sessionId);
  }

  private freeSeat(): NationId | null {
    return this.seats.freeSeat(this.game.nations.map((n) => n.id), this.row.status === 'running');
  }

  private persistPlayers(): void {
    this.row.players = this.seats.stored();
    this.safeStore(() => this.ctx.storage.updateMatch(this.code, { players: this.row.players }));
  }

  private persistClock(): void {
    const st = this.state;
    const clock: StoredClock = { deadline: st.deadline, paused: st.paused, remaining: st.remaining, chatFrozen: st.chatFrozen };
    this.row.clock = clock;
    this.safeStore(() => this.ctx.storage.updateMatch(this.code, { clock }));
  }

  private safeStore(fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (e) {
      console.error(`[entente] room ${this.code}: storage error:`, (e as Error).message);
      return false;
    }
  }

  private sendSeat(client: Client, p: PlayerRec): void {
    const msg: SeatSecretMessage = { secret: p.secret ?? '', nation: p.nation, nickname: p.nickname, playerId: p.id, host: p.host, waiting: false };
    client.send('seat', msg);
  }

  private profileOf(nation: NationId): BotProfile {
    const seat: Player = this.row.seats.find((s) => s.nation === nation) ?? { nation, name: nation, bot: true };
    return botProfileOf(seat);
  }

  // ------------------------------------------------------------------ the message gate (size, floods)

  private connOf(sessionId: string): Conn {
    let conn = this.conns.get(sessionId);
    if (!conn) {
      conn = newConn();
      this.conns.set(sessionId, conn);
    }
    return conn;
  }

  private sendError(client: Client, e: Fail, type?: string, ref?: string): void {
    sendError(client, e, type, ref);
  }

  // ------------------------------------------------------------------ messages

  private handle(client: Client, type: string | number, message: unknown): void {
    const ref = refOf(message);
    const fail = (e: Fail): void => this.sendError(client, e, String(type).slice(0, 40), ref);
    const p = this.playerOfSession(client.sessionId);
    if (!p) return fail(serverError('unknown_player'));
    if (this.ctx.config.testHooks && type === 'debugThrow') throw new Error('debugThrow: a deliberate exception for the tests');
    if (this.ctx.shuttingDown) return fail(serverError('shutting_down'));
    const m = parseClientMessage(type, message, this.connOf(client.sessionId));
    if (!m.ok) return fail(m.error);
    let err: Fail | null;
    if (m.kind === 'action') err = this.onAction(p, m.name, m.data);
    else if (m.kind === 'seat') err = this.onSeatMessage(p, m.name, m.data);
    else err = p.host ? this.onHostMessage(m.name, m.data) : serverError('not_host');
    if (err) return fail(err);
    client.send('accepted', ref === undefined ? { type: m.name } : { type: m.name, ref });
  }

  private onAction(p: PlayerRec, type: string, data: Record<string, unknown>): Fail | null {
    const gate = this.runningGate();
    if (gate) return gate;
    if (!p.nation) return serverError('not_seated');
    const { ref: _ref, note, ...fields } = data;
    const action = { type, by: p.nation, ...fields } as NationAction;
    if (typeof note === 'string') {
      const clean = sanitizeText(note);
      if (clean) action.note = clean;
    }
    const err = this.record(action);
    if (err) return err;
    this.changed();
    return null;
  }

  private runningGate(): Fail | null {
    if (this.row.status === 'lobby') return serverError('not_started');
    if (this.row.status === 'finished' || this.game.over) return serverError('match_over');
    if (this.state.paused) return serverError('paused');
    return null;
  }

  private onSeatMessage(p: PlayerRec, type: string, data: Record<string, unknown>): Fail | null {
    switch (type) {
      case 'pickSeat': {
        const nation = data.nation as string;
        if (!this.game.nations.some((n) => n.id === nation)) return { code: 'unknown_nation', message: 'There is no nation with that name in this match.' };
        if (this.row.status === 'finished') return serverError('match_over');
        if (this.row.status === 'running' && p.nation) return serverError('seat_locked');
        if (p.nation === nation) return null;
        const h = this.seats.holderOf(nation);
        if (h && h !== p && !(this.row.status === 'running' && h.away)) return serverError('seat_taken');
        this.seats.take(p, nation);
        this.afterSeatChange(p);
        return null;
      }
      case 'ready': {
        p.ready = data.ready as boolean;
        this.publish();
        this.later(() => this.checkEarlyEnd());
        return null;
      }
      case 'chat':
        return this.onChat(p, data.to as string, data.text as string);
    }
    return serverError('unknown_type');
  }

  private onChat(p: PlayerRec, to: string, text: string): Fail | null {
    if (this.state.chatFrozen && !p.host) return serverError('chat_frozen');
    const from = p.nation ?? (p.host ? 'host' : null);
    if (!from) return serverError('not_seated');
    const valid = to === 'all' || to === 'host' || this.game.nations.some((n) => n.id === to);
    if (!valid || to === from) return serverError('bad_recipient');
    const c = checkChat(text);
    if (!c.ok) return { code: c.code, message: c.message };
    const line: ChatLine = { id: this.chatId + 1, from, fromName: p.nickname, to, text: c.text, turn: this.game.turn };
    if (!this.safeStore(() => this.ctx.storage.appendChat(this.code, line))) return serverError('storage');
    this.chatId = line.id;
    this.chat.push(line);
    if (this.chat.length > CHAT_KEPT) this.chat.splice(0, this.chat.length - CHAT_KEPT);
    for (const client of this.clients) {
      const viewer = this.viewerOf(client.sessionId);
      if (viewer && canReadChat(line, viewer, this.row.settings.teacherReads)) client.send('chat', line);
    }
    return null;
  }

  private onHostMessage(type: string, data: Record<string, unknown>): Fail | null {
    const st = this.state;
    const now = Date.now();
    switch (type) {
      case 'start': {
        if (this.row.status !== 'lobby') return serverError('not_lobby');
        this.row.status = 'running';
        st.status = 'running';
        this.safeStore(() => this.ctx.storage.updateMatch(this.code, { status: 'running' }));
        this.enterPhase();
        return null;
      }
      case 'pause': {
        const gate = this.runningGate();
        if (gate) return gate;
        st.remaining = Math.max(0, st.deadline - now);
        st.deadline = 0;
        st.paused = true;
        this.clearTimers();
        this.persistClock();
        this.publish();
        return null;
      }
      case 'resume': {
        if (this.row.status !== 'running') return serverError('not_started');
        if (!st.paused) return null;
        st.paused = false;
        st.deadline = now + Math.max(1000, st.remaining);
        st.remaining = 0;
        this.persistClock();
        this.publish();
        this.armTimer();
        this.scheduleBots();
        return null;
      }
      case 'extend': {
        if (this.row.status !== 'running') return serverError('not_started');
        if (this.game.over) return serverError('match_over');
        const ms = (data.seconds as number) * 1000;
        if (st.paused) st.remaining = Math.max(1000, st.remaining + ms);
        else st.deadline = Math.max(now + 1000, st.deadline + ms);
        this.persistClock();
        this.publish();
        this.armTimer();
        return null;
      }
      case 'advance': {
        if (this.row.status !== 'running') return serverError('not_started');
        if (this.game.over) return serverError('match_over');
        if (data.phase !== undefined && data.phase !== this.game.phase) return { code: 'wrong_phase', message: `The ${String(data.phase)} phase is already over.` };
        this.closePhase();
        return null;
      }
      case 'inject': {
        if (this.row.status === 'finished' || this.game.over) return serverError('match_over');
        const err = this.record({ type: 'inject', crisis: data.crisis as 'incursion', target: data.target as string, severity: data.severity as number });
        if (err) return err;
        this.changed();
        return null;
      }
      case 'freezeChat': {
        st.chatFrozen = data.frozen as boolean;
        this.persistClock();
        this.publish();
        return null;
      }
      case 'moveSeat': {
        const target = this.seats.get(data.player as string);
        if (!target || target.kicked) return serverError('unknown_player');
        const nation = data.nation as string;
        if (!this.game.nations.some((n) => n.id === nation)) return { code: 'unknown_nation', message: 'There is no nation with that name in this match.' };
        const h = this.seats.holderOf(nation);
        if (h && h !== target && !h.away) return serverError('seat_taken');
        this.seats.take(target, nation);
        this.afterSeatChange(target);
        return null;
      }
      case 'kick': {
        const target = this.seats.get(data.player as string);
        if (!target || target.kicked) return serverError('unknown_player');
        if (target.host) return { code: 'not_allowed', message: 'The host cannot be removed.' };
        target.kicked = true;
        target.nation = null;
        const session = target.sessionId;
        if (session) this.kickedSessions.add(session);
        target.sessionId = null;
        target.connected = false;
        this.cancelAwayTimer(target.id);
        this.persistPlayers();
        const client = session ? this.clients.get(session) : undefined;
        if (client) {
          client.send('kicked', { message: KICKED_MESSAGE });
          client.leave(CLOSE_CODES.kicked);
        }
        this.publish();
        this.scheduleBots();
        return null;
      }
      case 'endMatch': {
        if (this.row.status === 'finished' || this.game.over) return serverError('match_over');
        const err = this.record({ type: 'end' });
        if (err) return err;
        this.finish();
        return null;
      }
    }
    return serverError('unknown_type');
  }

  private afterSeatChange(p: PlayerRec): void {
    this.persistPlayers();
    const client = p.sessionId ? this.clients.get(p.sessionId) : undefined;
    if (client) this.sendSeat(client, p);
    this.publish();
    this.scheduleBots();
  }

  // ------------------------------------------------------------------ applying and recording

  /** Apply one action through the rules and append it durably. Nothing changes if either step fails. */
  private record(action: Action): Fail | null {
    if (this.ctx.shuttingDown) return serverError('shutting_down');
    const r = apply(this.game, action);
    if (!r.ok) return r.error as RuleError;
    try {
      this.ctx.storage.appendAction(this.code, this.log.length, action);
    } catch (e) {
      console.error(`[entente] room ${this.code}: could not append action:`, (e as Error).message);
      return serverError('storage');
    }
    this.log.push(action);
    this.game = r.state;
    return null;
  }

  /** After an accepted action: show it at once, then let bots answer and see whether the phase is done. */
  private changed(): void {
    if (this.game.over) {
      this.finish();
      return;
    }
    this.publish();
    this.scheduleBots();
    this.later(() => this.checkEarlyEnd());
  }

  /** Mirror the game into the schema, send the patch now (not at the next tick), then each private view. */
  private publish(): void {
    const st = this.state;
    mirrorGame(st, this.game, this.scenario);
    if (st.actions !== this.log.length || !st.hash) {
      st.actions = this.log.length;
      st.hash = stateHash(this.game);
    }
    st.serverTime = Date.now();
    this.mirrorPlayers();
    this.broadcastPatch();
    this.sendViews();
  }

  private mirrorPlayers(): void {
    const st = this.state;
    for (const v of st.nations) {
      const h = this.seats.holderOf(v.id);
      const player = h?.id ?? '';
      const bot = !h || h.away;
      if (v.player !== player) v.player = player;
      if (v.bot !== bot) v.bot = bot;
    }
    for (const key of [...st.players.keys()]) {
      const p = this.seats.get(key);
      if (!p || p.kicked) st.players.delete(key);
    }
    for (const p of this.seats.values()) {
      if (p.kicked) continue;
      let v = st.players.get(p.id);
      if (!v) {
        v = new PlayerView();
        v.id = p.id;
        st.players.set(p.id, v);
      }
      const values = { nickname: p.nickname, nation: p.nation ?? '', host: p.host, ready: p.ready, connected: p.connected, bot: p.away && !!p.nation };
      for (const [k, val] of Object.entries(values)) if ((v as unknown as Record<string, unknown>)[k] !== val) (v as unknown as Record<string, unknown>)[k] = val;
    }
  }

  private viewerOf(sessionId: string): Viewer | null {
    const p = this.playerOfSession(sessionId);
    return p ? { playerId: p.id, nation: p.nation, host: p.host } : null;
  }

  private sendViews(): void {
    const teacherReads = this.row.settings.teacherReads;
    for (const client of this.clients) {
      const viewer = this.viewerOf(client.sessionId);
      if (!viewer) continue;
      const view = privateView(this.game, viewer, this.chat, teacherReads);
      const key = JSON.stringify({ ...view, chat: null });
      if (this.lastPrivate.get(client.sessionId) !== key) {
        this.lastPrivate.set(client.sessionId, key);
        client.send('private', view);
      }
      if (viewer.host && teacherReads) {
        const tv = teacherView(this.game, this.chat);
        const tkey = JSON.stringify({ ...tv, chat: tv.chat.length ? tv.chat[tv.chat.length - 1]!.id : 0 });
        if (this.lastTeacher !== `${client.sessionId}:${tkey}`) {
          this.lastTeacher = `${client.sessionId}:${tkey}`;
          client.send('teacher', tv);
        }
      }
    }
  }

  // ------------------------------------------------------------------ phases, the clock, bots

  private timerFor(phase: string): number {
    const t = this.row.settings.timers as Record<string, number>;
    return Math.max(20, Math.round((t[phase] ?? 30) * 1000 * (this.ctx.config.timerScale ?? 1)));
  }

  /** A new phase begins: reset ready marks, start its clock, let bots play. */
  private enterPhase(): void {
    const st = this.state;
    for (const p of this.seats.values()) p.ready = false;
    const ms = this.timerFor(this.game.phase);
    if (st.paused) {
      st.remaining = ms;
      st.deadline = 0;
    } else {
      st.deadline = Date.now() + ms;
    }
    this.persistClock();
    this.publish();
    this.armTimer();
    this.scheduleBots();
    this.later(() => this.checkEarlyEnd());
  }

  /**
   * End the current phase (deadline, host, or everyone done): fill every missing sealed choice with that
   * seat's bot policy, recorded as actions, then advance.
   */
  private closePhase(): void {
    if (this.row.status !== 'running' || this.game.over) return;
    this.clearTimers();
    const phase = this.game.phase;
    if (phase === 'policy' || phase === 'crisis') {
      for (const n of this.game.nations) {
        const human = !this.seats.botPlays(n.id);
        for (const d of decide(this.game, n.id, this.profileOf(n.id))) {
          const note = clipNote(human ? `Chosen for you at the deadline: ${d.reason}` : d.reason);
          this.record({ ...d.action, note });
        }
      }
    }
    const err = this.record({ type: 'advance' });
    if (err) {
      console.error(`[entente] room ${this.code}: advance refused: ${err.message}`);
      this.publish();
      return;
    }
    if (this.game.over) {
      this.finish();
      return;
    }
    this.enterPhase();
  }

  private checkEarlyEnd(): void {
    if (this.row.status !== 'running' || this.game.over || this.state.paused) return;
    const g = this.game;
    let done = false;
    if (g.phase === 'policy') done = g.nations.every((n) => n.policy !== null);
    else if (g.phase === 'crisis') done = g.calls.every((k) => k.answer !== null);
    if (!done) {
      const active = this.seats.active();
      done = active.length > 0 && active.every((p) => p.ready);
    }
    if (done) this.closePhase();
  }

  private armTimer(): void {
    if (this.phaseTimer) clearTimeout(this.phaseTimer);
    this.phaseTimer = null;
    const st = this.state;
    if (this.row.status !== 'running' || st.paused || this.game.over || !st.deadline) return;
    this.phaseTimer = setTimeout(() => this.guard(() => {
      this.phaseTimer = null;
      if (Date.now() + 5 < this.state.deadline) return this.armTimer();
      this.closePhase();
    }), Math.max(0, st.deadline - Date.now()));
  }

  private clearTimers(): void {
    if (this.phaseTimer) clearTimeout(this.phaseTimer);
    if (this.botTimer) clearTimeout(this.botTimer);
    this.phaseTimer = null;
    this.botTimer = null;
  }

  private scheduleBots(): void {
    if (this.row.status !== 'running' || this.game.over) return;
    if (this.botTimer) return;
    this.botTimer = setTimeout(() => this.guard(() => {
      this.botTimer = null;
      this.botTurn();
    }), this.ctx.config.botDelayMs);
  }

  /** Every bot seat answers what waits for it in this phase (in diplomacy, until nothing new comes up). */
  private botTurn(): void {
    if (this.row.status !== 'running' || this.game.over || this.state.paused || this.ctx.shuttingDown) return;
    const phase = this.game.phase;
    if (phase !== 'diplomacy' && phase !== 'policy' && phase !== 'crisis') return;
    let changed = false;
    for (let round = 0; round < (phase === 'diplomacy' ? 4 : 1); round++) {
      let any = false;
      for (const n of this.game.nations) {
        if (!this.seats.botPlays(n.id)) continue;
        for (const d of decide(this.game, n.id, this.profileOf(n.id))) {
          if (!this.record({ ...d.action, note: clipNote(d.reason) })) any = changed = true;
        }
      }
      if (!any) break;
    }
    if (changed) this.publish();
    this.checkEarlyEnd();
  }

  private finish(): void {
    this.clearTimers();
    const st = this.state;
    this.row.status = 'finished';
    st.status = 'finished';
    st.deadline = 0;
    st.paused = false;
    const now = Date.now();
    this.safeStore(() => this.ctx.storage.updateMatch(this.code, { status: 'finished', finished: now }));
    this.persistClock();
    this.publish();
    this.autoDispose = true;
    if (this.clients.length === 0) void this.disconnect();
  }

  // ------------------------------------------------------------------ helpers

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      console.error(`[entente] room ${this.code}: error in a timer:`, e);
    }
  }

  private later(fn: () => void): void {
    setTimeout(() => this.guard(fn), 0);
  }

  /** For the shutdown path: tell every client, without closing yet. */
  announceShutdown(message: string): void {
    this.clearTimers();
    this.broadcast('shutdown', { message });
  }
}
