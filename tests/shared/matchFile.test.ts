import { describe, expect, it } from 'vitest';
import { parseMatchFile, writeMatchFile } from '../../shared/matchFile.ts';
import { RULES_VERSION } from '../../shared/types.ts';
import { simulate } from '../../shared/bots/simulate.ts';
import { playersFor } from '../golden/matches.ts';

// The match file format: write and parse side by side, with errors as values and a sentence naming the fault.

describe('match files', () => {
  const { file } = simulate({ scenario: 'amber-sea', seed: 12, turns: 3, players: playersFor('amber-sea', 4, 12) });

  it('round-trips: parse(write(file)) gives the same file', () => {
    const parsed = parseMatchFile(writeMatchFile(file));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file).toEqual(file);
  });

  it('refuses what is not a match file, with a sentence and without throwing', () => {
    const cases: unknown[] = [
      '{ not json',
      JSON.stringify({ ...file, rulesVersion: RULES_VERSION + 1 }),
      { ...file, scenario: 'atlantis' },
      { ...file, seed: -1 },
      { ...file, players: [...file.players].reverse() },
      { ...file, actions: [{ type: 'fly' }] },
      { ...file, extra: true },
      null,
      42,
    ];
    for (const c of cases) {
      const r = parseMatchFile(c);
      expect(r.ok, JSON.stringify(c)?.slice(0, 60)).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
