import { describe, expect, test } from 'vitest';
import { simulate } from '../../../shared/bots/simulate.ts';
import { buildHistory, compareMatches, peopleCsv, type History } from '../../../shared/history/index.ts';
import { defaultPlayers } from '../../../shared/rules/index.ts';
import { getScenario } from '../../../shared/scenarios/index.ts';
import type { MatchFile, Player } from '../../../shared/types.ts';
import { parseCsv } from '../../csv.ts';

// The class debrief: matches from the same start compared side by side, and the people sheet.

const history = (file: MatchFile): History => {
  const h = buildHistory(file);
  if (!h.ok) throw new Error('does not replay');
  return h.history;
};

describe('same start, different outcomes', () => {
  test('two classes of one scenario and seed, played differently, compare with their differences as questions', () => {
    const sc = getScenario('amber-sea')!;
    const base = defaultPlayers(sc, 5);
    const play = (strategy: Player['strategy']) => simulate({ scenario: 'amber-sea', seed: 31, turns: 8, players: base.map((p) => ({ ...p, strategy })) }).file;
    const [one, two] = [play('alliances'), play('partnerships')];
    const c = compareMatches([{ id: 'AAAAAA', history: history(one) }, { id: 'BBBBBB', history: history(two) }]);
    expect(c.sameStart).toBe(true);
    expect(c.nations.map((n) => n.id)).toEqual(base.map((p) => p.nation));
    const [a, b] = c.matches;
    expect(a!.alliances).toBeGreaterThan(b!.alliances);
    expect(b!.partnerships).toBeGreaterThan(a!.partnerships);
    expect(Object.keys(a!.scores).sort()).toEqual(base.map((p) => p.nation).sort());
    expect(c.questions.length).toBeGreaterThanOrEqual(2);
    expect(c.questions[0]).toMatch(/^Match AAAAAA signed \d+ alliances?, match BBBBBB signed|^Match AAAAAA signed/);
    for (const q of c.questions) expect(q[0]).toBe(q[0]!.toUpperCase());
    // A different seed is a different start.
    const other = simulate({ scenario: 'amber-sea', seed: 32, turns: 8, players: base }).file;
    expect(compareMatches([{ id: 'A', history: history(one) }, { id: 'C', history: history(other) }]).sameStart).toBe(false);
  });

  test('the people sheet counts what each student drafted and signed, with their journal lines', () => {
    const sc = getScenario('amber-sea')!;
    const file = simulate({ scenario: 'amber-sea', seed: 5, turns: 2, players: defaultPlayers(sc, 4) }).file;
    const nation = file.players[0]!.nation;
    // Sign the first two actions of the first nation as a team of two would.
    let n = 0;
    const actions = file.actions.map((a) => ('by' in a && a.by === nation && n++ < 2 ? { ...a, note: `why ${n}`, signed: { drafter: 'p2', signer: 'p3' } } : a));
    const people = [{ id: 'p2', nickname: 'Ana', nation, roles: ['foreign', 'trade'] }, { id: 'p3', nickname: 'Ben', nation, roles: ['head', 'defence'] }];
    const rows = parseCsv(peopleCsv(history({ ...file, actions, people })));
    expect(rows[0]).toEqual(['nickname', 'nation', 'roles', 'drafted', 'signed', 'journal']);
    expect(rows[1]).toEqual(['Ana', sc.nations[0]!.name, 'foreign + trade', '2', '0', 'Year 1: why 1 | Year 1: why 2']);
    expect(rows[2]).toEqual(['Ben', sc.nations[0]!.name, 'head + defence', '0', '2', '']);
  });
});
