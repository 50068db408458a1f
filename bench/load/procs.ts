import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command, GenReport, Reply, Target } from './ipc.ts';
import { pidListeningOn } from './stats.ts';

// The processes of the capacity bench: the Entente server (`node server/main.ts`), the bare echo server,
// and the load generators, each started with the Node that runs the bench (Node 24 through npm) and, when
// `taskset` exists and there are two cores or more, pinned: servers on core 0, generators on the others.

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface Pinning {
  server: string | null;
  generator: string | null;
  note: string;
}

export function pinning(): Pinning {
  const cores = availableParallelism();
  const taskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!taskset) return { server: null, generator: null, note: `taskset not found: nothing pinned (${cores} cores)` };
  if (cores < 2) return { server: null, generator: null, note: 'one core: nothing pinned' };
  const gen = cores === 2 ? '1' : `1-${cores - 1}`;
  return { server: '0', generator: gen, note: `servers pinned to core 0, generator(s) to core ${gen} (taskset, ${cores} cores)` };
}

function command(core: string | null, args: string[]): [string, string[]] {
  return core ? ['taskset', ['-c', core, process.execPath, ...args]] : [process.execPath, args];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface ServerProc {
  name: string;
  port: number;
  url: string;
  /** null: a server this bench did not start (--endpoints); it is neither stopped nor killed. */
  child: ChildProcess | null;
  /** -1 when not known (another machine): its CPU and memory are then not measured. */
  pid: number;
  /** Lines the server wrote to stderr (its errors), counted. */
  stderrLines: number;
  /** The last few stderr lines, for the report. */
  stderrTail: string[];
  /** The start of its stdout (the Entente server says there how many matches it recovered). */
  stdout: () => string;
  exited: Promise<number | null>;
}

export interface ServerSpec {
  name: string;
  args: string[];
  env: Record<string, string>;
  core: string | null;
  logFile: string;
  /** Ready when stdout matches `ready` (if given) and `health` answers 200 (if given). */
  health?: string;
  ready?: RegExp;
  /** Working directory (default: this checkout). */
  cwd?: string;
}

export async function startServer(spec: ServerSpec, port: number, timeoutMs = 180_000): Promise<ServerProc> {
  const [cmd, args] = command(spec.core, spec.args);
  const child = spawn(cmd, args, { cwd: spec.cwd ?? ROOT, env: { ...process.env, ...spec.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  const proc: ServerProc = {
    name: spec.name, port, url: `http://127.0.0.1:${port}`, child, pid: child.pid!, stderrLines: 0, stderrTail: [], stdout: () => out,
    exited: new Promise((r) => child.once('exit', (code) => r(code))),
  };
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    log.write(d);
    if (out.length < 200_000) out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    log.write(d);
    for (const line of d.toString().split('\n')) {
      if (!line.trim()) continue;
      // Node's own notices (e.g. the experimental SQLite warning) are not server errors.
      if (/ExperimentalWarning|--trace-warnings|Debugger|For help, see/.test(line)) continue;
      proc.stderrLines++;
      proc.stderrTail.push(line.slice(0, 300));
      if (proc.stderrTail.length > 10) proc.stderrTail.shift();
    }
  });
  const start = Date.now();
  let exitCode: number | null | undefined;
  void proc.exited.then((c) => {
    exitCode = c;
  });
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${spec.name} exited (${exitCode}) while starting; see ${spec.logFile}`);
    if (Date.now() - start > timeoutMs) throw new Error(`${spec.name} did not start within ${timeoutMs / 1000} s; see ${spec.logFile}`);
    if (!spec.ready || spec.ready.test(out)) {
      if (!spec.health) return proc;
      try {
        const r = await fetch(`${proc.url}${spec.health}`);
        if (r.ok) return proc;
      } catch {
        // not listening yet
      }
    }
    await sleep(100);
  }
}

/**
 * A running server given by its address (--endpoints), checked through its health route. Its pid is found
 * from its port when it runs on this machine (its CPU per player is then measured), else -1.
 */
export async function attachServer(name: string, address: string): Promise<ServerProc> {
  const url = new URL(address);
  const base = url.origin;
  const r = await fetch(`${base}/api/health`).catch((e: Error) => {
    throw new Error(`${name} at ${base}: no answer (${e.message}); start it first`);
  });
  if (!r.ok) throw new Error(`${name} at ${base}: /api/health answered ${r.status}`);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return {
    name, port, url: base, child: null, pid: (local ? pidListeningOn(port) : null) ?? -1, stderrLines: 0, stderrTail: [], stdout: () => '',
    exited: new Promise(() => undefined),
  };
}

/** SIGTERM and wait (the Entente server saves and closes within 10 s); SIGKILL after `ms`. */
export async function stopServer(p: ServerProc, ms = 15_000): Promise<number | null> {
  const child = p.child;
  if (!child) return null;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), ms);
  const code = await p.exited;
  clearTimeout(t);
  return code;
}

export async function killServer(p: ServerProc): Promise<void> {
  if (!p.child) throw new Error(`${p.name} was not started by the bench: it cannot kill it`);
  p.child.kill('SIGKILL');
  await p.exited;
}

// ------------------------------------------------------------------ generators

export class Generator {
  readonly child: ChildProcess;
  readonly index: number;
  private next = 1;
  private waiting = new Map<number, (r: Reply) => void>();
  stderrTail: string[] = [];

  constructor(index: number, core: string | null, logFile: string) {
    this.index = index;
    const script = join(ROOT, 'bench/load/generator.ts');
    if (!existsSync(script)) throw new Error(`missing ${script}`);
    // BENCH_GENERATOR_FLAGS: extra Node flags for the generators (e.g. --trace-gc, to see their pauses).
    const extra = (process.env.BENCH_GENERATOR_FLAGS ?? '').split(' ').filter(Boolean);
    const [cmd, args] = command(core, ['--max-old-space-size=8192', ...extra, script]);
    this.child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    // The SDK's own notices (reconnection attempts after a kill -9...) go to the run's log, not the report.
    const log = createWriteStream(logFile, { flags: 'a' });
    this.child.stdout!.pipe(log);
    this.child.stderr!.on('data', (d: Buffer) => {
      log.write(d);
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        this.stderrTail.push(line.slice(0, 300));
        if (this.stderrTail.length > 20) this.stderrTail.shift();
      }
    });
    this.child.on('message', (r: Reply) => {
      const w = this.waiting.get(r.id);
      if (w) {
        this.waiting.delete(r.id);
        w(r);
      }
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w({ id: 0, ok: false, error: `generator ${index} exited (${code}): ${this.stderrTail.slice(-5).join(' | ')}` });
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  ask(cmd: Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never): Promise<Reply & { ok: true }> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (r) => (r.ok ? resolve(r) : reject(new Error(`generator ${this.index}: ${r.error}`))));
      this.child.send({ ...cmd, id } as Command);
    });
  }

  async report(target?: Target): Promise<GenReport> {
    const r = await this.ask({ cmd: 'collect', target });
    return r.report!;
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await this.ask({ cmd: 'exit' }).catch(() => undefined);
    await new Promise((r) => {
      if (this.child.exitCode !== null) r(null);
      else this.child.once('exit', r);
    });
  }
}
