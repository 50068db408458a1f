import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { stateHash } from '../../shared/rules/index.ts';
import type { PrivateView, PrivateViewChanges } from '../../shared/protocol/messages.ts';
import { applyViewChanges } from '../../shared/protocol/privateView.ts';
import type { MatchRoom } from '../../server/rooms/MatchRoom.ts';
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

interface Recorder {
  messages: Received[];
  frames: Uint8Array[];
}
const recorders = new WeakMap<Room, Recorder>();

/** Start recording a room's messages and raw frames before it connects, so nothing is missed. */
function record(room: Room): Recorder {
  const rec: Recorder = { messages: [], frames: [] };
  recorders.set(room, rec);
  room.onMessage('*', (type, payload) => {
    rec.messages.push({ type, payload });
    // A view's changes are also recorded as the whole view they make, so tests read `private` as the client shows it.
    if (type === 'privateChanges') {
      const shown = rec.messages.findLast((m) => m.type === 'private');
      if (shown) rec.messages.push({ type: 'private', payload: applyViewChanges(shown.payload as PrivateView, payload as PrivateViewChanges) });
    }
  });
  const r = room as unknown as { onMessageCallback: (e: MessageEvent) => void };
  const original = r.onMessageCallback;
  r.onMessageCallback = function (this: unknown, e: MessageEvent) {
    const d = e.data as ArrayBuffer | Uint8Array;
    rec.frames.push(d instanceof Uint8Array ? new Uint8Array(d) : new Uint8Array(d));
    return original.call(this, e);
  };
  return rec;
}

/** An SDK client whose rooms record everything from their first frame. */
export class RecordingClient extends Client {
  constructor(url: string, options?: ConstructorParameters<typeof Client>[1]) {
    super(url, options);
    const self = this as unknown as { createRoom: (name: string, schema?: unknown) => Room };
    const create = self.createRoom.bind(this);
    self.createRoom = (name, schema) => {
      const room = create(name, schema);
      record(room);
      return room;
    };
  }
}

export function wrap(room: Room): Player {
  const rec = recorders.get(room) ?? record(room);
  const { messages, frames } = rec;
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
  const client = new RecordingClient(url);
  const room = await client.create('match', { seats: 5, turns: 2, hostName: 'Teacher', hostPlays: false, ...options });
  const p = wrap(room);
  await firstState(room);
  // The seat and the first private view follow the state on join.
  await waitFor(() => p.last('seat') && p.last('private'), 'seat and private view');
  return p;
}

export async function joinMatch(url: string, code: string, options: Record<string, unknown>): Promise<Player> {
  const client = new RecordingClient(url);
  const room = await client.joinById(code, options);
  const p = wrap(room);
  await firstState(room);
  // The seat and the first private view follow the state on join.
  await waitFor(() => p.last('seat') && p.last('private'), 'seat and private view');
  return p;
}

export async function leaveAll(...players: (Player | undefined)[]): Promise<void> {
  // A leave on a connection the server already closed may never settle: do not wait for it long.
  await Promise.all(players.map((p) => p && Promise.race([p.room.leave(true).catch(() => undefined), sleep(1000)])));
}

/** The fingerprint of what a live match (in this process) has on disk now: for "nothing changed" checks. */
function liveMatch(code: string): MatchRoom['match'] {
  const room = matchMaker.getLocalRoomById(code) as MatchRoom | undefined;
  if (!room) throw new Error(`no live match ${code}`);
  return room.match;
}

export const liveHash = (code: string): string => stateHash(liveMatch(code).session.durable.game);

/** How many actions of a match running in this process are durable (and so may have been acknowledged). */
export const liveActions = (code: string): number => liveMatch(code).session.durable.actions;

/** How many actions the archive holds for a match, asked through `url` as its host (any process, any time). */
export async function storedActions(url: string, code: string, hostSecret: string): Promise<number> {
  const r = await fetch(`${url}/api/matches/hosted`, { method: 'POST', body: JSON.stringify({ claims: [{ id: code, secret: hostSecret }] }) });
  const { matches } = await r.json() as { matches: { id: string; actions: number }[] };
  const m = matches.find((x) => x.id === code);
  if (!m) throw new Error(`${code} is not listed to its host`);
  return m.actions;
}
