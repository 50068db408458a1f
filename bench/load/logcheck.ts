import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

// The lost-action check: every action the server acknowledged (`accepted`) must be in the match log.
// The generators append each acknowledged action's identity to a file (match code, type, marker, turn);
// the marker travelled inside the action (its journal `note`) or the chat line's text. After the server
// has stopped, its SQLite file in DATA_DIR is opened read-only and every marker looked up: actions in the
// `actions` table (match_id, idx, action JSON), chat lines in the `chat` table (match_id, id, line JSON).

export interface Ack {
  c: string;
  t: string;
  k: string;
  turn: number;
}

export interface LogCheck {
  method: string;
  acked: number;
  found: number;
  lost: number;
  /** A few lost ones, to look at. */
  examples: Ack[];
  /** Acknowledged but logged as another type (would be a bug of the check or the server). */
  mismatched: number;
}

const MARKER = /b:g\d+\.[0-9a-z]+/;

export function readAcks(files: string[]): Ack[] {
  const out: Ack[] = [];
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) if (line) out.push(JSON.parse(line) as Ack);
  }
  return out;
}

function sqliteFile(dataDir: string): string | null {
  const f = readdirSync(dataDir).find((n) => /\.(sqlite|db|sqlite3)$/.test(n));
  return f ? join(dataDir, f) : null;
}

/** Compare the acknowledged actions with the server's SQLite log (the server must have stopped). */
export function checkLog(dataDir: string, acks: Ack[]): LogCheck {
  const file = sqliteFile(dataDir);
  if (!file) throw new Error(`no SQLite file in ${dataDir}`);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('actions')) throw new Error(`${file} has no actions table (tables: ${[...tables].join(', ')})`);
    const logged = new Map<string, string>();
    for (const r of db.prepare('SELECT match_id, action FROM actions').iterate() as Iterable<{ match_id: string; action: string }>) {
      const a = JSON.parse(r.action) as { type: string; note?: string };
      const m = a.note ? MARKER.exec(a.note) : null;
      if (m) logged.set(`${r.match_id}|${m[0]}`, a.type);
    }
    if (tables.has('chat')) {
      for (const r of db.prepare('SELECT match_id, line FROM chat').iterate() as Iterable<{ match_id: string; line: string }>) {
        const m = MARKER.exec(r.line);
        if (m) logged.set(`${r.match_id}|${m[0]}`, 'chat');
      }
    }
    return compare(acks, logged, `SQLite ${file} (actions${tables.has('chat') ? ' + chat' : ''} tables, read-only)`);
  } finally {
    db.close();
  }
}

/** The same check against PostgreSQL databases (--processes 2: the processes' shared logs), all of them together. */
export async function checkLogPg(urls: string[], acks: Ack[]): Promise<LogCheck> {
  const { default: pg } = await import('pg');
  const logged = new Map<string, string>();
  for (const url of urls) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (const r of (await c.query('SELECT match_id, action FROM actions')).rows as { match_id: string; action: unknown }[]) {
        const a = (typeof r.action === 'string' ? JSON.parse(r.action) : r.action) as { type: string; note?: string };
        const m = a.note ? MARKER.exec(a.note) : null;
        if (m) logged.set(`${r.match_id}|${m[0]}`, a.type);
      }
      for (const r of (await c.query('SELECT match_id, line FROM chat')).rows as { match_id: string; line: unknown }[]) {
        const m = MARKER.exec(typeof r.line === 'string' ? r.line : JSON.stringify(r.line));
        if (m) logged.set(`${r.match_id}|${m[0]}`, 'chat');
      }
    } finally {
      await c.end();
    }
  }
  return compare(acks, logged, `PostgreSQL (actions + chat tables of ${urls.length} database${urls.length > 1 ? 's' : ''})`);
}

function compare(acks: Ack[], logged: Map<string, string>, method: string): LogCheck {
  let found = 0;
  let mismatched = 0;
  const examples: Ack[] = [];
  for (const a of acks) {
    const t = logged.get(`${a.c}|${a.k}`);
    if (t === undefined) {
      if (examples.length < 10) examples.push(a);
      continue;
    }
    found++;
    if (t !== a.t) mismatched++;
  }
  return { method, acked: acks.length, found, lost: acks.length - found, examples, mismatched };
}

/** The same check over HTTP, for finished matches: `GET /api/matches/:id` (notes are in it: negotiations published). */
export async function checkLogHttp(url: string, acks: Ack[]): Promise<LogCheck> {
  const logged = new Map<string, string>();
  for (const code of new Set(acks.map((a) => a.c))) {
    const r = await fetch(`${url}/api/matches/${code}`);
    if (r.ok) {
      const file = (await r.json()) as { actions: { type: string; note?: string }[] };
      for (const a of file.actions) {
        const m = a.note ? MARKER.exec(a.note) : null;
        if (m) logged.set(`${code}|${m[0]}`, a.type);
      }
    }
    const n = await fetch(`${url}/api/matches/${code}/negotiations`);
    if (n.ok) {
      const body = (await n.json()) as { chat: { text: string }[] };
      for (const l of body.chat) {
        const m = MARKER.exec(l.text);
        if (m) logged.set(`${code}|${m[0]}`, 'chat');
      }
    }
  }
  return compare(acks, logged, `HTTP ${url}/api/matches/:id (+ /negotiations)`);
}
