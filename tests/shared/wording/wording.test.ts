import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCENARIOS } from '../../../shared/scenarios/index.ts';
import { simulate } from '../../../shared/bots/simulate.ts';
import { defaultPlayers, describeTerms, termLines, roleSheet, preview, assess, TERM_LIMITS } from '../../../shared/rules/index.ts';
import { buildHistory, buildDebrief } from '../../../shared/history/index.ts';
import { STRATEGIES, PERSONALITIES, ADVERSARY_ANY, REVISIONIST, CONTRIBUTIONS, SCOPES, TRADE_LEVELS, type GameState, type Terms } from '../../../shared/types.ts';
import { callCard } from '../../../client/view/calls.ts';
import { treatyStatus } from '../../../client/view/terms.ts';

// Every sentence the game writes, over many generated matches and terms: it starts with a capital; counts
// agree with their nouns ("1 turn's notice", never "1 turns" or "0 alliance"); no sentence names the same
// nation twice in a row of words ("at Corvenne" after "from Corvenne").

function problems(text: string, nations: string[]): string[] {
  const out: string[] = [];
  const sentences = text.split(/(?<=[.!?])\s+(?=\S)/).map((x) => x.trim()).filter(Boolean);
  for (const s of sentences) {
    const first = s.replace(/^[\u2605\u2713\u26a0"\u201c(\s]+/, '');
    if (/^[a-z]/.test(first)) out.push(`no capital: ${s}`);
    if (/\b1 (turns|years|regions|nations|calls|alliances|partnerships|treaties|points|crises)\b/.test(s)) out.push(`plural after 1: ${s}`);
    if (/\b1 turns'/.test(s) || /\b(?:[02-9]|\d\d+) turn's\b/.test(s)) out.push(`possessive: ${s}`);
    if (/\b(?:often|sometimes|rarely) face crises/.test(s) && !/ and /.test(s.split(':')[1] ?? '')) out.push(`agreement: ${s}`);
    if (/\b0 (alliance|partnership|call|treaty|crisis|region|link)\b/.test(s)) out.push(`singular after 0: ${s}`);
    for (const n of nations) {
      const hits = s.match(new RegExp(`\\b${n}\\b`, 'g'))?.length ?? 0;
      if (hits > 1 && new RegExp(`\\b${n}\\b(?![ -][A-Z])[^.]*\\bat ${n}\\b(?![ -][A-Z])`).test(s)) out.push(`names ${n} twice: ${s}`);
    }
  }
  return out;
}

const textsOfState = (s: GameState): string[] => [
  ...s.events.map((e) => e.text),
  ...s.news.flatMap((n) => n.lines),
  ...s.treaties.flatMap((t) => treatyStatus(s, t, t.parties[0]!)),
  ...s.calls.map((k) => { const c = callCard(s, k, k.ally); return [c.title, c.honour, c.abstain, `${c.honourButton}.`, `${c.abstainButton}.`]; }).flat(),
];

describe('wording over generated matches', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: events, news, treaty lines, calls, debrief`, () => {
      for (const seed of [3, 11]) {
        const seats = Math.min(scenario.maxSeats, 5);
        const players = defaultPlayers(scenario, seats).map((p, i) => ({ ...p, strategy: STRATEGIES[(i + seed) % STRATEGIES.length]!, personality: PERSONALITIES[i % PERSONALITIES.length]! }));
        const names = [...scenario.nations.map((n) => n.name), ...scenario.regions.map((r) => r.name)];
        const texts: string[] = [];
        simulate({ scenario: scenario.id, seed, turns: 6, players, onPhase: (s) => texts.push(...textsOfState(s)) });
        const { file } = simulate({ scenario: scenario.id, seed, turns: 6, players });
        const h = buildHistory(file);
        if (!h.ok) throw new Error('does not replay');
        const d = buildDebrief(h.history);
        texts.push(...d.questions, ...d.memos.map((m) => m.prompt), ...d.moments.map((m) => m.text), d.lesson);
        for (let n = 2; n <= scenario.maxSeats; n++) for (const nat of scenario.nations.slice(0, n)) {
          const r = roleSheet(scenario, nat.id, n);
          texts.push(r.situation, r.exposure, r.interest ?? 'Interest.');
        }
        expect([...new Set(texts.flatMap((t) => problems(t, names)))]).toEqual([]);
      }
    });
  }

  it('terms of every shape read right, and the preview agrees with the assessment', () => {
    const scenario = SCENARIOS[0]!;
    const { state } = simulate({ scenario: scenario.id, seed: 5, turns: 1, players: defaultPlayers(scenario, 4) });
    const s = { ...state, over: false, turn: 1 };
    const int = (lim: { min: number; max: number }) => fc.integer(lim);
    const alliance = fc.record({
      kind: fc.constant('alliance' as const), adversary: fc.constantFrom(ADVERSARY_ANY, REVISIONIST, s.nations[3]!.id), scope: fc.constantFrom(...SCOPES),
      nonProvocation: fc.boolean(), contribution: fc.constantFrom(...CONTRIBUTIONS), duration: fc.option(int(TERM_LIMITS.duration), { nil: null }),
      notice: int(TERM_LIMITS.notice), review: int(TERM_LIMITS.review),
    });
    const partnership = fc.record({ kind: fc.constant('partnership' as const), trade: fc.constantFrom(...TRADE_LEVELS), techSharing: fc.boolean(), minTerm: int(TERM_LIMITS.minTerm), review: int(TERM_LIMITS.review) });
    const names = s.nations.map((n) => n.name);
    fc.assert(fc.property(fc.oneof(alliance, partnership), (t: Terms) => {
      const a = s.nations[0]!.id;
      const b = s.nations[1]!.id;
      const texts = [describeTerms(s, t).replace(/^./, (c) => c.toUpperCase()), ...termLines(s, t).map((l) => l.line), ...preview(s, a, b, t), ...assess(s, a, { from: a, to: [b], terms: t }).factors.map((f) => f.reason)];
      expect(texts.flatMap((x) => problems(x, names))).toEqual([]);
      // The preview and the assessment card show the same numbers: the yield, the dependence.
      if (t.kind === 'partnership') {
        const lines = preview(s, a, b, t);
        const card = assess(s, a, { from: a, to: [b], terms: t }).factors;
        const yieldOf = (x: string | undefined) => x?.match(/Projected yield after (\d+ turns?): about (\d+)/)?.slice(1);
        expect(yieldOf(lines[0])).toEqual(yieldOf(card.find((f) => f.key === 'balance')?.reason));
        const dep = lines[1]!.match(/about (\d+) of 100 after (\d+ turns?)/)!.slice(1);
        const cardDep = card.find((f) => f.key === 'risks')!.reason.match(/after (\d+ turns?) you would depend on them at (\d+)/)!.slice(1);
        expect([dep[1], dep[0]]).toEqual(cardDep);
      }
    }), { numRuns: 200 });
  });
});
