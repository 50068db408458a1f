import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { defaultPlayers, setup } from '../../../shared/rules/index.ts';
import { getScenario } from '../../../shared/scenarios/index.ts';
import { interestsFor } from '../../../shared/scenarios/interests.ts';
import { ROLES } from '../../../shared/protocol/teams.ts';
import { Seats, type Person } from '../../../server/match/seats.ts';
import { mirrorGame } from '../../../server/state/mirror.ts';
import { PeopleMirror } from '../../../server/state/people.ts';
import { MatchState } from '../../../server/state/MatchState.ts';

// The people mirror looks at nobody while the seats' version stands. That is safe only if every change to
// what the public state shows of a person moves the version: after each of a random run of seat changes,
// the state kept in place equals a fresh mirror of the same seats.

const sc = getScenario('amber-sea')!;
const nations = defaultPlayers(sc, 6).map((p) => p.nation);
const game = setup(sc, { seats: 6, turns: 5, seed: 3, interests: interestsFor(sc.id, nations) });
const now = { turn: 1, events: 0 };

function publicPeople(seats: Seats, mirror = new PeopleMirror(), st = stateWithNations()): unknown {
  mirror.mirror(st, seats);
  return { players: st.players.toJSON(), nations: st.nations.toJSON() };
}

function stateWithNations(): MatchState {
  const st = new MatchState();
  mirrorGame(st, game, sc);
  return st;
}

type Step = [op: number, who: number, arg: number];

function run(seats: Seats, [op, who, arg]: Step): void {
  const people = [...seats.values()];
  const p: Person | undefined = people[who % Math.max(1, people.length)];
  const nation = nations[arg % nations.length]!;
  switch (op) {
    case 0: return void seats.add(`Student ${people.length}`, null, false);
    case 1: return void (p && seats.attach(p, `s${who}-${arg}`));
    case 2: return void (p && seats.drop(p));
    case 3: return void (p && seats.away(p));
    case 4: return void (p && seats.setReady(p, arg % 2 === 0));
    case 5: return void (p && !p.kicked && seats.canTake(p, nation) && seats.take(p, nation, now));
    case 6: return void (p && seats.giveRole(p, ROLES[arg % ROLES.length]!));
    case 7: return void (p && !p.host && seats.kick(p));
    case 8: return void (p && seats.wait(p));
    case 9: return void seats.unseat(people.filter((_, i) => i % 2 === arg % 2));
    default: return seats.unreadyAll();
  }
}

describe('the people mirror', () => {
  test('kept in place through any run of seat changes, equal to a fresh mirror after each', () => {
    fc.assert(fc.property(fc.constantFrom(1, 2, 3), fc.array(fc.tuple(fc.nat(10), fc.nat(12), fc.nat(12)), { minLength: 1, maxLength: 40 }), (teamSize, steps) => {
      const seats = new Seats([], teamSize);
      seats.add('Teacher', null, true);
      const mirror = new PeopleMirror();
      const kept = stateWithNations();
      publicPeople(seats, mirror, kept);
      for (const step of steps) {
        run(seats, step);
        expect(publicPeople(seats, mirror, kept), `after ${JSON.stringify(step)}`).toEqual(publicPeople(seats));
      }
    }), { numRuns: 200 });
  });

  test('an unchanged seating is not looked at again; a change is', () => {
    const seats = new Seats([], 1);
    const p = seats.add('Ana', null, false);
    seats.take(p, nations[0]!, now);
    const st = stateWithNations();
    const mirror = new PeopleMirror();
    expect(mirror.mirror(st, seats)).toBe(true);
    expect(mirror.mirror(st, seats)).toBe(false);
    seats.attach(p, 'ana-1');
    expect(mirror.mirror(st, seats)).toBe(true);
    expect(st.players.get(p.id)?.connected).toBe(true);
  });
});
