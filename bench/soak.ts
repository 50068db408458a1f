// npm run soak -- --minutes 10 --players 4000 [--interval 20] [--kill] [--json] [--out FILE]
//
// The bench's classrooms (bench/load.ts: rooms of 8 students acting every 5 s, real matches with phase
// changes, some seats left to bots) against the Entente server for that long. Prints, every interval, the
// server's RSS, latencies, messages and errors; at the end errors, lost actions (every acknowledged action
// looked up in the server's log) and whether memory stayed flat (mean RSS of the last third of the run
// against the first third). With --kill the server is killed with SIGKILL at the end, under load,
// restarted on the same DATA_DIR, and the log checked. A script, not a test.
import { writeFileSync } from 'node:fs';
import { Bench, DEFAULTS, type BenchOptions, type StepResult } from './load/run.ts';
import { details, lostLine, machine, table } from './load/report.ts';
import { round } from './load/stats.ts';
import { cliArgs, requireNode24 } from './load/cli.ts';

requireNode24('soak', 'npm run soak');
const { flag, value, num } = cliArgs();

const json = flag('json');
const minutes = num('minutes', 10);
const players = num('players', 1000);
const intervalS = num('interval', 20);
const out = value('out');
const log = (line: string): void => {
  if (json) process.stderr.write(`${line}\n`);
  else console.log(line);
};

const options: BenchOptions = {
  ...DEFAULTS,
  periodMs: num('period', DEFAULTS.periodMs),
  warmupS: num('warmup', DEFAULTS.warmupS),
  timerScale: num('timer-scale', DEFAULTS.timerScale),
  generators: num('generators', DEFAULTS.generators),
  keep: flag('keep'),
  log,
};
// Long enough that no match ends during the soak (a turn takes 25-40 s with the default timers).
options.turns = Math.min(60, Math.max(DEFAULTS.turns, Math.ceil((minutes * 60) / 20) + 5));

interface Point {
  t: number;
  rssMB: number | null;
  seenP95: number | null;
  acceptedP95: number | null;
  sentPerS: number;
  errors: number;
  refusals: number;
  genCpuPct: number;
  genLoopP95: number;
}

async function main(): Promise<void> {
  const bench = new Bench(options);
  const series: Point[] = [];
  const info = machine();
  log(`soak: ${players} players for ${minutes} min on ${info.cpus} × ${info.cpu}, Node ${info.node}`);
  let finished: Awaited<ReturnType<Bench['finish']>> | null = null;
  let step: StepResult | undefined;
  try {
    await bench.start(['entente']);
    log('     t   RSS MB   seen p95   accepted p95   msgs/s   errors   refusals   gen CPU / loop p95');
    [step] = await bench.step(players, ['entente'], minutes * 60, {
      kill: flag('kill') ? 'end' : undefined,
      intervalS,
      interval: async (t) => {
        const rss = bench.ententeRss();
        const iv = await bench.intervals();
        const worst = (k: string): number | null => {
          const v = iv.map((x) => x.lat[k]?.p95).filter((x): x is number => typeof x === 'number');
          return v.length ? Math.max(...v) : null;
        };
        const acc = iv.flatMap((x) => Object.entries(x.lat).filter(([k]) => k.startsWith('accepted:')).map(([, s]) => s.p95)).filter((x): x is number => typeof x === 'number');
        const p: Point = {
          t: Math.round(t), rssMB: rss === null ? null : round(rss / 2 ** 20, 0), seenP95: worst('seen:propose'), acceptedP95: acc.length ? Math.max(...acc) : null,
          sentPerS: round(iv.reduce((a, x) => a + x.sent, 0) / intervalS, 1)!, errors: iv.reduce((a, x) => a + x.errors, 0), refusals: iv.reduce((a, x) => a + x.refusals, 0),
          genCpuPct: round(Math.max(...iv.map((x) => x.cpuPct)), 0)!, genLoopP95: round(Math.max(...iv.map((x) => x.loopP95)), 1)!,
        };
        series.push(p);
        log(`${String(p.t).padStart(6)}   ${String(p.rssMB).padStart(6)}   ${String(p.seenP95).padStart(8)}   ${String(p.acceptedP95).padStart(12)}   ${String(p.sentPerS).padStart(6)}   ${String(p.errors).padStart(6)}   ${String(p.refusals).padStart(8)}   ${p.genCpuPct}% / ${p.genLoopP95} ms`);
      },
    });
  } finally {
    finished = await bench.finish();
  }
  const rss = series.map((p) => p.rssMB).filter((x): x is number => x !== null);
  const third = Math.max(1, Math.floor(rss.length / 3));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const first = mean(rss.slice(0, third));
  const last = mean(rss.slice(-third));
  const growthPct = first ? round(((last - first) / first) * 100, 1) : null;
  const memory = { firstThirdMB: round(first, 0), lastThirdMB: round(last, 0), growthPct, flat: growthPct !== null && growthPct < 10 };
  const result = {
    bench: 'soak', machine: info, pinning: bench.pin.note, settings: { minutes, players, intervalS, ...Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'log')) },
    step, series, memory, lost: finished.logCheck, lostCheckError: finished.logCheckError, kills: bench.kills, recoveredAfterKill: bench.recoveredAfterKill, workDir: finished.workDir,
  };
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  if (!step) throw new Error('the soak did not run');
  console.log('');
  console.log(table([step]));
  for (const l of details(step)) console.log(l);
  console.log(`errors over the whole soak: ${step.errors.total}${step.errors.total ? ` ${JSON.stringify(step.errors.byKind)}` : ''}`);
  console.log(`memory: mean RSS ${memory.firstThirdMB} MB in the first third, ${memory.lastThirdMB} MB in the last (${growthPct}%): ${memory.flat ? 'flat' : 'GROWING'}`);
  console.log(lostLine(finished.logCheck, finished.logCheckError));
  if (bench.kills.length) console.log(`kill -9 at the end: ${bench.kills[0]!.acksBefore} actions acknowledged before it; ${bench.recoveredAfterKill} matches recovered after the restart`);
}

main().then(() => process.exit(0), (e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
