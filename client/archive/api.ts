import type { MatchFile } from '../../shared/types.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';
import type { ArchiveEntry } from '../../shared/protocol/archive.ts';

export type { ArchiveEntry } from '../../shared/protocol/archive.ts';
import { allSecrets, loadSecret, saveSecret } from '../net/session.ts';

// The archive's HTTP API (PROTOCOL.md §6) for the archive page and the replay viewer. A match's host
// proves who they are with the seat secret their browser kept (localStorage, per code), sent as the
// X-Entente-Secret header; an import answers a fresh host secret, kept the same way.

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const message = (body as { message?: string } | null)?.message ?? `The server answered ${res.status}.`;
    throw new ApiError(res.status, message);
  }
  return body as T;
}

export const matchUrl = (id: string): string => `/api/matches/${encodeURIComponent(id)}`;
export const replayUrl = (id: string): string => `/replay/${encodeURIComponent(id)}`;
export const fileName = (id: string): string => `entente-${id}.json`;

/**
 * The archive: finished matches (public), and first the matches this browser hosts that are still open
 * (the server lists a lobby or a running match only to its host, who proves it with the kept secret).
 */
export async function listMatches(scenario?: string): Promise<ArchiveEntry[]> {
  const q = scenario ? `?scenario=${encodeURIComponent(scenario)}` : '';
  const claims = allSecrets();
  const [open, finished] = await Promise.all([
    claims.length
      ? answer<{ matches: ArchiveEntry[] }>(await fetch('/api/matches/hosted', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ claims }) }))
      : { matches: [] },
    answer<{ matches: ArchiveEntry[] }>(await fetch(`/api/matches${q}`)),
  ]);
  return [...open.matches.filter((m) => !scenario || m.scenario === scenario), ...finished.matches];
}

export async function fetchMatchFile(id: string): Promise<MatchFile> {
  return answer<MatchFile>(await fetch(matchUrl(id)));
}

export async function fetchNegotiations(id: string): Promise<{ published: boolean; chat: ChatLine[] }> {
  return answer(await fetch(`${matchUrl(id)}/negotiations`));
}

/** Upload a match file (its text); the browser keeps the answer's host secret, so it can delete it later. */
export async function importMatch(text: string): Promise<string> {
  const r = await answer<{ id: string; secret: string }>(await fetch('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }));
  saveSecret(r.id, r.secret);
  return r.id;
}

/** This browser holds a seat secret for that match (maybe the host's: the server decides). */
export const holdsSecret = (id: string): boolean => !!loadSecret(id);

export async function deleteMatch(id: string): Promise<void> {
  const secret = loadSecret(id);
  await answer(await fetch(matchUrl(id), { method: 'DELETE', headers: secret ? { 'x-entente-secret': secret } : {} }));
}

/** Offer a match file as a download (from memory, so the viewer does not fetch it twice). */
export function downloadFile(file: MatchFile, id: string): void {
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(id);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
