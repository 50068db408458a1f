import type { ClassCreated, ClassOptions } from '../../shared/protocol/messages.ts';
import { saveSecret } from './session.ts';
import { joinErrorText } from './errors.ts';

// A class: parallel matches of one scenario from the same start under one class code (PROTOCOL.md §1b).
// The teacher's browser keeps the class (its secret, the host name, the matches) in localStorage, so the
// dashboard comes back after a reload; the secret is also each match's host secret.

export interface SavedClass {
  code: string;
  secret: string;
  hostName: string;
  matches: string[];
}

const KEY = (code: string) => `entente.class.${code}`;

export function saveClass(c: SavedClass): void {
  try { localStorage.setItem(KEY(c.code), JSON.stringify(c)); } catch { /* private mode: the dashboard lasts as long as the page */ }
  for (const m of c.matches) saveSecret(m, c.secret);
}

export function loadClass(code: string): SavedClass | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY(code)) ?? 'null') as Partial<SavedClass> | null;
    if (!v || typeof v.secret !== 'string' || !Array.isArray(v.matches)) return null;
    return { code, secret: v.secret, hostName: String(v.hostName ?? 'Teacher'), matches: v.matches.filter((m): m is string => typeof m === 'string') };
  } catch {
    return null;
  }
}

function safeGet(key: string): string | null {
  try { return localStorage.getItem(key); } catch { return null; }
}

/** The match of a class this browser was seated in, if any. */
export const seatedIn = (classCode: string): string | null => safeGet(`entente.seated.${classCode}`);

async function body(res: Response): Promise<Record<string, unknown>> {
  try { return (await res.json()) as Record<string, unknown>; } catch { return {}; }
}

export async function createClass(options: ClassOptions): Promise<SavedClass> {
  const res = await fetch('/api/classes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
  const b = await body(res);
  if (res.status !== 201) throw new Error(typeof b.message === 'string' ? b.message : `The server answered ${res.status}.`);
  const made = b as unknown as ClassCreated;
  const saved = { code: made.code, secret: made.secret, hostName: options.hostName, matches: made.matches };
  saveClass(saved);
  return saved;
}

/**
 * The match a typed code leads to: a match's own code is that match; a class code, the match this browser
 * was seated in before, or the one with room the server picks. Null when the server cannot be reached
 * (the match join then says so); an Error with a sentence when the code is neither, the address has tried
 * too many wrong codes, or the class's matches are over.
 */
export async function seatInClass(code: string): Promise<string | null> {
  // A student coming back (a closed tab, another day's lesson) returns to the match they were seated in.
  const before = safeGet(`entente.seated.${code}`);
  if (before && safeGet(`entente.secret.${before}`)) return before;
  let res: Response;
  try {
    res = await fetch(`/api/classes/${encodeURIComponent(code)}/seat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  } catch {
    return null; // the match join will say the server cannot be reached
  }
  if (res.status === 404) throw new Error(joinErrorText({ code: 404 }));
  if (res.status === 429) throw new Error(joinErrorText({ code: 429 }));
  const b = await body(res);
  if (res.ok && typeof b.match === 'string') {
    if (b.match !== code) {
      try { localStorage.setItem(`entente.seated.${code}`, b.match); } catch { /* no storage: the class seats them afresh */ }
    }
    return b.match;
  }
  if (res.ok) return null;
  throw new Error(typeof b.message === 'string' ? b.message : 'That class cannot take anyone now.');
}
