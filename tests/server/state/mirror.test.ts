import { describe, expect, test } from 'vitest';
import { simulate } from '../../../shared/bots/simulate.ts';
import { apply, defaultPlayers } from '../../../shared/rules/index.ts';
import { initialState } from '../../../shared/rules/replay.ts';
import { getScenario, SCENARIOS } from '../../../shared/scenarios/index.ts';
import { mirrorGame } from '../../../server/state/mirror.ts';
import { MatchState } from '../../../server/state/MatchState.ts';

// The mirror updates the schema in place and skips what cannot have changed. Whatever it skips, the state
// it keeps after every action of whole matches equals a fresh mirror of that state.

describe('the schema mirror', () => {
  for (const sc of SCENARIOS) {
    test(`${sc.id}: kept in place through a whole match, equal to a fresh copy after every action`, () => {
      const players = defaultPlayers(getScenario(sc.id)!, Math.min(6, sc.maxSeats));
      const { file } = simulate({ scenario: sc.id, seed: 11, turns: 5, players });
      let state = initialState(file);
      const kept = new MatchState();
      mirrorGame(kept, state, sc);
      for (const action of file.actions) {
        const r = apply(state, action);
        if (!r.ok) throw new Error(r.error.message);
        state = r.state;
        mirrorGame(kept, state, sc);
        const fresh = new MatchState();
        mirrorGame(fresh, state, sc);
        expect(kept.toJSON()).toEqual(fresh.toJSON());
      }
      expect(state.over).toBe(true);
      expect(kept.scores.length).toBe(players.length);
    });
  }
});
