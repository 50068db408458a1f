import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

// Reads a V8 .cpuprofile (written by `node --cpu-prof`) and sums self time by function and file, optionally
// only over a window of its timeline (microseconds of the monotonic clock, the one `process.hrtime` reads,
// so the bench can cut out its measurement window).

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  fn: string;
  where: string;
  selfMs: number;
  pct: number;
}

export interface ProfileSummary {
  file: string;
  windowMs: number;
  sampledMs: number;
  /** Share of the window the main thread was busy (everything but "(idle)"). */
  busyPct: number;
  top: ProfileRow[];
  /** Self time summed by area: node internals, colyseus, schema, ws, zod, sqlite (native), the project's folders. */
  byArea: { area: string; selfMs: number; pct: number }[];
}

function shortUrl(url: string, root: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  return path.startsWith('/') ? relative(root, path) : path;
}

function areaOf(fn: string, url: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return '(program: native, not JS)';
  if (!url) return `native: ${fn || '(anonymous)'}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  const p = /\/(server|shared|bench)\/([^/]+)/.exec(url);
  if (p) return `${p[1]}/${p[2]}`;
  return url;
}

export function summariseProfile(file: string, root: string, windows?: { from: number; to: number }[], top = 25): ProfileSummary {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let t = prof.startTime;
  const ws = windows?.length ? windows : [{ from: prof.startTime, to: prof.endTime }];
  const inside = (x: number): boolean => ws.some((w) => x >= w.from && x <= w.to);
  const windowUs = ws.reduce((a, w) => a + (w.to - w.from), 0);
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    t += prof.timeDeltas[i]!;
    if (!inside(t)) continue;
    // A sample stands for the time until the next one.
    const dt = i + 1 < prof.timeDeltas.length ? prof.timeDeltas[i + 1]! : 0;
    self.set(prof.samples[i]!, (self.get(prof.samples[i]!) ?? 0) + dt);
    total += dt;
  }
  const rows = new Map<string, ProfileRow>();
  const areas = new Map<string, number>();
  let idle = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const fn = n.callFrame.functionName || '(anonymous)';
    const where = n.callFrame.url ? `${shortUrl(n.callFrame.url, root)}:${n.callFrame.lineNumber + 1}` : '';
    const key = `${fn}\u0000${where}`;
    const r = rows.get(key) ?? { fn, where, selfMs: 0, pct: 0 };
    r.selfMs += us / 1000;
    rows.set(key, r);
    const area = areaOf(fn, n.callFrame.url);
    areas.set(area, (areas.get(area) ?? 0) + us / 1000);
    if (fn === '(idle)') idle += us;
  }
  const busy = total - idle;
  const pctOf = (ms: number): number => Math.round((ms * 1000 * 1000) / Math.max(1, busy)) / 10;
  const sorted = [...rows.values()].filter((r) => r.fn !== '(idle)').sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const r of sorted) {
    r.pct = pctOf(r.selfMs);
    r.selfMs = Math.round(r.selfMs);
  }
  return {
    file,
    windowMs: Math.round(windowUs / 1000),
    sampledMs: Math.round(total / 1000),
    busyPct: Math.round((busy * 1000) / Math.max(1, windowUs)) / 10,
    top: sorted,
    byArea: [...areas.entries()].filter(([a]) => a !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 15)
      .map(([area, ms]) => ({ area, selfMs: Math.round(ms), pct: pctOf(ms) })),
  };
}

export function formatProfile(s: ProfileSummary): string {
  const lines = [`CPU profile ${s.file}: window ${s.windowMs} ms, main thread busy ${s.busyPct}% of it (percentages below are of busy time)`];
  lines.push('  by area:');
  for (const a of s.byArea) lines.push(`    ${String(a.pct).padStart(5)}%  ${String(a.selfMs).padStart(7)} ms  ${a.area}`);
  lines.push('  top self time:');
  for (const r of s.top) lines.push(`    ${String(r.pct).padStart(5)}%  ${String(r.selfMs).padStart(7)} ms  ${r.fn}  ${r.where}`);
  return lines.join('\n');
}
