import type { Presence, matchMaker } from '@colyseus/core';
import type { ServerConfig } from './config.ts';

// Several processes behind one address: with REDIS_URL, Colyseus' own Redis presence and matchmaking
// driver let every process find every room (a join through process B reaches a room on process A, which
// the browser then connects to at A's PUBLIC_ADDRESS). Without it: one process, in-memory, as always.

export async function scaleOut(config: ServerConfig): Promise<{ presence?: Presence; driver?: matchMaker.MatchMakerDriver; publicAddress?: string }> {
  if (!config.redisUrl) return {};
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  const out: { presence: Presence; driver: matchMaker.MatchMakerDriver; publicAddress?: string } = { presence: new RedisPresence(config.redisUrl), driver: new RedisDriver(config.redisUrl) };
  if (config.publicAddress) out.publicAddress = config.publicAddress;
  return out;
}
