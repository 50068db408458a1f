// npm run tournament -- --matches 500 [--scenario <id>] [--seed n] [--json]
import { STRATEGIES } from '../shared/types.ts';
import { runTournament } from '../shared/bots/tournament.ts';
import { getScenario } from '../shared/scenarios/index.ts';
import { intFlag, parseArgs, table } from './args.ts';

const { flags } = parseArgs(process.argv.slice(2));
const matches = intFlag(flags, 'matches', 500);
const scenario = typeof flags.scenario === 'string' ? flags.scenario : undefined;
if (scenario && !getScenario(scenario)) {
  console.error(`Unknown scenario "${scenario}".`);
  process.exit(2);
}
const started = performance.now();
const result = runTournament({ matches, scenario, seed: intFlag(flags, 'seed', 1) });
if (flags.json) {
  console.log(JSON.stringify({ overall: result.overall, byInterest: result.byInterest, byScenario: result.byScenario }));
} else {
  const header = ['', ...STRATEGIES];
  const row = (label: string, r: Record<string, number>) => [label, ...STRATEGIES.map((s) => r[s]!.toFixed(2))];
  console.log(`Relative win rate (1.00 = a fair share), ${matches} matches, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  console.log(table([header, row('overall', result.overall)]));
  console.log('\nby national interest');
  console.log(table([header, ...Object.entries(result.byInterest).map(([k, v]) => row(k, v))]));
  console.log('\nby scenario');
  console.log(table([header, ...Object.entries(result.byScenario).map(([k, v]) => row(k, v))]));
}
