import { Client, type Room } from '@colyseus/sdk';
import type { ChatLine, ClientMessage, ClientMessageType, CreateOptions, ErrorMessage, PrivateView, SeatSecretMessage, TeacherView } from '../../shared/protocol/messages.ts';
import { Store } from '../state/store.ts';
import { initialAppState, readPublic, type AppState } from '../state/model.ts';
import { clearSession, loadSecret, loadSession, saveSecret, saveSession } from './session.ts';
import { joinErrorText } from './errors.ts';
import { phaseHint, phaseLine } from '../view/format.ts';

// The network layer: the only code that touches the Colyseus SDK. It hosts, joins and rejoins a match,
// turns the synced schema state and the targeted messages into the app store, and sends validated
// client messages. It never applies an action itself: it waits for the server's state.

export const ROOM = 'match';

function endpoint(): string {
  const override = new URLSearchParams(location.search).get('server');
  if (override) return override;
  return `${location.protocol}//${location.host}`;
}

export interface Announcer {
  (text: string): void;
}

let refCounter = 0;

/** Join refusals that retrying cannot fix: nickname taken, kicked, wrong secret, match over. */
const FINAL_JOIN_CODES = new Set([4301, 4302, 4303, 4304, 4306, 4307, 4308]);

export class Connection {
  readonly store = new Store<AppState>(initialAppState());
  #client: Client;
  #room: Room | null = null;
  #announce: Announcer;
  #code = '';
  #leaving = false;

  constructor(announce: Announcer = () => {}) {
    this.#client = new Client(endpoint());
    this.#announce = announce;
    // A page being reloaded or closed must not try to rejoin: its successor (the reloaded page) does,
    // and a late rejoin from the dying page would push the new one out ("replaced").
    const dying = () => {
      this.#unloading = true;
      if (this.#room) this.#room.reconnection.enabled = false;
    };
    addEventListener('pagehide', dying);
    addEventListener('beforeunload', dying);
  }

  #unloading = false;

  get room(): Room | null {
    return this.#room;
  }

  async host(options: CreateOptions): Promise<void> {
    this.store.set({ status: 'connecting', error: null, nickname: options.hostName });
    const room = await this.#client.create(ROOM, options);
    this.#code = room.roomId;
    this.store.set({ isHost: true });
    await this.#attach(room, options.hostName, true);
  }

  async join(code: string, nickname: string): Promise<void> {
    this.store.set({ status: 'connecting', error: null, nickname });
    try {
      const secret = loadSecret(code);
      const room = await this.#client.joinById(code, secret ? { nickname, secret } : { nickname });
      this.#code = room.roomId;
      await this.#attach(room, nickname, false);
    } catch (e) {
      this.store.set({ status: 'idle' });
      throw new Error(joinErrorText(e), { cause: e });
    }
  }

  /**
   * After a reload, or when the connection was lost for good (e.g. the server restarted): the saved token
   * first (same session, within the server's grace window), then the seat secret, retrying while the
   * server is unreachable. Shows "reconnecting…" meanwhile. False when the seat cannot be reclaimed.
   */
  async resume(deadlineMs = 90_000): Promise<boolean> {
    const saved = loadSession();
    if (!saved) return false;
    this.#leaving = false;
    this.store.set({ status: 'reconnecting', nickname: saved.nickname, isHost: saved.host });
    if (saved.token) {
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
        const room = await this.#client.joinById(saved.code, { nickname: saved.nickname, secret });
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
    clearSession();
    this.store.set({ status: 'idle', error: problem });
    return false;
  }

  async #attach(room: Room, nickname: string, host: boolean): Promise<void> {
    this.#room = room;
    this.#leaving = false;
    room.reconnection.maxRetries = 30;
    room.reconnection.minUptime = 0;
    this.#save(nickname, host);
    room.onMessage('*', (type, payload) => this.#onMessage(String(type), payload));
    room.onDrop(() => { if (!this.#unloading) this.store.set({ status: 'reconnecting' }); });
    room.onReconnect(() => {
      this.#save(nickname, host);
      this.store.set({ status: 'connected', error: null });
    });
    room.onLeave((code) => {
      if (this.#leaving || this.#unloading || this.#room !== room) return;
      if (code === 4100 || code === 4101 || code === 4000 || code === 1000) {
        const reason = code === 4100 ? 'The teacher removed you from this match.'
          : code === 4101 ? 'You opened this match in another tab or device, so this one was closed.'
          : 'You left the match.';
        if (code === 4100) clearSession();
        this.store.set({ status: 'closed', error: reason });
        return;
      }
      // Lost for good (the server restarted, or the network was gone too long): rejoin with the seat secret.
      void this.resume().then((ok) => { if (!ok) this.store.set({ status: 'closed', error: this.store.get().error ?? 'The connection to the match was lost.' }); });
    });
    room.onError((_code, message) => this.store.set({ error: message ?? 'Connection error.' }));
    const first = new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
    room.onStateChange((state) => this.#onState(state));
    this.store.set({ sessionId: room.sessionId, status: 'connected', nickname, isHost: host, error: null });
    await Promise.race([first, new Promise((r) => setTimeout(r, 4000))]);
    const st = (room as { state?: unknown }).state;
    if (st) this.#onState(st);
  }

  #save(nickname: string, host: boolean): void {
    if (!this.#room) return;
    saveSession({ code: this.#code, token: this.#room.reconnectionToken, nickname, host });
  }

  #onState(state: unknown): void {
    const json = typeof (state as { toJSON?: () => unknown })?.toJSON === 'function' ? (state as { toJSON: () => unknown }).toJSON() : state;
    const { meta, game } = readPublic(json, this.#code);
    const prev = this.store.get();
    if (prev.meta?.started && prev.game && (prev.game.phase !== game.phase || prev.game.turn !== game.turn) && !meta.over) {
      this.#announce(`${phaseLine(game.turn, game.turns, game.phase)}. ${phaseHint(game.phase)}`);
    }
    if (prev.game && game.news.length > prev.game.news.length) {
      const item = game.news[game.news.length - 1]!;
      this.#announce(`News of turn ${item.turn}: ${item.lines.join(' ')}`);
    }
    this.store.set({ meta, game, version: prev.version + 1 });
  }

  #onMessage(type: string, payload: unknown): void {
    const p = (payload ?? {}) as Record<string, unknown>;
    const st = this.store.get();
    if (type === 'error' || (typeof p.code === 'string' && typeof p.message === 'string' && !('secret' in p))) {
      const e = p as unknown as ErrorMessage;
      this.store.set({ error: e.message });
      this.#announce(e.message);
      if (e.ref) this.#settle(e.ref, e.message);
      return;
    }
    if (type === 'seat' || typeof p.secret === 'string') {
      const s = p as unknown as SeatSecretMessage;
      saveSecret(this.#code, s.secret);
      this.store.set({ playerId: s.playerId ?? st.playerId, isHost: s.host ?? st.isHost, version: st.version + 1 });
      this.#save(st.nickname, s.host ?? st.isHost);
      return;
    }
    if (type === 'kicked' || type === 'shutdown') {
      const m = String(p.message ?? '');
      this.store.set({ error: m });
      this.#announce(m);
      if (type === 'kicked') { this.#leaving = true; clearSession(); this.store.set({ status: 'closed' }); }
      return;
    }
    if (type === 'accepted') {
      if (typeof p.ref === 'string') this.#settle(p.ref, null);
      return;
    }
    if (type === 'private' || type === 'view' || ('relations' in p && 'proposals' in p)) {
      const priv = p as unknown as PrivateView;
      const before = new Set((st.priv?.proposals ?? []).map((x) => x.id));
      for (const prop of priv.proposals ?? []) {
        if (!before.has(prop.id) && prop.status === 'open' && priv.nation && prop.to.includes(priv.nation) && st.priv) {
          const from = st.game?.nations.find((n) => n.id === prop.from)?.name ?? prop.from;
          this.#announce(`New proposal from ${from}: a ${prop.terms.kind === 'alliance' ? 'defensive alliance' : 'strategic partnership'}.`);
        }
      }
      const chat = priv.chat ? mergeChat(st.chat, priv.chat) : st.chat;
      this.store.set({ priv, chat, playerId: priv.playerId ?? st.playerId, version: st.version + 1 });
      return;
    }
    if (type === 'teacher' || 'policies' in p) {
      this.store.set({ teacher: p as unknown as TeacherView });
      return;
    }
    if (type === 'chat' || typeof p.fromName === 'string') {
      const line = p as unknown as ChatLine;
      this.store.set({ chat: mergeChat(st.chat, [line]) });
      return;
    }
    if (Array.isArray(payload) && type === 'chatHistory') {
      this.store.set({ chat: mergeChat(st.chat, payload as ChatLine[]) });
    }
  }

  send<T extends ClientMessageType>(type: T, payload: Omit<ClientMessage<T>, 'ref'>): string {
    const ref = `r${++refCounter}`;
    if (!this.#room) throw new Error('not connected');
    this.store.set({ error: null });
    this.#room.send(type, { ...payload, ref });
    return ref;
  }

  #pending = new Map<string, { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  #settle(ref: string, error: string | null): void {
    const p = this.#pending.get(ref);
    if (!p) return;
    this.#pending.delete(ref);
    clearTimeout(p.timer);
    if (error === null) p.resolve(); else p.reject(new Error(error));
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

  async leave(): Promise<void> {
    this.#leaving = true;
    clearSession();
    await this.#room?.leave(true).catch(() => 0);
    this.#room = null;
    this.store.set({ ...initialAppState() });
  }
}

export function mergeChat(a: ChatLine[], b: ChatLine[]): ChatLine[] {
  const seen = new Map<string, ChatLine>();
  for (const l of [...a, ...b]) seen.set(`${l.id}:${l.from}:${l.to}`, l);
  return [...seen.values()].sort((x, y) => x.id - y.id);
}
