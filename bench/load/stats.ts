import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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
  irq: number;
}

/**
 * Jiffies per core since boot from /proc/stat. busy = user + nice + system: processes' own time, comparable
 * with their utime + stime; interrupt and softirq time (much of it the loopback traffic of the bench itself)
 * is counted apart, in `irq`.
 */
export function coreTimes(): CoreTimes[] {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).map((l) => {
      const v = l.trim().split(/\s+/).slice(1).map(Number);
      const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
      return { busy: (v[0] ?? 0) + (v[1] ?? 0) + (v[2] ?? 0), total, steal: v[7] ?? 0, irq: (v[5] ?? 0) + (v[6] ?? 0) };
    });
  } catch {
    return [];
  }
}

/** What each core did between two readings (jiffies). */
export function coreDelta(a: CoreTimes[], b: CoreTimes[]): CoreTimes[] {
  return b.map((x, i) => ({
    busy: x.busy - (a[i]?.busy ?? x.busy), total: x.total - (a[i]?.total ?? x.total), steal: x.steal - (a[i]?.steal ?? x.steal), irq: x.irq - (a[i]?.irq ?? x.irq),
  }));
}

/** Busy share (%) of each core over several windows (deltas from coreDelta), and its steal time. */
export function coreBusyOf(deltas: CoreTimes[][]): { busyPct: number; stealPct: number; irqPct: number }[] {
  const n = Math.max(0, ...deltas.map((d) => d.length));
  return Array.from({ length: n }, (_, i) => {
    const busy = deltas.reduce((a, d) => a + (d[i]?.busy ?? 0), 0);
    const total = deltas.reduce((a, d) => a + (d[i]?.total ?? 0), 0);
    const steal = deltas.reduce((a, d) => a + (d[i]?.steal ?? 0), 0);
    const irq = deltas.reduce((a, d) => a + (d[i]?.irq ?? 0), 0);
    const pct = (x: number): number => (total > 0 ? round((x / total) * 100, 1)! : 0);
    return { busyPct: pct(busy), stealPct: pct(steal), irqPct: pct(irq) };
  });
}

/** Total µs some / all tasks were stalled on I/O since boot (/proc/pressure/io), or null without PSI. */
export function ioPressure(): { some: number; full: number } | null {
  try {
    const t = readFileSync('/proc/pressure/io', 'utf8');
    const some = /some .*total=(\d+)/.exec(t);
    const full = /full .*total=(\d+)/.exec(t);
    return some && full ? { some: Number(some[1]), full: Number(full[1]) } : null;
  } catch {
    return null;
  }
}

/** Bytes a process has written to storage so far (/proc/<pid>/io). */
export function writeBytes(pid: number): number | null {
  try {
    const m = /write_bytes: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The pid of the process on this machine listening on TCP `port` (from /proc/net/tcp{,6} and /proc/<pid>/fd), or null. */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] local address as HEX_IP:HEX_PORT, f[3] state (0A: listening), f[9] the socket's inode.
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1]!.split(':').pop()!, 16) === port) inodes.add(f[9]!);
    }
  }
  if (!inodes.size) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // not ours to read, or gone
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}
