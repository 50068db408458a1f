import { describe, expect, it } from 'vitest';
import type { CallAnswer, GameState } from '../../../shared/types.ts';
import { CONCEPT_WORDS } from '../../../shared/rules/news.ts';
import { alliance, advanceTo, calmWorld, crisisAgainst, newGame, ok, partnership, sign, toTurn } from '../helpers.ts';

// Teaching hooks: each mechanic names its concept in the turn's news.

function newsAfterCall(answer: CallAnswer): GameState {
  let s = sign(calmWorld(newGame(6)), 'valdor', ['kestria'], alliance()).state;
  s = crisisAgainst(s, 'kestria', 30).state;
  s = ok(s, { type: 'respond', by: 'valdor', call: s.calls.find((k) => k.ally === 'valdor')!.id, answer });
  return advanceTo(s, 'news');
}

describe('news names the concepts at work', () => {
  it('honouring a call: collective defence, credibility, entrapment', () => {
    const item = newsAfterCall('honour').news.at(-1)!;
    expect(item.concepts).toEqual(expect.arrayContaining(['casus-foederis', 'credibility', 'entrapment']));
  });

  it('abstaining: abandonment and audience costs', () => {
    const item = newsAfterCall('abstain').news.at(-1)!;
    expect(item.concepts).toEqual(expect.arrayContaining(['abandonment', 'audience-cost']));
    expect(item.lines.join(' ')).toMatch(/abandonment/i);
  });

  it('breaking a partnership: audience cost and vulnerability', () => {
    let s = calmWorld(newGame(6));
    const { state, treaty } = sign(s, 'valdor', ['solmere'], partnership({ minTerm: 8, review: 6 }));
    s = toTurn(state, 3);
    s = ok(s, { type: 'break', by: 'solmere', treaty: treaty.id });
    const item = advanceTo(s, 'news').news.at(-1)!;
    expect(item.concepts).toEqual(expect.arrayContaining(['audience-cost', 'vulnerability']));
  });

  it('a quiet year still gets a line, and every concept has a plain word for the glossary', () => {
    const s = advanceTo(calmWorld(newGame(4)), 'news');
    expect(s.news.at(-1)!.lines.length).toBeGreaterThan(0);
    for (const item of newsAfterCall('abstain').news) for (const c of item.concepts) expect(CONCEPT_WORDS[c], c).toBeTruthy();
  });
});
