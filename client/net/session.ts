// What a browser keeps to come back to its seat after a reload: the room code, the SDK's reconnection
// token (a short grace window on the server), the seat secret (survives a server restart) and the
// nickname. sessionStorage holds the live token per tab; localStorage keeps the secret per room code.

export interface SavedSession {
  code: string;
  token: string | null;
  nickname: string;
  host: boolean;
}

const KEY = 'entente.session';
const SECRET = (code: string) => `entente.secret.${code}`;

function safe<T>(f: () => T, d: T): T {
  try { return f(); } catch { return d; }
}

export function saveSession(s: SavedSession): void {
  safe(() => sessionStorage.setItem(KEY, JSON.stringify(s)), undefined);
}

export function loadSession(): SavedSession | null {
  return safe(() => {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedSession>;
    if (typeof v.code !== 'string' || !v.code) return null;
    return { code: v.code, token: typeof v.token === 'string' ? v.token : null, nickname: String(v.nickname ?? ''), host: !!v.host };
  }, null);
}

export function clearSession(): void {
  safe(() => sessionStorage.removeItem(KEY), undefined);
}

export function saveSecret(code: string, secret: string): void {
  safe(() => localStorage.setItem(SECRET(code), secret), undefined);
}

export function loadSecret(code: string): string | undefined {
  return safe(() => localStorage.getItem(SECRET(code)) ?? undefined, undefined);
}

const DEVICE = 'entente.device';

/**
 * This browser's id, the same for every match (sent on every join and create): a browser the host removed
 * cannot come back into that match under another nickname. Random, not a fingerprint.
 */
export function deviceId(): string {
  return safe(() => {
    let id = localStorage.getItem(DEVICE);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(DEVICE, id);
    }
    return id;
  }, 'no-storage');
}

/** Every (code, secret) this browser keeps: the matches it hosted among them (the server decides which). */
export function allSecrets(): { id: string; secret: string }[] {
  return safe(() => {
    const out: { id: string; secret: string }[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const secret = key?.startsWith('entente.secret.') ? localStorage.getItem(key) : null;
      if (key && secret) out.push({ id: key.slice('entente.secret.'.length), secret });
    }
    return out;
  }, []);
}
