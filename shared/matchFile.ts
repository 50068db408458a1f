import { z } from 'zod';
import { PERSONALITIES, RULES_VERSION, STRATEGIES, type MatchFile } from './types.ts';
import { actionSchema } from './protocol/terms.ts';
import { getScenario } from './scenarios/index.ts';

// The match file format, { rulesVersion, scenario, seed, settings, players, actions[] }: parse (with the
// version check) and write side by side. Errors are values with a sentence naming what is wrong.

export const MAX_ACTIONS = 20000;

const playerSchema = z.strictObject({
  nation: z.string().min(1).max(40),
  name: z.string().min(1).max(40),
  bot: z.boolean(),
  strategy: z.enum(STRATEGIES).optional(),
  personality: z.enum(PERSONALITIES).optional(),
});

export const matchFileSchema = z.strictObject({
  rulesVersion: z.number().int(),
  scenario: z.string().min(1).max(60),
  seed: z.number().int().min(0).max(0xffffffff),
  settings: z.strictObject({ turns: z.number().int().min(1).max(60) }),
  players: z.array(playerSchema).min(1).max(8),
  actions: z.array(actionSchema).max(MAX_ACTIONS),
  parent: z.strictObject({ id: z.string().min(1).max(60), turn: z.number().int().min(1) }).optional(),
});

export type ParseResult = { ok: true; file: MatchFile } | { ok: false; message: string };

export function parseMatchFile(input: string | unknown): ParseResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      return { ok: false, message: 'The file is not valid JSON: it may be cut short or edited by hand.' };
    }
  }
  if (raw && typeof raw === 'object' && 'rulesVersion' in raw && (raw as { rulesVersion: unknown }).rulesVersion !== RULES_VERSION) {
    return { ok: false, message: `This match was played under rules version ${String((raw as { rulesVersion: unknown }).rulesVersion)}; this server plays version ${RULES_VERSION}.` };
  }
  const parsed = matchFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the file';
    return { ok: false, message: `The match file is malformed at ${where}: ${issue.message}.` };
  }
  const file = parsed.data as MatchFile;
  const scenario = getScenario(file.scenario);
  if (!scenario) return { ok: false, message: `Unknown scenario "${file.scenario}".` };
  const expected = scenario.nations.slice(0, file.players.length).map((n) => n.id);
  if (file.players.some((p, i) => p.nation !== expected[i])) {
    return { ok: false, message: `The players must hold the scenario's first ${file.players.length} nations in order (${expected.join(', ')}).` };
  }
  return { ok: true, file };
}

export function writeMatchFile(file: MatchFile): string {
  return JSON.stringify(file, null, 1);
}
