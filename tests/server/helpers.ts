import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { configFromEnv, type ServerConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/app.ts';

// Helpers for the server tests: a real server on a free port with its own temporary DATA_DIR, SDK clients
// that record every message they get, and small waits.

export interface TestServer extends RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function bootServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entente-test-'));
  const config: ServerConfig = { ...configFromEnv({}), port: 0, dataDir, botDelayMs: 20, staticDir: join(dataDir, 'no-client'), ...overrides };
  const server = await startServer(config);
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    dataDir,
    async stop() {
      await server.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Received {
  type: string | number;
  payload: unknown;
}

/** An SDK room plus everything it received, for assertions. */
export interface Player {
  room: Room;
  messages: Received[];
  /** Raw frames as received by the socket (before decoding), as bytes. */
  frames: Uint8Array[];
  last<T = unknown>(type: string): T | undefined;
  all<T = unknown>(type: string): T[];
  /** Send and wait for the answer to this message (accepted or error with the same ref). */
  ask(type: string, payload?: Record<string, unknown>): Promise<{ type: 'accepted' | 'error'; payload: Record<string, unknown> }>;
}

let refCounter = 0;

export function wrap(room: Room): Player {
  const messages: Received[] = [];
  const frames: Uint8Array[] = [];
  room.onMessage('*', (type, payload) => messages.push({ type, payload }));
  const events = (room.connection as unknown as { events: { onmessage?: (e: MessageEvent) => void } }).events;
  const original = events.onmessage;
  if (original) {
    events.onmessage = (e: MessageEvent) => {
      const d = e.data as ArrayBuffer | Uint8Array;
      frames.push(d instanceof Uint8Array ? new Uint8Array(d) : new Uint8Array(d));
      original(e);
    };
  }
  const p: Player = {
    room,
    messages,
    frames,
    last: <T>(type: string) => [...messages].reverse().find((m) => m.type === type)?.payload as T | undefined,
    all: <T>(type: string) => messages.filter((m) => m.type === type).map((m) => m.payload as T),
    ask(type, payload = {}) {
      const ref = `r${++refCounter}`;
      const start = messages.length;
      room.send(type, { ...payload, ref });
      return waitFor(() => {
        for (let i = start; i < messages.length; i++) {
          const m = messages[i]!;
          if ((m.type === 'accepted' || m.type === 'error') && (m.payload as { ref?: string }).ref === ref) {
            return { type: m.type, payload: m.payload as Record<string, unknown> };
          }
        }
        return undefined;
      }, `answer to ${type}`);
    },
  };
  return p;
}

export async function waitFor<T>(fn: () => T | undefined | false | null, what = 'condition', timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false && v !== null) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Wait for the first full state before reading nested state (STACK.md trap 4). */
export async function firstState(room: Room): Promise<void> {
  if ((room.state as { code?: string })?.code) return;
  await new Promise<void>((resolve) => {
    const cb = (): void => {
      if ((room.state as { code?: string })?.code) {
        room.onStateChange.remove(cb);
        resolve();
      }
    };
    room.onStateChange(cb);
  });
}

export async function createMatch(url: string, options: Record<string, unknown>): Promise<Player> {
  const client = new Client(url);
  const room = await client.create('match', { seats: 5, turns: 2, hostName: 'Teacher', hostPlays: false, ...options });
  const p = wrap(room);
  await firstState(room);
  return p;
}

export async function joinMatch(url: string, code: string, options: Record<string, unknown>): Promise<Player> {
  const client = new Client(url);
  const room = await client.joinById(code, options);
  const p = wrap(room);
  await firstState(room);
  return p;
}

export async function leaveAll(...players: (Player | undefined)[]): Promise<void> {
  await Promise.all(players.map((p) => p?.room.leave(true).catch(() => undefined)));
}
