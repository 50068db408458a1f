import { Client, type Room } from '@colyseus/sdk';
import type { ClientMessage, ClientMessageType, CreateOptions } from '../../shared/protocol/messages.ts';
import { CLOSE_CODES, FINAL_JOIN_CODES, SERVER_MESSAGES } from './protocol.ts';
import { Store } from '../state/store.ts';
import { initialAppState, readPublic, type AppState } from '../state/model.ts';
import { clearSession, deviceId, loadSecret, loadSession, saveSession } from './session.ts';
import { joinErrorText } from './errors.ts';
import { serverHandlers, type Pending } from './handlers.ts';

// The network layer: the only code that touches the Colyseus SDK for a seat (the projector has its own,
// read-only, in projector.ts). It hosts, joins and rejoins a match, turns the synced schema state and the
// targeted messages into the one store, and sends client messages. It never applies an action itself:
// it waits for the server's state.

export const ROOM = 'match';

export function endpoint(): string {
  const override = new URLSearchParams(location.search).get('server');
  return override ?? `${location.protocol}//${location.host}`;
}

export type Announcer = (text: string) => void;

let refCounter = 0;

export class Connection {
  readonly store = new Store<AppState>(initialAppState());
  #client: Client;
  #room: Room | null = null;
  #announce: Announcer;
  #code = '';
  #leaving = false;
  #unloading = false;
  #pending: Pending = new Map();

  /** False for the class dashboard's connections: they never become the tab's one saved seat. */
  #persist: boolean;

  constructor(announce: Announcer = () => {}, opts: { persist?: boolean; client?: Client } = {}) {
    this.#client = opts.client ?? new Client(endpoint());
    this.#announce = announce;
    this.#persist = opts.persist ?? true;
    // A page being reloaded or closed must not try to rejoin: its successor (the reloaded page) does,
    // and a late rejoin from the dying page would push the new one out ("replaced").
    const dying = () => {
      this.#unloading = true;
      if (this.#room) this.#room.reconnection.enabled = false;
    };
    addEventListener('pagehide', dying);
    addEventListener('beforeunload', dying);
  }

  get code(): string {
    return this.#code;
  }

  async host(options: CreateOptions): Promise<void> {
    this.store.set({ ...initialAppState(), status: 'connecting', nickname: options.hostName });
    const room = await this.#client.create(ROOM, { ...options, device: deviceId() });
    this.#code = room.roomId;
    await this.#attach(room, options.hostName, true);
  }

  async join(code: string, nickname: string): Promise<void> {
    this.store.set({ ...initialAppState(), status: 'connecting', nickname });
    try {
      const secret = loadSecret(code);
      const room = await this.#client.joinById(code, { nickname, device: deviceId(), ...(secret ? { secret } : {}) });
      this.#code = room.roomId;
      await this.#attach(room, nickname, false);
    } catch (e) {
      this.store.set({ status: 'idle' });
      throw new Error(joinErrorText(e), { cause: e });
    }
  }

  /** The projector page: the public state only, read-only (it may send nothing and receives no private data). */
  async watch(code: string, key: string): Promise<void> {
    this.store.set({ ...initialAppState(), status: 'connecting' });
    this.#projector = true;
    try {
      const room = await this.#client.joinById(code, { projector: key });
      this.#code = room.roomId;
      await this.#attach(room, 'Projector', false);
    } catch (e) {
      this.store.set({ status: 'idle', error: joinErrorText(e) });
      throw new Error(joinErrorText(e), { cause: e });
    }
  }

  #projector = false;

  /**
   * After a reload, or when the connection was lost for good (e.g. the server restarted): the saved token
   * first (same session, within the server's grace window), then the seat secret, retrying while the
   * server is unreachable. False when the seat cannot be reclaimed (the store's `error` says why).
   */
  async resume(deadlineMs = 90_000, useToken = true): Promise<boolean> {
    const saved = this.#persist ? loadSession() : this.#saved;
    if (!saved) return false;
    this.#leaving = false;
    this.store.set({ status: 'reconnecting', nickname: saved.nickname, isHost: saved.host });
    if (saved.token && useToken) {
      try {
        const room = await this.#client.reconnect(saved.token);
        this.#code = saved.code;
        await this.#attach(room, saved.nickname, saved.host);
        return true;
      } catch {
        // the grace window passed (or the server restarted): fall back to the seat secret
      }
    }
    const until = Date.now() + deadlineMs;
    let problem = 'Could not reconnect to the match.';
    while (!this.#leaving) {
      try {
        const secret = loadSecret(saved.code);
        if (!secret) { problem = 'This browser has no seat in that match any more.'; break; }
        const room = await this.#client.joinById(saved.code, { nickname: saved.nickname, secret, device: deviceId() });
        this.#code = saved.code;
        await this.#attach(room, saved.nickname, saved.host);
        return true;
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'number' && FINAL_JOIN_CODES.has(code)) { problem = joinErrorText(e); break; }
        if (Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 1500));
      }
    }
    this.#forget();
    this.store.set({ ...initialAppState(), error: problem });
    return false;
  }

  async #attach(room: Room, nickname: string, host: boolean): Promise<void> {
    this.#room = room;
    this.#leaving = false;
    room.reconnection.maxRetries = 30;
    room.reconnection.minUptime = 0;
    this.#save(nickname, host);
    const handlers = serverHandlers({
      store: this.store, announce: this.#announce, pending: this.#pending, code: () => this.#code,
      save: (h) => this.#save(this.store.get().nickname, h),
      removed: (message) => this.#closed(message, true),
    });
    for (const type of SERVER_MESSAGES) room.onMessage(type, handlers[type] as (p: unknown) => void);
    room.onDrop(() => { if (!this.#unloading) this.store.set({ status: 'reconnecting' }); });
    room.onReconnect(() => {
      this.#save(nickname, host);
      this.store.set({ status: 'connected', error: null });
    });
    room.onLeave((code) => {
      if (this.#leaving || this.#unloading || this.#room !== room) return;
      if (code === CLOSE_CODES.kicked) return this.#closed('The teacher removed you from this match.', true);
      if (code === CLOSE_CODES.replaced) return this.#closed('You opened this match in another tab or device, so this one was closed.', false);
      if (code === 4000 || code === 1000) return this.#closed('The match closed.', false);
      if (this.#projector) return this.#closed('The projector lost the match: reload the page.', false);
      // The match moved to another server process: its reconnection token means nothing there, so rejoin by
      // code with the seat secret at once, as after a restart.
      if (code === CLOSE_CODES.moved) {
        this.store.set({ status: 'reconnecting' });
        void this.resume(90_000, false).then((ok) => { if (!ok) this.#closed(this.store.get().error ?? 'The connection to the match was lost.', false); });
        return;
      }
      // Lost for good (the server restarted, or the network was gone too long): rejoin with the seat secret.
      void this.resume().then((ok) => { if (!ok) this.#closed(this.store.get().error ?? 'The connection to the match was lost.', false); });
    });
    room.onError((_code, message) => this.store.set({ error: message ?? 'Connection error.' }));
    const first = new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    room.onStateChange((state) => this.#onState(state));
    this.store.set({ status: 'connected', nickname, isHost: host, error: null });
    await Promise.race([first, new Promise((r) => setTimeout(r, 4000))]);
    const st = (room as { state?: unknown }).state;
    if (st) this.#onState(st);
  }

  /** The match is gone for this browser: back to an empty store with the reason, for the home page. */
  #closed(reason: string, forget: boolean): void {
    this.#leaving = true;
    if (forget) this.#forget();
    this.#room = null;
    for (const p of this.#pending.values()) { clearTimeout(p.timer); p.reject(new Error(reason)); }
    this.#pending.clear();
    this.store.set({ ...initialAppState(), status: 'closed', error: reason });
  }

  /** The session of a connection that does not persist (the dashboard's), kept in memory for its rejoin. */
  #saved: ReturnType<typeof loadSession> = null;

  #save(nickname: string, host: boolean): void {
    if (!this.#room || this.#projector) return;
    const session = { code: this.#code, token: this.#room.reconnectionToken, nickname, host };
    if (this.#persist) saveSession(session);
    else this.#saved = session;
  }

  /** The server's time as last sent, and the clock offset measured when it came (a patch without it keeps the offset). */
  #serverTime: unknown = undefined;
  #clockOffset = 0;

  #onState(state: unknown): void {
    const json = typeof (state as { toJSON?: () => unknown })?.toJSON === 'function' ? (state as { toJSON: () => unknown }).toJSON() : state;
    const { meta, game } = readPublic(json, this.#code);
    const serverTime = (json as { serverTime?: unknown } | null)?.serverTime;
    if (serverTime !== this.#serverTime) {
      this.#serverTime = serverTime;
      this.#clockOffset = meta.clockOffset;
    } else meta.clockOffset = this.#clockOffset;
    this.store.set({ meta, game, version: this.store.get().version + 1 });
  }

  send<T extends ClientMessageType>(type: T, payload: Omit<ClientMessage<T>, 'ref'>): string {
    const ref = `r${++refCounter}`;
    if (!this.#room) throw new Error('not connected');
    this.store.set({ error: null });
    this.#room.send(type, { ...payload, ref });
    return ref;
  }

  /** Send and wait for the server's answer: resolves on `accepted`, rejects with the `error` sentence. */
  request<T extends ClientMessageType>(type: T, payload: Omit<ClientMessage<T>, 'ref'>, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      let ref: string;
      try { ref = this.send(type, payload); } catch (e) { reject(e as Error); return; }
      const timer = setTimeout(() => { this.#pending.delete(ref); reject(new Error('No answer from the server yet: check your connection.')); }, timeoutMs);
      this.#pending.set(ref, { resolve, reject, timer });
    });
  }

  #forget(): void {
    if (this.#persist) clearSession();
    else this.#saved = null;
  }

  async leave(): Promise<void> {
    this.#leaving = true;
    this.#forget();
    const room = this.#room;
    this.#room = null;
    this.store.set({ ...initialAppState() });
    await room?.leave(true).catch(() => 0);
  }
}
