import { ApiError } from '../archive/api.ts';

// The class API (PROTOCOL.md §1b): a class's matches, every one for its teacher (proven with the class
// secret), the finished ones for anyone.

export interface ClassMatch { id: string; status: 'lobby' | 'running' | 'finished'; people: number; finished: number | null }
export interface ClassInfo { code: string; scenario: string; teacher: boolean; total: number; matches: ClassMatch[] }

export async function fetchClass(code: string, secret?: string): Promise<ClassInfo> {
  const res = await fetch(`/api/classes/${encodeURIComponent(code)}`, secret ? { headers: { 'x-entente-secret': secret } } : {});
  const text = await res.text();
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { body = null; }
  if (!res.ok) throw new ApiError(res.status, (body as { message?: string } | null)?.message ?? `The server answered ${res.status}.`);
  return body as ClassInfo;
}

export const classJoinLink = (code: string): string => `${location.origin}/?class=${encodeURIComponent(code)}`;
