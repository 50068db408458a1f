import { describe, expect, it } from 'vitest';
import { getScenario } from '../../shared/scenarios/index.ts';
import { setup, apply, preview, assess, termLines, CONCEPT_WORDS, projectYield, DEFAULT_PARTNERSHIP, DEFAULT_ALLIANCE } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/types.ts';
import { GLOSSARY, glossaryEntry } from '../../shared/glossary.ts';
import { clock, secondsLeft, phaseLine, resourceLine, signed, factorWord } from '../../client/view/format.ts';
import { suggestName, nicknameProblem, normaliseCode } from '../../client/view/names.ts';
import { termFields, setTerm, previewBlocks, proposalProblem, assessFor, treatyStatus, defaultTerms } from '../../client/view/terms.ts';
import { treatyLinks, hexCenter, crisisMarkers, regionCenter } from '../../client/view/mapModel.ts';
import { callCard } from '../../client/view/calls.ts';
import { buildRulesState } from '../../client/state/rulesState.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';

const scenario = getScenario('amber-sea')!;
const fresh = (): GameState => setup(scenario, { seats: 4, turns: 6, seed: 7, interests: interestsFor(scenario.id, scenario.nations.slice(0, 4).map((n) => n.id)) });

function ok(s: GameState, a: Parameters<typeof apply>[1]): GameState {
  const r = apply(s, a);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('formatters', () => {
  it('formats a countdown', () => {
    expect(clock(75)).toBe('1:15');
    expect(clock(5)).toBe('0:05');
    expect(clock(null)).toBe('–');
    expect(secondsLeft(10_500, 1_000)).toBe(10);
    expect(secondsLeft(500, 1_000)).toBe(0);
    expect(secondsLeft(null, 0)).toBeNull();
  });
  it('names the phase and turn', () => {
    expect(phaseLine(2, 8, 'policy')).toBe('Turn 2 of 8 · Policy');
    expect(phaseLine(1, 8, 'lobby')).toMatch(/lobby/);
  });
  it('lists resources largest first', () => {
    expect(resourceLine(scenario.nations[0]!.resources)).toBe('industry 40 · technology 35 · farming 15 · energy 10');
  });
  it('signs numbers and words factor values', () => {
    expect(signed(5)).toBe('+5');
    expect(signed(-3)).toBe('\u22123');
    expect(factorWord(40)).toBe('good');
    expect(factorWord(0)).toBe('fair');
    expect(factorWord(-40)).toBe('poor');
  });
});

describe('names and codes', () => {
  it('suggests a friendly two-word name within the limits, avoiding taken names', () => {
    let i = 0;
    const seq = [0, 0, 0, 0, 0.5, 0.5];
    const rnd = () => seq[i++ % seq.length]!;
    const first = suggestName(rnd);
    expect(first).toBe('Brave Otter');
    expect(suggestName(rnd, ['brave otter'])).not.toBe('Brave Otter');
    for (let k = 0; k < 50; k++) {
      const n = suggestName();
      expect(n.split(' ').length).toBeGreaterThanOrEqual(2);
      expect(nicknameProblem(n)).toBeNull();
    }
  });
  it('checks nicknames and normalises codes', () => {
    expect(nicknameProblem('a')).toMatch(/at least/);
    expect(nicknameProblem('x'.repeat(17))).toMatch(/at most/);
    expect(normaliseCode(' abc-234 ')).toBe('ABC234');
  });
});

describe('glossary', () => {
  it('defines every concept word the rules name, in two sentences', () => {
    for (const key of Object.keys(CONCEPT_WORDS)) {
      const e = GLOSSARY[key];
      expect(e, key).toBeDefined();
      expect(e!.term).toBe(CONCEPT_WORDS[key]);
      expect(e!.definition.split(/(?<=[.!?])\s+/).length).toBe(2);
    }
    expect(glossaryEntry('Entrapment')?.term).toBe('entrapment');
  });
});

describe('term editor', () => {
  it('shows one field per term, each with the rules\u2019 plain-language line', () => {
    const s = fresh();
    for (const terms of [DEFAULT_ALLIANCE, DEFAULT_PARTNERSHIP]) {
      const fields = termFields(s, terms, ['valdor', 'kestria']);
      const lines = termLines(s, terms);
      expect(fields.map((f) => f.key)).toEqual(lines.map((l) => l.term));
      expect(fields.map((f) => f.line)).toEqual(lines.map((l) => l.line));
    }
    const adv = termFields(s, DEFAULT_ALLIANCE, ['valdor', 'kestria'])[0]!;
    if (adv.control.type !== 'select') throw new Error('select expected');
    expect(adv.control.options.map((o) => o.value)).toEqual(['any', 'rev', 'isolde', 'corvenne']);
  });
  it('changes one term and keeps values within the limits', () => {
    let t = defaultTerms('alliance');
    t = setTerm(t, 'duration', 99);
    expect(t.kind === 'alliance' && t.duration).toBe(20);
    t = setTerm(t, 'duration', null);
    expect(t.kind === 'alliance' && t.duration).toBeNull();
    t = setTerm(t, 'contribution', 'full');
    expect(t.kind === 'alliance' && t.contribution).toBe('full');
    t = setTerm(t, 'scope', 'nowhere');
    expect(t.kind === 'alliance' && t.scope).toBe('anywhere');
    let p = defaultTerms('partnership');
    p = setTerm(p, 'techSharing', false);
    p = setTerm(p, 'minTerm', 1);
    expect(p).toEqual({ ...DEFAULT_PARTNERSHIP, techSharing: false, minTerm: 2 });
  });
  it('previews with the shared rules\u2019 numbers', () => {
    const s = fresh();
    const blocks = previewBlocks(s, 'valdor', ['kestria', 'isolde'], DEFAULT_PARTNERSHIP);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.lines).toEqual(preview(s, 'valdor', 'kestria', DEFAULT_PARTNERSHIP));
    const y = projectYield(s, 'valdor', 'kestria', DEFAULT_PARTNERSHIP, 4);
    expect(blocks[0]!.lines[0]).toContain(`Projected yield after 4 turns: about ${Math.round(y.total)} output`);
    expect(previewBlocks(s, 'valdor', ['kestria'], DEFAULT_ALLIANCE)[0]!.lines[0]).toMatch(/You would be called if anyone attacks Kestria/);
  });
  it('explains why a proposal cannot be sent', () => {
    let s = fresh();
    expect(proposalProblem(s, 'valdor', [], DEFAULT_ALLIANCE)).toMatch(/at least one/);
    expect(proposalProblem(s, 'valdor', ['kestria'], DEFAULT_ALLIANCE)).toBeNull();
    expect(proposalProblem(s, 'valdor', ['kestria'], { ...DEFAULT_ALLIANCE, adversary: 'kestria' })).toMatch(/not valid/);
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: DEFAULT_ALLIANCE });
    s = ok(s, { type: 'accept', by: 'kestria', proposal: s.proposals[0]!.id });
    expect(proposalProblem(s, 'valdor', ['kestria'], DEFAULT_ALLIANCE)).toMatch(/already/);
    expect(proposalProblem(s, 'valdor', ['kestria'], DEFAULT_PARTNERSHIP)).toBeNull();
  });
  it('builds the assessment card from assess()', () => {
    const s = fresh();
    const p = { from: 'kestria', to: ['valdor'], terms: DEFAULT_ALLIANCE };
    const card = assessFor(s, 'valdor', p);
    const a = assess(s, 'valdor', p);
    expect(card.rows.map((r) => r.label)).toEqual(['Shared objectives', 'Trust and credibility', 'Resource complementarity', 'Risks', 'Duration and exit', 'Balance of contributions']);
    expect(card.rows.map((r) => r.reason)).toEqual(a.factors.map((f) => f.reason));
    expect(card.title).toBe(`Assessment for you: ${a.verdict}`);
  });
  it('describes a treaty\u2019s review date and notice', () => {
    let s = fresh();
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: DEFAULT_PARTNERSHIP });
    s = ok(s, { type: 'accept', by: 'kestria', proposal: s.proposals[0]!.id });
    const t = s.treaties[0]!;
    const lines = treatyStatus(s, t, 'valdor');
    expect(lines.join(' ')).toContain(`Next review: turn ${1 + DEFAULT_PARTNERSHIP.review}`);
    expect(lines.join(' ')).toContain(`Leaving before turn ${1 + DEFAULT_PARTNERSHIP.minTerm} is a public break`);
    s = ok(s, { type: 'notice', by: 'valdor', treaty: t.id });
    expect(treatyStatus(s, s.treaties[0]!, 'valdor').join(' ')).toMatch(/You gave exit notice: it ends at the start of turn \d+/);
  });
});

describe('map model', () => {
  it('places odd rows half a cell to the right', () => {
    const a = hexCenter(0, 0, 10);
    const b = hexCenter(0, 1, 10);
    expect(b.x - a.x).toBeCloseTo(5 * Math.sqrt(3));
    expect(b.y - a.y).toBeCloseTo(15);
    const c = regionCenter(scenario, 'valdor-port', 10);
    expect(c.x).toBeGreaterThan(0);
  });
  it('draws alliances solid and partnerships dashed, thickening with ties', () => {
    let s = fresh();
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: DEFAULT_PARTNERSHIP });
    s = ok(s, { type: 'accept', by: 'kestria', proposal: s.proposals[0]!.id });
    s = ok(s, { type: 'propose', by: 'isolde', to: ['corvenne', 'kestria'], terms: DEFAULT_ALLIANCE });
    const pid = s.proposals[1]!.id;
    s = ok(s, { type: 'accept', by: 'corvenne', proposal: pid });
    s = ok(s, { type: 'accept', by: 'kestria', proposal: pid });
    const links = treatyLinks(s);
    expect(links.filter((l) => l.kind === 'alliance')).toHaveLength(3);
    const p = links.find((l) => l.kind === 'partnership')!;
    expect(p.dashed).toBe(true);
    expect(p.weight).toBe(1);
    s = { ...s, turn: 4 };
    expect(treatyLinks(s).find((l) => l.kind === 'partnership')!.weight).toBe(3);
  });
  it('labels crises with attacker, target and outcome', () => {
    let s = fresh();
    s = ok(s, { type: 'inject', crisis: 'invasion', target: 'kestria', severity: 50 });
    while (s.phase !== 'crisis') s = ok(s, { type: 'advance' });
    const m = crisisMarkers(s);
    const injected = m.find((x) => x.target === 'kestria')!;
    expect(injected.label).toMatch(/invasion of .*: The Vharan Dominion → Kestria \(under way\)/);
  });
});

describe('client rules state and calls', () => {
  it('rebuilds a rules state from public data plus the private view, for previews', () => {
    const real = fresh();
    const pub = { turn: real.turn, turns: real.turns, phase: real.phase, over: false, pressure: real.pressure, nations: real.nations.map(({ interest: _i, ...n }) => n), regions: real.regions, treaties: [], crises: [], news: [] };
    // The server tells each player its own interest in the private view; nobody else's reaches the client.
    const priv = { nation: 'valdor', interest: 'trading' as const, proposals: [], relations: { kestria: { trust: 20, ties: 0, dependence: 0 } }, policy: null, calls: [], events: [], chat: [], teacherReads: false };
    const s = buildRulesState(scenario, pub, priv);
    expect(s.nations.find((n) => n.id === 'valdor')!.interest).toBe('trading');
    expect(s.nations.find((n) => n.id === 'kestria')!.interest).toBe('middle'); // a neutral guess, not Kestria's secret
    expect(preview(s, 'valdor', 'kestria', DEFAULT_PARTNERSHIP)).toEqual(preview(real, 'valdor', 'kestria', DEFAULT_PARTNERSHIP));
  });
  it('states what honouring and abstaining cost', () => {
    let s = fresh();
    s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: DEFAULT_ALLIANCE });
    s = ok(s, { type: 'accept', by: 'kestria', proposal: s.proposals[0]!.id });
    s = ok(s, { type: 'inject', crisis: 'invasion', target: 'kestria', severity: 60 });
    while (s.phase !== 'crisis') s = ok(s, { type: 'advance' });
    const call = s.calls.find((c) => c.ally === 'valdor')!;
    const card = callCard(s, call, 'valdor');
    expect(card.title).toMatch(/^Kestria calls on you/);
    expect(card.honour).toContain(`send ${call.contribution} strength`);
    expect(card.abstain).toMatch(/lose about 8 reputation/);
  });
});
