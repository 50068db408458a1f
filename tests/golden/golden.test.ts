import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMatchFile, writeMatchFile } from '../../shared/matchFile.ts';
import { replay } from '../../shared/rules/replay.ts';
import { stateHash } from '../../shared/rules/hash.ts';
import { simulate } from '../../shared/bots/simulate.ts';
import type { Expected } from './regenerate.ts';
import { GOLDEN, playersFor } from './matches.ts';

// Golden replays: stored match files must replay to their stored final hashes. If a rules change is
// intended, regenerate with `npx node tests/golden/regenerate.ts` and commit the new files and hashes.

const dir = fileURLToPath(new URL('./', import.meta.url));
const expected = JSON.parse(readFileSync(dir + 'expected.json', 'utf8')) as Record<string, Expected>;
const HINT = 'if the rules changed on purpose, run `npx node tests/golden/regenerate.ts` and commit the result';

describe('golden replays', () => {
  it('has at least three stored matches, with 3, 6 and 8 seats among them', () => {
    const names = Object.keys(expected);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.sort()).toEqual(GOLDEN.map((g) => g.file).sort());
    const seats = new Set(Object.values(expected).map((e) => e.seats));
    for (const n of [3, 6, 8]) expect(seats.has(n)).toBe(true);
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`${name} replays to its stored final hash`, () => {
      const parsed = parseMatchFile(readFileSync(dir + name, 'utf8'));
      if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
      expect(parsed.file.players).toHaveLength(want.seats);
      expect(parsed.file.actions).toHaveLength(want.actions);
      const r = replay(parsed.file);
      if (!r.ok) throw new Error(`${name}: action ${r.index} (${r.action?.type}) no longer replays: ${r.error.code} (${HINT})`);
      expect(r.final.over).toBe(want.over);
      expect(r.final.turn).toBe(want.turn);
      expect(stateHash(r.final), HINT).toBe(want.hash);
      // The same file replayed twice gives the same state: the hash depends on nothing outside the file.
      const again = replay(parsed.file);
      expect(again.ok && stateHash(again.final)).toBe(want.hash);
    });
  }

  it('replay frames mark every phase boundary, ending at the final state', () => {
    const name = GOLDEN[0]!.file;
    const parsed = parseMatchFile(readFileSync(dir + name, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const r = replay(parsed.file);
    if (!r.ok) throw new Error(r.error.message);
    const boundaries = parsed.file.actions.filter((a) => a.type === 'advance' || a.type === 'end').length;
    expect(r.frames).toHaveLength(boundaries + 1);
    expect(stateHash(r.frames.at(-1)!.state)).toBe(stateHash(r.final));
    // A prefix of the log replays to the frame at that point.
    const mid = r.frames[Math.floor(r.frames.length / 2)]!;
    const prefix = replay(parsed.file, { limit: mid.index });
    expect(prefix.ok && stateHash(prefix.final)).toBe(stateHash(mid.state));
  });
});

describe('simulate → match file → replay', () => {
  const cases = [
    { scenario: 'amber-sea', seats: 4, turns: 6, seed: 101 },
    { scenario: 'amber-sea', seats: 7, turns: 9, seed: 202 },
    { scenario: 'iron-strait', seats: 5, turns: 8, seed: 303 },
  ];
  for (const c of cases) {
    it(`${c.scenario}, ${c.seats} seats, seed ${c.seed}: the written file replays to the simulated final hash`, () => {
      const { file, state } = simulate({ scenario: c.scenario, seed: c.seed, turns: c.turns, players: playersFor(c.scenario, c.seats, c.seed) });
      expect(state.over).toBe(true);
      const parsed = parseMatchFile(writeMatchFile(file));
      if (!parsed.ok) throw new Error(parsed.message);
      const r = replay(parsed.file);
      if (!r.ok) throw new Error(`action ${r.index} refused: ${r.error.message}`);
      expect(stateHash(r.final)).toBe(stateHash(state));
      // simulate is pure: the same inputs give the same file.
      const twice = simulate({ scenario: c.scenario, seed: c.seed, turns: c.turns, players: playersFor(c.scenario, c.seats, c.seed) });
      expect(writeMatchFile(twice.file)).toBe(writeMatchFile(file));
    });
  }

  it('a tampered file does not reproduce the hash', () => {
    const { file, state } = simulate({ scenario: 'amber-sea', seed: 5, turns: 4, players: playersFor('amber-sea', 4, 5) });
    const i = file.actions.findIndex((a) => a.type === 'policy');
    expect(i).toBeGreaterThanOrEqual(0);
    const tampered = { ...file, actions: file.actions.map((a, j) => (j === i && a.type === 'policy' ? { ...a, defence: (a.defence + 37) % 101 } : a)) };
    const r = replay(tampered);
    expect(r.ok).toBe(true);
    if (r.ok) expect(stateHash(r.final)).not.toBe(stateHash(state));
    const other = replay({ ...file, seed: file.seed + 1 });
    expect(other.ok && stateHash(other.final)).not.toBe(stateHash(state));
  });
});
