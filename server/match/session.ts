import type { Action, GameState, RuleError } from '../../shared/types.ts';
import { apply } from '../../shared/rules/index.ts';
import type { Journal } from '../storage/journal.ts';
import type { MatchRow, MatchStatus, StoredChatLine, StoredClock, StoredPlayer, WriteOp } from '../storage/index.ts';

// One match's durable record: its row, the rules state and the length of its action log. `record(action)` applies the
// action through the rules and queues its append; `commit()` writes everything queued in one batch and
// resolves once it is durable, with the snapshot that may now be shown. Nothing is shown before it is on
// disk; if a write fails, the match goes back to what is on disk. The session is the only writer of the
// match's status and its stored clock.

/** With several processes: every batch of a match renews this process's lease of it, or fails. */
export interface LeaseTerms {
  owner: string;
  ttlMs: number;
}

export interface Snapshot {
  game: GameState;
  row: MatchRow;
  actions: number;
  chat: number;
}

export class Session {
  readonly code: string;
  #row: MatchRow;
  #game: GameState;
  /**
   * How many actions the log holds. The actions themselves are on disk only: the rules state is what the
   * match plays on, and holding every action of a long match in memory, in each of hundreds of matches,
   * made a server's memory grow all lesson long.
   */
  #logged: number;
  /** Chat lines kept in memory (the most recent; all are on disk). */
  readonly chat: StoredChatLine[];
  #journal: Journal;
  #ops: WriteOp[] = [];
  #patch: Partial<Pick<MatchRow, 'players' | 'status' | 'clock' | 'finished'>> = {};
  #durable: Snapshot;
  #now: () => number;

  readonly #lease: LeaseTerms | undefined;

  /** `fresh`: a new match, whose row is written by the first commit, with whatever is recorded before it. */
  constructor(journal: Journal, row: MatchRow, game: GameState, logged: number, chat: StoredChatLine[], now: () => number, fresh = false, lease?: LeaseTerms) {
    this.code = row.id;
    this.#lease = lease;
    if (fresh) this.#ops.push({ op: 'createMatch', row });
    this.#journal = journal;
    this.#row = row;
    this.#game = game;
    this.#logged = logged;
    this.chat = chat;
    this.#now = now;
    this.#durable = { game, row, actions: logged, chat: chat.length };
  }

  get row(): MatchRow {
    return this.#row;
  }

  get game(): GameState {
    return this.#game;
  }

  /** What is on disk (and so may be shown). */
  get durable(): Snapshot {
    return this.#durable;
  }

  get logged(): number {
    return this.#logged;
  }

  get status(): MatchStatus {
    return this.#row.status;
  }

  get clock(): StoredClock {
    return this.#row.clock;
  }

  /** Apply one action through the rules and queue it for the log. Nothing changes if the rules refuse. */
  record(action: Action): RuleError | null {
    const r = apply(this.#game, action);
    if (!r.ok) return r.error;
    this.#ops.push({ op: 'appendAction', match: this.code, index: this.#logged++, action, at: this.#now() });
    this.#game = r.state;
    return null;
  }

  /** Actions the rules already applied in order to the current state (the bots' loop), with the state they led to. */
  adopt(actions: readonly Action[], state: GameState): void {
    if (!actions.length) return;
    const at = this.#now();
    for (const action of actions) this.#ops.push({ op: 'appendAction', match: this.code, index: this.#logged++, action, at });
    this.#game = state;
  }

  addChat(line: StoredChatLine): void {
    this.#ops.push({ op: 'appendChat', match: this.code, line });
    this.chat.push(line);
  }

  setStatus(status: MatchStatus): void {
    if (status === this.#row.status) return;
    const finished = status === 'finished' ? this.#now() : this.#row.finished;
    this.#row = { ...this.#row, status, finished };
    Object.assign(this.#patch, { status, finished });
  }

  setClock(clock: StoredClock): void {
    if (clock === this.#row.clock) return;
    this.#row = { ...this.#row, clock };
    this.#patch.clock = clock;
  }

  setPlayers(players: StoredPlayer[]): void {
    this.#row = { ...this.#row, players };
    this.#patch.players = players;
  }

  /** Write what was queued (one batch); resolves with the snapshot now on disk. Rejects after rolling back. */
  async commit(): Promise<Snapshot> {
    const ops = this.#ops.splice(0);
    if (Object.keys(this.#patch).length) ops.push({ op: 'updateMatch', match: this.code, patch: this.#patch, at: this.#now() });
    this.#patch = {};
    // The lease is checked in the same transaction as the writes: a process that lost it writes nothing.
    if (ops.length && this.#lease) ops.splice(ops[0]?.op === 'createMatch' ? 1 : 0, 0, this.leaseOp());
    const snap: Snapshot = { game: this.#game, row: this.#row, actions: this.#logged, chat: this.chat.length };
    if (!ops.length) return this.#durable;
    try {
      await this.#journal.write(ops);
    } catch (e) {
      // Back to what is on disk; writes queued meanwhile were built on what failed, so they go too.
      const d = this.#durable;
      this.#game = d.game;
      this.#row = d.row;
      this.#logged = d.actions;
      this.chat.length = d.chat;
      this.#ops = [];
      this.#patch = {};
      throw e;
    }
    this.#durable = snap;
    return snap;
  }

  /** The write that takes or renews this process's lease of the match. */
  leaseOp(): WriteOp {
    const now = this.#now();
    return { op: 'lease', match: this.code, owner: this.#lease!.owner, now, until: now + this.#lease!.ttlMs };
  }

  get leased(): boolean {
    return !!this.#lease;
  }

  /** Keep only the most recent chat lines in memory (older ones stay on disk). */
  trimChat(keep: number): void {
    const extra = this.chat.length - keep;
    if (extra <= 0 || this.#ops.some((o) => o.op === 'appendChat')) return;
    this.chat.splice(0, extra);
    this.#durable = { ...this.#durable, chat: this.chat.length };
  }
}
