// Rewrite the golden match files and their expected final hashes. Run this ONLY when the rules (or bots)
// changed on purpose, then review the diff of expected.json and commit it with the rules change:
//
//   npx node tests/golden/regenerate.ts
//
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stateHash } from '../../shared/rules/hash.ts';
import { replay } from '../../shared/rules/replay.ts';
import { writeMatchFile } from '../../shared/matchFile.ts';
import { buildGolden, GOLDEN } from './matches.ts';

export interface Expected {
  hash: string;
  actions: number;
  seats: number;
  turn: number;
  over: boolean;
}

const dir = fileURLToPath(new URL('./', import.meta.url));
const expected: Record<string, Expected> = {};
for (const spec of GOLDEN) {
  const { file, state } = buildGolden(spec);
  // Never store a file that does not replay to what was played.
  const r = replay(file);
  if (!r.ok) throw new Error(`${spec.file}: action ${r.index} does not replay: ${r.error.message}`);
  const hash = stateHash(state);
  if (stateHash(r.final) !== hash) throw new Error(`${spec.file}: replay gives ${stateHash(r.final)}, live state ${hash}`);
  writeFileSync(dir + spec.file, writeMatchFile(file) + '\n');
  expected[spec.file] = { hash, actions: file.actions.length, seats: file.players.length, turn: state.turn, over: state.over };
  console.log(`${spec.file}: ${file.actions.length} actions, turn ${state.turn}, final hash ${hash}`);
}
writeFileSync(dir + 'expected.json', JSON.stringify(expected, null, 2) + '\n');
console.log(`wrote ${GOLDEN.length} match files and expected.json`);
