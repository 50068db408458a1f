import type { GameState } from '../types.ts';

// One fingerprint of a state: canonical JSON (keys sorted) hashed with two independent FNV-1a streams into
// 16 hex digits. Stats are integers (or tenths), so the same state hashes the same on every machine.

/** Object keys as JSON strings: a state has few distinct keys and many objects. */
const keyJson = new Map<string, string>();
const quoted = (k: string): string => {
  let q = keyJson.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (keyJson.size < 10_000) keyJson.set(k, q);
  }
  return q;
};

function canonical(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || typeof value !== 'object') return value === undefined ? 'null' : JSON.stringify(value);
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) s += ',';
      s += canonical(value[i]);
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    s += `${first ? '' : ','}${quoted(k)}:${canonical(v)}`;
    first = false;
  }
  return `${s}}`;
}

/** JSON with every object's keys sorted and undefined members left out. */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

export function stateHash(state: GameState): string {
  const text = canonicalJson(state);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
