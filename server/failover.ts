import { matchMaker } from '@colyseus/core';
import type { ServerContext } from './config.ts';
import { recoverMatch, type CreateDeps } from './match/create.ts';
import type { LeaseTerms } from './match/session.ts';

// Bringing matches back: after a restart, every unfinished match of the store; with several processes,
// also every unfinished match whose process died — found by its lease running out — is taken over by a
// surviving process under the same code. A match is live on one process only: taking it means taking its
// lease first, and every write of a match renews its lease in the same transaction (or fails).

/** The lease terms of this process (several processes only; one process needs none). */
export function leaseTerms(ctx: ServerContext): LeaseTerms | undefined {
  if (!ctx.config.redisUrl) return undefined;
  return { owner: ctx.config.publicAddress ?? matchMaker.processId, ttlMs: ctx.config.leaseMs };
}

export function createDeps(ctx: ServerContext): CreateDeps {
  return { journal: ctx.journal, now: Date.now, liveCode: (c) => !!matchMaker.getLocalRoomById(c), lease: leaseTerms(ctx) };
}

/** Rebuild one match here from its log, under its code (the lease must be this process's). */
async function bringBack(ctx: ServerContext, id: string): Promise<boolean> {
  try {
    ctx.recovering.set(id, await recoverMatch(createDeps(ctx), id, ctx.config.recoveryGraceMs));
    // On this process, not wherever the matchmaker would place a new room: the match was rebuilt here.
    await matchMaker.handleCreateRoom('match', { __recover: id });
    return true;
  } catch (e) {
    ctx.recovering.delete(id);
    console.error(`[entente] could not bring back match ${id}:`, (e as Error).message);
    return false;
  }
}

/** Is the match carried by a live process right now (this one or another that answers)? */
async function carried(id: string): Promise<boolean> {
  if (matchMaker.getLocalRoomById(id)) return true;
  const cache = await matchMaker.getRoomById(id);
  if (!cache) return false;
  // A listing left by a process that died: the health check answers false and removes its listings.
  return cache.processId !== matchMaker.processId && (await matchMaker.healthCheckProcessId(cache.processId));
}

/** Take over the unfinished matches no live process carries. Returns the codes brought back. */
export async function recoverMatches(ctx: ServerContext): Promise<string[]> {
  const back: string[] = [];
  const now = Date.now();
  const terms = leaseTerms(ctx);
  // Several processes: only what this one could lease (a live match elsewhere renews its lease with every
  // write, so it is not even read); an idle one whose lease ran out is still checked with its process below.
  for (const row of await ctx.storage.unfinished(terms && { owner: terms.owner, now })) {
    if (ctx.shuttingDown) break;
    if (row.status === 'lobby' && now - row.updated > ctx.config.lobbyTtlMs) {
      // A lobby nobody came back to: archive it instead of holding its code forever.
      await ctx.journal.write([{ op: 'updateMatch', match: row.id, patch: { status: 'finished', finished: now }, at: now }]);
      continue;
    }
    if (terms && ((await carried(row.id)) || !(await ctx.storage.lease(row.id, terms.owner, Date.now(), terms.ttlMs)))) continue;
    if (!terms && matchMaker.getLocalRoomById(row.id)) continue;
    if (await bringBack(ctx, row.id)) back.push(row.id);
  }
  return back;
}

/** With several processes: renew the leases of idle matches here, and look for matches to take over. */
export function startFailover(ctx: ServerContext): () => void {
  const terms = leaseTerms(ctx);
  if (!terms) return () => undefined;
  let busy = false;
  const timer = setInterval(() => {
    if (busy || ctx.shuttingDown) return;
    busy = true;
    void (async () => {
      try {
        const back = await recoverMatches(ctx);
        if (back.length) console.log(`[entente] took over ${back.length} match(es) from a process that stopped: ${back.join(', ')}`);
      } catch (e) {
        console.error('[entente] failover scan failed:', (e as Error).message);
      } finally {
        busy = false;
      }
    })();
  }, ctx.config.failoverMs);
  timer.unref();
  return () => clearInterval(timer);
}
