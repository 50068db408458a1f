import { matchMaker } from '@colyseus/core';
import { parseMatchFile } from '../shared/matchFile.ts';
import { replay, winners } from '../shared/rules/index.ts';
import { getScenario } from '../shared/scenarios/index.ts';
import type { ArchiveEntry } from '../shared/protocol/archive.ts';
import type { ServerContext } from './config.ts';
import { sanitizeText } from './limits.ts';
import { isUnwelcome } from './nicknames.ts';
import { newRoomCode } from './roomCode.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';
import { DEFAULT_TIMERS } from './match/create.ts';
import type { MatchOutcome, MatchRow } from './storage/index.ts';
import { matchFileOf } from './storage/matchFile.ts';

export type { ArchiveEntry, ArchiveNation } from '../shared/protocol/archive.ts';

// The match archive behind /api/matches. Finished matches are public: their match file, their place in
// the list with people, outcome and family (parent and forks). A match still in its lobby or running is
// private: listed only to its host, who proves it with the seat secret their browser kept (its code is
// the way into a class). Also: import of an uploaded match file (validated by a full replay; nothing is
// stored unless every action replays), deletion by the host, published negotiations. Kept data is the
// minimum: nicknames, no accounts, no addresses.

/** Largest match file accepted by `POST /api/matches` (a 60-turn 8-nation match is well under 2 MB). */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** The header that carries the host's seat secret for `DELETE /api/matches/:id`. */
export const SECRET_HEADER = 'x-entente-secret';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const fail = (status: number, error: string, message: string, extra: Record<string, unknown> = {}): ApiAnswer => ({ status, body: { ok: false, error, message, ...extra } });
const notFound = (): ApiAnswer => fail(404, 'not_found', 'There is no match with that code.');
const inProgress = (): ApiAnswer => fail(409, 'in_progress', 'This match is still being played; its record opens when it ends.');

/** The public match file of an archived match. A running match keeps its negotiations (and its code) private. */
export async function publicFile(ctx: ServerContext, id: string): Promise<ApiAnswer> {
  const row = await ctx.storage.getMatch(id);
  if (!row) return notFound();
  if (row.status !== 'finished') return inProgress();
  return { status: 200, body: matchFileOf(row, await ctx.storage.actions(id), 'public') };
}

async function outcomeOf(ctx: ServerContext, row: MatchRow): Promise<MatchOutcome | null> {
  if (row.outcome) return row.outcome;
  const r = replay(matchFileOf(row, await ctx.storage.actions(row.id), 'all'));
  if (!r.ok) return null;
  const outcome = { turn: r.final.turn, phase: r.final.phase, over: r.final.over, winners: r.final.over ? winners(r.final) : [] };
  await ctx.storage.setOutcome(row.id, outcome);
  return outcome;
}

async function entryOf(ctx: ServerContext, r: MatchRow & { actionCount: number }, forks: ArchiveEntry['forks']): Promise<ArchiveEntry> {
  const sc = getScenario(r.scenario);
  const nationName = (id: string): string => sc?.nations.find((n) => n.id === id)?.name ?? id;
  const outcome = r.status === 'finished' ? await outcomeOf(ctx, r) : null;
  const live = r.status === 'running' ? (matchMaker.getLocalRoomById(r.id) as { state?: { turn?: number } } | undefined) : undefined;
  const turn = outcome?.turn ?? (typeof live?.state?.turn === 'number' ? live.state.turn : null);
  const people = r.players.filter((p) => !p.kicked);
  return {
    id: r.id, scenario: r.scenario, scenarioTitle: sc?.title ?? r.scenario, status: r.status, created: r.created, updated: r.updated,
    finished: r.finished, turns: r.settings.turns, turn, over: !!outcome?.over, seats: r.settings.seats, actions: r.actionCount,
    hostName: r.settings.hostName, nicknames: people.map((p) => p.nickname),
    nations: r.seats.map((s) => {
      const holder = people.find((p) => p.nation === s.nation);
      return { nation: s.nation, name: nationName(s.nation), nickname: holder ? holder.nickname : s.bot ? null : s.name };
    }),
    winners: (outcome?.winners ?? []).map((n) => ({ nation: n, name: nationName(n) })),
    parent: r.parent, forks, imported: !!r.imported, published: r.settings.publishNegotiations,
  };
}

/** The public archive, newest first: finished matches only, with their finished forks. */
export async function listArchive(ctx: ServerContext, scenario?: string): Promise<ArchiveEntry[]> {
  const rows = await ctx.storage.listRows({ scenario, status: 'finished', limit: 200 });
  const forks = new Map<string, { id: string; turn: number }[]>();
  for (const r of scenario ? await ctx.storage.listRows({ status: 'finished', limit: 500 }) : rows) {
    if (!r.parent) continue;
    forks.set(r.parent.id, [...(forks.get(r.parent.id) ?? []), { id: r.id, turn: r.parent.turn }]);
  }
  return Promise.all(rows.map((r) => entryOf(ctx, r, forks.get(r.id) ?? [])));
}

/** A host's own matches that are not finished yet (each claimed with its host secret); others are left out. */
export async function hostedMatches(ctx: ServerContext, claims: { id: string; secret: string }[]): Promise<ArchiveEntry[]> {
  const secrets = new Map(claims.slice(0, 50).map((c) => [c.id, c.secret]));
  const rows = await ctx.storage.rowsByIds([...secrets.keys()]);
  const mine = rows.filter((r) => r.status !== 'finished' && secretMatches(r.players.find((p) => p.host)?.secretHash, secrets.get(r.id)));
  return Promise.all(mine.map((r) => entryOf(ctx, r, [])));
}

/**
 * Import an uploaded match file: parse (version, shape, scenario), then replay every action; refuse with a
 * sentence naming the first failing action. Stored as a finished, read-only match whose negotiations are
 * public (the uploader chose what the file holds). The answer carries a host secret, so the browser that
 * imported it can delete it again.
 */
export async function importMatch(ctx: ServerContext, text: string): Promise<ApiAnswer> {
  if (!text.trim()) return fail(400, 'bad_file', 'The upload is empty: choose a match file (.json).');
  const parsed = parseMatchFile(text);
  if (!parsed.ok) {
    const wrongVersion = parsed.message.startsWith('This match was played under rules version');
    return fail(wrongVersion ? 422 : 400, wrongVersion ? 'wrong_version' : 'bad_file', parsed.message);
  }
  const file = parsed.file;
  const players = file.players.map((p) => ({ ...p, name: sanitizeText(p.name) || p.nation }));
  const rude = players.find((p) => isUnwelcome(p.name));
  if (rude) return fail(400, 'offensive_name', `A player name in this file could upset someone in a class ("${rude.nation}"): edit it, then upload again.`);
  const r = replay({ ...file, players });
  if (!r.ok) {
    const type = r.action?.type ?? 'setup';
    const message = r.index < 0
      ? `The match cannot be set up: ${r.error.message}`
      : `Action ${r.index + 1} of ${file.actions.length} (index ${r.index}, type "${type}") does not replay: ${r.error.message}`;
    return fail(422, 'does_not_replay', message, { index: r.index, type, code: r.error.code });
  }
  const secret = newSecret();
  const now = Date.now();
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newRoomCode((c) => !!matchMaker.getLocalRoomById(c));
    const row: MatchRow = {
      id, scenario: file.scenario, seed: file.seed,
      settings: {
        seats: players.length, turns: file.settings.turns, hostName: 'Imported', hostPlays: false, teacherReads: false, publishNegotiations: true,
        timers: DEFAULT_TIMERS, interests: file.interests,
      },
      seats: players,
      // The importer is the match's host for the archive (deleting it); they hold no nation.
      players: [{ id: 'p1', nickname: 'Imported', nation: null, host: true, secretHash: hashSecret(secret), kicked: false }],
      status: 'finished', clock: { deadline: 0, paused: false, remaining: 0, chatFrozen: false },
      parent: file.parent ?? null, created: now, updated: now, finished: now,
      outcome: { turn: r.final.turn, phase: r.final.phase, over: r.final.over, winners: r.final.over ? winners(r.final) : [] }, imported: true,
    };
    try {
      await ctx.storage.importMatch(row, file.actions);
      return { status: 201, body: { id, secret } };
    } catch (e) {
      if ((e as Error).name === 'DuplicateMatchError') continue;
      console.error('[entente] import failed to store:', (e as Error).message);
      break;
    }
  }
  return fail(500, 'storage', 'The match could not be saved; nothing was stored. Try again.');
}

/** Delete a match and its log: only its host, proven by the host's seat secret; never while it is live. */
export async function deleteMatch(ctx: ServerContext, id: string, secret: string | undefined): Promise<ApiAnswer> {
  const row = await ctx.storage.getMatch(id);
  if (!row) return notFound();
  if (!secretMatches(row.players.find((p) => p.host)?.secretHash, secret)) {
    return fail(403, 'not_host', 'Only the host of this match can delete it, from the browser they hosted (or imported) it with.');
  }
  if (row.status !== 'finished') return fail(409, 'in_progress', 'This match is still open: end it first, then delete it.');
  await ctx.storage.deleteMatch(id);
  return { status: 200, body: { ok: true, id } };
}

/** Negotiations of a finished match, if its host published them: nation-to-nation and public chat. */
export async function negotiationsOf(ctx: ServerContext, id: string): Promise<ApiAnswer> {
  const row = await ctx.storage.getMatch(id);
  if (!row) return notFound();
  if (row.status !== 'finished') return inProgress();
  if (!row.settings.publishNegotiations) return { status: 200, body: { published: false, chat: [] } };
  const chat = (await ctx.storage.chat(id)).filter((l) => l.from !== 'host' && l.to !== 'host').map(({ readers: _r, ...line }) => line);
  return { status: 200, body: { published: true, chat } };
}

