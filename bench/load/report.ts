import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { StepResult } from './run.ts';
import { formatProfile } from './cpuprofile.ts';
import type { LogCheck } from './logcheck.ts';
import type { Summary } from './stats.ts';

// How bench/load.ts and bench/soak.ts print what they measured.

export function machine(): Record<string, unknown> {
  const sh = (c: string): string => {
    try {
      return execSync(c, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(), host: sh('hostname'), cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node, commit: sh('git rev-parse --short HEAD'), loadavg: sh('cat /proc/loadavg'),
  };
}

const f = (v: number | null | undefined, d = 1): string => (v === null || v === undefined ? '-' : v.toFixed(d));
const lat = (s: Summary): string => (s.n ? `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)}` : '-');

export function table(steps: StepResult[]): string {
  const rows: string[][] = [[
    'players', 'room', 'seen p50/p95/p99 ms', 'accepted p50/p95/p99 ms', 'chat seen p95', 'server CPU', 'µs/player/s', 'vs bare', 'RSS MB', 'KB/room', 'errors', 'gen CPU / loop p95 / GC max', 'others on srv/gen core',
  ]];
  for (const s of steps) {
    const bare = steps.find((b) => b.target === 'bare' && b.players === s.players);
    const ratio = s.target !== 'bare' && bare?.server.cpuUsPerPlayerS && s.server.cpuUsPerPlayerS ? `${(s.server.cpuUsPerPlayerS / bare.server.cpuUsPerPlayerS).toFixed(2)}×` : '';
    rows.push([
      String(s.players), (s.target === 'entente2' ? 'entente ×2' : s.target) + (s.killed ? ' (kill -9)' : ''), `${lat(s.seen)} (n=${s.seen.n})`, lat(s.accepted), s.seenChat ? f(s.seenChat.p95) : '',
      `${f(s.server.cpuPct)}%`, f(s.server.cpuUsPerPlayerS), ratio, f(s.server.rssMB, 0), f(s.server.rssPerRoomKB, 0), String(s.errors.total),
      `${f(s.generator.cpuPctTotal, 0)}% / ${f(s.generator.loopP95)} / ${f(s.generator.gcMaxMs, 0)} ms${s.generator.saturated ? ' SATURATED' : ''}`,
      s.machine ? `${f(s.machine.otherOnServerCorePct, 0)}% / ${f(s.machine.otherOnGeneratorCorePct, 0)}%` : '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

export function details(s: StepResult): string[] {
  const lines: string[] = [];
  const head = `${s.target} ${s.players}:`;
  lines.push(`${head} ${s.rooms} rooms, ${s.clients} connections, joined in ${s.setupS} s; measured ${s.windowS} s${s.rounds && s.rounds > 1 ? ` in ${s.rounds} rounds` : ''}; ${s.sentPerS} msgs/s sent, ${s.acceptedPerS}/s accepted; rooms ${JSON.stringify(s.roomStatus)}`);
  if (Object.keys(s.acceptedByType).length > 1) {
    lines.push(`  accepted by type (p50/p95/p99 ms): ${Object.entries(s.acceptedByType).map(([t, v]) => `${t} ${lat(v)} (n=${v.n})`).join('; ')}`);
  }
  if (s.bytesPerTurn) {
    const b = s.bytesPerTurn;
    lines.push(`  bytes per turn to one student (median of ${b.turns} turns): ${b.bytes ?? '-'} B in ${b.frames ?? '-'} frames (${Object.entries(b.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}); full public state as JSON ${b.stateJson ?? '-'} B; ratio ${b.ratio ?? '-'}`);
  }
  if (s.errors.total) lines.push(`  ERRORS: ${JSON.stringify(s.errors.byKind)}`);
  if (s.noisyRetries) lines.push(`  ${s.noisyRetries} round(s) measured again because other processes took more than the noise limit of the server core${s.discardedErrors ? `; errors in those rounds: ${JSON.stringify(s.discardedErrors)}` : ''}`);
  if (Object.keys(s.refusals).length) lines.push(`  refusals caused by the load pattern (not errors): ${JSON.stringify(s.refusals)}`);
  const g = s.generator;
  lines.push(`  generator: ${g.processes} process(es), ${g.cpuPctTotal}% of its core, event-loop delay p95 ${g.loopP95} ms / max ${g.loopMax} ms, longest GC pause ${g.gcMaxMs} ms (${g.gcPct}% of the time in GC), heap ${g.heapMB} MB`);
  if (g.saturated) lines.push(`  WARNING: the generator is saturated (CPU ${g.cpuPctTotal}% of its core, loop delay p95 ${g.loopP95} ms): these latencies are partly the generator's.`);
  else if (g.loopMax > 100) lines.push(`  note: the generator's event loop stalled up to ${g.loopMax} ms (GC up to ${g.gcMaxMs} ms): the p99 and max include that.`);
  if (s.machine) lines.push(`  machine: cores busy ${s.machine.coreBusyPct.join('% / ')}% (+ irq/softirq ${s.machine.irqPct.join('% / ')}%); the idle bench server used ${s.machine.idleServerCpuPct}% of the server core, other processes ${s.machine.otherOnServerCorePct}% and ${s.machine.otherOnGeneratorCorePct}% of the generator core; steal ${s.machine.stealPct}%; I/O stalls (PSI some/full) ${s.machine.ioSomePct ?? '-'}% / ${s.machine.ioFullPct ?? '-'}%${s.server.writeKBps !== undefined && s.server.writeKBps !== null ? `; server wrote ${s.server.writeKBps} KB/s` : ''}`);
  for (const p of s.processes ?? []) {
    lines.push(`  ${p.name} (port ${p.port}): ${p.rooms} rooms, ${p.players} players; CPU ${f(p.cpuPct)}% of a core, ${f(p.cpuUsPerPlayerS)} µs/player/s; proposal seen p50/p95/p99 ${lat(p.seen)} ms (n=${p.seen.n})`);
  }
  if (s.profile) lines.push(formatProfile(s.profile).split('\n').map((l) => `  ${l}`).join('\n'));
  return lines;
}

export function largestHeld(steps: StepResult[]): number | null {
  // The single process when it was measured, else the several (--endpoints with more than one address).
  const target = steps.some((s) => s.target === 'entente') ? 'entente' : 'entente2';
  const ok = steps.filter((s) => s.target === target && !s.killed && s.seen.p95 !== null && s.seen.p95 < 50 && s.errors.total === 0 && !s.generator.saturated);
  return ok.length ? Math.max(...ok.map((s) => s.players)) : null;
}

export function lostLine(c: LogCheck | null, err?: string): string {
  if (!c) return `lost actions: not checked (${err ?? 'no Entente step'})`;
  return `lost actions: ${c.lost} of ${c.acked} acknowledged actions missing from the log${c.mismatched ? ` (${c.mismatched} logged with another type)` : ''} — ${c.method}${c.lost ? `; e.g. ${JSON.stringify(c.examples.slice(0, 3))}` : ''}`;
}


/**
 * --processes 2, per N: each process's rooms, CPU per player and proposal-seen latency beside the single
 * process's, and the ratios issue 14 asks for (rooms max/min <= 1.3, CPU per player <= 1.2x the single
 * process's, p95 < 50 ms).
 */
export function scaleOutLines(steps: StepResult[]): string[] {
  const lines: string[] = [];
  for (const two of steps.filter((s) => s.target === 'entente2' && s.processes?.length)) {
    const one = steps.find((s) => s.target === 'entente' && s.players === two.players);
    const ps = two.processes!;
    const rooms = ps.map((p) => p.rooms);
    const roomRatio = Math.min(...rooms) > 0 ? Math.max(...rooms) / Math.min(...rooms) : Infinity;
    const single = one?.server.cpuUsPerPlayerS ?? null;
    lines.push(`${two.players} players: single process ${f(single)} µs/player/s (CPU ${f(one?.server.cpuPct ?? null)}%), proposal seen p50/p95 ${one ? `${f(one.seen.p50)} / ${f(one.seen.p95)}` : '-'} ms`);
    for (const p of ps) {
      const r = single && p.cpuUsPerPlayerS !== null ? p.cpuUsPerPlayerS / single : null;
      lines.push(`  ${p.name}: ${p.rooms} rooms, ${p.players} players, CPU ${f(p.cpuPct)}%, ${f(p.cpuUsPerPlayerS)} µs/player/s (${r === null ? '-' : `${r.toFixed(2)}×`} the single process${r !== null ? (r <= 1.2 ? ', ≤ 1.2× ok' : ', OVER 1.2×') : ''}), proposal seen p50/p95 ${f(p.seen.p50)} / ${f(p.seen.p95)} ms${p.seen.p95 !== null ? (p.seen.p95 < 50 ? ' (< 50 ok)' : ' (NOT < 50)') : ''}`);
    }
    // The same load per process: the single process at half the players, when the ramp has that step.
    const half = steps.find((s) => s.target === 'entente' && s.players === two.players / 2);
    if (half?.server.cpuUsPerPlayerS) {
      lines.push(`  against the single process at ${half.players} players (the same players per process, ${f(half.server.cpuUsPerPlayerS)} µs/player/s): ${ps.map((p) => `${p.name.split(' ').pop()} ${p.cpuUsPerPlayerS !== null ? (p.cpuUsPerPlayerS / half.server.cpuUsPerPlayerS!).toFixed(2) : '-'}×`).join(', ')}`);
    }
    lines.push(`  rooms max/min ${roomRatio.toFixed(2)}${roomRatio <= 1.3 ? ' (≤ 1.3 ok)' : ' (OVER 1.3)'}; both together: ${f(two.server.cpuUsPerPlayerS)} µs/player/s, p95 ${f(two.seen.p95)} ms, ${two.errors.total} errors`);
  }
  return lines;
}
