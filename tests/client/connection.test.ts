import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '@colyseus/sdk';
import { Connection } from '../../client/net/connection.ts';
import { CLOSE_CODES } from '../../shared/protocol/constants.ts';

// The network layer against a stand-in for the SDK (the calls Connection makes, nothing more): when the
// server closes with 4102 ("the match moved to another server process"), the browser rejoins the match by
// its code with the seat secret at once, without trying the old process's reconnection token.

class Storage {
  #m = new Map<string, string>();
  get length() { return this.#m.size; }
  key(i: number) { return [...this.#m.keys()][i] ?? null; }
  getItem(k: string) { return this.#m.get(k) ?? null; }
  setItem(k: string, v: string) { this.#m.set(k, String(v)); }
  removeItem(k: string) { this.#m.delete(k); }
}

type Handler = (...a: unknown[]) => void;
class FakeRoom {
  roomId: string;
  reconnectionToken: string;
  reconnection = { enabled: true, maxRetries: 0, minUptime: 5000 };
  state = { code: '', status: 'running', players: {}, nations: [], settings: {} };
  messages = new Map<string, Handler>();
  leave: Handler = () => undefined;
  sent: unknown[] = [];
  constructor(id: string, n: number) {
    this.roomId = id;
    this.reconnectionToken = `${id}:token${n}`;
    this.state.code = id;
  }
  onMessage(type: string, cb: Handler) { this.messages.set(type, cb); }
  onDrop() {}
  onReconnect() {}
  onLeave(cb: Handler) { this.leave = cb; }
  onError() {}
  onStateChange = Object.assign((_cb: Handler) => undefined, { once: (cb: Handler) => { queueMicrotask(() => cb(this.state)); } });
  send(type: string, payload: unknown) { this.sent.push([type, payload]); }
}

class FakeClient {
  joins: { code: string; options: Record<string, unknown> }[] = [];
  reconnects: string[] = [];
  rooms: FakeRoom[] = [];
  async joinById(code: string, options: Record<string, unknown>) {
    this.joins.push({ code, options });
    const r = new FakeRoom(code, this.rooms.length + 1);
    this.rooms.push(r);
    return r;
  }
  async reconnect(token: string) {
    this.reconnects.push(token);
    throw new Error('no such session on this process');
  }
}

beforeEach(() => {
  vi.stubGlobal('localStorage', new Storage());
  vi.stubGlobal('sessionStorage', new Storage());
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('location', { protocol: 'http:', host: 'localhost', search: '' });
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('the connection', () => {
  it('rejoins by code with the seat secret when the match moved to another process (4102)', async () => {
    const sdk = new FakeClient();
    const conn = new Connection(() => undefined, { client: sdk as unknown as Client });
    await conn.join('ABC234', 'Ana Lark');
    // The server's seat message: the browser keeps the secret for this code.
    sdk.rooms[0]!.messages.get('seat')!({ secret: 'seat-secret-1', nation: 'valdor', nickname: 'Ana Lark', playerId: 'p2', host: false, waiting: false });
    sdk.rooms[0]!.leave(CLOSE_CODES.moved);
    await vi.waitFor(() => expect(sdk.joins).toHaveLength(2));
    expect(sdk.joins[1]).toEqual({ code: 'ABC234', options: expect.objectContaining({ nickname: 'Ana Lark', secret: 'seat-secret-1' }) });
    expect(sdk.reconnects).toEqual([]);
    await vi.waitFor(() => expect(conn.store.get().status).toBe('connected'));
    // The new connection is the one in use.
    conn.send('ready', { ready: true });
    expect(sdk.rooms[1]!.sent).toHaveLength(1);
  });

  it('a connection that does not persist (the class dashboard) leaves the tab\u2019s saved seat alone', async () => {
    const sdk = new FakeClient();
    sessionStorage.setItem('entente.session', JSON.stringify({ code: 'KEEP22', token: null, nickname: 'Bo', host: false }));
    const conn = new Connection(() => undefined, { client: sdk as unknown as Client, persist: false });
    await conn.join('ABC234', 'Teacher');
    sdk.rooms[0]!.messages.get('seat')!({ secret: 'class-secret', nation: null, nickname: 'Teacher', playerId: 'p1', host: true, waiting: false });
    expect(JSON.parse(sessionStorage.getItem('entente.session')!).code).toBe('KEEP22');
    sdk.rooms[0]!.leave(CLOSE_CODES.moved);
    await vi.waitFor(() => expect(sdk.joins).toHaveLength(2));
    expect(sdk.joins[1]).toEqual({ code: 'ABC234', options: expect.objectContaining({ nickname: 'Teacher', secret: 'class-secret' }) });
    expect(JSON.parse(sessionStorage.getItem('entente.session')!).code).toBe('KEEP22');
  });
});
