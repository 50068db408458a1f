import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { replay, stateHash } from '../../shared/rules/index.ts';
import type { MatchFile } from '../../shared/types.ts';
import {
  chartSeries, eventsAt, quickPosition, frameIndexAt, lastPosition, makeReplay, positionFromQuery, positionLabel, queryFor, reasonsAt, stateAt, statsAt, turnStarts,
} from '../../client/replay/model.ts';

// The replay viewer's model: positions (actions applied), deep links, the state between phase boundaries,
// and what each panel shows, checked against replay() of shared/rules.

const file = JSON.parse(readFileSync(new URL('../golden/amber-sea-8-seats-seed-29.json', import.meta.url), 'utf8')) as MatchFile;
const built = makeReplay('TEST01', file, false, []);
if (!built.ok) throw new Error(built.message);
const r = built.replay;

describe('replay viewer model', () => {
  test('the state at any position equals replay() of that prefix', () => {
    for (const pos of [0, 1, 17, 100, Math.floor(lastPosition(r) / 2), lastPosition(r) - 1, lastPosition(r)]) {
      const ref = replay(file, { limit: pos });
      if (!ref.ok) throw new Error('golden does not replay');
      expect(stateHash(stateAt(r, pos)), `position ${pos}`).toBe(stateHash(ref.final));
    }
  });

  test('deep links: ?turn&phase opens that boundary and round-trips; ?at names any position', () => {
    const target = r.history.frames.find((f) => f.turn === 5 && f.phase === 'crisis')!;
    const pos = positionFromQuery(r, new URLSearchParams('turn=5&phase=crisis'))!;
    expect(pos).toBe(target.index);
    expect(queryFor(r, pos)).toBe('?turn=5&phase=crisis');
    expect(positionLabel(r, pos)).toBe(`Year 5 of ${file.settings.turns} \u00b7 Crisis`);
    expect(positionFromQuery(r, new URLSearchParams('turn=5'))).toBe(r.history.frames.find((f) => f.turn === 5 && f.phase === 'diplomacy')!.index);
    // A position between two boundaries (an action inside a phase) is linked by its action count.
    const i = r.history.frames.findIndex((f, k) => k + 1 < r.history.frames.length && r.history.frames[k + 1]!.index > f.index + 1);
    const inside = r.history.frames[i]!.index + 1;
    expect(queryFor(r, inside)).toBe(`?at=${inside}`);
    expect(positionFromQuery(r, new URLSearchParams(`at=${inside}`))).toBe(inside);
    expect(frameIndexAt(r, inside)).toBe(i);
    expect(positionFromQuery(r, new URLSearchParams('turn=99&phase=news'))).toBe(r.history.frames[r.history.frames.length - 1]!.index);
    expect(positionFromQuery(r, new URLSearchParams('nothing=1'))).toBeNull();
  });

  test('a deep link\'s position found by counting advances equals the full history\'s, for every boundary of every golden match', () => {
    for (const name of ['amber-sea-3-seats-seed-11', 'amber-sea-5-seats-seed-7-teacher', 'iron-strait-6-seats-seed-3', 'amber-sea-8-seats-seed-29']) {
      const f = JSON.parse(readFileSync(new URL(`../golden/${name}.json`, import.meta.url), 'utf8')) as MatchFile;
      const b = makeReplay(name, f, false, []);
      if (!b.ok) throw new Error(b.message);
      for (const fr of b.replay.history.frames) {
        if (fr.state.over) continue;
        const q = new URLSearchParams(`turn=${fr.turn}&phase=${fr.phase}`);
        expect(quickPosition(f, q), `${name} ${fr.turn} ${fr.phase}`).toBe(positionFromQuery(b.replay, q));
      }
      expect(quickPosition(f, new URLSearchParams('turn=99'))).toBeNull();
      expect(quickPosition(f, new URLSearchParams('at=5'))).toBe(5);
    }
  });

  test('year starts, stats and chart series agree with the states', () => {
    const starts = turnStarts(r);
    expect(starts.map((s) => s.turn)).toEqual(Array.from({ length: file.settings.turns }, (_, i) => i + 1));
    const pos = starts[2]!.pos;
    const s = stateAt(r, pos);
    expect(statsAt(r, pos).map((x) => [x.nation, x.economy, x.military, x.reputation])).toEqual(s.nations.map((n) => [n.id, n.economy, n.military, n.reputation]));
    const eco = chartSeries(r, 'economy');
    expect(eco.x[0]).toBe(0);
    expect(eco.lines.map((l) => l.values[0])).toEqual(r.history.initial.nations.map((n) => n.economy));
  });

  test('unpublished: private negotiation events stay out; bots\' reasons are listed for the year', () => {
    const end = lastPosition(r);
    for (let p = 0; p <= end; p += 37) expect(eventsAt(r, p).some((e) => e.private)).toBe(false);
    const someReason = turnStarts(r).map((t) => t.pos).concat(end).some((p, i, all) => i > 0 && reasonsAt(r, all[i]! - 1).length > 0);
    expect(someReason).toBe(true);
    const published = makeReplay('TEST02', file, true, []);
    if (!published.ok) throw new Error(published.message);
    expect(Array.from({ length: 20 }, (_, i) => i * 30).some((p) => eventsAt(published.replay, p).some((e) => e.private))).toBe(true);
  });
});
