import type { IncomingMessage } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { RULES_VERSION, type Action, type MatchFile } from '../shared/types.ts';
import { parseMatchFile } from '../shared/matchFile.ts';
import { replay, winners } from '../shared/rules/index.ts';
import { getScenario } from '../shared/scenarios/index.ts';
import type { ChatLine } from '../shared/protocol/messages.ts';
import type { ArchiveEntry } from '../shared/protocol/archive.ts';

export type { ArchiveEntry, ArchiveNation } from '../shared/protocol/archive.ts';
import type { ServerContext } from './config.ts';
import { isOffensive, sanitizeText } from './limits.ts';
import { newRoomCode } from './roomCode.ts';
import { hashSecret, newSecret, secretMatches } from './rooms/seats.ts';
import { interestsOfRow, type MatchOutcome, type MatchRow } from './storage/index.ts';

// The match archive behind /api/matches: the public match file of a finished match, the list with each
// match's people, outcome and family (parent and forks), import of an uploaded match file (validated by
// a full replay; nothing is stored unless every action replays), deletion by the match's host (who proves
// it with the seat secret their browser kept), and published negotiations. Kept data is the minimum:
// nicknames, no accounts, no addresses.

/** Largest match file accepted by `POST /api/matches` (a 60-turn 8-nation match is well under 2 MB). */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** The header that carries the host's seat secret for `DELETE /api/matches/:id`. */
export const SECRET_HEADER = 'x-entente-secret';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const fail = (status: number, error: string, message: string, extra: Record<string, unknown> = {}): ApiAnswer => ({ status, body: { ok: false, error, message, ...extra } });

const isLive = (id: string): boolean => !!matchMaker.getLocalRoomById(id);

function fileOfRow(ctx: ServerContext, row: MatchRow): MatchFile {
  const actions = ctx.storage.actions(row.id).map((a) => {
    if (row.settings.publishNegotiations || !('by' in a)) return a;
    // Decision journals of people are private unless the host published negotiations; bots' reasons stay.
    const holder = row.players.find((p) => p.nation === a.by && !p.kicked);
    if (!holder || !a.note || a.note.startsWith('Chosen for you')) return a;
    const { note: _n, ...rest } = a;
    return rest as Action;
  });
  const players = row.seats.map((seat) => {
    const holder = row.players.find((p) => p.nation === seat.nation && !p.kicked);
    return holder ? { ...seat, name: holder.nickname, bot: false } : seat;
  });
  const file: MatchFile = { rulesVersion: RULES_VERSION, scenario: row.scenario, seed: row.seed, settings: { turns: row.settings.turns }, players, interests: interestsOfRow(row), actions };
  if (row.parent) file.parent = row.parent;
  return file;
}

/** The match file of an archived match. Running matches keep their negotiations private (409). */
export function matchFileOf(ctx: ServerContext, id: string): ApiAnswer {
  const row = ctx.storage.getMatch(id);
  if (!row) return fail(404, 'not_found', 'There is no match with that code.');
  if (row.status !== 'finished') return fail(409, 'in_progress', 'This match is still being played; its record opens when it ends.');
  return { status: 200, body: fileOfRow(ctx, row) };
}

/** The public match file, for a fork (the room) — null with a sentence when it cannot be forked. */
export function forkableFile(ctx: ServerContext, id: string): { ok: true; file: MatchFile; row: MatchRow } | { ok: false; status: number; message: string } {
  const row = ctx.storage.getMatch(id);
  if (!row) return { ok: false, status: 404, message: 'There is no archived match with that code to fork.' };
  if (row.status !== 'finished') return { ok: false, status: 409, message: 'That match is still being played: it can be forked once it has ended.' };
  return { ok: true, file: fileOfRow(ctx, row), row };
}

function outcomeOf(file: MatchFile): MatchOutcome | null {
  const r = replay(file);
  if (!r.ok) return null;
  return { turn: r.final.turn, phase: r.final.phase, over: r.final.over, winners: r.final.over ? winners(r.final) : [] };
}

/** The archive list, newest first; `scenario` filters. Outcomes of finished matches are computed once and cached. */
export function listArchive(ctx: ServerContext, scenario?: string): ArchiveEntry[] {
  const rows = ctx.storage.listRows({ scenario, limit: 200 });
  // Forks are looked up among all matches, not only the filtered ones (a family spans one scenario anyway).
  const all = scenario ? ctx.storage.listRows({ limit: 500 }) : rows;
  const forks = new Map<string, { id: string; turn: number }[]>();
  for (const r of all) {
    if (!r.parent) continue;
    const list = forks.get(r.parent.id) ?? [];
    list.push({ id: r.id, turn: r.parent.turn });
    forks.set(r.parent.id, list);
  }
  return rows.map((r): ArchiveEntry => {
    const sc = getScenario(r.scenario);
    const nationName = (id: string): string => sc?.nations.find((n) => n.id === id)?.name ?? id;
    let outcome = r.outcome ?? null;
    let turn: number | null = null;
    if (r.status === 'finished') {
      if (!outcome) {
        outcome = outcomeOf(fileOfRow(ctx, r));
        if (outcome) ctx.storage.setOutcome(r.id, outcome);
      }
      turn = outcome?.turn ?? null;
    } else if (r.status === 'running') {
      const room = matchMaker.getLocalRoomById(r.id) as { state?: { turn?: number } } | undefined;
      turn = typeof room?.state?.turn === 'number' ? room.state.turn : null;
    }
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
      parent: r.parent, forks: forks.get(r.id) ?? [], imported: !!r.imported, published: r.settings.publishNegotiations,
    };
  });
}

/** Read a request body up to `limit` bytes; null (and the request drained) when it is larger. */
export function readBody(req: IncomingMessage, limit: number): Promise<{ ok: true; text: string } | { ok: false; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(over ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ ok: false, tooLarge: false }));
  });
}

/**
 * Import an uploaded match file: parse (version, shape, scenario), then replay every action; refuse with a
 * sentence naming the first failing action. Stored as a finished, read-only match whose negotiations are
 * public (the uploader chose what the file holds). The answer carries a host secret, so the browser that
 * imported it can delete it again.
 */
export function importMatch(ctx: ServerContext, text: string): ApiAnswer {
  if (!text.trim()) return fail(400, 'bad_file', 'The upload is empty: choose a match file (.json).');
  const parsed = parseMatchFile(text);
  if (!parsed.ok) {
    const wrongVersion = parsed.message.startsWith('This match was played under rules version');
    return fail(wrongVersion ? 422 : 400, wrongVersion ? 'wrong_version' : 'bad_file', parsed.message);
  }
  const file = parsed.file;
  const players = file.players.map((p) => ({ ...p, name: sanitizeText(p.name) || p.nation }));
  const rude = players.find((p) => isOffensive(p.name));
  if (rude) return fail(400, 'offensive_name', `A player name in this file could upset someone in a class ("${rude.nation}"): edit it, then upload again.`);
  const r = replay({ ...file, players });
  if (!r.ok) {
    const type = r.action?.type ?? 'setup';
    const message = r.index < 0
      ? `The match cannot be set up: ${r.error.message}`
      : `Action ${r.index + 1} of ${file.actions.length} (index ${r.index}, type "${type}") does not replay: ${r.error.message}`;
    return fail(422, 'does_not_replay', message, { index: r.index, type, code: r.error.code });
  }
  const storage = ctx.storage;
  const id = newRoomCode((c) => storage.hasMatch(c) || isLive(c));
  const secret = newSecret();
  const now = Date.now();
  const row: MatchRow = {
    id, scenario: file.scenario, seed: file.seed,
    settings: {
      seats: players.length, turns: file.settings.turns, hostName: 'Imported', hostPlays: false, teacherReads: false, publishNegotiations: true,
      timers: { diplomacy: 180, policy: 60, crisis: 45, resolution: 8, news: 20 }, interests: file.interests,
    },
    seats: players,
    // The importer is the match's host for the archive (deleting it); they hold no nation.
    players: [{ id: 'p1', nickname: 'Imported', nation: null, host: true, secretHash: hashSecret(secret), kicked: false }],
    status: 'finished', clock: { deadline: 0, paused: false, remaining: 0, chatFrozen: false },
    parent: file.parent ?? null, created: now, updated: now, finished: now,
    outcome: { turn: r.final.turn, phase: r.final.phase, over: r.final.over, winners: r.final.over ? winners(r.final) : [] }, imported: true,
  };
  try {
    storage.importMatch(row, file.actions);
  } catch (e) {
    console.error('[entente] import failed to store:', (e as Error).message);
    return fail(500, 'storage', 'The match could not be saved; nothing was stored. Try again.');
  }
  return { status: 201, body: { id, secret } };
}

/** Delete a match and its log: only its host, proven by the host's seat secret; never while it is live. */
export function deleteMatch(ctx: ServerContext, id: string, secret: string | undefined): ApiAnswer {
  const row = ctx.storage.getMatch(id);
  if (!row) return fail(404, 'not_found', 'There is no match with that code.');
  const host = row.players.find((p) => p.host);
  if (!secret || !host || !secretMatches(host.secretHash, secret)) {
    return fail(403, 'not_host', 'Only the host of this match can delete it, from the browser they hosted (or imported) it with.');
  }
  if (isLive(id) && row.status !== 'finished') return fail(409, 'in_progress', 'This match is still open: end it first, then delete it.');
  ctx.storage.deleteMatch(id);
  return { status: 200, body: { ok: true, id } };
}

/** Negotiations of a finished match, if its host published them: nation-to-nation and public chat. */
export function negotiationsOf(ctx: ServerContext, id: string): ApiAnswer {
  const row = ctx.storage.getMatch(id);
  if (!row) return fail(404, 'not_found', 'There is no match with that code.');
  if (row.status !== 'finished') return fail(409, 'in_progress', 'This match is still being played; its record opens when it ends.');
  if (!row.settings.publishNegotiations) return { status: 200, body: { published: false, chat: [] } };
  const chat: ChatLine[] = ctx.storage.chat(id).filter((l) => l.from !== 'host' && l.to !== 'host');
  return { status: 200, body: { published: true, chat } };
}
