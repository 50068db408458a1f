// npm run simulate -- --scenario amber-sea --seed 7 --turns 10 [--seats 6] --out match.json
import { writeFileSync } from 'node:fs';
import { PERSONALITIES, STRATEGIES, type Player } from '../shared/types.ts';
import { getScenario, SCENARIOS } from '../shared/scenarios/index.ts';
import { simulate } from '../shared/bots/simulate.ts';
import { scores, stateHash } from '../shared/rules/index.ts';
import { writeMatchFile } from '../shared/matchFile.ts';
import { intFlag, parseArgs, table } from './args.ts';

const { flags } = parseArgs(process.argv.slice(2));
const scenarioId = typeof flags.scenario === 'string' ? flags.scenario : SCENARIOS[0]!.id;
const scenario = getScenario(scenarioId);
if (!scenario) {
  console.error(`Unknown scenario "${scenarioId}". Known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const seed = intFlag(flags, 'seed', 1);
const turns = intFlag(flags, 'turns', scenario.defaults.turns);
const seats = intFlag(flags, 'seats', scenario.defaults.seats);
const out = typeof flags.out === 'string' ? flags.out : 'match.json';

// Seats cycle through the strategies and personalities so one match shows them all side by side.
const players: Player[] = scenario.nations.slice(0, seats).map((n, i) => ({
  nation: n.id, name: n.name, bot: true, strategy: STRATEGIES[(i + seed) % STRATEGIES.length]!, personality: PERSONALITIES[(i + seed) % PERSONALITIES.length]!,
}));

const rows: (string | number)[][] = [['turn', 'treaties', 'alliances', 'partnerships', 'crises', 'held', 'lost', 'honoured', 'abstained', 'pressure']];
const { file, state } = simulate({
  scenario: scenario.id, seed, turns, players,
  onPhase: (s) => {
    if (s.phase !== 'news' || s.over) return;
    rows.push([
      s.turn, s.treaties.length, s.treaties.filter((t) => t.terms.kind === 'alliance').length, s.treaties.filter((t) => t.terms.kind === 'partnership').length,
      s.crises.length, s.crises.filter((c) => c.outcome === 'held').length, s.crises.filter((c) => c.outcome === 'lost').length,
      s.record.honoured, s.record.abstained, s.pressure,
    ]);
  },
});
writeFileSync(out, writeMatchFile(file));
console.log(`${scenario.title}, seed ${seed}, ${turns} turns, ${seats} nations\n`);
console.log(table(rows));
console.log('');
console.log(table([['nation', 'strategy', 'personality', 'interest', 'score'], ...scores(state).map((x) => {
  const p = players.find((y) => y.nation === x.nation)!;
  return [p.name, p.strategy!, p.personality!, x.interest, x.total];
})]));
console.log(`\nwrote ${out}: ${file.actions.length} actions, final state hash ${stateHash(state)}`);
