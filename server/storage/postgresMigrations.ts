import pg from 'pg';

// The PostgreSQL schema, as numbered migrations recorded in the `migrations` table. Unlike SQLite (one
// process owns its file, so it migrates itself at open), a PostgreSQL database is shared by several server
// processes: changing its schema is an operator's step (`npm run migrate`), and a process refuses to start
// on a schema older than it needs rather than altering it under the other processes' feet. A schema newer
// than the code is accepted: migrations only add, so the previous release keeps running during an upgrade.
//
// JSON is stored as `json`, not `jsonb`: `json` keeps the text as written (key order, so an exported match
// file is the same bytes as from SQLite) and accepts "\u0000", which `jsonb` rejects; nothing queries
// inside these documents. Times are epoch milliseconds in bigint, read back as JS numbers (see postgres.ts).

export const MIGRATIONS: readonly string[] = [
  // 1: matches, their action logs, their chat, and leases (which process runs a live match): the SQLite
  // schema after its three migrations, in one step.
  `CREATE TABLE matches (
     id text PRIMARY KEY,
     scenario text NOT NULL,
     seed bigint NOT NULL,
     settings json NOT NULL,
     seats json NOT NULL,
     players json NOT NULL,
     status text NOT NULL,
     clock json NOT NULL,
     parent json,
     created bigint NOT NULL,
     updated bigint NOT NULL,
     finished bigint,
     outcome json,
     imported boolean NOT NULL DEFAULT false
   );
   CREATE INDEX matches_status ON matches (status);
   CREATE INDEX matches_scenario ON matches (scenario, created);
   CREATE INDEX matches_created ON matches (created);
   CREATE TABLE actions (
     match_id text NOT NULL REFERENCES matches (id),
     idx integer NOT NULL,
     action json NOT NULL,
     at bigint NOT NULL,
     PRIMARY KEY (match_id, idx)
   );
   CREATE TABLE chat (
     match_id text NOT NULL REFERENCES matches (id),
     id integer NOT NULL,
     line json NOT NULL,
     PRIMARY KEY (match_id, id)
   );
   CREATE TABLE leases (
     match_id text PRIMARY KEY,
     owner text NOT NULL,
     until bigint NOT NULL
   );`,
  // 2: a batch of writes in one statement (one round trip, its own transaction when sent alone): every
  // lease, then every action, every chat line, then each match's merged patch. A lease held by another
  // owner aborts the whole batch (SQLSTATE EN001, the match in DETAIL), as does a patch of a match that
  // does not exist (EN002). Round trips were most of a commit's CPU in the server: four per batch before.
  // synchronous_commit is forced for the transaction, so "written" means "on disk" whatever the server's
  // default (set_config's `true`: until the transaction ends, so its commit waits for the sync).
  `CREATE FUNCTION entente_write(
     l_match text[], l_owner text[], l_until bigint[], l_now bigint,
     a_match text[], a_idx integer[], a_action json[], a_at bigint[],
     c_match text[], c_id integer[], c_line json[],
     u_match text[], u_players json[], u_clock json[], u_status text[], u_finished bigint[], u_sets_finished boolean[], u_at bigint[]
   ) RETURNS void LANGUAGE plpgsql AS $$
   DECLARE
     lost text;
     n integer;
   BEGIN
     PERFORM set_config('synchronous_commit', 'on', true);
     IF cardinality(l_match) > 0 THEN
       WITH held AS (
         INSERT INTO leases (match_id, owner, until) SELECT * FROM unnest(l_match, l_owner, l_until)
         ON CONFLICT (match_id) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
         WHERE leases.owner = EXCLUDED.owner OR leases.until < l_now
         RETURNING match_id)
       SELECT m INTO lost FROM unnest(l_match) AS m WHERE m NOT IN (SELECT match_id FROM held) LIMIT 1;
       IF lost IS NOT NULL THEN
         RAISE EXCEPTION 'another process runs match %', lost USING ERRCODE = 'EN001', DETAIL = lost;
       END IF;
     END IF;
     IF cardinality(a_match) > 0 THEN
       INSERT INTO actions (match_id, idx, action, at) SELECT * FROM unnest(a_match, a_idx, a_action, a_at);
     END IF;
     IF cardinality(c_match) > 0 THEN
       INSERT INTO chat (match_id, id, line) SELECT * FROM unnest(c_match, c_id, c_line);
     END IF;
     IF cardinality(u_match) > 0 THEN
       UPDATE matches m SET
         players = COALESCE(u.players, m.players), clock = COALESCE(u.clock, m.clock), status = COALESCE(u.status, m.status),
         finished = CASE WHEN u.sets_finished THEN u.finished ELSE m.finished END, updated = u.at
       FROM unnest(u_match, u_players, u_clock, u_status, u_finished, u_sets_finished, u_at)
         AS u(id, players, clock, status, finished, sets_finished, at)
       WHERE m.id = u.id;
       GET DIAGNOSTICS n = ROW_COUNT;
       IF n < cardinality(u_match) THEN
         SELECT x INTO lost FROM unnest(u_match) AS x WHERE NOT EXISTS (SELECT 1 FROM matches WHERE id = x) LIMIT 1;
         RAISE EXCEPTION 'no match % to update', lost USING ERRCODE = 'EN002', DETAIL = lost;
       END IF;
     END IF;
   END $$;`,
];

/** The schema version this code needs. */
export const SCHEMA_VERSION = MIGRATIONS.length;

// One key for every Entente process on a database: concurrent `migrate` runs wait for each other.
const MIGRATE_LOCK = 0x656e7465; // "ente"

/**
 * Bring the schema up to date, all or nothing (PostgreSQL's DDL is transactional). Returns the versions it
 * applied (empty when there was nothing to do).
 */
export async function migrate(client: pg.ClientBase): Promise<number[]> {
  await client.query('BEGIN');
  try {
    // Taken before anything else, so a second migrator cannot even race on CREATE TABLE IF NOT EXISTS.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS migrations (version integer PRIMARY KEY, applied bigint NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const [i, sql] of MIGRATIONS.entries()) {
      const version = i + 1;
      if (done.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO migrations (version, applied) VALUES ($1, $2)', [version, Date.now()]);
      applied.push(version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/** The schema's version (0 before the first `npm run migrate`). */
export async function schemaVersion(client: pg.ClientBase | pg.Pool): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('migrations')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const r = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM migrations');
  return r.rows[0]?.v ?? 0;
}

/** Throws, with what to do, when the schema is older than this code needs. */
export async function checkSchema(client: pg.ClientBase | pg.Pool): Promise<number> {
  const version = await schemaVersion(client);
  if (version < SCHEMA_VERSION) {
    throw new Error(
      `the PostgreSQL schema is at version ${version}, this server needs ${SCHEMA_VERSION}: ` +
        'run `npm run migrate` with the same DATABASE_URL first',
    );
  }
  return version;
}
