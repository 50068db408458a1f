import type { NationId } from '../../shared/types.ts';
import { rolesFor, type Role } from '../../shared/protocol/teams.ts';
import { nicknameKey } from '../nicknames.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import type { StoredPlayer } from '../storage/index.ts';

// The people of a match: who they are (nickname, seat secret, browser), which nation each holds, and the
// decisions about them (who may join and as what: ./joinDecision.ts): who gets a nation back, who waits for
// the teacher, who is removed for good. A nation is held by a team of up to `teamSize` people, each with a place in the
// team (its `slot`) that gives their roles; a bot plays it while no member is here (all away beyond the
// reconnection window, or none).


/**
 * A person as the match holds them. What the public state shows of them (see server/state/people.ts) is
 * read only outside this file: only Seats changes it, and each change counts in `Seats.version`, so the
 * people are mirrored again only when something about them did change.
 */
export type Person = Omit<PersonState, ShownField> & Readonly<Pick<PersonState, ShownField>>;
type ShownField = 'nickname' | 'nation' | 'host' | 'ready' | 'connected' | 'away' | 'waiting' | 'slot' | 'kicked';

interface PersonState extends StoredPlayer {
  /** The nickname as compared (width, case and look-alikes folded). */
  key: string;
  sessionId: string | null;
  connected: boolean;
  /** Gone beyond the reconnection window (or left): a bot plays the nation until they are back. */
  away: boolean;
  ready: boolean;
  /** The plain seat secret, while this process knows it (it is stored only as a hash). */
  secret: string | null;
  /** Frees Colyseus' reconnection seat of a dropped connection when the person comes back another way. */
  cancelReconnection: (() => void) | null;
  /** The connection they had when removed (so its reconnection is told why it is refused). */
  lastSession?: string | null;
}

/** The writable person behind `p` (for Seats' own methods, which count each change). */
const own = (p: Person): PersonState => p as PersonState;


export class Seats {
  readonly people = new Map<string, Person>();
  /** Nations whose person was removed: never handed to a newcomer without the teacher. */
  readonly vacated = new Set<NationId>();
  /** The stored list is behind the people in memory. */
  dirty = false;
  /** The creator's connection has been bound as the host (a restored match: the host rejoins with the secret). */
  hostClaimed: boolean;
  readonly teamSize: number;
  #version = 0;

  /** Grows with every change to what the public state shows of the people. */
  get version(): number {
    return this.#version;
  }

  constructor(stored: readonly StoredPlayer[] = [], teamSize = 1) {
    this.hostClaimed = stored.length > 0;
    this.teamSize = teamSize;
    for (const p of stored) {
      this.people.set(p.id, { ...p, key: nicknameKey(p.nickname), sessionId: null, connected: false, away: false, ready: false, secret: null, cancelReconnection: null });
      if (p.kicked && p.nation) this.vacated.add(p.nation);
    }
  }

  /** A new person with a fresh secret (the host at creation, or a newcomer). */
  add(nickname: string, nation: NationId | null, host: boolean, device?: string, secret = newSecret()): Person {
    const p: PersonState = {
      id: `p${this.people.size + 1}`, nickname, key: nicknameKey(nickname), nation, host, secretHash: hashSecret(secret), kicked: false,
      sessionId: null, connected: false, away: false, ready: false, secret, cancelReconnection: null,
    };
    if (device) p.deviceHash = hashSecret(device);
    this.people.set(p.id, p);
    this.dirty = true;
    this.#version++;
    return p;
  }

  /** Bind a connection to a person. Returns the connection it replaces (another tab or device), if any. */
  attach(p: Person, sessionId: string): string | null {
    const previous = p.sessionId && p.sessionId !== sessionId ? p.sessionId : null;
    p.cancelReconnection?.();
    p.cancelReconnection = null;
    p.sessionId = sessionId;
    const w = own(p);
    w.connected = true;
    w.away = false;
    if (p.host) this.hostClaimed = true;
    this.dirty = true;
    this.#version++;
    return previous;
  }

  /** The connection dropped: the person keeps the nation through the reconnection window. */
  drop(p: Person): void {
    own(p).connected = false;
    this.#version++;
  }

  /** Gone for now (left, or the reconnection window passed): a bot plays the nation meanwhile. */
  away(p: Person): void {
    p.sessionId = null;
    const w = own(p);
    w.connected = false;
    w.away = true;
    w.ready = false;
    p.cancelReconnection = null;
    this.#version++;
  }

  /** Done (or not) with the lobby or the phase. */
  setReady(p: Person, ready: boolean): void {
    if (p.ready === ready) return;
    own(p).ready = ready;
    this.#version++;
  }

  /** A new phase: nobody is done with it yet. */
  unreadyAll(): void {
    for (const p of this.people.values()) this.setReady(p, false);
  }

  /** Waits for the teacher to let them in (a newcomer to a running match, or one whose nation went to another). */
  wait(p: Person): void {
    own(p).waiting = true;
    this.dirty = true;
    this.#version++;
  }

  /** Out of every team, before the teams are dealt again. */
  unseat(people: readonly Person[]): void {
    for (const p of people) {
      const w = own(p);
      w.nation = null;
      w.slot = undefined;
    }
    this.dirty = true;
    this.#version++;
  }

  /** Remove a person for good: their browser is refused from now on, their nation waits for the teacher. */
  kick(p: Person): string | null {
    const session = p.sessionId;
    p.lastSession = session;
    if (p.nation) this.vacated.add(p.nation);
    const w = own(p);
    w.kicked = true;
    w.waiting = false;
    w.nation = null;
    p.cancelReconnection?.();
    this.away(p);
    this.dirty = true;
    return session;
  }

  /**
   * Put `p` in `nation`'s team, at its last place; a full team gives up a member who is away. Their private
   * history starts now if the nation is new to them.
   */
  take(p: Person, nation: NationId, now: { turn: number; events: number }): void {
    if (p.nation === nation) return;
    const team = this.membersOf(nation);
    if (team.length >= this.teamSize) {
      const gone = team.find((m) => m.away);
      if (gone) {
        own(gone).nation = null;
        own(gone).ready = false;
      }
    }
    p.since = { ...now };
    const w = own(p);
    w.nation = nation;
    w.slot = Math.max(-1, ...this.membersOf(nation).filter((m) => m !== p).map((m) => m.slot ?? 0)) + 1;
    w.waiting = false;
    this.vacated.delete(nation);
    this.dirty = true;
    this.#version++;
  }

  /** A nation `p` may join: its team has room, or a member who is away gives up their place. */
  canTake(p: Person, nation: NationId): boolean {
    const team = this.membersOf(nation);
    return team.includes(p) || team.length < this.teamSize || team.some((m) => m.away);
  }

  /** Every nation's team members in their places (the head first), in one pass over the people. */
  teams(): Map<NationId, Person[]> {
    const out = new Map<NationId, Person[]>();
    for (const p of this.people.values()) {
      if (!p.nation || p.kicked) continue;
      const team = out.get(p.nation);
      if (team) team.push(p);
      else out.set(p.nation, [p]);
    }
    for (const team of out.values()) if (team.length > 1) team.sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
    return out;
  }

  /** The members of a nation's team, in their places (the head first). */
  membersOf(nation: NationId): Person[] {
    return this.teams().get(nation) ?? [];
  }

  /** A member's roles: by their place in a team of that size (smaller teams combine roles). `team`: theirs, if known. */
  rolesOf(p: Person, team = p.nation ? this.membersOf(p.nation) : []): Role[] {
    if (!p.nation) return [];
    return rolesFor(team.length, team.indexOf(p));
  }

  /** Give `p` the place (and so the roles) of the member who has `role` now; they swap places. */
  giveRole(p: Person, role: Role): void {
    if (!p.nation) return;
    const team = this.membersOf(p.nation);
    const other = team.find((m) => this.rolesOf(m).includes(role));
    if (!other || other === p) return;
    [own(p).slot, own(other).slot] = [other.slot ?? team.indexOf(other), p.slot ?? team.indexOf(p)];
    this.dirty = true;
    this.#version++;
  }

  get(id: string): Person | undefined {
    const p = this.people.get(id);
    return p && !p.kicked ? p : undefined;
  }

  host(): Person | undefined {
    for (const p of this.people.values()) if (p.host) return p;
    return undefined;
  }

  bySession(sessionId: string): Person | undefined {
    for (const p of this.people.values()) if (p.sessionId === sessionId && !p.kicked) return p;
    return undefined;
  }

  byKey(key: string): Person | undefined {
    for (const p of this.people.values()) if (p.key === key) return p;
    return undefined;
  }

  kickedDevice(deviceHash: string): boolean {
    for (const p of this.people.values()) if (p.kicked && p.deviceHash === deviceHash) return true;
    return false;
  }

  /** Bots play a nation with no member here: none, or all away beyond the reconnection window. `team`: its members, if known. */
  botPlays(nation: NationId, team = this.membersOf(nation)): boolean {
    return team.every((p) => p.away);
  }

  /** A nation for a newcomer in the lobby: the team with the fewest members and room left (no removed person's). */
  freeNation(nations: readonly NationId[]): NationId | null {
    let best: NationId | null = null;
    let fewest = this.teamSize;
    for (const id of nations) {
      const n = this.membersOf(id).length;
      if (n < fewest && !this.vacated.has(id)) {
        best = id;
        fewest = n;
      }
    }
    return best;
  }

  waiting(): Person[] {
    return [...this.people.values()].filter((p) => p.waiting && !p.kicked);
  }

  /** People holding a nation who are here now (for "everyone is done"). */
  active(): Person[] {
    return [...this.people.values()].filter((p) => p.nation && p.connected && !p.away && !p.kicked);
  }

  stored(): StoredPlayer[] {
    return [...this.people.values()].map((p) => {
      const s: StoredPlayer = { id: p.id, nickname: p.nickname, nation: p.nation, host: p.host, secretHash: p.secretHash, kicked: p.kicked };
      if (p.deviceHash) s.deviceHash = p.deviceHash;
      if (p.waiting) s.waiting = true;
      if (p.since) s.since = p.since;
      if (p.slot !== undefined) s.slot = p.slot;
      return s;
    });
  }

  values(): IterableIterator<Person> {
    return this.people.values();
  }
}
