import { describe, expect, test } from 'vitest';
import { simulate } from '../../../shared/bots/simulate.ts';
import { harness } from '../harness.ts';

// The live server and the headless simulator share one bot loop: an all-bot match on the server records
// exactly the actions `npm run simulate` records for the same scenario, seats, seed and turns.

// The last case's bots are slower than its phases: they must still get their turn before each phase ends.
const CASES = [
  { scenario: 'amber-sea', seats: 5, turns: 4, seed: 17, botDelayMs: 400 },
  { scenario: 'iron-strait', seats: 6, turns: 3, seed: 4, botDelayMs: 400 },
  { scenario: 'the-hinge', seats: 8, turns: 3, seed: 2024, botDelayMs: 400 },
  { scenario: 'lantern-archipelago', seats: 7, turns: 3, seed: 99, botDelayMs: 60_000 },
];

describe('a live all-bot match and simulate record the same actions', () => {
  for (const c of CASES) {
    test(`${c.scenario}, ${c.seats} seats, ${c.turns} turns, seed ${c.seed}, bots answer after ${c.botDelayMs} ms`, async () => {
      const h = await harness({ scenario: c.scenario, seats: c.seats, turns: c.turns, seed: c.seed, hostPlays: false }, { botDelayMs: c.botDelayMs });
      try {
        const host = h.match.join('host-1', {}, true);
        expect(host.ok).toBe(true);
        h.match.message('host-1', 'start', {});
        await h.settle();
        await h.runUntil(() => h.match.session.status === 'finished');
        expect(h.match.session.status).toBe('finished');
        const sim = simulate({ scenario: c.scenario, seed: c.seed, turns: c.turns, players: h.match.session.row.seats, interests: h.match.session.row.settings.interests });
        // What is on disk is what was played, and what simulate records.
        const played = await h.storage.actions(h.match.code);
        expect(played.length).toBeGreaterThan(c.turns * 5);
        expect(h.match.session.logged).toBe(played.length);
        expect(played).toEqual(sim.file.actions);
      } finally {
        await h.close();
      }
    });
  }
});
