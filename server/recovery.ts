import { matchMaker } from '@colyseus/core';
import type { ServerContext } from './config.ts';
import { recoverMatch } from './match/create.ts';

// After a restart (even kill -9): every match that was in the lobby or running is rebuilt from its log by
// replay, and its room is created again under the same code. Students rejoin with code + nickname + secret.
// A lobby left untouched for LOBBY_TTL_HOURS is archived instead.

export async function recoverMatches(ctx: ServerContext): Promise<string[]> {
  const recovered: string[] = [];
  const now = Date.now();
  const deps = { journal: ctx.journal, now: Date.now, liveCode: (c: string) => !!matchMaker.getLocalRoomById(c) };
  for (const row of await ctx.storage.unfinished()) {
    if (row.status === 'lobby' && now - row.updated > ctx.config.lobbyTtlMs) {
      // A lobby nobody came back to: archive it instead of holding its code forever.
      await ctx.journal.write([{ op: 'updateMatch', match: row.id, patch: { status: 'finished', finished: now }, at: now }]);
      continue;
    }
    try {
      ctx.recovering.set(row.id, await recoverMatch(deps, row.id, ctx.config.recoveryGraceMs));
      await matchMaker.createRoom('match', { __recover: row.id });
      recovered.push(row.id);
    } catch (e) {
      ctx.recovering.delete(row.id);
      console.error(`[entente] could not recover match ${row.id}:`, (e as Error).message);
    }
  }
  return recovered;
}
