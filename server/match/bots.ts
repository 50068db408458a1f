import type { Action, GameState, Player } from '../../shared/types.ts';
import { botRounds, botsAct, fillSealedChoices } from '../../shared/bots/play.ts';
import type { Timers } from './clock.ts';
import type { Seats } from './seats.ts';

// Bots play every nation no one holds and every nation whose person is away, through the shared bot loop
// (shared/bots/play.ts). They answer a short while after each change; they never act twice on the same
// state, and before a phase ends they get their turn if they have not had it, so a live all-bot match
// records exactly what `npm run simulate` records for the same scenario, seats, seed and turns.

export class Bots {
  readonly #timers: Timers;
  readonly #delayMs: number;
  readonly #onDue: () => void;
  #timer: { clear(): void } | null = null;
  /** The state the bots last played on. */
  #actedOn: GameState | null = null;

  constructor(timers: Timers, delayMs: number, onDue: () => void) {
    this.#timers = timers;
    this.#delayMs = delayMs;
    this.#onDue = onDue;
  }

  /**
   * Something may be waiting for the bots in `game`: have them look after the delay (idempotent). Not when
   * people hold every nation: a class without bots would otherwise wake them after every action, for nothing.
   */
  schedule(game: GameState, live: boolean, seatsOf: readonly Player[], seats: Seats): void {
    if (!live || botRounds(game) === 0 || game === this.#actedOn || !botsPlayAny(seatsOf, seats)) return this.clear();
    if (this.#timer) return;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = null;
      this.#onDue();
    }, this.#delayMs);
  }

  /** The bots' moves on `game` for the nations they play now (empty if they already played on it). */
  play(game: GameState, seatsOf: readonly Player[], seats: Seats): { state: GameState; actions: Action[] } {
    if (game === this.#actedOn) return { state: game, actions: [] };
    const botSeats = seatsOf.filter((s) => seats.botPlays(s.nation));
    const r = botsAct(game, botSeats);
    this.#actedOn = r.state;
    return r;
  }

  /** At a sealed phase's end: the choices people did not make, made by their seat's bot policy. */
  fill(game: GameState, seatsOf: readonly Player[], seats: Seats): Action[] {
    const people = seatsOf.map((s) => s.nation).filter((n) => !seats.botPlays(n));
    return fillSealedChoices(game, seatsOf, people);
  }

  clear(): void {
    this.#timer?.clear();
    this.#timer = null;
  }
}

function botsPlayAny(seatsOf: readonly Player[], seats: Seats): boolean {
  const teams = seats.teams();
  return seatsOf.some((s) => seats.botPlays(s.nation, teams.get(s.nation) ?? []));
}
