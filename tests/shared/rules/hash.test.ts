import { describe, expect, it } from 'vitest';
import { canonicalJson, hashText, stateHash } from '../../../shared/rules/hash.ts';
import { replay } from '../../../shared/rules/replay.ts';
import { simulate } from '../../../shared/bots/simulate.ts';
import { playersFor } from '../../golden/matches.ts';
import { newGame, ok } from '../helpers.ts';

// One fingerprint of a state: independent of key order, sensitive to any change of value.

describe('stateHash', () => {
  it('is 16 hex digits and the same for equal states built separately', () => {
    const a = newGame(5, 8, 77);
    const b = newGame(5, 8, 77);
    expect(stateHash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(stateHash(a)).toBe(stateHash(b));
  });

  it('does not depend on the order of keys', () => {
    const s = newGame(4);
    const reversed = Object.fromEntries(Object.entries(s).reverse()) as typeof s;
    expect(Object.keys(reversed)[0]).not.toBe(Object.keys(s)[0]);
    expect(stateHash(reversed)).toBe(stateHash(s));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }));
  });

  it('changes with any single value: a seed, a stat, a trust, the phase', () => {
    const s = newGame(4);
    const h = stateHash(s);
    expect(stateHash(newGame(4, 10, 2))).not.toBe(h);
    expect(stateHash({ ...s, nations: s.nations.map((n, i) => (i === 3 ? { ...n, reputation: n.reputation + 1 } : n)) })).not.toBe(h);
    expect(stateHash({ ...s, pairs: { ...s.pairs, 'kestria>valdor': { ...s.pairs['kestria>valdor']!, trust: s.pairs['kestria>valdor']!.trust + 1 } } })).not.toBe(h);
    expect(stateHash(ok(s, { type: 'advance' }))).not.toBe(h);
  });

  it('reuses the JSON of what states share, and is still the hash of the whole canonical JSON, frame after frame', () => {
    const { file } = simulate({ scenario: 'amber-sea', seed: 5, turns: 6, players: playersFor('amber-sea', 6, 5) });
    const r = replay(file);
    if (!r.ok) throw new Error(r.error.message);
    for (const f of r.frames) {
      const whole = hashText(canonicalJson(f.state));
      expect(stateHash(f.state)).toBe(whole);
      expect(stateHash(f.state)).toBe(whole);
    }
    // A state built with a changed copy of a shared part hashes differently; the original keeps its hash.
    const last = r.frames.at(-1)!.state;
    const news = last.news.map((n, i) => (i === 0 ? { ...n, lines: [...n.lines, 'one more line'] } : n));
    expect(stateHash({ ...last, news })).not.toBe(stateHash(last));
    expect(stateHash({ ...last, news })).toBe(hashText(canonicalJson({ ...last, news })));
  });
});
