import type { Timers } from '../match/clock.ts';

// A match's timers (its phase clock, its bots, the reconnection windows) on Node's own timers, all cleared
// when the room goes. The room clock of Colyseus ticks only with the room's patch interval: keeping the match
// off it lets that interval be slow (the match sends its patches itself, after each durable change), where
// 20 ticks a second in every room were a measurable share of a busy server's time.

export class RoomTimers implements Timers {
  readonly #live = new Set<ReturnType<typeof setTimeout>>();
  readonly #onError: (e: unknown) => void;

  constructor(onError: (e: unknown) => void) {
    this.#onError = onError;
  }

  setTimeout(fn: () => void, ms: number): { clear(): void } {
    const t = setTimeout(() => {
      this.#live.delete(t);
      try {
        fn();
      } catch (e) {
        this.#onError(e);
      }
    }, ms);
    this.#live.add(t);
    return {
      clear: () => {
        clearTimeout(t);
        this.#live.delete(t);
      },
    };
  }

  clearAll(): void {
    for (const t of this.#live) clearTimeout(t);
    this.#live.clear();
  }
}
