import type { ServerMessageType } from '../../shared/protocol/messages.ts';
import type { Timers } from './clock.ts';

// The seam between a match and what carries it: the Colyseus room implements the port, and so can a test
// (tests/server/harness.ts), with a virtual clock, to drive a match without booting a server.

/** What the match needs from whatever carries it. */
export interface Port {
  send(sessionId: string, type: ServerMessageType, payload: unknown): void;
  /** The same message to each of these connections (encoded once). */
  sendEach(sessionIds: readonly string[], type: ServerMessageType, payload: unknown): void;
  close(sessionId: string, code: number): void;
  broadcastPatch(): void;
  /** Run `fn`, whose sends to each connection may then leave in one write (one system call per connection, not one per frame). */
  together(fn: () => void): void;
  /** The match ended: the carrier may let it go once everyone has left. */
  finished(): void;
  /** Another process runs the match now (its lease was lost): stop carrying it. */
  lost(): void;
  timers: Timers;
  now(): number;
}

export interface MatchConfig {
  botDelayMs: number;
  reconnectSeconds: number;
  timerScale: number;
  /** Test-only hooks (the `debugThrow` message). */
  testHooks?: boolean;
  shuttingDown(): boolean;
}
