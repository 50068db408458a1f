// npm run bench:storage [-- --json]
// How long until a batch of writes is durable? Commit latency p50/p95 of `write` with 1 and with 50
// appended actions, and this process's CPU time per batch (node:sqlite is synchronous, so its whole latency
// blocks the event loop; with pg only the CPU part does), on SQLite (a temp dir) and, when ENTENTE_TEST_DATABASE_URL (or DATABASE_URL) names a
// PostgreSQL the user may create databases on, on a throwaway database there. A script, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Action } from '../shared/types.ts';
import type { MatchRow, Storage, WriteOp } from '../server/storage/index.ts';
import { openSqliteStorage } from '../server/storage/sqlite.ts';
import { openPostgresStorage } from '../server/storage/postgres.ts';
import { migrate } from '../server/storage/postgresMigrations.ts';

const json = process.argv.includes('--json');
const SIZES = [1, 50];
const BATCHES = 400;
const WARMUP = 20;

const action: Action = { type: 'inject', crisis: 'blockade', target: 'valdor', severity: 10, note: 'a typical one-line note' };
const row = (id: string): MatchRow => ({
  id, scenario: 'amber-sea', seed: 7,
  settings: { seats: 3, turns: 8, hostName: 'T', hostPlays: false, teacherReads: false, publishNegotiations: false, timers: { diplomacy: 240, policy: 60, crisis: 60, resolution: 20, news: 15 } },
  seats: [{ nation: 'valdor', name: 'Valdor', bot: true }, { nation: 'kestria', name: 'Kestria', bot: true }, { nation: 'isolde', name: 'Isolde', bot: true }],
  players: [{ id: 'p1', nickname: 'T', nation: null, host: true, secretHash: 'ab', kicked: false }],
  status: 'running', clock: { deadline: 0, paused: false, remaining: 0, chatFrozen: false }, parent: null, created: Date.now(), updated: Date.now(), finished: null,
});

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function measure(s: Storage, size: number): Promise<{ p50: number; p95: number; perAction: number; cpuMs: number }> {
  const id = `BENCH${size}`;
  await s.write([{ op: 'createMatch', row: row(id) }]);
  let next = 0;
  const times: number[] = [];
  let cpu = process.cpuUsage();
  for (let b = 0; b < WARMUP + BATCHES; b++) {
    if (b === WARMUP) cpu = process.cpuUsage();
    const ops: WriteOp[] = Array.from({ length: size }, () => ({ op: 'appendAction', match: id, index: next++, action, at: Date.now() }));
    const t = performance.now();
    await s.write(ops);
    if (b >= WARMUP) times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / BATCHES;
  times.sort((x, y) => x - y);
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), perAction: pct(times, 0.5) / size, cpuMs };
}

async function bench(name: string, s: Storage, out: Record<string, unknown>): Promise<void> {
  for (const size of SIZES) {
    const r = await measure(s, size);
    out[`${name}/${size}`] = r;
    if (!json) console.log(`${name.padEnd(8)} batch of ${String(size).padStart(2)}: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (${(r.perAction * 1000).toFixed(0)} µs per action at p50; CPU ${r.cpuMs.toFixed(2)} ms per batch)`);
  }
  await s.close();
}

const results: Record<string, unknown> = {};
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
try {
  await bench('sqlite', openSqliteStorage(dir), results);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const adminUrl = process.env.ENTENTE_TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!adminUrl) {
  if (!json) console.log('postgres: skipped (set ENTENTE_TEST_DATABASE_URL to a PostgreSQL you may create a database on)');
} else {
  const name = `entente_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    await migrate(c);
    const settings = (await c.query("SELECT current_setting('fsync') AS f, current_setting('synchronous_commit') AS s")).rows[0];
    await c.end();
    if (!json) console.log(`postgres: fsync=${settings.f}, synchronous_commit=${settings.s} (forced on per write)`);
    await bench('postgres', await openPostgresStorage(u.toString()), results);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
if (json) console.log(JSON.stringify(results, null, 2));
