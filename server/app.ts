import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineRoom, defineServer, matchMaker, type Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { setContext, type ServerConfig, type ServerContext } from './config.ts';
import { createHttpHandler, originAllowed } from './http.ts';
import { HEARTBEAT_MS, JoinThrottle, MAX_WS_PAYLOAD } from './limits.ts';
import { recoverMatches, startFailover } from './failover.ts';
import { scaleOut } from './scaleOut.ts';
import { MatchRoom, liveRooms } from './rooms/MatchRoom.ts';
import { openStorage } from './storage/open.ts';
import { Journal } from './storage/journal.ts';

// The whole server on one port: Colyseus (WebSocket + matchmaking), the JSON API and the built client.
// `startServer` is what main.ts and the tests call; it returns a handle that can stop it cleanly.

export interface RunningServer {
  port: number;
  ctx: ServerContext;
  colyseus: Server;
  /** Stop taking actions, tell clients, close rooms and storage. Everything acknowledged is already on disk. */
  shutdown(reason?: string): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const storage = await openStorage({ DATABASE_URL: config.databaseUrl ?? '', DATA_DIR: config.dataDir });
  const ctx: ServerContext = {
    config, storage, journal: new Journal(storage, config.commitGapMs), throttle: new JoinThrottle(config.joinFailBurst, config.joinFailPerMinute),
    creates: new JoinThrottle(config.createBurst, config.createPerMinute), joins: new JoinThrottle(config.joinBurst, config.joinPerMinute),
    shuttingDown: false, recovering: new Map(),
  };
  setContext(ctx);

  const httpServer = http.createServer();
  const transport = new WebSocketTransport({
    server: httpServer,
    maxPayload: MAX_WS_PAYLOAD,
    // A connection that silently went away (a phone asleep, Wi-Fi lost) is closed after two unanswered
    // pings. Colyseus pings every 3 s; every 10 s finds it within half a minute, keeps proxies that close
    // idle sockets after a minute from doing so, and at 4,000 students sends 400 pings a second, not 1,300:
    // more frames than all of the class's actions. A closed tab or a reload says goodbye at once either way.
    pingInterval: HEARTBEAT_MS,
    pingMaxRetries: 2,
    beforeUpgrade: (request) => {
      if (!originAllowed(request.headers.get('origin') ?? undefined, request.headers.get('host') ?? undefined, config.allowedOrigins)) {
        return new Response('Origin not allowed', { status: 403 });
      }
      return undefined;
    },
  });
  const colyseus = defineServer({
    transport,
    greet: false,
    gracefullyShutdown: false,
    ...(await scaleOut(config)),
    rooms: { match: defineRoom(MatchRoom) },
  });
  // CORS for matchmaking: only echo origins we allow (Colyseus' default echoes any origin).
  matchMaker.controller.getCorsHeaders = (headers: Headers) => {
    const origin = headers.get('origin');
    const host = headers.get('host');
    const out: Record<string, string> = {};
    if (origin && originAllowed(origin, host ?? undefined, config.allowedOrigins)) out['Access-Control-Allow-Origin'] = origin;
    return out;
  };

  // Colyseus only prints a listen error (a port in use) and never settles: fail the start instead.
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    colyseus.listen(config.port).then(() => {
      httpServer.off('error', reject);
      resolve();
    }, reject);
  });
  // Colyseus registered its own request listener; put ours in front and hand it the rest.
  const listeners = httpServer.listeners('request') as ((req: http.IncomingMessage, res: http.ServerResponse) => void)[];
  httpServer.removeAllListeners('request');
  const colyseusHandler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    for (const l of listeners) l.call(httpServer, req, res);
  };
  httpServer.on('request', createHttpHandler(ctx, colyseusHandler));

  const recovered = await recoverMatches(ctx);
  if (recovered.length) console.log(`[entente] recovered ${recovered.length} match(es): ${recovered.join(', ')}`);
  const stopFailover = startFailover(ctx);
  const port = (httpServer.address() as AddressInfo).port;

  let stopping: Promise<void> | null = null;
  const shutdown = (reason = 'The server is restarting. Your seat is kept: you will be able to rejoin in a moment.'): Promise<void> => {
    stopping ??= (async () => {
      ctx.shuttingDown = true;
      stopFailover();
      for (const room of liveRooms) room.announceShutdown(reason);
      await new Promise((r) => setTimeout(r, 50));
      await Promise.race([colyseus.gracefullyShutdown(false).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
      httpServer.closeAllConnections?.();
      await new Promise<void>((r) => httpServer.close(() => r()));
      await ctx.journal.drain();
      await storage.close();
      setContext(null);
    })();
    return stopping;
  };
  return { port, ctx, colyseus, shutdown };
}

