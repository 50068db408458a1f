import type { NationId, TreatyKind } from '../types.ts';
import { getScenario } from '../scenarios/index.ts';
import { INTEREST_LABELS, scores, type Score } from '../rules/scoring.ts';
import { CONCEPT_WORDS } from '../rules/news.ts';
import { findMoments, type Moment } from './moments.ts';
import type { History } from './timeline.ts';

// The debrief of a finished match: what the class did, named with the concepts of the lesson, and
// questions and homework built from this match rather than a fixed list.

export const HISTORICAL_RELIABILITY = {
  share: 0.75,
  source: 'Leeds, B. A. (2003). Alliance Reliability in Times of War. International Organization 57(4), 801–827: in wars from 1816 to 1944, allies kept their commitments about three times in four.',
};

export interface NetworkSnapshot {
  label: 'start' | 'middle' | 'end';
  turn: number;
  treaties: { parties: NationId[]; kind: TreatyKind }[];
}

export interface JournalLine {
  turn: number;
  nation: NationId;
  name: string;
  action: string;
  text: string;
}

export interface Debrief {
  scenario: string;
  title: string;
  lesson: string;
  turns: number;
  scores: Score[];
  winner: NationId;
  reliability: { honoured: number; abstained: number; share: number | null; historical: typeof HISTORICAL_RELIABILITY };
  networks: NetworkSnapshot[];
  moments: Moment[];
  journal: JournalLine[];
  questions: string[];
  memos: { nation: NationId; name: string; prompt: string }[];
}

function network(h: History, label: NetworkSnapshot['label'], turn: number): NetworkSnapshot {
  const frames = h.frames.filter((f) => f.turn <= turn);
  const f = frames[frames.length - 1] ?? h.frames[0]!;
  return { label, turn, treaties: f.state.treaties.map((t) => ({ parties: [...t.parties], kind: t.terms.kind })) };
}

export function buildDebrief(h: History): Debrief {
  const scenario = getScenario(h.file.scenario)!;
  const final = h.final;
  const name = (id: string): string => final.nations.find((n) => n.id === id)?.name ?? (id === 'rev' ? final.revisionistName : id);
  const moments = findMoments(h);
  const honoured = moments.filter((m) => m.kind === 'honoured').length;
  const abstained = moments.filter((m) => m.kind === 'abstained').length;
  const share = honoured + abstained ? honoured / (honoured + abstained) : null;
  const lastTurn = final.turn;
  const humans = new Set(h.file.players.filter((p) => !p.bot).map((p) => p.nation));
  const journal: JournalLine[] = [];
  for (const st of h.steps) {
    const a = st.action;
    if (!('by' in a) || !a.note || !humans.has(a.by)) continue;
    journal.push({ turn: st.turn, nation: a.by, name: name(a.by), action: a.type, text: a.note });
  }
  const sc = scores(final);
  const questions = buildQuestions(h, moments, sc, share, name);
  const memos = final.nations.map((n) => {
    const mine = moments.filter((m) => m.nations.includes(n.id));
    const test = mine.find((m) => m.concepts.length) ?? mine[0];
    const signed = moments.filter((m) => m.kind === 'signed' && m.nations.includes(n.id)).length;
    return {
      nation: n.id,
      name: n.name,
      prompt:
        `Position memo for the government of ${n.name} (one page). ${INTEREST_LABELS[n.interest]} ` +
        `1. What did ${n.name} need at the start, and from whom? ` +
        `2. You signed ${signed} treat${signed === 1 ? 'y' : 'ies'}: which served your interest, which did not, and why? ` +
        (test ? `3. Turn ${test.turn}: "${test.text}" What did this moment teach you${test.concepts.length ? ` about ${test.concepts.map((c) => CONCEPT_WORDS[c] ?? c).join(' and ')}` : ''}? ` : '3. No crisis tested you directly: was that luck, deterrence or distance? ') +
        '4. Recommend a treaty policy for the next five years: which partners, which kind of treaty, on what terms.',
    };
  });
  return {
    scenario: scenario.id, title: scenario.title, lesson: scenario.lesson, turns: lastTurn, scores: sc, winner: sc[0]!.nation,
    reliability: { honoured, abstained, share, historical: HISTORICAL_RELIABILITY },
    networks: [network(h, 'start', 1), network(h, 'middle', Math.max(1, Math.ceil(lastTurn / 2))), network(h, 'end', lastTurn)],
    moments, journal, questions, memos,
  };
}

function buildQuestions(h: History, moments: Moment[], sc: Score[], share: number | null, name: (id: string) => string): string[] {
  const qs: string[] = [];
  const first = (kind: Moment['kind'] | null, concept?: string): Moment | undefined =>
    moments.find((m) => (kind === null || m.kind === kind) && (!concept || m.concepts.includes(concept as never)));
  const ab = first('abstained');
  if (ab) qs.push(`In turn ${ab.turn}, ${name(ab.nations[0]!)} abstained when ${name(ab.nations[1]!)} called for help. What did ${name(ab.nations[0]!)} gain and lose by it, and how did the others treat it afterwards?`);
  const en = first('honoured', 'entrapment');
  if (en) qs.push(`In turn ${en.turn}, ${name(en.nations[0]!)} honoured a call and fought in ${name(en.nations[1]!)}'s crisis. Was that entrapment? Which alliance terms (scope, named adversary, non-provocation) could have limited it?`);
  const fr = first('free-riding');
  if (fr) qs.push(`Turn ${fr.turn}: ${fr.text} Why do alliances tolerate free riders, and what could the others have done at a review?`);
  const vu = moments.find((m) => m.concepts.includes('vulnerability'));
  if (vu) qs.push(`In turn ${vu.turn} a partnership ended and ${typeof vu.data?.hardestHit === 'string' ? name(vu.data.hardestHit) : 'the more dependent side'} lost output. Why was that side more vulnerable than the other?`);
  const se = first('sensitivity');
  if (se) qs.push(`In turn ${se.turn}, ${name(se.nations[0]!)} lost output because its partner ${name(se.nations[1]!)} was hit. Is that sensitivity a reason to avoid partnerships, or the price of their gains?`);
  const br = first('broken');
  if (br) qs.push(`In turn ${br.turn}: ${br.text} Why does breaking a formal treaty in public cost more than leaving at a review?`);
  const rl = first('region-lost');
  if (rl) qs.push(`Turn ${rl.turn}: ${rl.text} Could an alliance have deterred that attack, and who would have had to pay for it?`);
  if (share !== null) qs.push(`Your class honoured ${Math.round(share * 100)}% of the calls to help; historically allies kept their word about 75% of the time (Leeds 2003). Why might your class be ${share >= 0.75 ? 'more' : 'less'} reliable than real states?`);
  const w = sc[0]!;
  const winnerNation = h.final.nations.find((n) => n.id === w.nation)!;
  const wTreaties = h.final.treaties.filter((t) => t.parties.includes(w.nation));
  qs.push(`${winnerNation.name} won as a ${w.interest} state with ${wTreaties.filter((t) => t.terms.kind === 'alliance').length} alliance(s) and ${wTreaties.filter((t) => t.terms.kind === 'partnership').length} partnership(s) at the end. Would the same recipe have worked for a nation with a different interest?`);
  const growth = [...h.final.nations].sort((a, b) => b.economy / b.startEconomy - a.economy / a.startEconomy)[0]!;
  qs.push(`${growth.name} grew its economy the most (from ${growth.startEconomy} to ${growth.economy}). Whose choices made that possible, and did it make ${growth.name} more or less free to act?`);
  const late = moments.find((m) => m.concepts.includes('shadow-of-the-future'));
  if (late) qs.push(`In turn ${late.turn}, near the end: ${late.text} Would that have happened with ten turns still to play? What does that say about the shadow of the future?`);
  if (!moments.some((m) => m.kind === 'signed' && m.data?.kind === 'alliance')) qs.push('Nobody signed a defensive alliance. What would have had to change in the threats you faced for one to be worth its upkeep?');
  if (!moments.some((m) => m.kind === 'signed' && m.data?.kind === 'partnership')) qs.push('Nobody signed a strategic partnership. What made long-term economic ties look too risky?');
  return qs.slice(0, 5);
}
