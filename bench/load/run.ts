import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenOptions, GenReport, Homes, IntervalReport, RoomPlan, Target, TurnBytes } from './ipc.ts';
import { Generator, ROOT, attachServer, freePort, killServer, pinning, startServer, stopServer, type Pinning, type ServerProc, type ServerSpec } from './procs.ts';
import { coreBusyOf, coreDelta, coreTimes, cpuSeconds, ioPressure, writeBytes, type CoreTimes, percentile, round, rssBytes, summarise, type Summary } from './stats.ts';
import { checkLog, checkLogHttp, checkLogPg, readAcks, type LogCheck } from './logcheck.ts';
import { summariseProfile, type ProfileSummary } from './cpuprofile.ts';

// The orchestrator of the capacity bench, shared by bench/load.ts (ramp over N) and bench/soak.ts (one N
// for a long time): it starts the Entente server and the bare echo server (pinned to one core), the load
// generator(s) (pinned to the other), gives each generator its rooms, opens a measurement window, reads
// the servers' CPU and memory from /proc around it, merges the generators' samples and checks, at the
// end, that every acknowledged action is in the Entente server's log.

export interface BenchOptions {
  periodMs: number;
  jitter: number;
  warmupS: number;
  /** Every botEvery-th Entente room leaves one of its 8 seats to a bot (0 = never). */
  botEvery: number;
  seats: number;
  turns: number;
  timers: GenOptions['timers'];
  timerScale: number;
  botDelayMs: number;
  generators: number;
  observers: number;
  startSpreadS: number;
  /** A round in which other processes took more than this share of the server core is measured again (up to noiseRetries times). */
  maxNoisePct: number;
  noiseRetries: number;
  concurrency: number;
  cpuProf: boolean;
  keep: boolean;
  /** Run the Entente server of another checkout (e.g. an older commit exported with `git archive`). */
  serverDir: string | null;
  /**
   * 2: also measure two Entente processes sharing PostgreSQL + Redis (target entente2), and run the
   * single-process target on the same PostgreSQL + Redis (a database and a Redis db of its own), so that
   * the two differ only by the split. Needs databaseUrl (an admin URL: the bench creates and drops its
   * databases there) and redisUrl (the bench flushes Redis dbs 1 and 2 of it).
   */
  processes: number;
  /**
   * Entente processes already running (their addresses), driven instead of processes the bench starts:
   * one is target entente, several are target entente2 (creates and joins spread over them). With
   * databaseUrl, that is their database (not an admin URL), where every acknowledged action is looked up.
   */
  endpoints: string[];
  databaseUrl: string | null;
  redisUrl: string | null;
  log: (line: string) => void;
}

/**
 * What the bench's Entente servers run with (an --endpoints process needs the same): every simulated student
 * comes from 127.0.0.1, so the per-address join and create throttles are raised; phases pass at timerScale.
 */
export function benchServerEnv(o: Pick<BenchOptions, 'timerScale' | 'botDelayMs'>): Record<string, string> {
  const big = '1000000';
  return {
    ENTENTE_TEST_HOOKS: '1', TIMER_SCALE: String(o.timerScale), BOT_DELAY_MS: String(o.botDelayMs),
    JOIN_FAIL_BURST: big, JOIN_FAIL_PER_MINUTE: big, JOIN_BURST: big, JOIN_PER_MINUTE: big, CREATE_BURST: big, CREATE_PER_MINUTE: big,
  };
}

export const DEFAULTS: Omit<BenchOptions, 'log'> = {
  periodMs: 5000,
  jitter: 0.2,
  warmupS: 20,
  botEvery: 4,
  seats: 8,
  turns: 60,
  // Scaled by TIMER_SCALE below: diplomacy 20 s, policy up to 10 s (ends when every seat chose), crisis up
  // to 5 s (ends when every call is answered), resolution 1 s, news 3 s: a turn every 25-40 s.
  timers: { diplomacy: 40, policy: 20, crisis: 10, resolution: 2, news: 6 },
  timerScale: 0.5,
  botDelayMs: 400,
  generators: 2,
  observers: 8,
  startSpreadS: 15,
  maxNoisePct: 20,
  noiseRetries: 4,
  concurrency: 16,
  cpuProf: false,
  keep: false,
  serverDir: null,
  processes: 1,
  endpoints: [],
  databaseUrl: null,
  redisUrl: null,
};

export interface StepResult {
  target: Target;
  players: number;
  rooms: number;
  clients: number;
  setupS: number;
  windowS: number;
  /** The headline: Entente proposal -> seen by its receiver; bare echo -> patch seen by another client. */
  seen: Summary;
  seenChat: Summary | null;
  accepted: Summary;
  acceptedByType: Record<string, Summary>;
  sentPerS: number;
  acceptedPerS: number;
  /** writeKBps: what the server wrote to storage per second (its fsyncs are not counted by CPU). */
  server: { cpuPct: number | null; cpuUsPerPlayerS: number | null; rssMB: number | null; rssPerRoomKB: number | null; stderrLines: number; writeKBps?: number | null };
  bytesPerTurn: { turns: number; bytes: number | null; frames: number | null; byKind: Record<string, number>; stateJson: number | null; ratio: number | null } | null;
  errors: { total: number; byKind: Record<string, number> };
  refusals: Record<string, number>;
  /** cpuPct: the busiest generator process, % of one core; cpuPctTotal: all of them. */
  /** gcMaxMs: its longest GC pause; gcPct: share of the window spent in GC; heapMB: its largest heap. */
  generator: { processes: number; cpuPct: number; cpuPctTotal: number; loopP95: number; loopMax: number; gcMaxMs: number; gcPct: number; heapMB: number; saturated: boolean };
  roomStatus: GenReport['rooms'];
  /** Entente only, with --cpu-prof: the server's CPU profile over this window. */
  profile?: ProfileSummary;
  /** Busy share of each core in the window and the part of it other processes took (a shared machine). */
  /** idleServerCpuPct: what the other bench server (no clients then) used meanwhile, on the same core. */
  /** coreBusyPct: user + system time per core; irqPct: interrupts and softirqs (mostly the loopback traffic). */
  /** ioSomePct / ioFullPct: share of the window some / all tasks of the machine were stalled on I/O (PSI). */
  machine?: { coreBusyPct: number[]; irqPct: number[]; stealPct: number; ioSomePct?: number; ioFullPct?: number; idleServerCpuPct: number; otherOnServerCorePct: number | null; otherOnGeneratorCorePct: number | null };
  /** Measurement rounds (alternating with the other target). */
  rounds?: number;
  /** Rounds measured again because other processes took more than maxNoisePct of the server core. */
  noisyRetries?: number;
  /** Errors seen in those discarded rounds (not in `errors`; shown apart). */
  discardedErrors?: Record<string, number>;
  /** entente2: each process's share (rooms and players are per round, averaged over the rounds). */
  processes?: ProcessShare[];
  /** Entente only, with a kill: the window ended at the kill -9. */
  killed?: boolean;
  acks: number;
}

export interface ProcessShare {
  name: string;
  port: string;
  rooms: number;
  players: number;
  cpuPct: number | null;
  /** The process's CPU over the players in the rooms it held (µs of CPU per player per second). */
  cpuUsPerPlayerS: number | null;
  seen: Summary;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A sum, or null when one of the figures is missing. */
const sumOr = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0));

export interface StepHooks {
  /** Measurement rounds per target (alternating targets). */
  rounds?: number;
  /** kill -9 the Entente server in the middle or at the end of its last round. */
  kill?: 'middle' | 'end';
  /** Called every intervalS seconds inside a window (the soak's time series). */
  interval?: (elapsedS: number) => Promise<void> | void;
  intervalS?: number;
}

interface PerTarget {
  server: ServerProc;
  rooms: number;
  clients: number;
  setupS: number;
  joinFailures: Record<string, number>;
  /** The largest RSS growth of the server over one round (bytes), and its RSS after the last. */
  rssGrowth: number | null;
  rssAfter: number | null;
  stderrBefore: number;
  reports: GenReport[];
  cpu: number | null;
  windowS: number;
  cores: CoreTimes[][];
  windows: { from: number; to: number }[];
  noisyRetries?: number;
  discardedErrors?: Record<string, number>;
  /** CPU seconds the other (idle) bench server used during this target's windows. */
  idleCpu: number;
  /** I/O pressure (µs some / all tasks stalled on I/O) and bytes the server wrote, over the windows. */
  ioSomeUs: number;
  ioFullUs: number;
  writeBytes: number;
  /** entente2: by port, rooms and players summed over the rounds, CPU seconds and player-seconds over the windows. */
  perProcess: Record<string, { rooms: number; players: number; cpuS: number | null; playerS: number }>;
}

/** N students in rooms of `seats`; every botEvery-th room has one seat fewer taken (a bot plays it). */
export function planRooms(target: Target, players: number, o: Pick<BenchOptions, 'seats' | 'botEvery'>): RoomPlan[] {
  const rooms: RoomPlan[] = [];
  let left = players;
  for (let i = 0; left > 0; i++) {
    const size = target !== 'bare' && o.botEvery > 0 && i % o.botEvery === o.botEvery - 1 ? o.seats - 1 : o.seats;
    const n = Math.min(size, left);
    // A room needs at least 2 people to see each other; a lone leftover joins the previous room's bot seat.
    if (n < 2 && rooms.length) {
      const last = rooms[rooms.length - 1]!;
      if (last.students < o.seats) {
        last.students += n;
        break;
      }
    }
    rooms.push({ index: i, students: n });
    left -= n;
  }
  return rooms;
}

export class Bench {
  readonly o: BenchOptions;
  readonly dir: string;
  readonly dataDir: string;
  readonly pin: Pinning;
  entente: ServerProc | null = null;
  bare: ServerProc | null = null;
  /** --processes 2: the two Entente processes sharing PostgreSQL + Redis. */
  pair: ServerProc[] = [];
  /** --processes 2: the PostgreSQL databases made for this run (the single process's, the pair's). */
  dbUrls: string[] = [];
  private dbNames: string[] = [];
  gens: Generator[] = [];
  private ententeSpec!: ServerSpec;
  private ententePort = 0;
  private profileWindows: { step: StepResult; windows: { from: number; to: number }[] }[] = [];
  profileDir = '';
  kills: { at: string; acksBefore: number }[] = [];
  recoveredAfterKill: number | null = null;

  constructor(o: BenchOptions) {
    this.o = o;
    this.dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
    this.dataDir = join(this.dir, 'data');
    mkdirSync(this.dataDir);
    this.pin = pinning();
  }

  serversOf(target: Target): ServerProc[] {
    if (target === 'bare') return [this.bare!];
    if (target === 'entente2') return this.pair;
    return [this.entente!];
  }

  /** --processes 2: a fresh PostgreSQL database per setup (migrated) and a flushed Redis db each. */
  private async prepareScaleOut(): Promise<{ db: string[]; redis: string[] }> {
    const o = this.o;
    if (!o.databaseUrl || !o.redisUrl) throw new Error('--processes 2 needs a PostgreSQL and a Redis: pass --database-url and --redis-url (or set BENCH_DATABASE_URL and BENCH_REDIS_URL)');
    const { default: pg } = await import('pg');
    const { Redis } = await import('ioredis');
    const tag = randomBytes(4).toString('hex');
    const admin = new pg.Client({ connectionString: o.databaseUrl, connectionTimeoutMillis: 10_000 });
    await admin.connect();
    const db: string[] = [];
    try {
      for (const which of ['one', 'two']) {
        const name = `bench_${tag}_${which}`;
        await admin.query(`CREATE DATABASE ${name}`);
        this.dbNames.push(name);
        const u = new URL(o.databaseUrl);
        u.pathname = `/${name}`;
        db.push(u.toString());
      }
    } finally {
      await admin.end();
    }
    // Set at once, so that finish() drops them even if what follows fails.
    this.dbUrls = db;
    for (const url of db) {
      const m = spawnSync(process.execPath, ['tools/migrate.ts'], { cwd: o.serverDir ?? ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
      if (m.status !== 0) throw new Error(`npm run migrate failed on ${url}: ${m.stderr || m.stdout}`);
    }
    const redis: string[] = [];
    for (const n of [1, 2]) {
      const u = new URL(o.redisUrl);
      u.pathname = `/${n}`;
      const r = new Redis(u.toString(), { lazyConnect: true, maxRetriesPerRequest: 2 });
      await r.connect();
      await r.flushdb();
      r.disconnect();
      redis.push(u.toString());
    }
    o.log(`bench: --processes 2: PostgreSQL databases ${this.dbNames.join(', ')} (migrated), Redis dbs 1 and 2 flushed; the single process uses the first of each, the two processes share the second`);
    return { db, redis };
  }

  private async dropDatabases(): Promise<void> {
    if (!this.dbNames.length || !this.o.databaseUrl) return;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: this.o.databaseUrl });
    await admin.connect();
    try {
      for (const n of this.dbNames) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }

  get acksFiles(): string[] {
    return this.gens.map((_, i) => join(this.dir, `acks-${i}.jsonl`));
  }

  async start(targets: Target[]): Promise<void> {
    const o = this.o;
    o.log(`bench: ${this.pin.note}; work dir ${this.dir}`);
    if (targets.includes('bare')) {
      this.bare = await startServer({
        name: 'bare server', args: ['bench/load/bare-server.ts'], env: {}, core: this.pin.server, logFile: join(this.dir, 'bare.log'), ready: /listening/,
      }, await freePort());
    }
    if (o.endpoints.length) {
      const attached = await Promise.all(o.endpoints.map((u, i) => attachServer(`Entente process ${String.fromCharCode(65 + i)}`, u)));
      if (attached.length > 1) this.pair = attached;
      else this.entente = attached[0]!;
      for (const a of attached) o.log(`bench: ${a.name} at ${a.url}${a.pid > 0 ? ` (pid ${a.pid})` : ' (not on this machine: its CPU is not measured)'}`);
    }
    const scale = !o.endpoints.length && targets.includes('entente2') ? await this.prepareScaleOut() : null;
    if (!o.endpoints.length && (targets.includes('entente') || scale)) {
      this.profileDir = join(this.dir, 'prof');
      // BENCH_SERVER_FLAGS: extra Node flags for every Entente server (e.g. --trace-gc; their output goes to their logs).
      const serverFlags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
      this.ententePort = await freePort();
      this.ententeSpec = {
        name: 'Entente server',
        args: [...(o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`] : []), ...serverFlags, 'server/main.ts'],
        env: { ...benchServerEnv(o), DATA_DIR: this.dataDir, STATIC_DIR: join(this.dir, 'no-client') },
        core: this.pin.server, logFile: join(this.dir, 'entente.log'), health: '/api/health',
        // main.ts prints "listening" once startServer() has returned, i.e. after recovering matches.
        ready: /listening/, cwd: o.serverDir ?? undefined,
      };
      if (scale) {
        // The single process on the same storage and matchmaking as the pair (its own database and Redis db).
        Object.assign(this.ententeSpec.env, { DATABASE_URL: scale.db[0]!, REDIS_URL: scale.redis[0]!, PUBLIC_ADDRESS: `127.0.0.1:${this.ententePort}` });
      }
      if (targets.includes('entente')) this.entente = await startServer(this.ententeSpec, this.ententePort);
      if (scale) {
        // Both processes on the server core (they share it, as they would share a machine's cores).
        for (const name of ['A', 'B']) {
          const port = await freePort();
          mkdirSync(join(this.dataDir, name));
          this.pair.push(await startServer({
            ...this.ententeSpec, name: `Entente process ${name}`, args: [...serverFlags, 'server/main.ts'], logFile: join(this.dir, `entente-${name}.log`),
            env: { ...this.ententeSpec.env, DATA_DIR: join(this.dataDir, name), DATABASE_URL: scale.db[1]!, REDIS_URL: scale.redis[1]!, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
          }, port));
        }
      }
    }
    for (let i = 0; i < o.generators; i++) this.gens.push(new Generator(i, this.pin.generator, join(this.dir, `generator-${i}.log`)));
  }

  private genOptions(i: number): GenOptions {
    const o = this.o;
    return {
      gen: i, periodMs: o.periodMs, jitter: o.jitter, seats: o.seats, turns: o.turns, timers: o.timers, startSpreadMs: o.startSpreadS * 1000,
      observers: Math.ceil(o.observers / this.gens.length), reconnect: true, acksFile: join(this.dir, `acks-${i}.jsonl`), concurrency: o.concurrency,
    };
  }

  /**
   * One step of the ramp: N players on each target, measured in alternating rounds (bare, Entente, bare,
   * Entente...) so that both see the same shared machine. Only one target is connected at a time: idle
   * connections are not free (each server pings its clients every few seconds, in bursts, on the same
   * core), so each round joins its rooms afresh, warms up, measures, and leaves. `seconds` is the measured
   * time per target, split over `rounds`.
   */
  async step(players: number, targets: Target[], seconds: number, hooks: StepHooks = {}): Promise<StepResult[]> {
    const o = this.o;
    const rounds = Math.max(1, hooks.rounds ?? 1);
    const per: Record<string, PerTarget> = {};
    let killed = false;
    const roundS = seconds / rounds;
    for (let r = 0; r < rounds && !killed; r++) {
      for (const target of targets) {
        const servers = this.serversOf(target);
        const server = servers[0]!;
        const plans = planRooms(target, players, o);
        const perGen: RoomPlan[][] = this.gens.map(() => []);
        plans.forEach((p, i) => perGen[i % this.gens.length]!.push(p));
        const t = (per[target] ??= {
          server, rooms: plans.length, clients: 0, setupS: 0, joinFailures: {}, rssGrowth: null, stderrBefore: servers.reduce((a, x) => a + x.stderrLines, 0),
          reports: [], cpu: 0, windowS: 0, cores: [], windows: [], idleCpu: 0, rssAfter: null, ioSomeUs: 0, ioFullUs: 0, writeBytes: 0, perProcess: {},
        });
        t.server = server;
        const rssBefore = sumOr(servers.map((x) => rssBytes(x.pid)));
        const t0 = Date.now();
        const urls = target === 'entente2' ? servers.map((x) => x.url) : undefined;
        const setups = await Promise.all(this.gens.map((g, i) => g.ask({ cmd: 'setup', target, url: server.url, urls, rooms: perGen[i]!, options: this.genOptions(i) })));
        let clients = 0;
        const homes: Homes = {};
        for (const x of setups) {
          clients += x.setup!.clients;
          for (const [port, h] of Object.entries(x.setup!.homes ?? {})) {
            const into = (homes[port] ??= { rooms: 0, students: 0 });
            into.rooms += h.rooms;
            into.students += h.students;
          }
          for (const [k, v] of Object.entries(x.setup!.joinFailures)) t.joinFailures[k] = (t.joinFailures[k] ?? 0) + v;
        }
        const setupS = (Date.now() - t0) / 1000;
        t.clients = Math.max(t.clients, clients);
        t.setupS = Math.max(t.setupS, setupS);
        await Promise.all(this.gens.map((g) => g.ask({ cmd: 'start', target })));
        const warm = target !== 'bare' ? Math.max(o.warmupS, o.startSpreadS + 5) : o.warmupS;
        const where = urls ? ` (${servers.map((x) => `${x.name.split(' ').pop()} ${homes[String(x.port)]?.rooms ?? 0}`).join(', ')} rooms)` : '';
        o.log(`  ${target} ${players} players, round ${r + 1}/${rounds}: ${clients} clients joined ${plans.length} rooms${where} in ${setupS.toFixed(1)} s; warming up ${warm} s, measuring ${roundS.toFixed(0)} s`);
        await sleep(warm * 1000);
        const lastRound = r === rounds - 1;
        const kill = hooks.kill && target === 'entente' && lastRound;
        const windowMs = (kill && hooks.kill === 'middle' ? roundS / 2 : roundS) * 1000;
        const intervalMs = (hooks.intervalS ?? 0) * 1000;
        const idle = targets.filter((x) => x !== target).flatMap((x) => this.serversOf(x));
        for (let attempt = 0; ; attempt++) {
          await Promise.all(this.gens.map((g) => g.ask({ cmd: 'reset' })));
          const cpuEach0 = servers.map((x) => cpuSeconds(x.pid));
          const cpu0 = sumOr(cpuEach0);
          const idle0 = idle.map((x) => cpuSeconds(x.pid) ?? 0);
          const cores0 = coreTimes();
          const io0 = ioPressure();
          const wb0 = sumOr(servers.map((x) => writeBytes(x.pid)));
          const w0 = Date.now();
          const h0 = process.hrtime.bigint();
          for (let next = intervalMs || windowMs; ; next += intervalMs || windowMs) {
            const wait = Math.min(next, windowMs) - (Date.now() - w0);
            if (wait > 0) await sleep(wait);
            if (Date.now() - w0 >= windowMs - 5) break;
            await hooks.interval?.((Date.now() - w0) / 1000);
          }
          const reports = await Promise.all(this.gens.map((g) => g.report(target)));
          const cpuEach1 = servers.map((x) => cpuSeconds(x.pid));
          const cpu1 = sumOr(cpuEach1);
          const idleCpu = idle.reduce((a, x, i) => a + ((cpuSeconds(x.pid) ?? 0) - idle0[i]!), 0);
          const cores = coreDelta(cores0, coreTimes());
          const io1 = ioPressure();
          const wb1 = sumOr(servers.map((x) => writeBytes(x.pid)));
          const ws = (Date.now() - w0) / 1000;
          // A shared machine: when other processes took much of the server core in this round, measure it again.
          const serverCore = this.pin.server === null ? null : Number(this.pin.server);
          const busy = serverCore === null ? null : coreBusyOf([cores])[serverCore]?.busyPct ?? null;
          const others = busy !== null && cpu0 !== null && cpu1 !== null ? busy - ((cpu1 - cpu0 + idleCpu) / ws) * 100 : 0;
          if (others > o.maxNoisePct && attempt < o.noiseRetries && !kill && !hooks.interval) {
            o.log(`  ${target} ${players} players, round ${r + 1}: other processes took ${others.toFixed(0)}% of the server core; measuring it again`);
            t.noisyRetries = (t.noisyRetries ?? 0) + 1;
            // Its errors are not thrown away with its latencies: they are reported apart.
            for (const rep of reports) {
              const d = (t.discardedErrors ??= {});
              for (const [k, v] of [...Object.entries(rep.errors), ...Object.entries(rep.disconnects).map(([k2, v2]) => [`disconnect ${k2}`, v2] as const)]) d[k] = (d[k] ?? 0) + v;
              if (rep.unanswered) d.unanswered = (d.unanswered ?? 0) + rep.unanswered;
            }
            await sleep(10_000);
            continue;
          }
          t.reports.push(...reports);
          t.cpu = cpu0 !== null && cpu1 !== null && t.cpu !== null ? t.cpu + (cpu1 - cpu0) : null;
          t.cores.push(cores);
          t.idleCpu += idleCpu;
          if (io0 && io1) {
            t.ioSomeUs += io1.some - io0.some;
            t.ioFullUs += io1.full - io0.full;
          }
          if (wb0 !== null && wb1 !== null) t.writeBytes += wb1 - wb0;
          if (urls) {
            servers.forEach((x, i) => {
              const h = homes[String(x.port)] ?? { rooms: 0, students: 0 };
              const p = (t.perProcess[String(x.port)] ??= { rooms: 0, players: 0, cpuS: 0, playerS: 0 });
              const a = cpuEach0[i] ?? null;
              const b = cpuEach1[i] ?? null;
              p.rooms += h.rooms;
              p.players += h.students;
              p.cpuS = p.cpuS !== null && a !== null && b !== null ? p.cpuS + (b - a) : null;
              p.playerS += h.students * ws;
            });
          }
          t.windowS += ws;
          t.windows.push({ from: Number(h0 / 1000n), to: Number(process.hrtime.bigint() / 1000n) });
          break;
        }
        const rssAfter = sumOr(servers.map((x) => rssBytes(x.pid)));
        t.rssAfter = rssAfter;
        if (rssAfter !== null && rssBefore !== null) t.rssGrowth = Math.max(t.rssGrowth ?? -Infinity, rssAfter - rssBefore);
        if (kill) {
          // kill -9 under load (students still acting): everything acknowledged so far must be in the log.
          await Promise.all(this.gens.map((g) => g.ask({ cmd: 'quiet' })));
          o.log(`  entente ${players} players: kill -9 of the server (pid ${server.pid}) under load`);
          await killServer(server);
          killed = true;
          this.kills.push({ at: new Date().toISOString(), acksBefore: 0 });
        }
        await Promise.all(this.gens.map((g) => g.ask({ cmd: 'teardown' })));
        if (killed) {
          this.kills[this.kills.length - 1]!.acksBefore = readAcks(this.acksFiles).length;
          const tr = Date.now();
          this.entente = await startServer(this.ententeSpec, this.ententePort);
          const m = /recovered (\d+) match/.exec(this.entente.stdout());
          this.recoveredAfterKill = m ? Number(m[1]) : 0;
          o.log(`  entente: restarted on the same DATA_DIR in ${((Date.now() - tr) / 1000).toFixed(1)} s; ${this.recoveredAfterKill} matches recovered`);
          break;
        }
        // Let the rooms close before the next round.
        await sleep(2000);
      }
    }
    const results: StepResult[] = [];
    for (const target of targets) {
      const t = per[target];
      if (!t) continue;
      const result = this.merge(target, players, t.rooms, t.clients, t.setupS, t.windowS, t.reports, t.joinFailures, {
        cpu: t.cpu, rssGrowth: t.rssGrowth, rssAfter: t.rssAfter, stderr: this.serversOf(target).reduce((a, x) => a + x.stderrLines, 0) - t.stderrBefore,
      });
      result.rounds = t.reports.length / this.gens.length;
      if (target === 'entente2') {
        result.processes = this.serversOf(target).map((x) => {
          const p = t.perProcess[String(x.port)] ?? { rooms: 0, players: 0, cpuS: null, playerS: 0 };
          const n = result.rounds ?? 1;
          return {
            name: x.name, port: String(x.port), rooms: round(p.rooms / n, 1)!, players: round(p.players / n, 1)!,
            cpuPct: p.cpuS !== null ? round((p.cpuS / Math.max(1e-9, t.windowS)) * 100, 1) : null,
            cpuUsPerPlayerS: p.cpuS !== null && p.playerS > 0 ? round((p.cpuS * 1e6) / p.playerS, 1) : null,
            seen: summarise(t.reports.flatMap((rep) => rep.lat[`seen:propose@${x.port}`] ?? [])),
          };
        });
      }
      if (t.noisyRetries) result.noisyRetries = t.noisyRetries;
      if (t.discardedErrors) result.discardedErrors = t.discardedErrors;
      result.machine = this.noise(coreBusyOf(t.cores), result, (t.idleCpu / Math.max(1e-9, t.windowS)) * 100);
      if (result.machine) {
        result.machine.ioSomePct = round((t.ioSomeUs / 1e6 / Math.max(1e-9, t.windowS)) * 100, 1)!;
        result.machine.ioFullPct = round((t.ioFullUs / 1e6 / Math.max(1e-9, t.windowS)) * 100, 1)!;
      }
      result.server.writeKBps = round(t.writeBytes / 1024 / Math.max(1e-9, t.windowS), 0);
      if (killed && target === 'entente') result.killed = true;
      if (target === 'entente' && o.cpuProf) this.profileWindows.push({ step: result, windows: t.windows });
      results.push(result);
    }
    return results;
  }

  private merge(target: Target, players: number, rooms: number, clients: number, setupS: number, windowS: number, reports: GenReport[], joinFailures: Record<string, number>,
    srv: { cpu: number | null; rssGrowth: number | null; rssAfter: number | null; stderr: number }): StepResult {
    const lat: Record<string, number[]> = {};
    const add = (into: Record<string, number>, from: Record<string, number>, prefix = ''): void => {
      for (const [k, v] of Object.entries(from)) into[prefix + k] = (into[prefix + k] ?? 0) + v;
    };
    const errors: Record<string, number> = {};
    const refusals: Record<string, number> = {};
    let sent = 0;
    let accepted = 0;
    const turns: TurnBytes[] = [];
    let genCpu = 0;
    let loopP95 = 0;
    let loopMax = 0;
    let gcMax = 0;
    let gcTotal = 0;
    let heapMB = 0;
    const gens = this.gens.length;
    // Reports come round by round, one per generator: the generators' total CPU is summed within a round.
    const roundCpu: number[] = [];
    const status = { running: 0, finished: 0, lobby: 0 };
    let acks = 0;
    add(errors, joinFailures);
    for (const r of reports) {
      for (const [k, v] of Object.entries(r.lat)) {
        const into = (lat[k] ??= []);
        for (const x of v) into.push(x);
      }
      add(errors, r.errors);
      add(errors, r.disconnects, 'disconnect ');
      if (r.unanswered) errors.unanswered = (errors.unanswered ?? 0) + r.unanswered;
      add(refusals, r.refusals);
      sent += Object.values(r.sent).reduce((a, b) => a + b, 0);
      accepted += Object.values(r.accepted).reduce((a, b) => a + b, 0);
      turns.push(...r.turns);
      genCpu = Math.max(genCpu, (r.cpuMs / r.windowMs) * 100);
      const ri = Math.floor(reports.indexOf(r) / gens);
      roundCpu[ri] = (roundCpu[ri] ?? 0) + (r.cpuMs / r.windowMs) * 100;
      gcMax = Math.max(gcMax, r.gc.maxMs);
      gcTotal += r.gc.totalMs;
      heapMB = Math.max(heapMB, r.gc.heapMB);
      loopP95 = Math.max(loopP95, r.loop.p95);
      loopMax = Math.max(loopMax, r.loop.max);
    }
    // Room counts and acks are "so far": from the last round's reports.
    for (const r of reports.slice(-this.gens.length)) {
      add(status, r.rooms);
      acks += r.acks;
    }
    if (srv.stderr > 0) errors['server stderr lines'] = srv.stderr;
    const acceptedAll = Object.entries(lat).filter(([k]) => k.startsWith('accepted:')).flatMap(([, v]) => v);
    const acceptedByType: Record<string, Summary> = {};
    for (const [k, v] of Object.entries(lat)) if (k.startsWith('accepted:')) acceptedByType[k.slice(9)] = summarise(v);
    const seenKey = target === 'bare' ? 'seen:echo' : 'seen:propose';
    // Two processes: the proposal latencies are kept by the port of the room's process.
    const byHome = (metric: string): number[] => Object.entries(lat).filter(([k]) => k.startsWith(`${metric}@`)).flatMap(([, v]) => v);
    const seenAll = target === 'entente2' ? byHome('seen:propose') : (lat[seenKey] ?? []);
    let bytesPerTurn: StepResult['bytesPerTurn'] = null;
    if (target !== 'bare') {
      const med = (xs: number[]): number | null => percentile([...xs].sort((a, b) => a - b), 50);
      const byKind: Record<string, number> = {};
      for (const k of new Set(turns.flatMap((t) => Object.keys(t.byKind)))) byKind[k] = med(turns.map((t) => t.byKind[k] ?? 0)) ?? 0;
      const bytes = med(turns.map((t) => t.bytes));
      const stateJson = med(turns.map((t) => t.stateJson));
      bytesPerTurn = { turns: turns.length, bytes, frames: med(turns.map((t) => t.frames)), byKind, stateJson, ratio: bytes !== null && stateJson ? round(bytes / stateJson, 2) : null };
    }
    const cpuPct = srv.cpu !== null ? (srv.cpu / windowS) * 100 : null;
    return {
      target, players, rooms, clients, setupS: round(setupS, 1)!, windowS: round(windowS, 1)!,
      seen: summarise(seenAll),
      seenChat: target !== 'bare' ? summarise(target === 'entente2' ? byHome('seen:chat') : (lat['seen:chat'] ?? [])) : null,
      accepted: summarise(acceptedAll), acceptedByType,
      sentPerS: round(sent / windowS, 1)!, acceptedPerS: round(accepted / windowS, 1)!,
      server: {
        cpuPct: round(cpuPct, 1), cpuUsPerPlayerS: cpuPct !== null ? round((cpuPct / 100) * 1e6 / players, 1) : null,
        rssMB: srv.rssAfter !== null ? round(srv.rssAfter / 2 ** 20, 0) : null,
        rssPerRoomKB: srv.rssGrowth !== null ? round(srv.rssGrowth / 1024 / rooms, 0) : null,
        stderrLines: srv.stderr,
      },
      bytesPerTurn,
      errors: { total: Object.values(errors).reduce((a, b) => a + b, 0), byKind: errors },
      refusals,
      generator: {
        processes: gens, cpuPct: round(genCpu, 1)!, cpuPctTotal: round(Math.max(0, ...roundCpu), 1)!, loopP95: round(loopP95, 1)!, loopMax: round(loopMax, 1)!,
        gcMaxMs: gcMax, gcPct: round((gcTotal / gens / (windowS * 1000)) * 100, 1)!, heapMB, saturated: Math.max(0, ...roundCpu) > 85 || loopP95 > 20,
      },
      roomStatus: status, acks,
    };
  }

  /**
   * How busy each core was in the window, and how much of that was not ours (other processes on this shared
   * machine): the server core's busy share minus the server's CPU, the generator core's minus the generators'.
   */
  private noise(cores: { busyPct: number; stealPct: number; irqPct: number }[], r: StepResult, idlePct: number): StepResult['machine'] {
    const serverCore = this.pin.server === null ? null : Number(this.pin.server);
    const genCore = this.pin.generator === null || this.pin.generator.includes('-') ? null : Number(this.pin.generator);
    const c = (i: number | null): number | null => (i === null ? null : (cores[i]?.busyPct ?? null));
    const s = c(serverCore);
    const g = c(genCore);
    return {
      coreBusyPct: cores.map((x) => x.busyPct), irqPct: cores.map((x) => x.irqPct), stealPct: round(Math.max(0, ...cores.map((x) => x.stealPct)), 1)!,
      idleServerCpuPct: round(idlePct, 1)!,
      otherOnServerCorePct: s !== null && r.server.cpuPct !== null ? round(Math.max(0, s - r.server.cpuPct - idlePct), 1) : null,
      otherOnGeneratorCorePct: g !== null ? round(Math.max(0, g - r.generator.cpuPctTotal), 1) : null,
    };
  }

  /** Stop everything; check the log against every acknowledged action; summarise profiles. */
  async finish(): Promise<{ logCheck: LogCheck | null; logCheckError?: string; workDir: string | null }> {
    let logCheck: LogCheck | null = null;
    let logCheckError: string | undefined;
    const acks = readAcks(this.acksFiles);
    if (this.o.endpoints.length) {
      // Processes the bench did not start: they keep running; their database, if given, is checked live.
      if (this.o.databaseUrl) {
        try {
          logCheck = await checkLogPg([this.o.databaseUrl], acks);
        } catch (e) {
          logCheckError = (e as Error).message;
        }
      } else logCheckError = 'not checked: pass --database-url with the processes\' own DATABASE_URL to look every acknowledged action up';
    } else if (this.dbUrls.length) {
      // --processes 2: every process logged to PostgreSQL; look every acknowledged action up in both databases.
      await Promise.all([this.entente, ...this.pair].filter((x): x is ServerProc => !!x).map((x) => stopServer(x)));
      try {
        logCheck = await checkLogPg(this.dbUrls, acks);
      } catch (e) {
        logCheckError = (e as Error).message;
      }
      if (!this.o.keep) await this.dropDatabases().catch((e: Error) => this.o.log(`bench: could not drop ${this.dbNames.join(', ')}: ${e.message}`));
    } else if (this.entente) {
      await stopServer(this.entente);
      try {
        logCheck = checkLog(this.dataDir, acks);
      } catch (e) {
        logCheckError = (e as Error).message;
        // Another storage layout: ask the archive instead (finished matches only).
        try {
          this.entente = await startServer(this.ententeSpec, this.ententePort);
          logCheck = await checkLogHttp(this.entente.url, acks);
          await stopServer(this.entente);
        } catch (e2) {
          logCheckError += `; HTTP check: ${(e2 as Error).message}`;
        }
      }
      if (this.o.cpuProf) {
        const files = readdirSync(this.profileDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(this.profileDir, f));
        // The first profile is the server that ran the steps (a restarted one writes a second).
        const file = files.sort()[0];
        if (file) for (const w of this.profileWindows) w.step.profile = summariseProfile(file, ROOT, w.windows);
      }
    }
    if (this.bare) await stopServer(this.bare);
    await Promise.all(this.gens.map((g) => g.exit()));
    if (!this.o.keep && !this.o.cpuProf) {
      rmSync(this.dir, { recursive: true, force: true });
      return { logCheck, logCheckError, workDir: null };
    }
    return { logCheck, logCheckError, workDir: this.dir };
  }

  /** RSS of the Entente server now (for the soak's memory curve). */
  ententeRss(): number | null {
    return this.entente ? rssBytes(this.entente.pid) : null;
  }

  /** The generators' figures since the previous interval (the soak's time series). */
  async intervals(): Promise<IntervalReport[]> {
    return Promise.all(this.gens.map(async (g) => (await g.ask({ cmd: 'interval' })).interval!));
  }
}
