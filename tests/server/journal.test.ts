import { describe, expect, it } from 'vitest';
import { Journal } from '../../server/storage/journal.ts';
import type { Storage, WriteOp } from '../../server/storage/index.ts';
import { line, say } from './storageFixtures.ts';

// The journal's batching, against a store that only records when each batch began and what it held.

function recordingStore(syncMs = 1): { storage: Storage; batches: { at: number; ops: readonly WriteOp[] }[] } {
  const batches: { at: number; ops: readonly WriteOp[] }[] = [];
  const write = (ops: readonly WriteOp[]): Promise<void> => {
    batches.push({ at: performance.now(), ops });
    return new Promise((r) => setTimeout(r, syncMs));
  };
  return { storage: { write } as unknown as Storage, batches };
}

const chat = (id: number): WriteOp => say('M', line(id));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Journal', () => {
  it('writes everything queued in one tick as one batch, in order', async () => {
    const { storage, batches } = recordingStore();
    const journal = new Journal(storage);
    await Promise.all([1, 2, 3].map((i) => journal.write([chat(i)])));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.ops.map((o) => (o as { line: { id: number } }).line.id)).toEqual([1, 2, 3]);
  });

  it('with a gap, starts batches at least that far apart under a steady stream, and loses none', async () => {
    const gap = 20;
    const { storage, batches } = recordingStore();
    const journal = new Journal(storage, gap);
    const acks: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      acks.push(journal.write([chat(i)]));
      await sleep(2);
    }
    await Promise.all(acks);
    // Timers may fire a fraction of a millisecond early against performance.now().
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.at - batches[i - 1]!.at).toBeGreaterThanOrEqual(gap - 2);
    expect(batches.length).toBeLessThan(30);
    expect(batches.flatMap((b) => b.ops).map((o) => (o as { line: { id: number } }).line.id)).toEqual([...Array(60).keys()]);
  });

  it('with a gap, writes a lone action after a quiet spell at once', async () => {
    const gap = 200;
    const { storage, batches } = recordingStore();
    const journal = new Journal(storage, gap);
    await journal.write([chat(1)]);
    await sleep(gap + 20);
    const asked = performance.now();
    await journal.write([chat(2)]);
    expect(batches).toHaveLength(2);
    expect(batches[1]!.at - asked).toBeLessThan(gap / 2);
  });
});
