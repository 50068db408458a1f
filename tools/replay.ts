// npm run replay -- match.json : rebuild the match from its log and print the final hash and scores.
import { readFileSync } from 'node:fs';
import { parseMatchFile } from '../shared/matchFile.ts';
import { replay, scores, stateHash } from '../shared/rules/index.ts';
import { parseArgs, table } from './args.ts';

const { positional } = parseArgs(process.argv.slice(2));
const path = positional[0];
if (!path) {
  console.error('usage: npm run replay -- match.json');
  process.exit(2);
}
const parsed = parseMatchFile(readFileSync(path, 'utf8'));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const r = replay(parsed.file);
if (!r.ok) {
  console.error(`Action ${r.index + 1} (${r.action?.type}) does not replay: ${r.error.message}`);
  process.exit(1);
}
const s = r.final;
console.log(`${path}: ${parsed.file.actions.length} actions, turn ${s.turn} of ${s.turns}${s.over ? ' (over)' : ''}`);
console.log(table([['nation', 'interest', 'prosperity', 'security', 'standing', 'autonomy', 'score'], ...scores(s).map((x) => [
  s.nations.find((n) => n.id === x.nation)!.name, x.interest, x.prosperity, x.security, x.standing, x.autonomy, x.total,
])]));
console.log(`final state hash ${stateHash(s)}`);
