import type { Summary } from './stats.ts';

// What the orchestrator (bench/load.ts, bench/soak.ts) and its generator processes (bench/load/generator.ts)
// say to each other over the child-process IPC channel: one command, one reply with the same `id`.

/** entente2: two Entente processes sharing PostgreSQL + Redis (bench:load --processes 2). */
export type Target = 'bare' | 'entente' | 'entente2';

/** One room of the plan: how many simulated students join it (the rest of its seats are left to bots). */
export interface RoomPlan {
  index: number;
  students: number;
}

export interface GenOptions {
  /** Generator number (0, 1, ...): makes refs and nicknames unique across generators. */
  gen: number;
  /** Each student acts once per period (ms), jittered by ± jitter (0..1 of the period). */
  periodMs: number;
  jitter: number;
  /** Entente only: match settings. */
  seats: number;
  turns: number;
  timers: { diplomacy: number; policy: number; crisis: number; resolution: number; news: number };
  /** Entente only: hosts start their matches spread over this many ms (so rooms do not change phase in step). */
  startSpreadMs: number;
  /** How many rooms have one client counting the bytes it receives per turn. */
  observers: number;
  /** Let the SDK reconnect on an abnormal close (off for the kill -9 test). */
  reconnect: boolean;
  /** Every acknowledged action is appended here as one JSON line (for the lost-action check). */
  acksFile: string;
  /** Rooms joined at once while setting up. */
  concurrency: number;
}

export type Command =
  /** urls: several processes' addresses (entente2): creates and joins by code are spread over them, round robin. */
  | { id: number; cmd: 'setup'; target: Target; url: string; urls?: string[]; rooms: RoomPlan[]; options: GenOptions }
  | { id: number; cmd: 'start'; target: Target }
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'collect'; target?: Target }
  | { id: number; cmd: 'interval' }
  | { id: number; cmd: 'quiet' }
  | { id: number; cmd: 'teardown' }
  | { id: number; cmd: 'exit' };

export interface TurnBytes {
  /** Bytes of WebSocket message payloads one student received between two `turn` increments. */
  bytes: number;
  frames: number;
  /** Split by what the frames were: state patches, `private` views, `chat`, everything else. */
  byKind: Record<string, number>;
  /** `JSON.stringify(room.state.toJSON())` at the end of that turn: the full public state. */
  stateJson: number;
}

export interface GenReport {
  windowMs: number;
  /** CPU the generator used in the window (user + system ms) and its event-loop delay (ms). */
  cpuMs: number;
  loop: { p50: number; p95: number; p99: number; max: number };
  /** Its GC pauses in the window and its heap at the end. */
  gc: { maxMs: number; majorMaxMs: number; totalMs: number; heapMB: number };
  /** Latency samples (ms) by metric, e.g. `accepted:propose`, `seen:propose`, `seen:chat`, `seen:echo`. */
  lat: Record<string, number[]>;
  sent: Record<string, number>;
  accepted: Record<string, number>;
  /** Real errors by `type:code` (storage, internal, rate_limited, ... ; joins failed and disconnects are separate). */
  errors: Record<string, number>;
  /** Refusals the load pattern itself causes (wrong_phase after the phase changed, a proposal already closed...). */
  refusals: Record<string, number>;
  /** Messages without any answer after 10 s. */
  unanswered: number;
  disconnects: Record<string, number>;
  turns: TurnBytes[];
  clients: number;
  rooms: { running: number; finished: number; lobby: number };
  /** Acknowledged actions written to the acks file so far. */
  acks: number;
}

/** The soak's figures over the last interval (summaries computed in the generator, not raw samples). */
export interface IntervalReport {
  ms: number;
  lat: Record<string, Summary>;
  errors: number;
  refusals: number;
  sent: number;
  cpuPct: number;
  loopP95: number;
}

/** Where the rooms landed (several processes): by the port their WebSocket connected to, rooms and students in them. */
export type Homes = Record<string, { rooms: number; students: number }>;

export type Reply =
  | { id: number; ok: true; setup?: { clients: number; joinFailures: Record<string, number>; ms: number; homes?: Homes }; report?: GenReport; interval?: IntervalReport }
  | { id: number; ok: false; error: string };

/** Rules refusals the load pattern causes on its own: the phase moved on, a proposal got answered meanwhile... */
export const PATTERN_REFUSALS = new Set([
  'wrong_phase', 'proposal_closed', 'unknown_proposal', 'already_linked', 'too_many_proposals', 'already_answered',
  'unknown_call', 'not_called', 'match_over', 'paused', 'not_started', 'no_review_due', 'not_your_proposal',
]);
