import { describe, expect, test } from 'vitest';
import { simulate } from '../../../shared/bots/simulate.ts';
import { buildHistory, teamDecisions, teamRecords, type History } from '../../../shared/history/index.ts';
import { defaultPlayers } from '../../../shared/rules/index.ts';
import { getScenario } from '../../../shared/scenarios/index.ts';
import type { MatchFile } from '../../../shared/types.ts';

// How each team decided, read from the record: who drafted and who signed each action, each member's
// counts and journal lines (the notes of what they drafted).

const history = (file: MatchFile): History => {
  const h = buildHistory(file);
  if (!h.ok) throw new Error('does not replay');
  return h.history;
};

describe('team records', () => {
  const sc = getScenario('amber-sea')!;
  const file = simulate({ scenario: 'amber-sea', seed: 5, turns: 2, players: defaultPlayers(sc, 3) }).file;
  const nation = sc.nations[0]!.id;
  let n = 0;
  // The team's first three actions: two drafted by Ana and signed by Ben, the third by a team vote.
  const actions = file.actions.map((a) => {
    if (!('by' in a) || a.by !== nation || n >= 3) return a;
    n += 1;
    const { note: _bot, ...plain } = a;
    return n < 3 ? { ...a, note: `why ${n}`, signed: { drafter: 'p2', signer: 'p3' } } : { ...plain, signed: { drafter: 'p4', signer: 'p3', approvals: ['p4', 'p3'] } };
  });
  const people = [
    { id: 'p2', nickname: 'Ana', nation, roles: ['foreign'] },
    { id: 'p3', nickname: 'Ben', nation, roles: ['head'] },
    { id: 'p4', nickname: 'Cy', nation, roles: ['defence', 'trade'] },
    { id: 'p5', nickname: 'Dee', nation: sc.nations[1]!.id, roles: ['head'] },
  ];
  const h = history({ ...file, actions, people });

  test('every signed action names its drafter, signer and approvals', () => {
    const d = teamDecisions(h);
    expect(d).toHaveLength(3);
    expect(d.map((x) => [x.drafter?.nickname, x.signer?.nickname, x.approvals.map((p) => p.nickname)])).toEqual([['Ana', 'Ben', []], ['Ana', 'Ben', []], ['Cy', 'Ben', ['Cy', 'Ben']]]);
    expect(d[0]!.note).toBe('why 1');
    expect(d.every((x) => x.nation === nation && typeof x.public === 'boolean')).toBe(true);
  });

  test('each member: drafted, signed and their own journal lines; a team with no decision still lists its members', () => {
    const teams = teamRecords(h);
    expect(teams.map((t) => t.nation)).toEqual([nation, sc.nations[1]!.id]);
    const [mine, theirs] = teams;
    expect(mine!.members.map((m) => [m.person.nickname, m.drafted, m.signed, m.journal.map((j) => j.text)])).toEqual([['Ana', 2, 0, ['why 1', 'why 2']], ['Ben', 0, 3, []], ['Cy', 1, 0, []]]);
    expect(theirs!.members.map((m) => m.person.nickname)).toEqual(['Dee']);
    expect(theirs!.decisions).toEqual([]);
    // A match without teams has no team records.
    expect(teamRecords(history(file))).toEqual([]);
  });
});
