import { createWriteStream, type WriteStream } from 'node:fs';
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { PATTERN_REFUSALS, type GenOptions, type GenReport, type IntervalReport, type TurnBytes } from './ipc.ts';
import { summarise, type Summary } from './stats.ts';

// What one generator process measures: latencies (all timestamps from this process's clock, so sender and
// receiver agree), answers and errors by kind, the bytes one student receives per turn, its own CPU and
// event-loop delay. `reset()` opens a measurement window; `report()` closes it.

export const now = (): number => performance.now();

const UNANSWERED_MS = 10_000;
/** Event-loop delay sampling; the histogram's values include this interval, so it is subtracted. */
const LOOP_RES_MS = 2;
const loopMs = (ns: number): number => Math.max(0, Math.round((ns / 1e6 - LOOP_RES_MS) * 100) / 100);

export interface Pending {
  type: string;
  t0: number;
  code: string;
  turn: number;
  /** Written to the match log with the action (its `note`, or the chat text): how the lost-action check finds it. */
  marker: string;
  /** Called when the server refuses the message (e.g. forget what a receiver was waiting to see). */
  onError?: () => void;
}

export class Metrics {
  lat: Record<string, number[]> = {};
  sent: Record<string, number> = {};
  accepted: Record<string, number> = {};
  errors: Record<string, number> = {};
  refusals: Record<string, number> = {};
  disconnects: Record<string, number> = {};
  unanswered = 0;
  turns: TurnBytes[] = [];
  acks = 0;
  /** Outstanding messages by ref. */
  pending = new Map<string, Pending>();
  /** What receivers are waiting to see, by key. */
  waits = new Map<string, { metric: string; t0: number; left: number; moment?: () => string; at?: string }>();
  options: GenOptions | null = null;
  /** Ignore disconnects while tearing down on purpose. */
  quiet = false;

  private windowStart = now();
  private cpuStart = process.cpuUsage();
  private loop = monitorEventLoopDelay({ resolution: LOOP_RES_MS });
  private intervalLoop = monitorEventLoopDelay({ resolution: LOOP_RES_MS });
  private marks: Record<string, number> = {};
  private intervalStart = now();
  private intervalCpu = process.cpuUsage();
  private acksOut: WriteStream | null = null;
  private seq = 0;
  readonly gen: number;

  /** Garbage-collection pauses of this process in the window (ms). */
  private gcMax = 0;
  private gcTotal = 0;
  private gcMajorMax = 0;

  constructor(gen: number) {
    this.gen = gen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        this.gcTotal += e.duration;
        if (e.duration > this.gcMax) this.gcMax = e.duration;
        // detail.kind 4 = major (mark-compact) GC (perf_hooks constants.NODE_PERFORMANCE_GC_MAJOR).
        if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === 4 && e.duration > this.gcMajorMax) this.gcMajorMax = e.duration;
      }
    }).observe({ entryTypes: ['gc'] });
    this.loop.enable();
    this.intervalLoop.enable();
  }

  setAcksFile(path: string): void {
    this.acksOut ??= createWriteStream(path, { flags: 'a' });
  }

  nextRef(): string {
    return `g${this.gen}.${(++this.seq).toString(36)}`;
  }

  inWindow(t: number): boolean {
    return t >= this.windowStart;
  }

  sample(metric: string, ms: number): void {
    (this.lat[metric] ??= []).push(ms);
  }

  count(where: Record<string, number>, key: string, by = 1): void {
    where[key] = (where[key] ?? 0) + by;
  }

  sending(ref: string, p: Pending): void {
    this.pending.set(ref, p);
    if (this.inWindow(p.t0)) this.count(this.sent, p.type);
  }

  /** `count` other clients should see `key` (a proposal, a chat line, a counter value) sent at t0. */
  expect(key: string, metric: string, t0: number, count: number, moment?: () => string): void {
    if (count > 0) this.waits.set(key, { metric, t0, left: count, moment, at: moment?.() });
  }

  forget(key: string): void {
    this.waits.delete(key);
  }

  /** One receiver saw `key` now: one latency sample. */
  seen(key: string, at: number): void {
    const w = this.waits.get(key);
    if (!w) return;
    if (this.inWindow(w.t0)) this.sample(w.metric, at - w.t0);
    if (--w.left <= 0) this.waits.delete(key);
  }

  /** An `accepted` answer: latency, and the action's identity kept for the lost-action check. */
  acceptedAnswer(ref: string | undefined, at: number, logged: boolean): Pending | undefined {
    const p = ref ? this.pending.get(ref) : undefined;
    if (!p) return undefined;
    this.pending.delete(ref!);
    if (this.inWindow(p.t0)) {
      this.count(this.accepted, p.type);
      this.sample(`accepted:${p.type}`, at - p.t0);
    }
    if (logged && this.acksOut) {
      this.acks++;
      this.acksOut.write(`${JSON.stringify({ c: p.code, t: p.type, k: p.marker, turn: p.turn })}\n`);
    }
    return p;
  }

  errorAnswer(ref: string | undefined, code: string, type: string | undefined): void {
    const p = ref ? this.pending.get(ref) : undefined;
    if (p) {
      this.pending.delete(ref!);
      p.onError?.();
    }
    if (p && !this.inWindow(p.t0)) return;
    const key = `${type ?? p?.type ?? '?'}:${code}`;
    if (PATTERN_REFUSALS.has(code)) this.count(this.refusals, key);
    else this.count(this.errors, key);
  }

  disconnect(code: number | string): void {
    if (!this.quiet) this.count(this.disconnects, String(code));
  }

  /** Messages still unanswered after 10 s count once as errors. */
  sweep(t = now()): void {
    for (const [ref, p] of this.pending) {
      if (t - p.t0 > UNANSWERED_MS) {
        this.pending.delete(ref);
        if (this.inWindow(p.t0)) this.unanswered++;
      }
    }
    // Accepted but never shown to a receiver within 10 s: a real error (a view or a line went missing).
    for (const [key, w] of this.waits) {
      if (t - w.t0 > UNANSWERED_MS) {
        this.waits.delete(key);
        if (!this.inWindow(w.t0) || this.quiet) continue;
        // A proposal made just before its phase ended can expire before its receiver's next view is sent:
        // the load pattern, not an error. Unseen with the room still in the same phase is an error.
        if (w.moment && w.moment() !== w.at) this.count(this.refusals, `unseen after the phase ended:${w.metric}`, w.left);
        else this.count(this.errors, `unseen:${w.metric}`, w.left);
      }
    }
  }

  reset(): void {
    this.lat = {};
    this.sent = {};
    this.accepted = {};
    this.errors = {};
    this.refusals = {};
    this.disconnects = {};
    this.unanswered = 0;
    this.windowStart = now();
    this.cpuStart = process.cpuUsage();
    this.loop.reset();
    this.gcMax = 0;
    this.gcTotal = 0;
    this.gcMajorMax = 0;
    this.marks = {};
    this.intervalStart = now();
    this.intervalCpu = process.cpuUsage();
    this.intervalLoop.reset();
  }

  /** Figures since the previous call (or the window's start), without closing the window: for the soak. */
  interval(): IntervalReport {
    this.sweep();
    const lat: Record<string, Summary> = {};
    for (const [k, v] of Object.entries(this.lat)) {
      lat[k] = summarise(v.slice(this.marks[k] ?? 0));
      this.marks[k] = v.length;
    }
    const total = (r: Record<string, number>, key: string): number => {
      const t = Object.values(r).reduce((a, b) => a + b, 0);
      const d = t - (this.marks[key] ?? 0);
      this.marks[key] = t;
      return d;
    };
    const cpu = process.cpuUsage(this.intervalCpu);
    const ms = now() - this.intervalStart;
    const out: IntervalReport = {
      ms, lat, errors: total(this.errors, '#errors') + total(this.disconnects, '#disconnects') + (this.unanswered - (this.marks['#unanswered'] ?? 0)),
      refusals: total(this.refusals, '#refusals'), sent: total(this.sent, '#sent'),
      cpuPct: ((cpu.user + cpu.system) / 1000 / ms) * 100, loopP95: loopMs(this.intervalLoop.percentile(95)),
    };
    this.marks['#unanswered'] = this.unanswered;
    this.intervalStart = now();
    this.intervalCpu = process.cpuUsage();
    this.intervalLoop.reset();
    return out;
  }

  report(extra: { clients: number; rooms: GenReport['rooms'] }): GenReport {
    this.sweep();
    const cpu = process.cpuUsage(this.cpuStart);
    return {
      windowMs: now() - this.windowStart,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loop: { p50: loopMs(this.loop.percentile(50)), p95: loopMs(this.loop.percentile(95)), p99: loopMs(this.loop.percentile(99)), max: loopMs(this.loop.max) },
      gc: { maxMs: Math.round(this.gcMax), majorMaxMs: Math.round(this.gcMajorMax), totalMs: Math.round(this.gcTotal), heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) },
      lat: this.lat, sent: this.sent, accepted: this.accepted, errors: this.errors, refusals: this.refusals,
      unanswered: this.unanswered, disconnects: this.disconnects, turns: this.turns, acks: this.acks, ...extra,
    };
  }

  async flush(): Promise<void> {
    const out = this.acksOut;
    if (!out) return;
    await new Promise<void>((r) => out.write('', () => r()));
  }
}
