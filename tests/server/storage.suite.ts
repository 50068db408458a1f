import { afterEach, describe, expect, test } from 'vitest';
import { DuplicateMatchError, LeaseLostError, type Storage } from '../../server/storage/index.ts';
import { concurrencyTests, type Opener } from './storage.concurrency.ts';
import { advance, append, create, inject, line, row, say, stored, T0 } from './storageFixtures.ts';

// What the storage interface promises, written once and run against every implementation (SQLite in
// storage.sqlite.test.ts, PostgreSQL in storage.postgres.test.ts).

export interface StorageTarget {
  /** A new, empty store. The function opens a connection to it; call it twice for two server processes. */
  fresh(): Promise<() => Promise<Storage>>;
}

export function storageSuite(name: string, target: StorageTarget): void {
  describe(`${name} storage`, () => {
    const opened: Storage[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });
    const opener = async (): Promise<Opener> => {
      const open = await target.fresh();
      return async () => {
        const s = await open();
        opened.push(s);
        return s;
      };
    };
    const fresh = async (): Promise<Storage> => (await opener())();

    test('a batch applies in order and rows round-trip exactly (types, key order, escaping)', async () => {
      const s = await fresh();
      const r = row('AAAAAA', { parent: { id: 'ZZZZZZ', turn: 3 } });
      await s.write([create(r), append('AAAAAA', 0, advance, T0 + 10), append('AAAAAA', 1, inject(12), T0 + 20)]);
      // `updated` is the row's last change: an action leaves it (it would rewrite the whole row each time).
      expect(await s.getMatch('AAAAAA')).toStrictEqual(stored(r));
      expect(JSON.stringify(await s.actions('AAAAAA'))).toBe(JSON.stringify([advance, inject(12)]));
      // Order decides `updated`: each update sets it, the last one wins.
      await s.write([{ op: 'updateMatch', match: 'AAAAAA', patch: {}, at: T0 + 50 }, append('AAAAAA', 2, advance, T0 + 60), { op: 'updateMatch', match: 'AAAAAA', patch: {}, at: T0 + 40 }]);
      expect((await s.getMatch('AAAAAA'))?.updated).toBe(T0 + 40);
      // An action before its match is created fails, so the batch is not reordered.
      await expect(s.write([append('BBBBBB', 0), create(row('BBBBBB'))])).rejects.toThrow();
      expect(await s.hasMatch('BBBBBB')).toBe(false);
      await s.write([]);
      expect(await s.getMatch('NOSUCH')).toBeUndefined();
    });

    test('a batch with a failing write writes nothing', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA')), append('AAAAAA', 0)]);
      const before = await s.getMatch('AAAAAA');
      const failing = [
        say('AAAAAA', line(1)), append('AAAAAA', 1),
        { op: 'updateMatch' as const, match: 'AAAAAA', patch: { status: 'running' as const }, at: T0 + 5 },
        create(row('CCCCCC')), append('AAAAAA', 0), // position 0 is taken
      ];
      await expect(s.write(failing)).rejects.toThrow();
      expect(await s.getMatch('AAAAAA')).toStrictEqual(before);
      expect(await s.actions('AAAAAA')).toHaveLength(1);
      expect(await s.chat('AAAAAA')).toEqual([]);
      expect(await s.hasMatch('CCCCCC')).toBe(false);
      // A write that cannot even be encoded fails inside the transaction just the same.
      const bad = { type: 'advance', n: 1n } as unknown as typeof advance;
      await expect(s.write([say('AAAAAA', line(2)), append('AAAAAA', 1, bad)])).rejects.toThrow();
      expect(await s.chat('AAAAAA')).toEqual([]);
      await expect(s.write([say('AAAAAA', line(3)), { op: 'updateMatch', match: 'NOSUCH', patch: { status: 'finished' }, at: 1 }])).rejects.toThrow(/NOSUCH/);
      expect(await s.chat('AAAAAA')).toEqual([]);
    });

    test('a duplicate match id rejects with DuplicateMatchError and writes nothing', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA'))]);
      const dup = s.write([say('AAAAAA', line(1)), create(row('AAAAAA', { scenario: 'iron-strait' }))]);
      await expect(dup).rejects.toBeInstanceOf(DuplicateMatchError);
      await expect(dup).rejects.toThrow(/AAAAAA/);
      expect((await s.getMatch('AAAAAA'))?.scenario).toBe('amber-sea');
      expect(await s.chat('AAAAAA')).toEqual([]);
      // The other kinds of conflict are not reported as a duplicate match.
      await s.write([append('AAAAAA', 0)]);
      await expect(s.write([append('AAAAAA', 0)])).rejects.not.toBeInstanceOf(DuplicateMatchError);
    });

    test('the log is append-only: one action per position, only for an existing match', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA')), append('AAAAAA', 0)]);
      await expect(s.write([append('AAAAAA', 0, inject(1))])).rejects.toThrow();
      await expect(s.write([append('AAAAAA', 1), append('AAAAAA', 1)])).rejects.toThrow();
      await expect(s.write([append('NOSUCH', 0)])).rejects.toThrow();
      await s.write([append('AAAAAA', 1, inject(2))]);
      expect(await s.actions('AAAAAA')).toEqual([advance, inject(2)]);
      expect(await s.actions('NOSUCH')).toEqual([]);
    });

    test('updates set only the patched columns and `updated`', async () => {
      const s = await fresh();
      const r = row('AAAAAA');
      await s.write([create(r)]);
      const players = [...r.players, { id: 'p3', nickname: 'New', nation: 'isolde', host: false, secretHash: 'ef', kicked: true }];
      const clock = { deadline: T0 + 9, paused: true, remaining: 3_000, chatFrozen: true };
      await s.write([{ op: 'updateMatch', match: 'AAAAAA', patch: { status: 'running', players, clock }, at: T0 + 100 }]);
      expect(await s.getMatch('AAAAAA')).toStrictEqual(stored({ ...r, status: 'running', players, clock, updated: T0 + 100 }));
      await s.write([{ op: 'updateMatch', match: 'AAAAAA', patch: { status: 'finished', finished: T0 + 200 }, at: T0 + 200 }]);
      expect(await s.getMatch('AAAAAA')).toStrictEqual(stored({ ...r, status: 'finished', players, clock, finished: T0 + 200, updated: T0 + 200 }));
      await s.write([{ op: 'updateMatch', match: 'AAAAAA', patch: { finished: null }, at: T0 + 300 }]);
      expect((await s.getMatch('AAAAAA'))?.finished).toBeNull();
      // Several patches of one match in a batch: each column's last value, and the last `updated`.
      const later = { ...clock, paused: false };
      await s.write([
        { op: 'updateMatch', match: 'AAAAAA', patch: { status: 'running', clock }, at: T0 + 400 },
        { op: 'updateMatch', match: 'AAAAAA', patch: { clock: later, finished: T0 + 450 }, at: T0 + 450 },
        { op: 'updateMatch', match: 'AAAAAA', patch: { players: r.players }, at: T0 + 420 },
      ]);
      expect(await s.getMatch('AAAAAA')).toStrictEqual(stored({ ...r, status: 'running', clock: later, finished: T0 + 450, updated: T0 + 420 }));
    });

    test('chat round-trips in id order, with its readers', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA')), create(row('BBBBBB'))]);
      await s.write([say('AAAAAA', line(2, ['p1', 'p2'])), say('AAAAAA', line(1)), say('BBBBBB', line(1, []))]);
      expect(JSON.stringify(await s.chat('AAAAAA'))).toBe(JSON.stringify([line(1), line(2, ['p1', 'p2'])]));
      expect(await s.chat('BBBBBB')).toStrictEqual([line(1, [])]);
      await expect(s.write([say('AAAAAA', line(1))])).rejects.toThrow();
      await expect(s.write([say('NOSUCH', line(1))])).rejects.toThrow();
    });

    test('listRows: newest first, by scenario and status, limited, with log lengths', async () => {
      const s = await fresh();
      await s.write([
        create(row('OLD001', { created: T0 + 1 })), create(row('MID001', { created: T0 + 2, scenario: 'iron-strait', status: 'running' })),
        create(row('NEW001', { created: T0 + 3, status: 'finished', finished: T0 + 9 })), append('MID001', 0), append('MID001', 1), append('NEW001', 0),
      ]);
      const ids = async (o?: Parameters<Storage['listRows']>[0]) => (await s.listRows(o)).map((r) => `${r.id}:${r.actionCount}`);
      expect(await ids()).toEqual(['NEW001:1', 'MID001:2', 'OLD001:0']);
      expect(await ids({ scenario: 'amber-sea' })).toEqual(['NEW001:1', 'OLD001:0']);
      expect(await ids({ status: 'running' })).toEqual(['MID001:2']);
      expect(await ids({ scenario: 'amber-sea', status: 'running' })).toEqual([]);
      expect(await ids({ limit: 2 })).toEqual(['NEW001:1', 'MID001:2']);
      const [first] = await s.listRows();
      expect(first).toStrictEqual({ ...stored({ ...row('NEW001', { created: T0 + 3, status: 'finished', finished: T0 + 9 }), updated: T0 }), actionCount: 1 });
      // The default limit is 200.
      await s.write(Array.from({ length: 200 }, (_, i) => create(row(`M${String(i).padStart(5, '0')}`, { created: T0 + 10 + i }))));
      const all = await s.listRows();
      expect(all).toHaveLength(200);
      expect(all[0]?.id).toBe('M00199');
    });

    test('rowsByIds: only the named rows, newest first, with log lengths', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA', { created: T0 + 1 })), create(row('BBBBBB', { created: T0 + 2 })), create(row('CCCCCC', { created: T0 + 3 })), append('CCCCCC', 0)]);
      const got = await s.rowsByIds(['AAAAAA', 'CCCCCC', 'NOSUCH']);
      expect(got.map((r) => `${r.id}:${r.actionCount}`)).toEqual(['CCCCCC:1', 'AAAAAA:0']);
      expect(got[1]).toStrictEqual({ ...stored(row('AAAAAA', { created: T0 + 1 })), actionCount: 0 });
      expect(await s.rowsByIds([])).toEqual([]);
    });

    test('importMatch stores a whole log, or nothing', async () => {
      const s = await fresh();
      const log = [advance, inject(3), ...Array.from({ length: 300 }, () => advance)];
      await s.importMatch(row('IMPORT', { status: 'finished', imported: true }), log);
      expect(await s.getMatch('IMPORT')).toStrictEqual(stored(row('IMPORT', { status: 'finished', imported: true })));
      expect(JSON.stringify(await s.actions('IMPORT'))).toBe(JSON.stringify(log));
      expect((await s.rowsByIds(['IMPORT']))[0]?.actionCount).toBe(302);
      await expect(s.importMatch(row('IMPORT', { scenario: 'iron-strait' }), [])).rejects.toBeInstanceOf(DuplicateMatchError);
      expect((await s.getMatch('IMPORT'))?.scenario).toBe('amber-sea');
      // The row goes in first, then the log fails: the row must not stay.
      await expect(s.importMatch(row('BROKEN'), [advance, { type: 'advance', n: 1n } as unknown as typeof advance])).rejects.toThrow();
      expect(await s.hasMatch('BROKEN')).toBe(false);
      await s.importMatch(row('EMPTY1'), []);
      expect(await s.actions('EMPTY1')).toEqual([]);
    });

    test('deleteMatch removes the row, its log, its chat and its lease', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA')), create(row('BBBBBB')), append('AAAAAA', 0), say('AAAAAA', line(1)), append('BBBBBB', 0)]);
      expect(await s.lease('AAAAAA', 'proc-1', T0, 60_000)).toBe(true);
      expect(await s.deleteMatch('AAAAAA')).toBe(true);
      expect(await s.deleteMatch('AAAAAA')).toBe(false);
      expect(await s.hasMatch('AAAAAA')).toBe(false);
      expect(await s.actions('AAAAAA')).toEqual([]);
      expect(await s.chat('AAAAAA')).toEqual([]);
      expect(await s.lease('AAAAAA', 'proc-2', T0, 60_000)).toBe(true); // the old lease went with the match
      // The code can be used again from scratch; the other match is untouched.
      await s.write([create(row('AAAAAA')), append('AAAAAA', 0, inject(5)), say('AAAAAA', line(1))]);
      expect(await s.actions('AAAAAA')).toEqual([inject(5)]);
      expect(await s.actions('BBBBBB')).toEqual([advance]);
    });

    test('setOutcome caches a result on the row', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA', { status: 'finished' }))]);
      const outcome = { turn: 7, phase: 'news', over: true, winners: ['valdor', 'isolde'] };
      await s.setOutcome('AAAAAA', outcome);
      expect((await s.getMatch('AAAAAA'))?.outcome).toStrictEqual(outcome);
      expect((await s.listRows())[0]?.outcome).toStrictEqual(outcome);
      await s.setOutcome('NOSUCH', outcome);
      expect(await s.hasMatch('NOSUCH')).toBe(false);
    });

    test('unfinished lists lobbies and running matches, oldest first; hasMatch', async () => {
      const s = await fresh();
      await s.write([
        create(row('RUN001', { status: 'running', created: T0 + 2 })), create(row('LOBBY1', { created: T0 + 3 })),
        create(row('DONE01', { status: 'finished', created: T0 + 1 })), create(row('LOBBY0', { created: T0 + 1 })),
      ]);
      expect((await s.unfinished()).map((r) => r.id)).toEqual(['LOBBY0', 'RUN001', 'LOBBY1']);
      expect((await s.unfinished())[0]).toStrictEqual(stored(row('LOBBY0', { created: T0 + 1 })));
      // For an owner: only what it could lease now (no lease, its own, or expired; held to its last instant).
      expect(await s.lease('RUN001', 'A', T0, 1_000)).toBe(true);
      expect(await s.lease('LOBBY1', 'B', T0, 1_000)).toBe(true);
      expect((await s.unfinished({ owner: 'A', now: T0 + 1_000 })).map((r) => r.id)).toEqual(['LOBBY0', 'RUN001']);
      expect((await s.unfinished({ owner: 'B', now: T0 + 1_000 })).map((r) => r.id)).toEqual(['LOBBY0', 'LOBBY1']);
      expect((await s.unfinished({ owner: 'C', now: T0 + 1_001 })).map((r) => r.id)).toEqual(['LOBBY0', 'RUN001', 'LOBBY1']);
      expect((await s.unfinished()).map((r) => r.id)).toEqual(['LOBBY0', 'RUN001', 'LOBBY1']);
      expect(await s.hasMatch('DONE01')).toBe(true);
      expect(await s.hasMatch('NOSUCH')).toBe(false);
    });

    test('a lease belongs to one owner until it expires or is released', async () => {
      const s = await fresh();
      expect(await s.lease('AAAAAA', 'A', T0, 1_000)).toBe(true);
      expect(await s.lease('AAAAAA', 'B', T0 + 500, 1_000)).toBe(false);
      expect(await s.lease('AAAAAA', 'A', T0 + 900, 1_000)).toBe(true); // renewed until T0 + 1900
      expect(await s.lease('AAAAAA', 'B', T0 + 1_500, 1_000)).toBe(false);
      expect(await s.lease('AAAAAA', 'B', T0 + 1_900, 1_000)).toBe(false); // still held at its last instant
      expect(await s.lease('AAAAAA', 'B', T0 + 1_901, 1_000)).toBe(true); // expired: taken over
      expect(await s.lease('AAAAAA', 'A', T0 + 1_950, 1_000)).toBe(false);
      expect(await s.lease('BBBBBB', 'A', T0 + 1_950, 1_000)).toBe(true); // leases are per match
      await s.release('AAAAAA', 'A'); // not A's any more: no effect
      expect(await s.lease('AAAAAA', 'A', T0 + 2_000, 1_000)).toBe(false);
      await s.release('AAAAAA', 'B');
      expect(await s.lease('AAAAAA', 'A', T0 + 2_000, 1_000)).toBe(true);
    });

    test('a batch carrying a lease held by another owner writes nothing (LeaseLostError); its owner writes on', async () => {
      const s = await fresh();
      await s.write([create(row('AAAAAA')), { op: 'lease', match: 'AAAAAA', owner: 'A', now: T0, until: T0 + 1_000 }, append('AAAAAA', 0)]);
      await expect(s.write([{ op: 'lease', match: 'AAAAAA', owner: 'B', now: T0 + 10, until: T0 + 1_010 }, append('AAAAAA', 1)])).rejects.toBeInstanceOf(LeaseLostError);
      // Among other matches' writes, the error names the match lost, and the others' writes wait too.
      await s.write([create(row('BBBBBB'))]);
      await expect(s.write([{ op: 'lease', match: 'BBBBBB', owner: 'B', now: T0 + 10, until: T0 + 1_010 }, append('BBBBBB', 0),
        { op: 'lease', match: 'AAAAAA', owner: 'B', now: T0 + 10, until: T0 + 1_010 }, append('AAAAAA', 1)])).rejects.toMatchObject({ match: 'AAAAAA' });
      expect(await s.actions('BBBBBB')).toHaveLength(0);
      expect(await s.actions('AAAAAA')).toHaveLength(1);
      await s.write([{ op: 'lease', match: 'AAAAAA', owner: 'A', now: T0 + 20, until: T0 + 1_020 }, append('AAAAAA', 1)]);
      expect(await s.actions('AAAAAA')).toHaveLength(2);
      // Expired: another owner takes the match over, and the first one's writes are refused from then on.
      await s.write([{ op: 'lease', match: 'AAAAAA', owner: 'B', now: T0 + 2_000, until: T0 + 3_000 }, append('AAAAAA', 2)]);
      await expect(s.write([{ op: 'lease', match: 'AAAAAA', owner: 'A', now: T0 + 2_001, until: T0 + 3_001 }, append('AAAAAA', 3)])).rejects.toBeInstanceOf(LeaseLostError);
      expect(await s.actions('AAAAAA')).toHaveLength(3);
    });

    test('listRows finds the matches of a class', async () => {
      const s = await fresh();
      const inClass = (id: string, created: number) => {
        const r = row(id, { created });
        return create({ ...r, settings: { ...r.settings, classCode: 'CLASS1' } });
      };
      await s.write([inClass('ONE001', T0 + 1), create(row('OUT001', { created: T0 + 2 })), inClass('TWO001', T0 + 3)]);
      expect((await s.listRows({ classCode: 'CLASS1' })).map((r) => r.id)).toEqual(['TWO001', 'ONE001']);
      expect(await s.listRows({ classCode: 'NOPE00' })).toEqual([]);
    });

    test('diagnostics name the store and its schema version', async () => {
      const d = await (await fresh()).diagnostics();
      expect(name.startsWith(d.kind)).toBe(true);
      expect(d.schemaVersion).toBeGreaterThanOrEqual(1);
    });

    concurrencyTests(opener);
  });
}
