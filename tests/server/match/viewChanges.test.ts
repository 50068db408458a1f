import { describe, expect, test } from 'vitest';
import { simulate } from '../../../shared/bots/simulate.ts';
import { apply, assess, defaultPlayers } from '../../../shared/rules/index.ts';
import { initialState } from '../../../shared/rules/replay.ts';
import { getScenario, SCENARIOS } from '../../../shared/scenarios/index.ts';
import { applyViewChanges } from '../../../shared/protocol/privateView.ts';
import type { PrivateView } from '../../../shared/protocol/messages.ts';
import type { GameState } from '../../../shared/types.ts';
import { sentWhole, viewChanges } from '../../../server/match/viewChanges.ts';
import { Assessments, privateView, type Viewer } from '../../../server/match/views.ts';
import type { StoredChatLine } from '../../../server/storage/index.ts';

// After its first whole view, a connection gets only the changes of its private view. Folding those in
// (as the browser does) must give exactly the view the server built, after every action of whole bot
// matches, for every nation, and when the seat changes hands (a newcomer's private history starts anew).

const noChat = (v: PrivateView) => ({ ...v, chat: [] });
/** A class's public chat at its most (the view carries the last CHAT_HISTORY lines). */
const chat: StoredChatLine[] = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, from: 'host', fromName: 'Teacher', to: 'all', text: `Line ${i + 1} of what the class said in the diplomacy phase.`, turn: 1 }));

function follow(states: GameState[], viewerAt: (i: number) => Viewer): { changes: number; bytes: number; whole: number; kept: number } {
  let shown = privateView(states[0]!, viewerAt(0), chat, false);
  const sent = sentWhole(shown);
  let changes = 0;
  let bytes = 0;
  let whole = 0;
  let kept = 0;
  for (let i = 1; i < states.length; i++) {
    const view = privateView(states[i]!, viewerAt(i), chat, false);
    const ch = viewChanges(sent, view);
    if (ch) {
      changes++;
      if (ch.proposalsKept) kept++;
      bytes += JSON.stringify(ch).length;
      whole += JSON.stringify(view).length;
      shown = applyViewChanges(shown, ch);
    }
    expect(noChat(shown), `state ${i}`).toEqual(noChat(view));
  }
  return { changes, bytes, whole, kept };
}

describe('private view changes', () => {
  for (const sc of SCENARIOS) {
    test(`${sc.id}: the view shown after folding in each change is the view built, for every nation`, () => {
      const players = defaultPlayers(getScenario(sc.id)!, sc.maxSeats);
      const { file } = simulate({ scenario: sc.id, seed: 3, turns: 6, players });
      const states = [initialState(file)];
      for (const a of file.actions) {
        const r = apply(states.at(-1)!, a);
        if (r.ok) states.push(r.state);
      }
      let bytes = 0;
      let whole = 0;
      let kept = 0;
      for (const n of states[0]!.nations) {
        const r = follow(states, () => ({ playerId: 'p', nation: n.id, host: false }));
        bytes += r.bytes;
        whole += r.whole;
        kept += r.kept;
      }
      // Proposals already shown go as their ids, and folding them back in gives the view (checked above).
      expect(kept).toBeGreaterThan(0);
      // With a class's chat, the changes are a fraction of the views they stand for.
      expect(bytes).toBeLessThan(whole / 3);
    });
  }

  test('a seat that changes hands mid-match: the newcomer’s private events start at their arrival', () => {
    const sc = getScenario('amber-sea')!;
    const { file } = simulate({ scenario: 'amber-sea', seed: 8, turns: 5, players: defaultPlayers(sc, 6) });
    const states = [initialState(file)];
    for (const a of file.actions) {
      const r = apply(states.at(-1)!, a);
      if (r.ok) states.push(r.state);
    }
    const nation = states[0]!.nations[0]!.id;
    const half = Math.floor(states.length / 2);
    const at = states[half]!;
    const since = { turn: at.turn, events: at.events.length };
    const r = follow(states, (i) => (i < half ? { playerId: 'p1', nation, host: false } : { playerId: 'p2', nation, host: false, since }));
    expect(r.changes).toBeGreaterThan(0);
  });
});

describe('assessments kept while the world stands still', () => {
  test('every open proposal in a view carries the assessment the rules give for that state, and a closed one none, after every action of a bot match', () => {
    const sc = getScenario('the-hinge')!;
    const { file } = simulate({ scenario: 'the-hinge', seed: 4, turns: 6, players: defaultPlayers(sc, sc.maxSeats) });
    let s = initialState(file);
    let checked = 0;
    let closed = 0;
    // One match's store, as the server keeps it: reused across actions that leave the world as it was.
    const assessments = new Assessments();
    for (const a of file.actions) {
      const r = apply(s, a);
      if (!r.ok) continue;
      s = r.state;
      for (const n of s.nations) {
        for (const p of privateView(s, { playerId: 'p', nation: n.id, host: false }, [], false, 0, null, assessments).proposals) {
          const original = s.proposals.find((x) => x.id === p.id)!;
          if (original.status === 'open') {
            expect(p.assessment).toEqual(assess(s, n.id, original));
            checked++;
          } else {
            // Advice is for decisions still to make: an answered, withdrawn or lapsed proposal carries none.
            expect(p.assessment, `${p.id} ${original.status}`).toBeNull();
            closed++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(closed).toBeGreaterThan(100);
  });
});
