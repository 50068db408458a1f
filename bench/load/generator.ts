// A load-generator process of the capacity bench: started by bench/load.ts or bench/soak.ts with an IPC
// channel, it opens the rooms it is given through @colyseus/sdk (Entente classrooms or bare echo rooms),
// drives them, and reports what it measured. Commands and replies: bench/load/ipc.ts.
import { Client } from '@colyseus/sdk';
import type { Command, GenOptions, Homes, Reply, RoomPlan, Target } from './ipc.ts';
import { Metrics } from './metrics.ts';
import { EntenteClassroom, type Ctx } from './entente.ts';
import { BareClassroom } from './bare.ts';

if (!process.send) {
  console.error('bench/load/generator.ts is started by bench/load.ts (it needs an IPC channel).');
  process.exit(1);
}

type Classroom = EntenteClassroom | BareClassroom;

let metrics: Metrics | null = null;
/** The rooms of the target being measured (one target at a time). */
const byTarget: Record<Target, Classroom[]> = { bare: [], entente: [], entente2: [] };
const started = new Set<Target>();
const all = (): Classroom[] => [...byTarget.bare, ...byTarget.entente, ...byTarget.entente2];
let sweeper: NodeJS.Timeout | null = null;

const reply = (r: Reply): void => {
  process.send!(r);
};

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function setup(target: Target, url: string, urls: string[] | undefined, rooms: RoomPlan[], options: GenOptions): Promise<Reply & { ok: true }> {
  const t0 = Date.now();
  metrics ??= new Metrics(options.gen);
  metrics.options = options;
  metrics.quiet = false;
  metrics.setAcksFile(options.acksFile);
  const clients = (urls?.length ? urls : [url]).map((u) => new Client(u));
  const ctx: Ctx = { client: clients[0]!, clients, metrics, options };
  const joinFailures: Record<string, number> = {};
  const classrooms = rooms.map((plan) => (target === 'bare' ? new BareClassroom(ctx, plan) : new EntenteClassroom(ctx, plan)));
  byTarget[target] = classrooms;
  started.delete(target);
  await pool(classrooms, options.concurrency, (c) => c.setup(joinFailures));
  sweeper ??= setInterval(() => metrics?.sweep(), 1000);
  let homes: Homes | undefined;
  if (clients.length > 1) {
    homes = {};
    for (const c of classrooms) {
      if (!(c instanceof EntenteClassroom) || !c.home) continue;
      const h = (homes[c.home] ??= { rooms: 0, students: 0 });
      h.rooms++;
      h.students += c.students.length;
    }
  }
  return { id: 0, ok: true, setup: { clients: clientCount(classrooms), joinFailures, ms: Date.now() - t0, homes } };
}

/** The target's rooms start acting (Entente: the hosts start their matches, spread over startSpreadMs). */
function start(target: Target): void {
  const classrooms = byTarget[target];
  if (started.has(target)) return;
  started.add(target);
  // Spread, so that rooms do not all change phase at the same moment.
  const spread = metrics?.options?.startSpreadMs ?? 0;
  classrooms.forEach((c, i) => c.start(target === 'bare' ? 0 : (i / Math.max(1, classrooms.length)) * spread));
}

function clientCount(classrooms = all()): number {
  return classrooms.reduce((n, c) => n + (c instanceof EntenteClassroom ? c.students.length + (c.host ? 1 : 0) : c.rooms.length), 0);
}

function rooms(target?: Target): { running: number; finished: number; lobby: number } {
  const r = { running: 0, finished: 0, lobby: 0 };
  for (const c of target ? byTarget[target] : all()) {
    const s = c.status;
    if (s === 'running') r.running++;
    else if (s === 'finished') r.finished++;
    else r.lobby++;
  }
  return r;
}

process.on('message', (cmd: Command) => {
  const run = async (): Promise<Reply> => {
    switch (cmd.cmd) {
      case 'setup':
        return { ...(await setup(cmd.target, cmd.url, cmd.urls, cmd.rooms, cmd.options)), id: cmd.id };
      case 'start':
        start(cmd.target);
        return { id: cmd.id, ok: true };
      case 'reset':
        metrics?.reset();
        return { id: cmd.id, ok: true };
      case 'collect':
        if (!metrics) throw new Error('nothing set up');
        return { id: cmd.id, ok: true, report: metrics.report({ clients: clientCount(cmd.target ? byTarget[cmd.target] : all()), rooms: rooms(cmd.target) }) };
      case 'interval':
        if (!metrics) throw new Error('nothing set up');
        return { id: cmd.id, ok: true, interval: metrics.interval() };
      case 'quiet':
        if (metrics) metrics.quiet = true;
        return { id: cmd.id, ok: true };
      case 'teardown': {
        if (metrics) metrics.quiet = true;
        await pool(all(), 32, (c) => c.teardown());
        byTarget.bare = [];
        byTarget.entente = [];
        byTarget.entente2 = [];
        started.clear();
        if (metrics) {
          metrics.turns = [];
          metrics.pending.clear();
          metrics.waits.clear();
          await metrics.flush();
        }
        return { id: cmd.id, ok: true };
      }
      case 'exit':
        await metrics?.flush();
        setTimeout(() => process.exit(0), 50);
        return { id: cmd.id, ok: true };
    }
  };
  run().then(reply, (e: Error) => reply({ id: cmd.id, ok: false, error: e.stack ?? e.message }));
});

process.on('disconnect', () => process.exit(0));
process.on('unhandledRejection', (e) => {
  metrics?.count(metrics.errors, `generator:unhandled ${String((e as Error)?.message ?? e).slice(0, 60)}`);
});
