import { describe, expect, it } from 'vitest';
import { getScenario } from '../../shared/scenarios/index.ts';
import { defaultPlayers } from '../../shared/rules/index.ts';
import { simulate } from '../../shared/bots/simulate.ts';
import type { MatchFile } from '../../shared/types.ts';
import { circleLayout, debriefFromFile, replayLink } from '../../client/debrief/model.ts';
import { parseCsv } from '../csv.ts';

// The debrief page's view model, from a bot match in which one seat is a student with journal notes.

const scenario = getScenario('amber-sea')!;
const TURNS = 8;
const base = simulate({ scenario: scenario.id, seed: 7, turns: TURNS, players: defaultPlayers(scenario, 6) }).file;
const student = base.players[0]!.nation;
const file: MatchFile = {
  ...base,
  players: base.players.map((p, i) => (i === 0 ? { ...p, bot: false, name: 'Ana' } : p)),
  actions: base.actions.map((a) => ('by' in a && a.by === student ? { ...a, note: `Ana's reason for ${a.type}` } : a)),
};

describe('debrief view model', () => {
  const r = debriefFromFile('ABC234', file);
  if (!r.ok) throw new Error(r.message);
  const v = r.view;

  it('names the nations, their colours and who played them', () => {
    expect(v.nations.length).toBe(6);
    expect(v.nations[0]).toMatchObject({ id: student, player: 'Ana', color: scenario.nations[0]!.color });
    expect(v.nations.slice(1).every((n) => n.player === null)).toBe(true);
  });

  it('charts prosperity, security and standing for every nation at the start and after every year', () => {
    expect(v.charts.map((c) => c.key)).toEqual(['prosperity', 'security', 'standing']);
    for (const c of v.charts) {
      expect(c.x).toEqual(Array.from({ length: TURNS + 1 }, (_, i) => i));
      expect(c.series.length).toBe(6);
      for (const s of c.series) {
        expect(s.values.length).toBe(TURNS + 1);
        expect(s.values.every((x) => Number.isFinite(x) && x >= 0 && x <= 100)).toBe(true);
      }
    }
  });

  it('lists treaty events in order, and three network snapshots whose edges join nations in play', () => {
    expect(v.timeline.length).toBeGreaterThan(0);
    expect(v.timeline.some((e) => e.type === 'signed')).toBe(true);
    for (let i = 1; i < v.timeline.length; i++) expect(v.timeline[i]!.turn).toBeGreaterThanOrEqual(v.timeline[i - 1]!.turn);
    expect(v.networks.map((n) => n.label)).toEqual(['start', 'middle', 'end']);
    const ids = new Set(v.nations.map((n) => n.id));
    for (const n of v.networks) for (const e of n.edges) expect(ids.has(e.a) && ids.has(e.b) && e.a !== e.b).toBe(true);
    expect(v.networks[2]!.edges.length).toBe(v.debrief.networks[2]!.treaties.reduce((s, t) => s + (t.parties.length * (t.parties.length - 1)) / 2, 0));
  });

  it('links every moment to the replay at its turn and phase, with its concepts named', () => {
    expect(v.moments.length).toBeGreaterThan(0);
    for (const m of v.moments) {
      expect(m.replay).toBe(`/replay/ABC234?turn=${m.moment.turn}&phase=${m.moment.phase}`);
      expect(m.concepts.map((c) => c.key)).toEqual(m.moment.concepts);
      for (const c of m.concepts) expect(c.word.length).toBeGreaterThan(3);
    }
    expect(replayLink('A B', { turn: 3, phase: 'crisis' })).toBe('/replay/A%20B?turn=3&phase=crisis');
  });

  it('puts the student\u2019s journal lines beside the moments of their nation in the same year, and only theirs', () => {
    expect(v.journal.length).toBeGreaterThan(0);
    expect(v.journal.every((j) => j.nation === student && j.player === 'Ana')).toBe(true);
    const withJournal = v.moments.filter((m) => m.journal.length);
    expect(withJournal.length).toBeGreaterThan(0);
    for (const m of withJournal) for (const j of m.journal) {
      expect(m.moment.nations).toContain(j.nation);
      expect(j.turn).toBe(m.moment.turn);
      expect(j.index).toBeLessThan(m.moment.index);
    }
    // Each line sits beside one moment at most: the first that follows it.
    const placed = withJournal.flatMap((m) => m.journal);
    expect(new Set(placed).size).toBe(placed.length);
    for (const m of withJournal) for (const j of m.journal) {
      const earlier = v.moments.find((x) => x.moment.turn === j.turn && x.moment.index > j.index && x.moment.nations.includes(j.nation));
      expect(earlier).toBe(m);
    }
    // Choices filled in for an absent student are not their words.
    const filled = debriefFromFile('X', { ...file, actions: file.actions.map((a) => ('by' in a && a.by === student ? { ...a, note: 'Chosen for you at the deadline: safe' } : a)) });
    expect(filled.ok && filled.view.journal).toEqual([]);
    // Bots' notes never appear as a student's journal.
    const botsOnly = debriefFromFile('X', { ...file, players: base.players });
    expect(botsOnly.ok && botsOnly.view.journal).toEqual([]);
  });

  it('gives reliability in percent beside the historical 75% with its source', () => {
    const { honoured, abstained, percent } = v.reliability;
    expect(percent).toBe(honoured + abstained ? Math.round((100 * honoured) / (honoured + abstained)) : null);
    expect(v.reliability.historicalPercent).toBe(75);
    expect(v.reliability.source).toMatch(/Leeds/);
  });

  it('exports CSVs that parse: nations x (turns + 1) stats rows, one row per public treaty event', () => {
    const stats = parseCsv(v.csv.stats);
    expect(stats[0]).toContain('prosperity');
    expect(stats.length - 1).toBe(6 * (TURNS + 1));
    expect(v.csv.statsRows).toBe(6 * (TURNS + 1));
    expect(stats.slice(1).every((row) => row.length === stats[0]!.length)).toBe(true);
    const treaties = parseCsv(v.csv.treaties);
    expect(treaties.length - 1).toBe(v.timeline.length);
    expect(v.csv.treatyRows).toBe(v.timeline.length);
  });

  it('always has five discussion questions from this match, even a quiet one', () => {
    expect(v.questions.length).toBe(5);
    expect(new Set(v.questions).size).toBe(5);
    expect(v.questions).toEqual(v.debrief.questions);
    // A short, quiet match: few moments, so the questions come from its scores, network and standing.
    const quiet = simulate({ scenario: 'lantern-archipelago', seed: 3, turns: 2, players: defaultPlayers(getScenario('lantern-archipelago')!, 4).map((p) => ({ ...p, strategy: 'none' as const })) }).file;
    const q = debriefFromFile('Q', quiet);
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(q.view.questions.length).toBe(5);
    expect(new Set(q.view.questions).size).toBe(5);
    const names = [...q.view.nations.map((n) => n.name), 'Outer Reef'];
    for (const question of q.view.questions) expect(names.some((n) => question.includes(n)) || /treat|alliance|partnership/.test(question)).toBe(true);
  });

  it('lays nations out on a circle inside the picture', () => {
    const pos = circleLayout(['a', 'b', 'c', 'd'], 200, 20);
    for (const p of pos.values()) expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(80, 0);
    expect(pos.get('a')).toEqual({ x: 100, y: 20 });
  });

  it('refuses a record that does not replay, with a sentence', () => {
    const bad = debriefFromFile('X', { ...file, actions: [{ type: 'accept', by: 'valdor', proposal: 'nope' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/does not replay/);
  });
});
