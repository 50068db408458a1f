// npm run bench:load [-- --players 400,1000,2000,4000] [--seconds 60] [--quick] [--json] [--kill] [--cpu-prof]
//
// The capacity bench (issue 12): the Entente server and a bare Colyseus 0.18 echo room, measured from
// outside in the same run at the same N, the servers pinned to one core and the load generator (a
// separate process with N simulated students through @colyseus/sdk, in rooms of 8) to the other. Per N:
// action -> accepted and action -> seen by another client (p50/p95/p99), server CPU per player and its
// ratio to the bare room's, RSS per room, bytes per turn to one client vs the full public state as JSON,
// errors, the generator's own CPU and event-loop delay; the largest N held with p95 < 50 ms and no error;
// at the end, every acknowledged action looked up in the server's log. A script, not a test.
//
// Options: --players a,b,c   --seconds S (measured per step; default 60)   --warmup S (20)
//   --rounds R (3: each target's seconds are measured in R rounds, alternating bare and Entente, so both see
//   the same shared machine; each round joins its rooms afresh and leaves them after)
//   --quick (players 40,160, 15 s, 1 round)   --targets bare,entente   --generators K (2: the students split over K
//   processes, all on the generator core; smaller heaps, shorter GC pauses, one's pause does not stall the other)   --period MS (5000: each student acts every 5 s ± 20%)   --timer-scale X (0.5)
//   --kill (kill -9 the Entente server in the middle of its last step, restart it on the same DATA_DIR, and
//   check that no acknowledged action was lost)   --cpu-prof (profile the Entente server; self time by
//   function over each step's window)   --server-dir DIR (run the Entente server of another checkout, e.g. an
//   older commit: `git archive <commit> | tar -x -C DIR` and a node_modules symlink)   --out FILE (also write the JSON there)   --json   --keep (keep the work dir)
//   --processes 2 (issue 14: also two Entente processes sharing PostgreSQL + Redis, target entente2, the generators
//   spreading their creates and joins by code over both ports; the single process then runs on the same PostgreSQL +
//   Redis, in a database and Redis db of its own, so the two differ only by the split; all Entente processes on the
//   server core; per process: rooms, CPU per player, proposal seen p50/p95, and the ratios to the single process)
//   --database-url postgres://… --redis-url redis://… (or env BENCH_DATABASE_URL / BENCH_REDIS_URL; needed by --processes 2)
//   --endpoints http://127.0.0.1:2567,http://127.0.0.1:2568 (drive Entente processes already running instead: one or
//   several, each reached at its own address, as its PUBLIC_ADDRESS says, started with the environment the bench prints
//   (raised join throttles); their CPU is measured when they run here; --database-url is then their own database, where
//   every acknowledged action is looked up)
import { writeFileSync } from 'node:fs';
import type { Target } from './load/ipc.ts';
import { Bench, DEFAULTS, benchServerEnv, type BenchOptions, type StepResult } from './load/run.ts';
import { details, largestHeld, lostLine, machine, scaleOutLines, table } from './load/report.ts';
import { cliArgs, requireNode24 } from './load/cli.ts';

requireNode24('bench', 'npm run bench:load');
const { flag, value, num } = cliArgs();

const quick = flag('quick');
const json = flag('json');
const players = (value('players') ?? (quick ? '40,160' : '400,1000,2000,4000')).split(',').map(Number).filter((n) => n > 0);
const seconds = num('seconds', quick ? 15 : 60);
const processes = num('processes', 1);
const endpoints = (value('endpoints') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const endpointTarget: Target = endpoints.length > 1 ? 'entente2' : 'entente';
const targets = (value('targets') ?? (endpoints.length ? `bare,${endpointTarget}` : 'bare,entente')).split(',') as Target[];
if (endpoints.length) {
  for (const e of endpoints) {
    if (!URL.canParse(e) || !/^https?:$/.test(new URL(e).protocol)) {
      console.error(`--endpoints: ${e} is not an http(s) address`);
      process.exit(1);
    }
  }
  const wrong = targets.filter((t) => t !== 'bare' && t !== endpointTarget);
  if (processes !== 1 || wrong.length) {
    console.error(`--endpoints drives the given process${endpoints.length > 1 ? 'es (target entente2)' : ' (target entente)'}, and starts no Entente process itself: ${processes !== 1 ? 'not with --processes' : `not target ${wrong.join(', ')}`}.`);
    process.exit(1);
  }
}
// --processes 2: the two-process target comes after the single process, in the same rounds.
if (processes === 2 && !targets.includes('entente2')) targets.push('entente2');
if (processes !== 1 && processes !== 2) {
  console.error(`--processes ${processes}: only 1 (the default) or 2 are measured.`);
  process.exit(1);
}
const databaseUrl = value('database-url') ?? process.env.BENCH_DATABASE_URL?.trim() ?? null;
const redisUrl = value('redis-url') ?? process.env.BENCH_REDIS_URL?.trim() ?? null;
if (processes === 2 && (!databaseUrl || !redisUrl)) {
  console.error(`--processes 2 runs two Entente processes on a shared PostgreSQL and Redis, and ${!databaseUrl ? 'no PostgreSQL URL' : 'no Redis URL'} was given: pass --database-url postgres://… and --redis-url redis://… (or set BENCH_DATABASE_URL and BENCH_REDIS_URL). The bench creates and drops its own databases there and flushes Redis dbs 1 and 2.`);
  process.exit(1);
}
const out = value('out');
const rounds = num('rounds', quick ? 1 : 3);
const log = (line: string): void => {
  if (json) process.stderr.write(`${line}\n`);
  else console.log(line);
};

const options: BenchOptions = {
  ...DEFAULTS,
  periodMs: num('period', DEFAULTS.periodMs),
  warmupS: num('warmup', quick ? 10 : DEFAULTS.warmupS),
  startSpreadS: num('start-spread', quick ? 5 : DEFAULTS.startSpreadS),
  timerScale: num('timer-scale', DEFAULTS.timerScale),
  generators: num('generators', DEFAULTS.generators),
  botEvery: num('bot-every', DEFAULTS.botEvery),
  cpuProf: flag('cpu-prof'),
  keep: flag('keep'),
  serverDir: value('server-dir') ?? null,
  maxNoisePct: num('max-noise', DEFAULTS.maxNoisePct),
  noiseRetries: num('noise-retries', DEFAULTS.noiseRetries),
  processes, endpoints, databaseUrl, redisUrl,
  log,
};

async function main(): Promise<void> {
  const bench = new Bench(options);
  const steps: StepResult[] = [];
  let finished: Awaited<ReturnType<Bench['finish']>> | null = null;
  const info = machine();
  log(`bench:load ${JSON.stringify({ players, seconds, rounds, targets, period: options.periodMs, timerScale: options.timerScale, generators: options.generators })} on ${info.cpus} × ${info.cpu}, Node ${info.node}`);
  if (endpoints.length) {
    const env = Object.entries(benchServerEnv(options)).map(([k, v]) => `${k}=${v}`).join(' ');
    log(`bench: --endpoints ${endpoints.join(', ')}: each process must run with ${env} (every simulated student comes from this machine)`);
  }
  try {
    await bench.start(targets);
    for (const [i, n] of players.entries()) {
      const last = i === players.length - 1;
      const done = await bench.step(n, targets, seconds, { rounds, kill: flag('kill') && last ? 'middle' : undefined });
      steps.push(...done);
      for (const line of table(done).split('\n').slice(1)) log(line);
    }
  } finally {
    finished = await bench.finish();
  }
  const result = {
    bench: 'load', machine: info, pinning: bench.pin.note,
    settings: { players, seconds, rounds, targets, ...Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'log' && k !== 'databaseUrl' && k !== 'redisUrl')) },
    steps, largestHeld: largestHeld(steps), lost: finished.logCheck, lostCheckError: finished.logCheckError,
    kills: bench.kills, recoveredAfterKill: bench.recoveredAfterKill, workDir: finished.workDir,
  };
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log('');
  console.log(table(steps));
  console.log('');
  for (const s of steps) for (const l of details(s)) console.log(l);
  console.log('');
  const held = result.largestHeld;
  console.log(`largest N held (Entente proposal seen p95 < 50 ms, no error, generator not saturated): ${held ?? 'none'}`);
  if (endpoints.length > 1) {
    console.log('');
    console.log(`${endpoints.length} processes at ${endpoints.join(', ')} (started outside the bench, not pinned by it):`);
    for (const l of scaleOutLines(steps)) console.log(l);
  }
  if (processes === 2) {
    console.log('');
    console.log(`two processes sharing PostgreSQL + Redis vs one (on the same PostgreSQL + Redis), ${bench.pin.server ? `all Entente processes on core ${bench.pin.server}, generators on core ${bench.pin.generator}` : 'unpinned'}; PostgreSQL and Redis not pinned:`);
    for (const l of scaleOutLines(steps)) console.log(l);
  }
  console.log(lostLine(finished.logCheck, finished.logCheckError));
  if (bench.kills.length) console.log(`kill -9: ${bench.kills.map((k) => `${k.acksBefore} actions acknowledged in the run before it`).join('; ')}; ${bench.recoveredAfterKill} matches recovered after the restart`);
  if (finished.workDir) console.log(`work dir kept: ${finished.workDir}`);
}

main().then(() => process.exit(0), (e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
