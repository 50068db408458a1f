import { CloseCode, Room, ServerError, matchMaker, type AuthContext, type Client } from '@colyseus/core';
import { CLOSE_CODES, JOIN_ERRORS, SERVER_ERRORS } from '../../shared/protocol/messages.ts';
import { context } from '../config.ts';
import { CreateError, createMatch, type ClassTie, type Created } from '../match/create.ts';
import { Match, type Port } from '../match/match.ts';
import type { MatchState } from '../state/MatchState.ts';
import { corked } from './corked.ts';
import { installFrameGate } from './frameGate.ts';
import { RoomTimers } from './timers.ts';
import { createDeps, leaseTerms } from '../failover.ts';

// The Colyseus room of one match: its hooks only. Who may come in, what each message does and when
// anything is shown are the match's (server/match/match.ts); the room carries connections, the clock
// and the patches.

/** The match rooms of this process (for the shutdown announcement). */
export const liveRooms = new Set<MatchRoom>();

/** The matchmaking route of a request ('create', 'joinById', …), from the request Colyseus passes to onAuth. */
function routeOf(context: AuthContext): string | null {
  const url = (context.req as { url?: string } | undefined)?.url;
  if (!url) return null;
  try {
    return /^\/matchmake\/([^/]+)\//.exec(new URL(url, 'http://x').pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

export class MatchRoom extends Room<{ state: MatchState }> {
  // People are counted by the match, not by sockets. Colyseus counts reservations too and locks the room at
  // this number, so it is set far above any class: joins that never connect expire in seconds, and each
  // address may make only so many (server/http.ts), so strays can never lock a match.
  override maxClients = 10_000;
  override autoDispose = false;
  match!: Match;
  readonly #timers = new RoomTimers((e) => console.error(`[entente] room ${this.roomId}: timer failed:`, (e as Error)?.message ?? e));

  /**
   * At matchmaking: only `create` (the creator becomes the host) and `joinById` (with the code) lead into a
   * match. `join` and `joinOrCreate` would hand a stranger some running match: refused.
   */
  static override async onAuth(_token: string, _options: unknown, context: AuthContext): Promise<unknown> {
    const route = routeOf(context);
    if (route === 'create') return { creator: true };
    if (route === 'joinById') return { creator: false };
    throw new ServerError(403, 'Join a match with the code your teacher gives you.');
  }

  override async onCreate(options: unknown): Promise<void> {
    const ctx = context();
    this.seatReservationTimeout = ctx.config.reservationSeconds;
    // Every change sends its own patch at once (server/match/publish.ts); the interval is only a safety net,
    // and the match's timers do not ride on it (./timers.ts).
    this.patchRate = 1000;
    // Internal options (`__recover`, `__class`) come only from this server: matchmaking refuses them (server/http.ts).
    const { __recover: code, __class: tie, ...rest } = (options ?? {}) as { __recover?: unknown; __class?: ClassTie };
    const restored = typeof code === 'string' ? ctx.recovering.get(code) : undefined;
    let created: Created;
    if (restored) {
      ctx.recovering.delete(code as string);
      created = restored;
    } else {
      if (ctx.shuttingDown) throw new ServerError(CloseCode.SERVER_SHUTDOWN, SERVER_ERRORS.shutting_down);
      created = await createMatch(createDeps(ctx), rest, tie).catch((e: unknown) => {
        throw e instanceof CreateError ? new ServerError(e.status, e.message) : e;
      });
    }
    this.roomId = created.session.code;
    this.match = new Match(created.session, created.scenario, created.seats, this.#port(), {
      botDelayMs: ctx.config.botDelayMs, reconnectSeconds: ctx.config.reconnectSeconds, timerScale: ctx.config.timerScale, testHooks: ctx.config.testHooks,
      shuttingDown: () => ctx.shuttingDown,
    }, created.yearStart);
    this.state = this.match.state;
    await this.setPrivate(true);
    installFrameGate(this, (sid) => this.match.conn(sid), Date.now);
    this.onMessage('*', (client: Client, type: string | number, message: unknown) => this.match.message(client.sessionId, type, message));
    liveRooms.add(this);
    if (!restored) this.#timers.setTimeout(() => void this.#abandonIfUnclaimed(), ctx.config.hostClaimSeconds * 1000);
    await this.match.sync();
  }

  #port(): Port {
    return {
      send: (sid, type, payload) => this.clients.getById(sid)?.send(type, payload),
      sendEach: (sids, type, payload) => {
        const to = new Set(sids);
        this.broadcast(type, payload, { except: this.clients.filter((c) => !to.has(c.sessionId)) });
      },
      close: (sid, code) => this.clients.getById(sid)?.leave(code),
      broadcastPatch: () => this.broadcastPatch(),
      together: (fn) => corked(this.clients, fn),
      finished: () => {
        this.autoDispose = true;
        if (this.clients.length === 0) void this.disconnect();
      },
      lost: () => void this.disconnect(CLOSE_CODES.moved),
      timers: this.#timers,
      now: Date.now,
    };
  }

  /** Nobody ever connected as this match's host (a create that never joined): forget it. */
  async #abandonIfUnclaimed(): Promise<void> {
    if (this.match.seats.hostClaimed) return;
    this.match.dispose();
    await context().storage.deleteMatch(this.roomId).catch(() => false);
    await this.disconnect();
  }

  override onJoin(client: Client, options: unknown, auth?: { creator?: boolean }): void {
    const d = this.match.join(client.sessionId, options, !!auth?.creator);
    if (!d.ok) throw new ServerError(JOIN_ERRORS[d.code], d.message);
  }

  override onDrop(client: Client, code?: number): void {
    // A connection closed for a protocol error gets no reconnection seat (STACK.md trap 3).
    if (code === CloseCode.WITH_ERROR || !this.match.dropped(client.sessionId)) return;
    try {
      const held = this.allowReconnection(client, context().config.reconnectSeconds);
      held.catch(() => undefined);
      this.match.holdReconnection(client.sessionId, () => held.reject(new Error('rejoined')));
    } catch {
      // The room is being disposed: nothing to hold the seat for.
    }
  }

  override onReconnect(client: Client): void {
    const why = this.match.reconnected(client.sessionId);
    if (why === 'kicked') client.send('kicked', { message: 'The host removed you from this match.' });
    if (why !== 'ok') client.leave(why === 'kicked' ? CLOSE_CODES.kicked : CLOSE_CODES.replaced);
  }

  override onLeave(client: Client): void {
    this.match.left(client.sessionId);
  }

  /**
   * A reconnection token still in use by a live connection is refused: reusing it must not push its owner
   * out (Colyseus would close the live connection and hand the seat over).
   */
  override checkReconnectionToken(reconnectionToken: string): string {
    // (Colyseus types it as a string; undefined is what it answers for an unknown token.)
    if (this.clients.some((c) => c.reconnectionToken === reconnectionToken)) return undefined as unknown as string;
    return super.checkReconnectionToken(reconnectionToken);
  }

  override onDispose(): void {
    liveRooms.delete(this);
    this.match?.dispose();
    this.#timers.clearAll();
    // A finished match frees its lease at once (an unfinished one keeps it, so that no other process takes
    // it while this one is only restarting).
    const terms = leaseTerms(context());
    if (terms && this.match?.session.status === 'finished') void context().storage.release(this.roomId, terms.owner).catch(() => undefined);
  }

  override onBeforeShutdown(): void {
    // The log is already on disk: stop the clock and the bots, then close.
    this.match.dispose();
    void this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  override onUncaughtException(error: Error & { client?: Client; type?: string; cause?: unknown }, methodName: string): void {
    // Refusals thrown on purpose (bad options, a taken nickname) reach the client; they are not errors.
    if (error?.cause instanceof ServerError || error instanceof ServerError) return;
    console.error(`[entente] room ${this.roomId}: uncaught exception in ${methodName}:`, error?.message ?? error);
    if (methodName === 'onMessage' && error.client) error.client.send('error', { code: 'internal', message: SERVER_ERRORS.internal });
  }

  /** For the shutdown path: tell every client, without closing yet. */
  announceShutdown(message: string): void {
    this.match.dispose();
    this.broadcast('shutdown', { message });
  }
}
