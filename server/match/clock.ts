import type { StoredClock } from '../storage/index.ts';

// The phase clock: its state is part of the stored match (deadline, pause, the teacher's switches) and
// changes only through the pure functions below; PhaseClock arms one timer on the room's own clock for
// the deadline. Arming is idempotent: `arm` after any change puts the timer where the state says.

export interface Timers {
  setTimeout(fn: () => void, ms: number): { clear(): void };
}

/** Floor of a phase in ms, so a shortened phase still lets the last click land. */
const MIN_MS = 1000;

export const newClock = (): StoredClock => ({ deadline: 0, paused: false, remaining: 0, chatFrozen: false, locked: false });

/** A new phase of `ms` begins (counted down only while not paused). */
export function startPhase(c: StoredClock, ms: number, now: number): StoredClock {
  return c.paused ? { ...c, deadline: 0, remaining: ms } : { ...c, deadline: now + ms, remaining: 0 };
}

export function pause(c: StoredClock, now: number): StoredClock {
  return c.paused ? c : { ...c, paused: true, remaining: Math.max(0, c.deadline - now), deadline: 0 };
}

export function resume(c: StoredClock, now: number): StoredClock {
  return c.paused ? { ...c, paused: false, deadline: now + Math.max(MIN_MS, c.remaining), remaining: 0 } : c;
}

export function extend(c: StoredClock, ms: number, now: number): StoredClock {
  return c.paused ? { ...c, remaining: Math.max(MIN_MS, c.remaining + ms) } : { ...c, deadline: Math.max(now + MIN_MS, c.deadline + ms) };
}

/** The match is over: no deadline. */
export const stopped = (c: StoredClock): StoredClock => ({ ...c, deadline: 0, paused: false, remaining: 0 });

/** After a restart the phase gets at least `graceMs` more, so people have time to come back. */
export function recovered(c: StoredClock, now: number, graceMs: number): StoredClock {
  return c.paused || !c.deadline ? c : { ...c, deadline: Math.max(c.deadline, now + graceMs) };
}

export class PhaseClock {
  readonly #timers: Timers;
  readonly #now: () => number;
  readonly #onDeadline: () => void;
  #timer: { clear(): void } | null = null;
  #armedFor = 0;

  constructor(timers: Timers, now: () => number, onDeadline: () => void) {
    this.#timers = timers;
    this.#now = now;
    this.#onDeadline = onDeadline;
  }

  /** Put the deadline timer where the state says (none when not ticking). */
  arm(c: StoredClock, ticking: boolean): void {
    const deadline = ticking && !c.paused ? c.deadline : 0;
    if (deadline === this.#armedFor && (this.#timer || !deadline)) return;
    this.clear();
    if (!deadline) return;
    this.#armedFor = deadline;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = null;
      this.#armedFor = 0;
      this.#onDeadline();
    }, Math.max(0, deadline - this.#now()));
  }

  clear(): void {
    this.#timer?.clear();
    this.#timer = null;
    this.#armedFor = 0;
  }
}
