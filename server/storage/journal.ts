import type { Storage, WriteOp } from './index.ts';

// Group commit: every match's writes of one turn of the event loop go to storage as one batch (one
// transaction, one sync), and the next batch gathers while the previous is written. Each caller's promise
// resolves when its own writes are durable. If a batch fails, its callers' writes are retried one caller
// at a time, so one bad write (a duplicate id) does not fail the other matches in the batch.

interface Entry {
  ops: readonly WriteOp[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class Journal {
  readonly storage: Storage;
  #queue: Entry[] = [];
  #busy = false;
  #scheduled = false;
  #lastStart = -Infinity;
  readonly #gapMs: number;
  /** Batches written and writes per batch (for the bench and operators). */
  readonly stats = { batches: 0, writes: 0 };

  /**
   * `gapMs`: the least time between the starts of two batches. Each commit's sync costs about 0.1 ms of CPU
   * whatever it carries, and under load nearly every action arrived alone: a batch then waits out the rest
   * of the gap, so commits are at most 1000/gapMs a second. An action after a quiet spell goes at once.
   */
  constructor(storage: Storage, gapMs = 0) {
    this.storage = storage;
    this.#gapMs = gapMs;
  }

  /** Durable once the promise resolves; all of `ops` or none of them. */
  write(ops: readonly WriteOp[]): Promise<void> {
    if (!ops.length) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#queue.push({ ops, resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.#queue.length || this.#busy || this.#scheduled) await new Promise((r) => setImmediate(r));
  }

  #schedule(): void {
    if (this.#scheduled || this.#busy) return;
    this.#scheduled = true;
    const go = (): void => {
      this.#scheduled = false;
      void this.#flush();
    };
    const wait = this.#lastStart + this.#gapMs - performance.now();
    if (wait >= 1) setTimeout(go, Math.ceil(wait));
    else setImmediate(go);
  }

  async #flush(): Promise<void> {
    if (this.#busy || !this.#queue.length) return;
    this.#busy = true;
    this.#lastStart = performance.now();
    const batch = this.#queue.splice(0);
    try {
      await this.storage.write(batch.flatMap((e) => e.ops));
      this.stats.batches += 1;
      this.stats.writes += batch.length;
      for (const e of batch) e.resolve();
    } catch (e) {
      if (batch.length === 1) batch[0]!.reject(e);
      else for (const entry of batch) await this.storage.write(entry.ops).then(entry.resolve, entry.reject);
    } finally {
      this.#busy = false;
      if (this.#queue.length) this.#schedule();
    }
  }
}
