import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { DuplicateMatchError, LeaseLostError, type WriteOp } from './index.ts';
import { PRAGMAS, sqliteWrites } from './sqliteWrites.ts';

// The SQLite store's writer thread: it commits each batch of writes on its own connection (WAL: the main
// thread's connection keeps reading meanwhile) and answers once the commit is synced, so the event loop
// never waits on a sync. The main thread has made the schema before starting it.

/** `ops`: the batch's `WriteOp[]` as JSON. */
export interface WriteRequest { id: number; ops: string }
export type WriteReply =
  | { id: number; ok: true }
  | { id: number; ok: false; kind: 'duplicate' | 'lease' | 'other'; match?: string; message: string };

const db = new DatabaseSync((workerData as { path: string }).path);
db.exec(PRAGMAS);
const writes = sqliteWrites(db);

parentPort!.on('message', (req: WriteRequest | 'close') => {
  if (req === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  let reply: WriteReply;
  try {
    writes.write(JSON.parse(req.ops) as WriteOp[]);
    reply = { id: req.id, ok: true };
  } catch (e) {
    const kind = e instanceof DuplicateMatchError ? 'duplicate' : e instanceof LeaseLostError ? 'lease' : 'other';
    reply = { id: req.id, ok: false, kind, match: (e as { match?: string }).match, message: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
