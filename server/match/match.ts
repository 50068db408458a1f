import type { GameState, Scenario } from '../../shared/types.ts';
import { CLOSE_CODES, SERVER_ERRORS, type ServerMessageType } from '../../shared/protocol/messages.ts';

export type { MatchConfig, Port } from './port.ts';
import { MatchState } from '../state/MatchState.ts';
import { LeaseLostError, type StoredChatLine } from '../storage/index.ts';
import { Bots } from './bots.ts';
import { CHAT_KEPT } from './chat.ts';
import { PhaseClock } from './clock.ts';
import type { MatchConfig, Port } from './port.ts';
import { receive } from './commands.ts';
import { newConn, refOf, serverError, type Conn, type Fail } from './inbox.ts';
import { closePhase, phaseShouldClose } from './phases.ts';
import { Publisher, projectorRefusal, type Out } from './publish.ts';
import { Seats, type Person } from './seats.ts';
import { decideJoin, type JoinDecision } from './joinDecision.ts';
import type { Session } from './session.ts';
import { Drafts } from './teams.ts';

// One classroom match, whatever carries it: the Colyseus room (server/rooms/MatchRoom.ts) or a test. It
// owns the session (row, rules state, log), the people, the clock and the bots. Every input — a join, a
// message, a timer — is `run` and followed by one `sync()`, which does the same steps every time: persist
// what changed, then (once it is durable) mirror the public state, send private views and answers, re-arm
// the clock, schedule the bots and close the phase if it is done. No handler can skip a step.


export class Match {
  readonly state = new MatchState();
  readonly session: Session;
  readonly scenario: Scenario;
  readonly seats: Seats;
  readonly clock: PhaseClock;
  readonly bots: Bots;
  readonly config: MatchConfig;
  readonly port: Port;
  readonly projectors = new Set<string>();
  readonly drafts = new Drafts();
  readonly #publisher: Publisher;
  readonly #conns = new Map<string, Conn>();
  readonly #awayTimers = new Map<string, { clear(): void }>();
  #outbox: Out[] = [];
  #syncing: Promise<void> | null = null;
  #again = false;
  #disposed = false;

  constructor(session: Session, scenario: Scenario, seats: Seats, port: Port, config: MatchConfig, yearStart?: GameState) {
    this.session = session;
    this.scenario = scenario;
    this.seats = seats;
    this.port = port;
    this.config = config;
    this.clock = new PhaseClock(port.timers, port.now, () => this.run(() => this.#deadline()));
    this.bots = new Bots(port.timers, config.botDelayMs, () => this.run(() => this.#botsDue()));
    this.#publisher = new Publisher(this, yearStart);
    // After a restart nobody is connected yet: each person has the reconnection window to come back.
    for (const p of seats.values()) if (!p.kicked && !p.sessionId) this.#startAway(p);
  }

  get code(): string {
    return this.session.code;
  }

  now(): number {
    return this.port.now();
  }

  /** Rate-limit state of a connection (for the frame gate), if it is one of this match's. */
  conn(sessionId: string): Conn | undefined {
    return this.#conns.get(sessionId);
  }

  // ------------------------------------------------------------------ joining and leaving

  /** Who a new connection is; a refusal carries the code and sentence for the student. */
  join(sessionId: string, options: unknown, creator: boolean): JoinDecision | { ok: true; kind: 'projector' } {
    if (this.config.shuttingDown()) return { ok: false, code: 'bad_options', message: SERVER_ERRORS.shutting_down };
    if (options && typeof options === 'object' && 'projector' in options) return this.#projector(sessionId, options);
    const g = this.session.game;
    const decision = decideJoin(this.seats, options, {
      status: this.session.status, locked: !!this.session.clock.locked, creator,
      nations: g.nations.map((n) => n.id), now: { turn: g.turn, events: g.events.length },
    });
    if (!decision.ok) return decision;
    const p = decision.person;
    // Someone whose nation went to another meanwhile waits for the teacher like a newcomer.
    if (this.session.status === 'running' && !p.host && !p.nation) this.seats.wait(p);
    this.#cancelAway(p);
    const previous = this.seats.attach(p, sessionId);
    if (previous) this.port.close(previous, CLOSE_CODES.replaced);
    this.#connected(sessionId, p);
    return decision;
  }

  #projector(sessionId: string, options: object): JoinDecision | { ok: true; kind: 'projector' } {
    const refused = projectorRefusal(this.session.row.settings.projectorKeyHash, options, this.projectors.size);
    if (refused) return refused;
    this.projectors.add(sessionId);
    this.#conns.set(sessionId, newConn());
    void this.sync();
    return { ok: true, kind: 'projector' };
  }

  #connected(sessionId: string, p: Person): void {
    this.#conns.set(sessionId, newConn());
    this.#publisher.forget(sessionId);
    this.#outbox.push({ session: sessionId, type: 'seat', payload: this.#publisher.seatMessage(p) });
    void this.sync();
  }

  /** The connection dropped without leaving. True: hold the person's place for the reconnection window. */
  dropped(sessionId: string): boolean {
    const p = this.seats.bySession(sessionId);
    if (!p || this.config.shuttingDown()) return false;
    this.seats.drop(p);
    void this.sync();
    return true;
  }

  /** Colyseus holds a reconnection seat for this dropped connection; `cancel` frees it. */
  holdReconnection(sessionId: string, cancel: () => void): void {
    const p = this.seats.bySession(sessionId);
    if (p) p.cancelReconnection = cancel;
    else cancel();
  }

  /** The same connection came back within the window, unless its person was removed or rejoined elsewhere. */
  reconnected(sessionId: string): 'ok' | 'kicked' | 'replaced' {
    const p = this.seats.bySession(sessionId);
    if (!p) return [...this.seats.people.values()].some((x) => x.kicked && x.lastSession === sessionId) ? 'kicked' : 'replaced';
    p.cancelReconnection = null;
    this.seats.attach(p, sessionId);
    this.#connected(sessionId, p);
    return 'ok';
  }

  /** The connection is gone for good (left, closed, or its window passed). */
  left(sessionId: string): void {
    this.#conns.delete(sessionId);
    this.#publisher.forget(sessionId);
    this.projectors.delete(sessionId);
    const p = this.seats.bySession(sessionId);
    if (!p) return;
    this.seats.away(p);
    this.seats.dirty = true;
    void this.sync();
  }

  #startAway(p: Person): void {
    this.#awayTimers.set(p.id, this.port.timers.setTimeout(() => this.run(() => {
      this.#awayTimers.delete(p.id);
      if (!p.connected && !p.kicked) this.seats.away(p);
    }), this.config.reconnectSeconds * 1000));
  }

  #cancelAway(p: Person): void {
    this.#awayTimers.get(p.id)?.clear();
    this.#awayTimers.delete(p.id);
  }

  // ------------------------------------------------------------------ messages

  /** A client message: checked, run, answered (after what it caused is durable and shown). */
  message(sessionId: string, type: string | number, payload: unknown): void {
    const ref = refOf(payload);
    this.run(() => {
      let name = String(type).slice(0, 40);
      let e: Fail | null;
      try {
        const r = receive(this, sessionId, type, payload);
        name = r.name;
        e = r.error;
      } catch (err) {
        console.error(`[entente] match ${this.code}: ${name} failed:`, err);
        e = serverError('internal');
      }
      this.#outbox.push(e
        ? { session: sessionId, type: 'error', payload: ref === undefined ? { ...e, type: name } : { ...e, type: name, ref } }
        : { session: sessionId, type: 'accepted', payload: ref === undefined ? { type: name } : { type: name, ref }, ack: true });
    });
  }

  /** Put a line out to everyone allowed to read it, once it is durable. */
  deliverLine(line: StoredChatLine): void {
    this.#outbox.push({ line });
  }

  /** Tell one connection something, in order with the answers (after the writes before it are durable). */
  tell(sessionId: string, type: ServerMessageType, payload: unknown): void {
    this.#outbox.push({ session: sessionId, type, payload });
  }

  /** A person's nation or standing changed: they get their `seat` message again. */
  seatChanged(p: Person): void {
    this.seats.dirty = true;
    if (p.sessionId) this.tell(p.sessionId, 'seat', this.#publisher.seatMessage(p));
  }

  // ------------------------------------------------------------------ run and sync

  /** Do something to the match, then sync. */
  run(fn: () => void): void {
    if (this.#disposed) return;
    try {
      fn();
    } catch (e) {
      console.error(`[entente] match ${this.code}: error:`, e);
    }
    void this.sync();
  }

  /** The same steps after every change; calls during a sync make it go round once more. */
  sync(): Promise<void> {
    if (this.#syncing) {
      this.#again = true;
      return this.#syncing;
    }
    this.#syncing = (async () => {
      try {
        do {
          this.#again = false;
          await this.#syncOnce();
        } while (this.#again && !this.#disposed);
      } finally {
        this.#syncing = null;
      }
    })();
    return this.#syncing;
  }

  /** Resolves when nothing is left to do (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#syncing) await this.#syncing;
  }

  async #syncOnce(): Promise<void> {
    if (this.#disposed) return;
    if (this.seats.dirty) {
      this.session.setPlayers(this.seats.stored());
      this.seats.dirty = false;
    }
    const out = this.#outbox.splice(0);
    let snap;
    try {
      snap = await this.session.commit();
    } catch (e) {
      if (e instanceof LeaseLostError) {
        console.error(`[entente] match ${this.code}: another process runs it now; letting it go`);
        this.dispose();
        this.port.lost();
        return;
      }
      console.error(`[entente] match ${this.code}: could not save:`, (e as Error).message);
      this.seats.dirty = true;
      this.#publisher.deliver(out.map((o) => ('ack' in o && o.ack ? { session: o.session, type: 'error' as const, payload: { ...serverError('storage'), ...(o.payload as object) } } : o)).filter((o) => !('line' in o)));
      return;
    }
    if (this.#disposed) return;
    this.port.together(() => this.#publisher.publish(snap, out));
    this.session.trimChat(CHAT_KEPT);
    const live = this.session.status === 'running' && !this.session.game.over && !this.config.shuttingDown();
    this.clock.arm(this.session.clock, live);
    this.bots.schedule(this.session.game, live && !this.session.clock.paused, this.session.row.seats, this.seats);
    if (live && phaseShouldClose(this)) {
      closePhase(this);
      this.#again = true;
    }
  }

  #deadline(): void {
    if (this.session.status !== 'running' || this.session.clock.paused) return;
    // The room's clock ticks in steps: a timer a little early waits for the rest.
    if (this.now() + 5 < this.session.clock.deadline) return this.clock.arm(this.session.clock, true);
    closePhase(this);
  }

  #botsDue(): void {
    if (this.session.status !== 'running' || this.session.clock.paused || this.config.shuttingDown()) return;
    const r = this.bots.play(this.session.game, this.session.row.seats, this.seats);
    this.session.adopt(r.actions, r.state);
  }

  /** Stop every timer; the match does nothing more (its log is already on disk). */
  dispose(): void {
    this.#disposed = true;
    this.clock.clear();
    this.bots.clear();
    for (const t of this.#awayTimers.values()) t.clear();
    this.#awayTimers.clear();
  }
}
