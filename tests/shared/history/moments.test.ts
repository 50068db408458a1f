import { describe, expect, it } from 'vitest';
import { RULES_VERSION, type Action, type MatchFile } from '../../../shared/types.ts';
import { getScenario } from '../../../shared/scenarios/index.ts';
import { defaultPlayers, DEFAULT_ALLIANCE, DEFAULT_PARTNERSHIP, replay } from '../../../shared/rules/index.ts';
import { buildHistory, conceptMoments, findMoments, buildDebrief, statsCsv, treatyEventsCsv, type History } from '../../../shared/history/index.ts';
import { simulate } from '../../../shared/bots/simulate.ts';
import { interestsFor } from '../../../shared/scenarios/interests.ts';

const scenario = getScenario('amber-sea')!;
const file = (actions: Action[], turns = 6): MatchFile => ({
  rulesVersion: RULES_VERSION, scenario: scenario.id, seed: 5, settings: { turns }, players: defaultPlayers(scenario, 6), interests: interestsFor(scenario.id, scenario.nations.slice(0, 6).map((n) => n.id)), actions,
});
const history = (f: MatchFile): History => {
  const r = buildHistory(f);
  if (!r.ok) throw new Error(`${r.index}: ${r.error.message}`);
  return r.history;
};
const advance: Action = { type: 'advance' };
const policies = (): Action[] => scenario.nations.slice(0, 6).map((n) => ({ type: 'policy', by: n.id, defence: 30, demand: null }));
/** Valdor and Kestria sign an alliance in turn 1; a crisis is injected on Kestria; Valdor answers the call. */
const allianceCalled = (answer: 'honour' | 'abstain'): MatchFile => {
  const f = file([
    { type: 'propose', by: 'valdor', to: ['kestria'], terms: DEFAULT_ALLIANCE },
    { type: 'accept', by: 'kestria', proposal: 'p1' },
    { type: 'inject', crisis: 'incursion', target: 'kestria', severity: 40 },
    advance, ...policies(), advance,
  ]);
  const r = replay(f);
  if (!r.ok) throw new Error(r.error.message);
  if (!r.final.calls.some((k) => k.ally === 'valdor' && k.victim === 'kestria')) throw new Error('no call reached Valdor');
  // Answer every call (silence would count as abstaining): the one under test as given, the rest honoured.
  for (const k of r.final.calls) f.actions.push({ type: 'respond', by: k.ally, call: k.id, answer: k.ally === 'valdor' && k.victim === 'kestria' ? answer : 'honour' });
  f.actions.push(advance, advance);
  return f;
};

describe('key moments', () => {
  it('flags a hand-built abandonment in the turn it happened', () => {
    const m = findMoments(history(allianceCalled('abstain')));
    const ab = m.find((x) => x.kind === 'abstained');
    expect(ab).toBeDefined();
    expect(ab!.turn).toBe(1);
    expect(ab!.concepts).toContain('abandonment');
    expect(ab!.nations).toEqual(['valdor', 'kestria']);
    expect(m.some((x) => x.kind === 'signed' && x.turn === 1)).toBe(true);
    expect(m.some((x) => x.kind === 'called' && x.turn === 1)).toBe(true);
  });

  it('flags entrapment when an ally with no stake of its own honours a call', () => {
    // Valdor is far from the revisionist power (exposure 20): fighting in Kestria's crisis is entrapment.
    const m = findMoments(history(allianceCalled('honour')));
    const h = m.find((x) => x.kind === 'honoured');
    expect(h).toBeDefined();
    expect(h!.turn).toBe(1);
    expect(h!.concepts).toContain('entrapment');
    expect(m.some((x) => x.kind === 'abstained')).toBe(false);
  });

  it('flags a broken partnership at the right turn, with its audience cost and vulnerability', () => {
    const actions: Action[] = [
      { type: 'propose', by: 'valdor', to: ['solmere'], terms: { ...DEFAULT_PARTNERSHIP, minTerm: 6 } },
      { type: 'accept', by: 'solmere', proposal: 'p1' },
    ];
    for (let turn = 1; turn <= 2; turn++) actions.push(advance, ...policies(), advance, advance, advance, advance);
    const f = file(actions);
    const r = replay(f);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.final.turn).toBe(3);
    f.actions.push({ type: 'break', by: 'valdor', treaty: r.final.treaties[0]!.id });
    const m = findMoments(history(f));
    const br = m.find((x) => x.kind === 'broken');
    expect(br).toBeDefined();
    expect(br!.turn).toBe(3);
    expect(br!.concepts).toEqual(expect.arrayContaining(['audience-cost', 'vulnerability']));
  });

  it('finds nothing in a match where no treaty was ever made', () => {
    const players = defaultPlayers(scenario, 6).map((p) => ({ ...p, strategy: 'none' as const }));
    const { file: f } = simulate({ scenario: scenario.id, seed: 3, turns: 6, players });
    const m = findMoments(history(f));
    expect(conceptMoments(m).filter((x) => x.kind !== 'sensitivity')).toEqual([]);
    expect(m.filter((x) => ['signed', 'called', 'honoured', 'abstained', 'broken', 'left', 'free-riding'].includes(x.kind))).toEqual([]);
    expect(m.some((x) => x.kind === 'sensitivity')).toBe(false);
  });
});

describe('debrief and export', () => {
  const players = defaultPlayers(scenario, 6).map((p, i) => ({ ...p, strategy: (['alliances', 'both', 'adaptive'] as const)[i % 3] }));
  const { file: f } = simulate({ scenario: scenario.id, seed: 9, turns: 8, players });
  const h = history(f);

  it('builds five questions from this match, and a memo per nation', () => {
    const d = buildDebrief(h);
    expect(d.questions).toHaveLength(5);
    expect(new Set(d.questions).size).toBe(5);
    // Questions name nations of this match, not a fixed list.
    expect(d.questions.some((q) => h.final.nations.some((n) => q.includes(n.name)))).toBe(true);
    expect(d.memos.map((m) => m.nation)).toEqual(h.final.nations.map((n) => n.id));
    expect(d.reliability.historical.share).toBe(0.75);
    expect(d.reliability.historical.source).toContain('Leeds');
    expect(d.networks.map((n) => n.label)).toEqual(['start', 'middle', 'end']);
  });

  it('exports one stats row per nation per turn (and the start), and every treaty event', () => {
    const stats = statsCsv(h).trim().split('\r\n');
    expect(stats[0]).toMatch(/^turn,nation,economy/);
    expect(stats.length - 1).toBe(6 * (8 + 1));
    const treaty = treatyEventsCsv(h).trim().split('\r\n');
    const signed = findMoments(h).filter((m) => m.kind === 'signed').length;
    expect(treaty.filter((l) => l.includes(',signed,')).length).toBe(signed);
  });
});
