// npm run bench [-- --json]
// How fast are the rules? p50/p99 of a single `apply` on realistic 4- and 8-nation states (every action of
// several simulated bot matches, each timed on the state it was played on), and the time to replay a whole
// 40-turn 8-nation match, each against its budget. A script, not a test: timings depend on the machine.
import type { Action, GameState, MatchFile, Player } from '../shared/types.ts';
import { PERSONALITIES, STRATEGIES } from '../shared/types.ts';
import { apply } from '../shared/rules/apply.ts';
import { initialState, replay } from '../shared/rules/replay.ts';
import { stateHash } from '../shared/rules/hash.ts';
import { simulate } from '../shared/bots/simulate.ts';
import { getScenario } from '../shared/scenarios/index.ts';

const APPLY_BUDGET_US = 50; // p99 of one apply, microseconds
const REPLAY_BUDGET_MS = 20; // a 40-turn 8-nation match, milliseconds
const SCENARIO = 'amber-sea';

const json = process.argv.includes('--json');
const log = (line = ''): void => {
  if (!json) console.log(line);
};

function players(seats: number, seed: number): Player[] {
  return getScenario(SCENARIO)!.nations.slice(0, seats).map((n, i) => ({
    nation: n.id, name: n.name, bot: true,
    strategy: STRATEGIES[(i + seed) % STRATEGIES.length]!, personality: PERSONALITIES[(i + seed) % PERSONALITIES.length]!,
  }));
}

/** Every (state, action) pair of a match, in order: the exact mix of actions real matches apply. */
function samplesOf(file: MatchFile): [GameState, Action][] {
  const out: [GameState, Action][] = [];
  let state = initialState(file);
  for (const action of file.actions) {
    out.push([state, action]);
    const r = apply(state, action);
    if (!r.ok) throw new Error(`bench: recorded action refused: ${r.error.message}`);
    state = r.state;
  }
  return out;
}

const quantile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

function benchApply(seats: number): { p50: number; p99: number; budget: number; pass: boolean; samples: number } {
  const pairs: [GameState, Action][] = [];
  for (let seed = 1; seed <= 6; seed++) {
    const { file } = simulate({ scenario: SCENARIO, seed: seed * 7919, turns: 12, players: players(seats, seed) });
    pairs.push(...samplesOf(file));
  }
  // Warm up: let the JIT see every path a few times before anything is timed.
  for (let round = 0; round < 5; round++) for (const [s, a] of pairs) apply(s, a);
  const target = 40_000;
  const rounds = Math.max(1, Math.ceil(target / pairs.length));
  const times = new Float64Array(rounds * pairs.length);
  const typeCodes = new Uint8Array(times.length);
  const typeNames = [...new Set(pairs.map(([, a]) => a.type))];
  const codeOf = pairs.map(([, a]) => typeNames.indexOf(a.type));
  let k = 0;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < pairs.length; i++) {
      const [s, a] = pairs[i]!;
      const t0 = process.hrtime.bigint();
      const r = apply(s, a);
      const t1 = process.hrtime.bigint();
      typeCodes[k] = codeOf[i]!;
      times[k++] = Number(t1 - t0) / 1000;
      sink += r.ok ? 1 : 0;
    }
  }
  // Where the time goes, by action type (shown in the human-readable output only).
  const parts = typeNames.map((type, code) => {
    const sorted = times.filter((_, j) => typeCodes[j] === code).sort();
    return `${type} ${sorted.length}× p50 ${round(quantile(sorted, 0.5), 1)} / p99 ${round(quantile(sorted, 0.99), 1)}`;
  });
  log(`  ${seats} nations by action type (µs): ${parts.join('; ')}`);
  if (sink !== times.length) throw new Error('bench: an action was refused while timing');
  times.sort();
  const p50 = quantile(times, 0.5);
  const p99 = quantile(times, 0.99);
  return { p50: round(p50, 2), p99: round(p99, 2), budget: APPLY_BUDGET_US, pass: p99 <= APPLY_BUDGET_US, samples: times.length };
}

function benchReplay(): { ms: number; budget: number; pass: boolean; actions: number; runs: number } {
  const { file, state } = simulate({ scenario: SCENARIO, seed: 40, turns: 40, players: players(8, 40) });
  const want = stateHash(state);
  const first = replay(file);
  if (!first.ok || stateHash(first.final) !== want) throw new Error('bench: the 40-turn match does not replay to its own hash');
  for (let i = 0; i < 3; i++) replay(file); // warm-up
  const runs = 15;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    replay(file);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(runs / 2)]!;
  return { ms: round(median, 2), budget: REPLAY_BUDGET_MS, pass: median <= REPLAY_BUDGET_MS, actions: file.actions.length, runs };
}

const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

log(`Entente rules benchmark (Node ${process.version}, scenario ${SCENARIO})\n`);
const apply4 = benchApply(4);
log(`apply, 4 nations: p50 ${apply4.p50} µs, p99 ${apply4.p99} µs  (budget p99 ≤ ${APPLY_BUDGET_US} µs, ${apply4.samples} samples)  ${verdict(apply4.pass)}`);
const apply8 = benchApply(8);
log(`apply, 8 nations: p50 ${apply8.p50} µs, p99 ${apply8.p99} µs  (budget p99 ≤ ${APPLY_BUDGET_US} µs, ${apply8.samples} samples)  ${verdict(apply8.pass)}`);
const replay40x8 = benchReplay();
log(`replay of a 40-turn 8-nation match (${replay40x8.actions} actions): median ${replay40x8.ms} ms of ${replay40x8.runs} runs  (budget ≤ ${REPLAY_BUDGET_MS} ms)  ${verdict(replay40x8.pass)}`);

if (json) {
  const strip = <T extends object>(o: T, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  console.log(JSON.stringify({
    apply4: strip(apply4, ['samples']),
    apply8: strip(apply8, ['samples']),
    replay40x8: strip(replay40x8, ['actions', 'runs']),
  }));
}
