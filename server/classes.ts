import { randomInt } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { classOptionsSchema, type ClassCreated } from '../shared/protocol/messages.ts';
import type { ApiAnswer } from './archive.ts';
import type { ServerContext } from './config.ts';
import { newRoomCode } from './roomCode.ts';
import { newSecret, secretMatches } from './secrets.ts';
import type { MatchRow } from './storage/index.ts';

// A class: k parallel matches of one scenario from the same start (one seed), under one class code. The
// teacher creates them at once and holds one host secret for all (a dashboard over every match); students
// type the class code and are sent to the match with the fewest people; the class debrief compares the
// matches side by side. A class is its matches: each stores its class code.

/** Seats handed out in the last few seconds, not yet on disk, so a whole class joining at once spreads evenly. */
const recent = new Map<string, { at: number; match: string }[]>();
const RECENT_MS = 15_000;

export async function createClass(ctx: ServerContext, body: unknown): Promise<ApiAnswer> {
  const parsed = classOptionsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: 400, body: { ok: false, error: 'bad_options', message: `Those class settings are not valid (${issue.path.join('.') || 'options'}: ${issue.message}).` } };
  }
  const { matches: k, ...options } = parsed.data;
  let code = newRoomCode((c) => !!matchMaker.getLocalRoomById(c));
  // A class code is unique among classes and matches (a student may type either).
  while ((await ctx.storage.listRows({ classCode: code, limit: 1 })).length || (await ctx.storage.hasMatch(code))) code = newRoomCode(() => false);
  const secret = newSecret();
  const seed = options.seed ?? randomInt(0, 0xffffffff);
  const made: string[] = [];
  try {
    for (let i = 0; i < k; i++) made.push((await matchMaker.createRoom('match', { ...options, seed, __class: { code, secret } })).roomId);
  } catch (e) {
    return { status: 400, body: { ok: false, error: 'bad_options', message: (e as Error).message } };
  }
  const answer: ClassCreated = { code, secret, matches: made };
  return { status: 201, body: answer };
}

const people = (r: MatchRow): number => r.players.filter((p) => !p.kicked && !p.host).length;

/** A class's matches, oldest first (the order they were made in). */
async function matchesOf(ctx: ServerContext, code: string): Promise<MatchRow[]> {
  return (await ctx.storage.listRows({ classCode: code, limit: 50 })).reverse();
}

/** Where a student who typed the class code goes: the open match with the fewest people. */
export async function seatInClass(ctx: ServerContext, code: string): Promise<ApiAnswer | null> {
  const rows = await matchesOf(ctx, code);
  if (!rows.length) return null;
  const live = await Promise.all(rows.map(async (r) => r.status !== 'finished' && !!(await matchMaker.getRoomById(r.id))));
  const open = rows.filter((_r, i) => live[i]);
  if (!open.length) return { status: 409, body: { ok: false, error: 'match_over', message: 'The matches of this class are over.' } };
  const now = Date.now();
  const pending = (recent.get(code) ?? []).filter((x) => now - x.at < RECENT_MS);
  const load = (r: MatchRow): number => people(r) + pending.filter((x) => x.match === r.id).length;
  const best = open.reduce((a, b) => (load(b) < load(a) ? b : a));
  recent.set(code, [...pending, { at: now, match: best.id }]);
  return { status: 200, body: { match: best.id } };
}

/** The class at a glance: every match for its teacher (proven by the class secret); finished ones for anyone. */
export async function classInfo(ctx: ServerContext, code: string, secret: string | undefined): Promise<ApiAnswer | null> {
  const rows = await matchesOf(ctx, code);
  if (!rows.length) return null;
  const teacher = rows.some((r) => secretMatches(r.players.find((p) => p.host)?.secretHash, secret));
  const shown = teacher ? rows : rows.filter((r) => r.status === 'finished');
  return {
    status: 200,
    body: {
      code, scenario: rows[0]!.scenario, teacher, matches: shown.map((r) => ({ id: r.id, status: r.status, people: people(r), finished: r.finished })),
      total: rows.length,
    },
  };
}
