import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Action } from '../../shared/types.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';
import type { MatchRow, MatchSummary, Storage } from './index.ts';

// The embedded default: one SQLite file in DATA_DIR through Node 24's node:sqlite (no native build).
// WAL journal with synchronous=FULL, so a committed transaction survives kill -9 and power loss.
// The schema is versioned: each migration runs once, recorded in the `migrations` table.

const MIGRATIONS: string[] = [
  // 1: matches, their action logs, and their chat.
  `CREATE TABLE matches (
     id TEXT PRIMARY KEY,
     scenario TEXT NOT NULL,
     seed INTEGER NOT NULL,
     settings TEXT NOT NULL,
     seats TEXT NOT NULL,
     players TEXT NOT NULL,
     status TEXT NOT NULL,
     clock TEXT NOT NULL,
     parent TEXT,
     created INTEGER NOT NULL,
     updated INTEGER NOT NULL,
     finished INTEGER
   );
   CREATE INDEX matches_status ON matches(status);
   CREATE TABLE actions (
     match_id TEXT NOT NULL REFERENCES matches(id),
     idx INTEGER NOT NULL,
     action TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (match_id, idx)
   );
   CREATE TABLE chat (
     match_id TEXT NOT NULL REFERENCES matches(id),
     id INTEGER NOT NULL,
     line TEXT NOT NULL,
     PRIMARY KEY (match_id, id)
   );`,
  // 2: the archive (issue 6): a cached outcome of finished matches (turn reached, winners), imported files,
  // and an index to list a scenario's matches and a match's forks.
  `ALTER TABLE matches ADD COLUMN outcome TEXT;
   ALTER TABLE matches ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX matches_scenario ON matches(scenario, created);`,
];

interface RawRow {
  id: string;
  scenario: string;
  seed: number;
  settings: string;
  seats: string;
  players: string;
  status: string;
  clock: string;
  parent: string | null;
  created: number;
  updated: number;
  finished: number | null;
  outcome?: string | null;
  imported?: number;
}

function toRow(r: RawRow): MatchRow {
  return {
    id: r.id, scenario: r.scenario, seed: Number(r.seed), settings: JSON.parse(r.settings), seats: JSON.parse(r.seats),
    players: JSON.parse(r.players), status: r.status as MatchRow['status'], clock: JSON.parse(r.clock),
    parent: r.parent ? JSON.parse(r.parent) : null, created: Number(r.created), updated: Number(r.updated),
    finished: r.finished === null ? null : Number(r.finished),
    outcome: r.outcome ? JSON.parse(r.outcome) : null, imported: Number(r.imported ?? 0) === 1,
  };
}

export function openSqliteStorage(dataDir: string, file = 'entente.sqlite'): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, file));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM migrations').all() as { version: number }[]).map((r) => Number(r.version)));
  MIGRATIONS.forEach((sql, i) => {
    const version = i + 1;
    if (done.has(version)) return;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(sql);
      db.prepare('INSERT INTO migrations (version, applied) VALUES (?, ?)').run(version, Date.now());
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  });

  const q = {
    insertMatch: db.prepare(`INSERT INTO matches (id, scenario, seed, settings, seats, players, status, clock, parent, created, updated, finished, outcome, imported)
                             VALUES (:id, :scenario, :seed, :settings, :seats, :players, :status, :clock, :parent, :created, :updated, :finished, :outcome, :imported)`),
    insertAction: db.prepare('INSERT INTO actions (match_id, idx, action, at) VALUES (?, ?, ?, ?)'),
    touch: db.prepare('UPDATE matches SET updated = ? WHERE id = ?'),
    insertChat: db.prepare('INSERT INTO chat (match_id, id, line) VALUES (?, ?, ?)'),
    getMatch: db.prepare('SELECT * FROM matches WHERE id = ?'),
    hasMatch: db.prepare('SELECT 1 AS x FROM matches WHERE id = ?'),
    actions: db.prepare('SELECT action FROM actions WHERE match_id = ? ORDER BY idx'),
    chat: db.prepare('SELECT line FROM chat WHERE match_id = ? ORDER BY id'),
    list: db.prepare(`SELECT m.*, (SELECT COUNT(*) FROM actions a WHERE a.match_id = m.id) AS n FROM matches m ORDER BY m.created DESC LIMIT ?`),
    listScenario: db.prepare(`SELECT m.*, (SELECT COUNT(*) FROM actions a WHERE a.match_id = m.id) AS n FROM matches m WHERE m.scenario = ? ORDER BY m.created DESC LIMIT ?`),
    setOutcome: db.prepare('UPDATE matches SET outcome = ? WHERE id = ?'),
    deleteActions: db.prepare('DELETE FROM actions WHERE match_id = ?'),
    deleteChat: db.prepare('DELETE FROM chat WHERE match_id = ?'),
    deleteMatch: db.prepare('DELETE FROM matches WHERE id = ?'),
    unfinished: db.prepare(`SELECT * FROM matches WHERE status IN ('lobby', 'running') ORDER BY created`),
  };
  const updates = new Map<string, StatementSync>();

  /** One transaction, committed (and with synchronous=FULL, synced) before returning. */
  const transaction = (fn: () => void): void => {
    db.exec('BEGIN IMMEDIATE');
    try {
      fn();
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  };

  const insertRow = (row: MatchRow): void => {
    q.insertMatch.run({
      id: row.id, scenario: row.scenario, seed: row.seed, settings: JSON.stringify(row.settings), seats: JSON.stringify(row.seats),
      players: JSON.stringify(row.players), status: row.status, clock: JSON.stringify(row.clock),
      parent: row.parent ? JSON.stringify(row.parent) : null, created: row.created, updated: row.updated, finished: row.finished,
      outcome: row.outcome ? JSON.stringify(row.outcome) : null, imported: row.imported ? 1 : 0,
    });
  };

  return {
    createMatch(row) {
      insertRow(row);
    },
    importMatch(row, actions) {
      const now = Date.now();
      transaction(() => {
        insertRow(row);
        actions.forEach((a, i) => q.insertAction.run(row.id, i, JSON.stringify(a), now));
      });
    },
    deleteMatch(id) {
      let found = false;
      transaction(() => {
        q.deleteActions.run(id);
        q.deleteChat.run(id);
        found = Number(q.deleteMatch.run(id).changes) > 0;
      });
      return found;
    },
    setOutcome(id, outcome) {
      q.setOutcome.run(JSON.stringify(outcome), id);
    },
    appendAction(matchId, index, action) {
      const now = Date.now();
      transaction(() => {
        q.insertAction.run(matchId, index, JSON.stringify(action), now);
        q.touch.run(now, matchId);
      });
    },
    appendChat(matchId, line) {
      q.insertChat.run(matchId, line.id, JSON.stringify(line));
    },
    updateMatch(matchId, patch) {
      const cols = Object.keys(patch).sort();
      if (!cols.length) return;
      const key = cols.join(',');
      let st = updates.get(key);
      if (!st) {
        st = db.prepare(`UPDATE matches SET ${cols.map((c) => `${c} = :${c}`).join(', ')}, updated = :updated WHERE id = :id`);
        updates.set(key, st);
      }
      const values: Record<string, string | number | null> = { id: matchId, updated: Date.now() };
      for (const c of cols) {
        const v = (patch as Record<string, unknown>)[c];
        values[c] = v === null || typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
      }
      st.run(values);
    },
    getMatch(id) {
      const r = q.getMatch.get(id) as unknown as RawRow | undefined;
      return r ? toRow(r) : undefined;
    },
    hasMatch(id) {
      return q.hasMatch.get(id) !== undefined;
    },
    actions(id) {
      return (q.actions.all(id) as { action: string }[]).map((r) => JSON.parse(r.action) as Action);
    },
    chat(id) {
      return (q.chat.all(id) as { line: string }[]).map((r) => JSON.parse(r.line) as ChatLine);
    },
    listRows(options = {}) {
      const limit = options.limit ?? 200;
      const raws = (options.scenario ? q.listScenario.all(options.scenario, limit) : q.list.all(limit)) as unknown as (RawRow & { n: number })[];
      return raws.map((raw) => ({ ...toRow(raw), actionCount: Number(raw.n) }));
    },
    listMatches(limit = 200) {
      return (q.list.all(limit) as unknown as (RawRow & { n: number })[]).map((raw): MatchSummary => {
        const r = toRow(raw);
        return {
          id: r.id, scenario: r.scenario, status: r.status, nicknames: r.players.filter((p) => !p.kicked).map((p) => p.nickname),
          turns: r.settings.turns, seats: r.settings.seats, actions: Number(raw.n), created: r.created, updated: r.updated, finished: r.finished,
        };
      });
    },
    unfinished() {
      return (q.unfinished.all() as unknown as RawRow[]).map(toRow);
    },
    diagnostics() {
      const journal = db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
      const sync = db.prepare('PRAGMA synchronous').get() as { synchronous: number };
      const version = db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number };
      const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
      return { journalMode: journal.journal_mode, synchronous: names[Number(sync.synchronous)] ?? String(sync.synchronous), schemaVersion: Number(version.v) };
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
