import { z } from 'zod';
import { INTERESTS, PERSONALITIES, RULES_VERSION, STRATEGIES, type MatchFile } from './types.ts';
import { actionSchema } from './protocol/actions.ts';
import { getScenario } from './scenarios/index.ts';
import { replay } from './rules/replay.ts';

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
  interests: z.record(z.string().max(40), z.enum(INTERESTS)),
  actions: z.array(actionSchema).max(MAX_ACTIONS),
  parent: z.strictObject({ id: z.string().min(1).max(60), turn: z.number().int().min(1) }).optional(),
  people: z.array(z.strictObject({ id: z.string().min(1).max(40), nickname: z.string().min(1).max(40), nation: z.string().max(40).nullable(), roles: z.array(z.string().max(20)).max(4) })).max(64).optional(),
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
  const named = Object.keys(file.interests).sort().join(',');
  if (named !== [...expected].sort().join(',')) return { ok: false, message: `The interests must name exactly the nations in play (${expected.join(', ')}).` };
  return { ok: true, file };
}

export function writeMatchFile(file: MatchFile): string {
  return JSON.stringify(file, null, 1);
}

/**
 * A "what if" fork: the parent's log up to the start of `turn` (its diplomacy phase), every seat a bot until
 * people take them, and a link to the parent. Replaying it gives the parent's state at that turn exactly.
 */
export function forkMatchFile(parent: MatchFile, parentId: string, turn: number): { ok: true; file: MatchFile } | { ok: false; message: string } {
  if (!Number.isInteger(turn) || turn < 1) return { ok: false, message: 'Choose a turn of the match to fork from.' };
  let reached: number | null = turn === 1 ? 0 : null;
  if (reached === null) {
    const r = replay(parent, { onStep: () => undefined });
    if (!r.ok) return { ok: false, message: `The parent match does not replay: ${r.error.message}` };
    const frame = r.frames.find((f) => f.turn === turn && f.phase === 'diplomacy');
    if (!frame) return { ok: false, message: `The match never reached turn ${turn}.` };
    reached = frame.index;
  }
  return {
    ok: true,
    file: {
      rulesVersion: parent.rulesVersion, scenario: parent.scenario, seed: parent.seed, settings: { ...parent.settings },
      players: parent.players.map((p) => ({ nation: p.nation, name: p.name, bot: true, strategy: p.strategy ?? 'adaptive', personality: p.personality ?? 'loyal' })),
      interests: { ...parent.interests },
      actions: parent.actions.slice(0, reached),
      parent: { id: parentId, turn },
    },
  };
}
