import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sameValue } from '../../../server/match/viewChanges.ts';

// A part of a private view is resent only when `sameValue` finds it changed: it must find equal exactly what
// reaches the browser alike (JSON, whatever the order of keys), or a change would be lost.

/** JSON with every object's keys in order: equal strings for values the browser cannot tell apart. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
    const o = x as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

const leaf = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', ''), fc.boolean(), fc.constant(null));
// Undefined only as an object's value: in an array JSON makes it null, which sameValue tells apart (a resend, never a loss).
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('x', 'y', 'z'), fc.option(tie('v'), { nil: undefined }), { maxKeys: 3 })),
})).v;

describe('sameValue', () => {
  test('equal exactly when the JSON is, up to the order of keys', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(sameValue(a, b)).toBe(canonical(a) === canonical(b));
    }), { numRuns: 3000 });
  });

  test('a copy is the same; a change anywhere inside is not', () => {
    fc.assert(fc.property(value, (a) => {
      expect(sameValue(a, structuredClone(a))).toBe(true);
      expect(sameValue({ deep: [a, { n: 1 }] }, { deep: [a, { n: 2 }] })).toBe(false);
    }));
  });

  test('a key left undefined counts as absent, as it does in JSON', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
