import { expect, test } from 'vitest';
import type { Storage, StoredChatLine, WriteOp } from '../../server/storage/index.ts';
import { append, create, inject, line, row, say, T0 } from './storageFixtures.ts';

// Two server processes on one store, played by two storage instances opened on it (separate connections
// in PostgreSQL; for SQLite, whose calls are synchronous, these hold trivially). Part of storage.suite.ts.

export type Opener = () => Promise<Storage>;

// More batches in flight per instance than a `pg` pool has connections (10), so connections change hands
// between statements: a transaction not pinned to one connection would then show.
const IN_FLIGHT = 16;
// Batches of different lengths, so batches in flight do not move in step (a pool handing each statement
// to whichever connection is free would then mix them).
const size = (tag: number): number => 2 + ((tag * 7) % 6);
const slot = (w: number, k: number): string => `SLOT${w}_${k}`;

/**
 * A batch of `size(tag)` chat lines in match SHARED, with an update of the writer's slot row between them;
 * `tag` names the batch in every line. Slots keep batches in flight from waiting on one row's lock.
 */
const group = (tag: number, slotId: string): WriteOp[] => {
  const lines = Array.from({ length: size(tag) }, (_, k) => say('SHARED', { ...line(tag * 10 + k), text: `batch ${tag}` }));
  const update: WriteOp = { op: 'updateMatch', match: slotId, patch: { clock: { deadline: tag, paused: false, remaining: 0, chatFrozen: false } }, at: T0 + tag };
  return [...lines.slice(0, 2), update, ...lines.slice(2)];
};

/** Every batch seen is whole, and each batch named by a slot row (read before the chat) is there. */
function expectWhole(lines: StoredChatLine[], named: number[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const l of lines) count.set(l.text, (count.get(l.text) ?? 0) + 1);
  for (const [tag, n] of count) expect(n, `${tag} seen in part`).toBe(size(Number(tag.split(' ')[1])));
  for (const tag of named) if (tag) expect(count.has(`batch ${tag}`), `a row updated by batch ${tag} without its lines`).toBe(true);
  return count;
}

export function concurrencyTests(opener: () => Promise<Opener>): void {
  test('concurrent batches from two instances never interleave, as a third reads along', async () => {
    const open = await opener();
    const [a, b, reader] = [await open(), await open(), await open()];
    const idle = { deadline: 0, paused: false, remaining: 0, chatFrozen: false };
    const slots = [0, 1].flatMap((w) => Array.from({ length: IN_FLIGHT }, (_, k) => slot(w, k)));
    await a.write([create(row('SHARED')), ...slots.map((id) => create(row(id, { clock: idle })))]);
    const ROUNDS = 48;
    let writing = true;
    const writers = Promise.all([a, b].map(async (s, w) => {
      // Each instance keeps several batches in flight at once, as a server's matches do.
      await Promise.all(Array.from({ length: IN_FLIGHT }, async (_, k) => {
        for (let r = k; r < ROUNDS; r += IN_FLIGHT) await s.write(group(1 + w * ROUNDS + r, slot(w, k)));
      }));
    })).finally(() => {
      writing = false;
    });
    const named = async () => (await reader.rowsByIds(slots)).map((r) => r.clock.deadline);
    let reads = 0;
    try {
      while (writing) {
        const tags = await named();
        expectWhole(await reader.chat('SHARED'), tags);
        reads += 1;
        // Reads of a synchronous store settle at once: let the writes (another thread's answers) come in.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      await writers.catch(() => {}); // on a failed check, before the stores close under the writers
    }
    await writers;
    const tags = await named();
    expect(expectWhole(await reader.chat('SHARED'), tags).size).toBe(2 * ROUNDS);
    expect(reads).toBeGreaterThan(0);
  });

  test('two instances claiming the same log positions: exactly one batch lands, whole', async () => {
    const open = await opener();
    const [a, b] = [await open(), await open()];
    for (let round = 0; round < 10; round++) {
      const id = `RACE${String(round).padStart(2, '0')}`;
      await a.write([create(row(id))]);
      // Each claim starts with its own chat line: only the winner's may be left behind.
      const claim = (s: Storage, who: number) => s.write([
        say(id, line(who)), append(id, 0, inject(who)), append(id, 1, inject(who)),
        { op: 'updateMatch', match: id, patch: { status: who === 1 ? 'running' : 'finished' }, at: T0 + who },
      ]);
      const results = await Promise.allSettled([claim(a, 1), claim(b, 2)]);
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      const who = won[0]!;
      expect(await a.actions(id)).toEqual([inject(who), inject(who)]);
      expect((await b.chat(id)).map((l) => l.id)).toEqual([who]);
      expect((await b.getMatch(id))?.status).toBe(who === 1 ? 'running' : 'finished');
    }
  });

  test('a lease contested by many owners through two instances goes to exactly one', async () => {
    const open = await opener();
    const [a, b] = [await open(), await open()];
    for (let round = 0; round < 10; round++) {
      const id = `LEASE${round}`;
      const won = await Promise.all(Array.from({ length: 8 }, (_, k) => (k % 2 ? a : b).lease(id, `owner-${k}`, T0, 60_000)));
      expect(won.filter(Boolean), `round ${round}`).toHaveLength(1);
    }
  });

  test('many batches in flight on one instance all land', async () => {
    const s = await (await opener())();
    await s.write(Array.from({ length: 20 }, (_, m) => create(row(`MANY${String(m).padStart(2, '0')}`))));
    await Promise.all(Array.from({ length: 20 }, (_, m) => Promise.all(Array.from({ length: 10 }, async (_, k) => {
      const id = `MANY${String(m).padStart(2, '0')}`;
      await s.write([say(id, line(k))]);
    }))));
    const rows = await s.listRows();
    expect(rows).toHaveLength(20);
    for (const r of rows) expect((await s.chat(r.id)).map((l) => l.id).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
}
