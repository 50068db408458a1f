import { readFileSync } from 'node:fs';

// Small measuring helpers shared by the orchestrator and the generator: percentiles, and the CPU time
// and memory of a process read from /proc (Linux).

export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function summarise(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const r = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s.length ? s[s.length - 1]! : null) };
}

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux (checked with `getconf CLK_TCK`)

/** User + system CPU seconds a process has used so far (all its threads), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces and parentheses).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state); utime is field 14, stime field 15.
    return (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export const round = (v: number | null | undefined, digits = 2): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export interface CoreTimes {
  busy: number;
  total: number;
  steal: number;
}

/** Jiffies per core since boot from /proc/stat (busy = everything but idle and iowait). */
export function coreTimes(): CoreTimes[] {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).map((l) => {
      const v = l.trim().split(/\s+/).slice(1).map(Number);
      const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
      const idle = (v[3] ?? 0) + (v[4] ?? 0);
      return { busy: total - idle, total, steal: v[7] ?? 0 };
    });
  } catch {
    return [];
  }
}

/** What each core did between two readings (jiffies). */
export function coreDelta(a: CoreTimes[], b: CoreTimes[]): CoreTimes[] {
  return b.map((x, i) => ({ busy: x.busy - (a[i]?.busy ?? x.busy), total: x.total - (a[i]?.total ?? x.total), steal: x.steal - (a[i]?.steal ?? x.steal) }));
}

/** Busy share (%) of each core over several windows (deltas from coreDelta), and its steal time. */
export function coreBusyOf(deltas: CoreTimes[][]): { busyPct: number; stealPct: number }[] {
  const n = Math.max(0, ...deltas.map((d) => d.length));
  return Array.from({ length: n }, (_, i) => {
    const busy = deltas.reduce((a, d) => a + (d[i]?.busy ?? 0), 0);
    const total = deltas.reduce((a, d) => a + (d[i]?.total ?? 0), 0);
    const steal = deltas.reduce((a, d) => a + (d[i]?.steal ?? 0), 0);
    return total > 0 ? { busyPct: round((busy / total) * 100, 1)!, stealPct: round((steal / total) * 100, 1)! } : { busyPct: 0, stealPct: 0 };
  });
}
