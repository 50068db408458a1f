import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NationId } from '../../shared/types.ts';
import type { StoredPlayer } from '../storage/index.ts';

// The people of a match and the nations they hold. A seat is held by at most one player; a bot plays it
// when no one holds it or its player is away beyond the reconnection window. Seat secrets are stored only
// as hashes; the plain secret is known while this process has seen it.

export interface PlayerRec extends StoredPlayer {
  sessionId: string | null;
  connected: boolean;
  /** Gone beyond the reconnection window (or left): a bot plays the seat until the player is back. */
  away: boolean;
  ready: boolean;
  secret: string | null;
}

export const newSecret = (): string => randomBytes(18).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function secretMatches(hash: string, secret: string): boolean {
  const a = Buffer.from(hash, 'hex');
  const b = Buffer.from(hashSecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export class Seats {
  readonly players = new Map<string, PlayerRec>();

  /** Add a player with a fresh secret. */
  add(nickname: string, nation: NationId | null, host: boolean): PlayerRec {
    const secret = newSecret();
    const p: PlayerRec = {
      id: `p${this.players.size + 1}`, nickname, nation, host, secretHash: hashSecret(secret), kicked: false,
      sessionId: null, connected: false, away: false, ready: false, secret,
    };
    this.players.set(p.id, p);
    return p;
  }

  /** Bring back players from storage after a restart: all disconnected, secrets unknown until presented. */
  restore(stored: readonly StoredPlayer[]): void {
    for (const p of stored) this.players.set(p.id, { ...p, sessionId: null, connected: false, away: false, ready: false, secret: null });
  }

  stored(): StoredPlayer[] {
    return [...this.players.values()].map((p) => ({ id: p.id, nickname: p.nickname, nation: p.nation, host: p.host, secretHash: p.secretHash, kicked: p.kicked }));
  }

  get(id: string): PlayerRec | undefined {
    return this.players.get(id);
  }

  host(): PlayerRec | undefined {
    for (const p of this.players.values()) if (p.host) return p;
    return undefined;
  }

  bySession(sessionId: string): PlayerRec | undefined {
    for (const p of this.players.values()) if (p.sessionId === sessionId && !p.kicked) return p;
    return undefined;
  }

  byNickname(nickname: string): PlayerRec | undefined {
    const key = nickname.toLocaleLowerCase();
    for (const p of this.players.values()) if (p.nickname.toLocaleLowerCase() === key) return p;
    return undefined;
  }

  holderOf(nation: NationId): PlayerRec | undefined {
    for (const p of this.players.values()) if (p.nation === nation && !p.kicked) return p;
    return undefined;
  }

  /** Bots play a seat no one holds, or whose player is away beyond the reconnection window. */
  botPlays(nation: NationId): boolean {
    const h = this.holderOf(nation);
    return !h || h.away;
  }

  /** A seat for a newcomer: one no one holds, else (once running) one whose player is away. */
  freeSeat(nations: readonly NationId[], running: boolean): NationId | null {
    const empty = nations.find((id) => !this.holderOf(id));
    if (empty) return empty;
    if (running) return nations.find((id) => this.holderOf(id)?.away) ?? null;
    return null;
  }

  /** Give `nation` to `p`; whoever held it (away) loses it. */
  take(p: PlayerRec, nation: NationId): void {
    const h = this.holderOf(nation);
    if (h && h !== p) h.nation = null;
    p.nation = nation;
  }

  /** Players holding a nation who are here now (for "everyone is ready"). */
  active(): PlayerRec[] {
    return [...this.players.values()].filter((p) => p.nation && p.connected && !p.away && !p.kicked);
  }

  values(): IterableIterator<PlayerRec> {
    return this.players.values();
  }
}
