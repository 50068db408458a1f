import type { Storage } from './storage/index.ts';
import type { Journal } from './storage/journal.ts';
import { JoinThrottle } from './limits.ts';
import type { Created } from './match/create.ts';

// Server-wide settings (from the environment, or from tests) and the few things every room shares:
// storage and its journal, the address throttles, and whether the process is shutting down.

export interface ServerConfig {
  port: number;
  dataDir: string;
  /** Extra allowed Origins for WebSocket and matchmaking; same-origin is always allowed; '*' allows all. */
  allowedOrigins: string[];
  /** Seconds a dropped player keeps the seat. */
  reconnectSeconds: number;
  /** Delay before bots answer in diplomacy (ms). */
  botDelayMs: number;
  /** Minimum time left in a phase when a match is brought back after a restart (ms). */
  recoveryGraceMs: number;
  /** Failed joins per IP: burst and refill per minute. */
  joinFailBurst: number;
  joinFailPerMinute: number;
  /** Matches created per IP: burst and refill per minute (a school's teachers share one address). */
  createBurst: number;
  createPerMinute: number;
  /** Successful matchmaking calls (join, rejoin, reconnect) per IP: burst and refill per minute. */
  joinBurst: number;
  joinPerMinute: number;
  /** Seconds an unused seat reservation (a join that never connects) is kept. */
  reservationSeconds: number;
  /** Seconds a new match waits for its creator to connect as host before it is forgotten. */
  hostClaimSeconds: number;
  /** A lobby nobody has touched for this long is not brought back after a restart (ms). */
  lobbyTtlMs: number;
  /** Directory of the built client (served when it exists). */
  staticDir: string;
  /** The least time between the starts of two commits (ms; see Journal): fewer syncs under load. */
  commitGapMs: number;
  /** Enables the `debugThrow` message, for the uncaught-exception test only. */
  testHooks: boolean;
  /** Multiplies every phase timer (tests only: `TIMER_SCALE` is read only with `ENTENTE_TEST_HOOKS=1`). */
  timerScale: number;
  /** Several processes: Colyseus' Redis presence and driver (REDIS_URL), PostgreSQL storage (DATABASE_URL). */
  redisUrl: string | null;
  databaseUrl: string | null;
  /** How browsers reach this very process (host:port[/path]), for joins routed here from another process. */
  publicAddress: string | null;
  /** A match's lease: a process that stops renewing it for this long loses the match to another (ms). */
  leaseMs: number;
  /** How often a process looks for matches whose process died (ms). */
  failoverMs: number;
  /** Behind a proxy that sets X-Forwarded-For to the client's address: count limits by that address. */
  trustProxy: boolean;
}

const num = (v: string | undefined, d: number): number => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? n : d;
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: num(env.PORT, 2567),
    dataDir: env.DATA_DIR || './data',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    reconnectSeconds: num(env.RECONNECT_SECONDS, 120),
    botDelayMs: num(env.BOT_DELAY_MS, 400),
    recoveryGraceMs: num(env.RECOVERY_GRACE_MS, 30_000),
    joinFailBurst: num(env.JOIN_FAIL_BURST, 20),
    joinFailPerMinute: num(env.JOIN_FAIL_PER_MINUTE, 20),
    createBurst: num(env.CREATE_BURST, 30),
    createPerMinute: num(env.CREATE_PER_MINUTE, 30),
    joinBurst: num(env.JOIN_BURST, 120),
    joinPerMinute: num(env.JOIN_PER_MINUTE, 120),
    reservationSeconds: num(env.RESERVATION_SECONDS, 8),
    hostClaimSeconds: num(env.HOST_CLAIM_SECONDS, 60),
    lobbyTtlMs: num(env.LOBBY_TTL_HOURS, 24) * 3600_000,
    staticDir: env.STATIC_DIR || 'dist',
    testHooks: env.ENTENTE_TEST_HOOKS === '1',
    timerScale: env.ENTENTE_TEST_HOOKS === '1' ? Math.min(1, Math.max(0.001, num(env.TIMER_SCALE, 1))) : 1,
    redisUrl: env.REDIS_URL || null,
    databaseUrl: env.DATABASE_URL || null,
    publicAddress: env.PUBLIC_ADDRESS || null,
    commitGapMs: num(env.COMMIT_GAP_MS, 0),
    leaseMs: num(env.LEASE_SECONDS, 30) * 1000,
    failoverMs: num(env.FAILOVER_SECONDS, 5) * 1000,
    trustProxy: env.TRUST_PROXY === '1',
  };
}

export interface ServerContext {
  config: ServerConfig;
  storage: Storage;
  journal: Journal;
  /** Wrong room codes per IP. */
  throttle: JoinThrottle;
  /** Matches created per IP. */
  creates: JoinThrottle;
  /** Successful matchmaking per IP. */
  joins: JoinThrottle;
  shuttingDown: boolean;
  /** Matches rebuilt after a restart, waiting for their room (filled by recovery, taken by the room). */
  recovering: Map<string, Created>;
}

let current: ServerContext | null = null;

export function setContext(ctx: ServerContext | null): void {
  current = ctx;
}

export function context(): ServerContext {
  if (!current) throw new Error('server context not set');
  return current;
}
