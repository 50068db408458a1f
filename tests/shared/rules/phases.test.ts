import { describe, expect, it } from 'vitest';
import { PHASES } from '../../../shared/types.ts';
import { nextPhase } from '../../../shared/rules/phases.ts';
import { stateHash } from '../../../shared/rules/hash.ts';
import { alliance, lastEvents, newGame, ok, partnership, refused, sign } from '../helpers.ts';

// A turn in five phases, the news, and the end of a match.

describe('phases of a turn', () => {
  it('advance walks diplomacy → policy → crisis → resolution → news → next diplomacy', () => {
    let s = newGame(4, 5);
    const seen: string[] = [s.phase];
    for (let i = 0; i < 5; i++) {
      s = ok(s, { type: 'advance' });
      seen.push(s.phase);
    }
    expect(seen).toEqual([...PHASES, 'diplomacy']);
    expect(s.turn).toBe(2);
    expect(nextPhase('news')).toBeNull();
  });

  it('the revisionist pressure rises every turn', () => {
    let s = newGame(4, 5);
    const p0 = s.pressure;
    for (let i = 0; i < 5; i++) s = ok(s, { type: 'advance' });
    expect(s.pressure).toBeGreaterThan(p0);
  });

  it('each turn writes one news item in plain words that names the concepts at work', () => {
    let s = newGame(6, 5);
    s = sign(s, 'valdor', ['kestria'], alliance()).state;
    s = sign(s, 'valdor', ['solmere'], partnership()).state;
    for (let i = 0; i < 4; i++) s = ok(s, { type: 'advance' });
    expect(s.phase).toBe('news');
    expect(s.news).toHaveLength(1);
    const item = s.news[0]!;
    expect(item.turn).toBe(1);
    expect(item.lines.length).toBeGreaterThan(0);
    expect(item.concepts).toEqual(expect.arrayContaining(['collective-defence', 'complex-interdependence']));
    expect(item.lines.join(' ')).toMatch(/Concepts at work/);
    // Private negotiation never reaches the public news.
    expect(item.lines.join(' ')).not.toMatch(/proposed/);
    s = ok(s, { type: 'advance' });
    expect(s.events).toEqual([]);
  });
});

describe('the end of a match', () => {
  it('ends after its last turn, with a final event, and refuses everything after', () => {
    let s = newGame(4, 2);
    let guard = 0;
    while (!s.over) {
      s = ok(s, { type: 'advance' });
      if (++guard > 20) throw new Error('never ended');
    }
    expect(guard).toBe(10); // two turns of five phases
    expect(s.turn).toBe(2);
    expect(lastEvents.map((e) => e.type)).toContain('match-over');
    const hash = stateHash(s);
    refused(s, { type: 'advance' }, 'match_over');
    refused(s, { type: 'end' }, 'match_over');
    refused(s, { type: 'inject', crisis: 'invasion', target: 'valdor', severity: 10 }, 'match_over');
    expect(stateHash(s)).toBe(hash);
  });

  it('the teacher can end it early from any phase; open proposals lapse and the news is written', () => {
    for (let steps = 0; steps < 5; steps++) {
      let s = newGame(4, 10);
      for (let i = 0; i < steps; i++) s = ok(s, { type: 'advance' });
      if (s.phase === 'diplomacy') s = ok(s, { type: 'propose', by: 'valdor', to: ['kestria'], terms: partnership() });
      const newsBefore = s.news.length;
      s = ok(s, { type: 'end' });
      expect(s.over).toBe(true);
      expect(s.turn).toBe(1);
      expect(s.phase).toBe('news');
      expect(s.proposals.every((p) => p.status !== 'open')).toBe(true);
      expect(s.news.length).toBeGreaterThanOrEqual(Math.max(1, newsBefore));
      expect(lastEvents.map((e) => e.type)).toContain('match-over');
    }
  });
});
