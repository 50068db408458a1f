import type { GameState } from '../types.ts';

// A small seeded PRNG (mulberry32) whose whole state is one uint32 kept inside the game state, so a replay
// of the same log draws the same numbers. Rules draw through `draw`, on a draft state they own.

export function seedToRng(seed: number): number {
  // Mix the seed so that nearby seeds start far apart.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Next value in [0, 1) and the next generator state. */
export function step(rng: number): [number, number] {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [value, next];
}

/** Draw a number in [0, 1) from the state's generator, advancing it (the state must be a draft). */
export function draw(s: GameState): number {
  const [value, next] = step(s.rng);
  s.rng = next;
  return value;
}

/** A deterministic value in [0, 1) derived from a key, without touching any state (used by bots). */
export function hashUnit(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    h ^= 0x2c;
    h = Math.imul(h, 16777619);
  }
  return step(h >>> 0)[0];
}
