import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerMessageType } from '../../shared/protocol/messages.ts';
import { createMatch, recoverMatch, type Created } from '../../server/match/create.ts';
import { Match, type MatchConfig, type Port } from '../../server/match/match.ts';
import { openSqliteStorage, type Storage } from '../../server/storage/index.ts';
import { Journal } from '../../server/storage/journal.ts';

// The match without Colyseus: a Match on a fake port with a virtual clock, over real SQLite storage in a
// temporary folder. Tests drive it with joins, messages and time, and read what each connection was sent.

export interface Sent {
  session: string;
  type: ServerMessageType;
  payload: unknown;
}

/** Timers on a virtual clock: nothing fires until the test moves time on. */
export class VirtualTimers {
  now = 1_000_000;
  #queue: { at: number; seq: number; fn: () => void }[] = [];
  #seq = 0;
  setTimeout(fn: () => void, ms: number): { clear(): void } {
    const entry = { at: this.now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#queue.push(entry);
    return { clear: () => void (this.#queue = this.#queue.filter((e) => e !== entry)) };
  }
  /** Fire the next timer (moving the clock to it); false when none is left. */
  fireNext(): boolean {
    this.#queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.#queue.shift();
    if (!next) return false;
    this.now = Math.max(this.now, next.at);
    next.fn();
    return true;
  }
  get pending(): number {
    return this.#queue.length;
  }
}

export interface Harness {
  dir: string;
  match: Match;
  storage: Storage;
  journal: Journal;
  timers: VirtualTimers;
  sent: Sent[];
  closed: { session: string; code: number }[];
  /** Messages of one type sent to one connection. */
  to<T = unknown>(session: string, type: ServerMessageType): T[];
  /** Let the match finish what it is doing. */
  settle(): Promise<void>;
  /** Fire timers (and settle after each) until `done` holds or `max` timers fired. */
  runUntil(done: () => boolean, max?: number): Promise<void>;
  close(): Promise<void>;
}

const CONFIG: MatchConfig = { botDelayMs: 400, reconnectSeconds: 120, timerScale: 1, shuttingDown: () => false };

async function carry(created: Created, storage: Storage, journal: Journal, dir: string, timers: VirtualTimers, config: Partial<MatchConfig>): Promise<Harness> {
  const sent: Sent[] = [];
  const closed: { session: string; code: number }[] = [];
  const port: Port = {
    send: (session, type, payload) => void sent.push({ session, type, payload: structuredClone(payload) }),
    close: (session, code) => void closed.push({ session, code }),
    broadcastPatch: () => undefined,
    sendEach: (ids, type, payload) => ids.forEach((id) => port.send(id, type, payload)),
    together: (fn) => fn(),
    finished: () => undefined,
    lost: () => undefined,
    timers,
    now: () => timers.now,
  };
  const match = new Match(created.session, created.scenario, created.seats, port, { ...CONFIG, ...config }, created.yearStart);
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await match.idle();
      await journal.drain();
    }
  };
  await settle();
  return {
    dir, match, storage, journal, timers, sent, closed, settle,
    to: <T>(session: string, type: ServerMessageType) => sent.filter((m) => m.session === session && m.type === type).map((m) => m.payload as T),
    async runUntil(done, max = 100_000) {
      for (let i = 0; i < max && !done(); i++) {
        if (!timers.fireNext()) break;
        await settle();
      }
    },
    async close() {
      match.dispose();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new match from host options (as `client.create` would send them). */
export async function harness(options: Record<string, unknown>, config: Partial<MatchConfig> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-match-'));
  const storage = openSqliteStorage(dir);
  const journal = new Journal(storage);
  const timers = new VirtualTimers();
  const created = await createMatch({ journal, now: () => timers.now, liveCode: () => false }, { seats: 4, turns: 2, hostName: 'Teacher', hostPlays: false, ...options });
  return carry(created, storage, journal, dir, timers, config);
}

/** The same match brought back from its storage, as after a restart. */
export async function reopen(h: Harness, config: Partial<MatchConfig> = {}): Promise<Harness> {
  h.match.dispose();
  const created = await recoverMatch({ journal: h.journal, now: () => h.timers.now, liveCode: () => false }, h.match.code, 30_000);
  return carry(created, h.storage, h.journal, h.dir, h.timers, config);
}
