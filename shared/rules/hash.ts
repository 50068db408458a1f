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
  return objectJson(value as Record<string, unknown>, canonical);
}

/** An object as canonical JSON, keys sorted, undefined members left out, each value written by `json`. */
function objectJson(obj: Record<string, unknown>, json: (v: unknown, k: string) => string): string {
  const keys = Object.keys(obj).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    s += `${first ? '' : ','}${quoted(k)}:${json(v, k)}`;
    first = false;
  }
  return `${s}}`;
}

/** JSON with every object's keys sorted and undefined members left out. */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

/**
 * The canonical JSON of the parts of a settled state that no later state changes: news items and events
 * (never changed once written), and relations and treaties (copied on first write, see state.ts), kept by
 * object. A match's states share most of them, and the news grows all match long.
 * tests/shared/rules/immutability.test.ts checks that apply() never changes a state it was given.
 */
const settledJson = new WeakMap<object, string>();
function settled(v: unknown): string {
  if (!v || typeof v !== 'object') return canonical(v);
  let s = settledJson.get(v);
  if (s === undefined) settledJson.set(v, (s = canonical(v)));
  return s;
}

const listOf = (items: readonly unknown[]): string => `[${items.map(settled).join(',')}]`;

const SHARED_LISTS = new Set(['news', 'events', 'treaties']);

/** canonicalJson(state), reusing the JSON of the parts states share. */
const canonicalState = (state: GameState): string => objectJson(state as unknown as Record<string, unknown>, (v, k) =>
  SHARED_LISTS.has(k) && Array.isArray(v) ? listOf(v)
    : k === 'pairs' && v && typeof v === 'object' ? objectJson(v as Record<string, unknown>, settled)
      : canonical(v));

/** The fingerprint of a text: two independent FNV-1a streams, 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprint of a settled state (one `apply` returned, or a replay's frame): that of its canonical JSON. */
export const stateHash = (state: GameState): string => hashText(canonicalState(state));
