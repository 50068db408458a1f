import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { JOIN_ERRORS } from '../shared/protocol/messages.ts';
import type { ServerContext } from './config.ts';
import { isRoomCode } from './roomCode.ts';
import { MAX_IMPORT_BYTES, SECRET_HEADER, deleteMatch, importMatch, listArchive, matchFileOf, negotiationsOf, readBody } from './archive.ts';

// The HTTP side of the one port: the JSON API, the Origin allowlist and the failed-join throttle in front
// of Colyseus' matchmaking routes, and the built client (dist/) with an index.html fallback for the
// client's own paths (/?code=..., /matches, /replay/<id>).

type Next = (req: IncomingMessage, res: ServerResponse) => void;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
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

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
  '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm',
};

function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const st = statSync(file);
  const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|webp)$/.test(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': st.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, dir: string, pathname: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The client is not built yet: run `npm run build` (npm start does it for you).');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const file = normalize(join(root, decoded));
  if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) return sendFile(req, res, file);
  // A path that looks like a file (has an extension) and is missing is a real 404; anything else is the app's route.
  if (extname(decoded) && !decoded.endsWith('.html')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  sendFile(req, res, index);
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
    if (path.startsWith('/matchmake/')) {
      if (!originAllowed(req.headers.origin, req.headers.host, ctx.config.allowedOrigins)) {
        return json(res, 403, { code: 403, error: 'This page is not allowed to join matches on this server.' });
      }
      if (/^\/matchmake\/(create|joinOrCreate)\//.test(path) && req.method === 'POST') {
        const ip = clientIp(req);
        if (ctx.creates.blocked(ip)) {
          return json(res, 429, { code: 429, error: 'Many matches were created from this network just now: wait a minute, then try again.' });
        }
        ctx.creates.fail(ip);
      }
      const m = /^\/matchmake\/(joinById|reconnect)\/([^/]+)$/.exec(path);
      if (m && req.method === 'POST') {
        const ip = clientIp(req);
        if (ctx.throttle.blocked(ip)) {
          return json(res, 429, { code: JOIN_ERRORS.throttled, error: 'Too many wrong codes from this network: wait a minute, then check the code with your teacher.' });
        }
        const code = decodeURIComponent(m[2]!);
        if (!isRoomCode(code.toUpperCase()) || !matchMaker.getLocalRoomById(code)) {
          ctx.throttle.fail(ip);
          return json(res, 404, { code: 522, error: 'There is no match with that code. Check it with your teacher.' });
        }
      }
      return colyseus(req, res);
    }
    if (req.method === 'OPTIONS' && path.startsWith('/api/')) {
      res.writeHead(204);
      return res.end();
    }
    if (path === '/api/health') return json(res, 200, { ok: true });
    // Writes to the archive come from this site's pages only (or from tools without an Origin).
    const writing = req.method === 'POST' || req.method === 'DELETE';
    if (writing && path.startsWith('/api/') && !originAllowed(req.headers.origin, req.headers.host, ctx.config.allowedOrigins)) {
      return json(res, 403, { ok: false, error: 'origin', message: 'This page is not allowed to change the archive of this server.' });
    }
    if (path === '/api/matches') {
      if (req.method === 'GET') {
        const scenario = url.searchParams.get('scenario') || undefined;
        return json(res, 200, { matches: listArchive(ctx, scenario) });
      }
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: 'method' });
      const ip = clientIp(req);
      if (ctx.creates.blocked(ip)) {
        req.resume();
        return json(res, 429, { ok: false, error: 'rate_limited', message: 'Many matches were added from this network just now: wait a minute, then try again.' });
      }
      ctx.creates.fail(ip);
      void readBody(req, MAX_IMPORT_BYTES).then((body) => {
        if (!body.ok) {
          return json(res, body.tooLarge ? 413 : 400, body.tooLarge
            ? { ok: false, error: 'too_large', message: `That file is too large for a match file (the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB).` }
            : { ok: false, error: 'bad_request', message: 'The upload was interrupted: try again.' });
        }
        const r = importMatch(ctx, body.text);
        json(res, r.status, r.body);
      });
      return;
    }
    const mm = /^\/api\/matches\/([^/]+)(\/negotiations)?$/.exec(path);
    if (mm) {
      let id: string;
      try {
        id = decodeURIComponent(mm[1]!);
      } catch {
        return json(res, 400, { ok: false, error: 'bad_url' });
      }
      if (mm[2]) {
        if (req.method !== 'GET') return json(res, 405, { ok: false, error: 'method' });
        const r = negotiationsOf(ctx, id);
        return json(res, r.status, r.body);
      }
      if (req.method === 'DELETE') {
        const secret = req.headers[SECRET_HEADER];
        const r = deleteMatch(ctx, id, typeof secret === 'string' ? secret : undefined);
        return json(res, r.status, r.body);
      }
      if (req.method !== 'GET') return json(res, 405, { ok: false, error: 'method' });
      const r = matchFileOf(ctx, id);
      return json(res, r.status, r.body);
    }
    if (path.startsWith('/api/')) return json(res, 404, { ok: false, error: 'not_found' });
    if (path === '/__healthcheck') return colyseus(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { ok: false, error: 'method' });
    serveStatic(req, res, ctx.config.staticDir, path);
  };
}
