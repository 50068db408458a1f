import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { JOIN_ERRORS } from '../shared/protocol/messages.ts';
import type { ServerContext } from './config.ts';
import { MAX_MATCHMAKE_BODY } from './limits.ts';
import { isRoomCode } from './roomCode.ts';
import { MAX_IMPORT_BYTES, SECRET_HEADER, deleteMatch, hostedMatches, importMatch, listArchive, negotiationsOf, publicFile } from './archive.ts';
import { serveStatic } from './static.ts';
import { classInfo, createClass, seatInClass } from './classes.ts';

// The HTTP side of the one port: the JSON API, the built client, and a gate in front of Colyseus'
// matchmaking. The gate lets through only what leads into a match the right way (`create`, and
// `joinById` / `reconnect` with a code that exists), caps every request body before reading it, and
// counts per address: wrong codes, matches created, and successful joins.

type Next = (req: IncomingMessage, res: ServerResponse) => void;

/** Bodies larger than this are refused on routes that take none. */
const NO_BODY = 1024;
const MAX_CLAIMS_BODY = 16 * 1024;

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** Same-origin (Origin's host equals Host), an allowed origin, or no Origin at all (not a browser). */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The address limits count by: the socket's, or behind a trusted proxy the one it forwards. */
export function clientIp(req: IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : '';
  return first || req.socket.remoteAddress || 'unknown';
}

/**
 * After the answer, close a connection whose body is not read. A socket closed with unread bytes makes the
 * kernel send a reset, which throws away the answer if the sender has not read it yet (it then sees a broken
 * connection, not the 413). Node closes a `connection: close` socket as soon as the answer is out; here the
 * answer goes with a FIN, nothing more is read, and the socket goes a second later.
 */
function closeUnread(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    // Node's server would go on reading (to discard) a body nobody consumed; `_paused` is its own flag that
    // keeps it from resuming this socket.
    (socket as { _paused?: boolean })._paused = true;
    socket.pause();
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  res.on('finish', () => socket.destroySoon());
}

/** Refuse a body over `limit` and close the connection, so it is never read. */
function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  closeUnread(req, res);
  json(res, 413, { ok: false, error: 'too_large', message: `That request is too large (the limit is ${limit} bytes).` }, { connection: 'close' });
}

/** Read a body of at most `limit` bytes; null after answering 413 (or when the upload broke off). */
export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      tooLarge(req, res, limit);
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      chunks.length = 0;
      req.removeAllListeners('data');
      req.pause();
      tooLarge(req, res, limit);
      resolve(null);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks).toString('utf8') : null));
    req.on('error', () => resolve(null));
  });
}

/** A matchmaking refusal; a body not read yet is never read: the connection closes after the answer. */
function mmError(req: IncomingMessage, res: ServerResponse, status: number, code: number, error: string): void {
  if (!req.readableEnded) closeUnread(req, res);
  json(res, status, { code, error }, req.readableEnded ? {} : { connection: 'close' });
}

async function matchmake(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string, colyseus: Next): Promise<void> {
  if (!originAllowed(req.headers.origin, req.headers.host, ctx.config.allowedOrigins)) return mmError(req, res, 403, 403, 'This page is not allowed to join matches on this server.');
  if (req.method === 'OPTIONS') return colyseus(req, res);
  if (Number(req.headers['content-length'] ?? 0) > MAX_MATCHMAKE_BODY) return tooLarge(req, res, MAX_MATCHMAKE_BODY);
  const m = /^\/matchmake\/(create|joinById|reconnect)\/([^/]+)$/.exec(path);
  if (req.method !== 'POST' || !m) return mmError(req, res, 403, 403, 'Join a match with the code your teacher gives you.');
  const [, method, target] = m as unknown as [string, string, string];
  if (method === 'create' && target !== 'match') return mmError(req, res, 404, 404, 'There is no such kind of match.');
  const text = await readBody(req, res, MAX_MATCHMAKE_BODY);
  if (text === null) return;
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    return mmError(req, res, 400, 400, 'The request is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return mmError(req, res, 400, 400, 'The request is not valid JSON.');
  // Options starting with "__" are the server's own (restoring a match, tying it to a class).
  if (Object.keys(body).some((k) => k.startsWith('__'))) return mmError(req, res, 400, 400, 'Those options are not valid.');
  const ip = clientIp(req, ctx.config.trustProxy);
  if (method === 'create') {
    if (ctx.creates.blocked(ip)) return mmError(req, res, 429, 429, 'Many matches were created from this network just now: wait a minute, then try again.');
    ctx.creates.fail(ip);
  } else {
    if (ctx.throttle.blocked(ip)) return mmError(req, res, 429, JOIN_ERRORS.throttled, 'Too many wrong codes from this network: wait a minute, then check the code with your teacher.');
    let code = '';
    try {
      code = decodeURIComponent(target);
    } catch {
      // not a code
    }
    // Asked of the matchmaking driver: with several processes, the match may live on another one.
    if (!isRoomCode(code) || !(await matchMaker.getRoomById(code))) {
      ctx.throttle.fail(ip);
      return mmError(req, res, 404, 522, 'There is no match with that code. Check it with your teacher.');
    }
    if (ctx.joins.blocked(ip)) return mmError(req, res, 429, JOIN_ERRORS.throttled, 'Many joins from this network just now: wait a moment, then try again.');
    ctx.joins.fail(ip);
  }
  (req as IncomingMessage & { body?: unknown }).body = body;
  colyseus(req, res);
}

async function classes(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const ip = clientIp(req, ctx.config.trustProxy);
  if (path === '/api/classes') {
    if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'method' });
    const text = await readBody(req, res, MAX_MATCHMAKE_BODY);
    if (text === null) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(res, 400, { ok: false, error: 'bad_request', message: 'The request is not valid JSON.' });
    }
    if (ctx.creates.blocked(ip)) return json(res, 429, { ok: false, error: 'rate_limited', message: 'Many matches were created from this network just now: wait a minute, then try again.' });
    const k = Math.max(1, Math.min(8, Number((body as { matches?: unknown })?.matches) || 1));
    for (let i = 0; i < k; i++) ctx.creates.fail(ip);
    const r = await createClass(ctx, body);
    return json(res, r.status, r.body);
  }
  const m = /^\/api\/classes\/([^/]+)(\/seat)?$/.exec(path);
  if (!m) return json(res, 404, { ok: false, error: 'not_found' });
  if (ctx.throttle.blocked(ip)) return json(res, 429, { ok: false, error: 'throttled', message: 'Too many wrong codes from this network: wait a minute, then check the code with your teacher.' });
  const code = m[1]!.toUpperCase();
  const secret = req.headers[SECRET_HEADER];
  const r = !isRoomCode(code) ? null : m[2]
    ? (req.method === 'POST' ? await seatInClass(ctx, code) : { status: 405, body: { ok: false, error: 'method' } })
    : await classInfo(ctx, code, typeof secret === 'string' ? secret : undefined);
  if (!r) {
    ctx.throttle.fail(ip);
    return json(res, 404, { ok: false, error: 'not_found', message: 'No match or class has that code. Check it with your teacher.' });
  }
  json(res, r.status, r.body);
}

async function api(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  if (req.method === 'OPTIONS') {
    res.writeHead(204);
    return void res.end();
  }
  if (path === '/api/health') return json(res, 200, { ok: true });
  // Writes come from this site's pages only (or from tools without an Origin).
  const writing = req.method === 'POST' || req.method === 'DELETE';
  if (writing && !originAllowed(req.headers.origin, req.headers.host, ctx.config.allowedOrigins)) {
    return json(res, 403, { ok: false, error: 'origin', message: 'This page is not allowed to change the archive of this server.' });
  }
  if (path === '/api/matches') {
    if (req.method === 'GET') return json(res, 200, { matches: await listArchive(ctx, url.searchParams.get('scenario') || undefined) });
    if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'method' });
    const ip = clientIp(req, ctx.config.trustProxy);
    if (ctx.creates.blocked(ip)) {
      return json(res, 429, { ok: false, error: 'rate_limited', message: 'Many matches were added from this network just now: wait a minute, then try again.' }, { connection: 'close' });
    }
    ctx.creates.fail(ip);
    const text = await readBody(req, res, MAX_IMPORT_BYTES);
    if (text === null) return;
    const r = await importMatch(ctx, text);
    return json(res, r.status, r.body);
  }
  if (path === '/api/matches/hosted') {
    if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'method' });
    const text = await readBody(req, res, MAX_CLAIMS_BODY);
    if (text === null) return;
    let claims: { id: string; secret: string }[] = [];
    try {
      const raw = (JSON.parse(text) as { claims?: unknown }).claims;
      if (Array.isArray(raw)) claims = raw.filter((c): c is { id: string; secret: string } => typeof c?.id === 'string' && typeof c?.secret === 'string');
    } catch {
      return json(res, 400, { ok: false, error: 'bad_request', message: 'Send { claims: [{ id, secret }] }.' });
    }
    return json(res, 200, { matches: await hostedMatches(ctx, claims) });
  }
  if (path.startsWith('/api/classes')) return classes(ctx, req, res, path);
  const mm = /^\/api\/matches\/([^/]+)(\/negotiations)?$/.exec(path);
  if (!mm) return json(res, 404, { ok: false, error: 'not_found' });
  let id: string;
  try {
    id = decodeURIComponent(mm[1]!);
  } catch {
    return json(res, 400, { ok: false, error: 'bad_url' });
  }
  if (mm[2]) {
    if (req.method !== 'GET') return json(res, 405, { ok: false, error: 'method' });
    const r = await negotiationsOf(ctx, id);
    return json(res, r.status, r.body);
  }
  if (req.method === 'DELETE') {
    const secret = req.headers[SECRET_HEADER];
    const r = await deleteMatch(ctx, id, typeof secret === 'string' ? secret : undefined);
    return json(res, r.status, r.body);
  }
  if (req.method !== 'GET') return json(res, 405, { ok: false, error: 'method' });
  const r = await publicFile(ctx, id);
  return json(res, r.status, r.body);
}

export function createHttpHandler(ctx: ServerContext, colyseus: Next): Next {
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return json(res, 400, { ok: false, error: 'bad_url' });
    }
    const path = url.pathname;
    const fail = (e: unknown): void => {
      console.error('[entente] http error:', e);
      if (!res.headersSent) json(res, 500, { ok: false, error: 'internal' });
    };
    if (path.startsWith('/matchmake/')) return void matchmake(ctx, req, res, path, colyseus).catch(fail);
    const takesBody = path.startsWith('/api/') && (req.method === 'POST' || req.method === 'DELETE');
    if (!takesBody && Number(req.headers['content-length'] ?? 0) > NO_BODY) return tooLarge(req, res, NO_BODY);
    if (path.startsWith('/api/')) return void api(ctx, req, res, url).catch(fail);
    if (path === '/__healthcheck') return colyseus(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Whatever body came with it is never read: the connection closes after the answer.
      closeUnread(req, res);
      return json(res, 405, { ok: false, error: 'method' }, { connection: 'close' });
    }
    serveStatic(req, res, ctx.config.staticDir, path);
  };
}
