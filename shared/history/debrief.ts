import type { NationId, TreatyKind } from '../types.ts';
import { getScenario } from '../scenarios/index.ts';
import { INTEREST_LABELS, scores, type Score } from '../rules/scoring.ts';
import { CONCEPT_WORDS } from '../rules/news.ts';
import { findMoments, type Moment } from './moments.ts';
import { buildSeries } from './series.ts';

/** How each national interest is named in a sentence ("won as a trading state"). */
export const INTEREST_NAMES: Record<string, string> = { trading: 'trading state', frontline: 'frontline state', middle: 'middle power', neutral: 'neutral state' };
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
        (signed === 0
          ? '2. You signed no treaty: was staying free of commitments a choice or a missed chance, and what did it cost or save you? '
          : `2. You signed ${signed} treat${signed === 1 ? 'y' : 'ies'}: which served your interest, which did not, and why? `) +
        (test ? `3. Year ${test.turn}: "${test.text}" What did this moment teach you${test.concepts.length ? ` about ${test.concepts.map((c) => CONCEPT_WORDS[c] ?? c).join(' and ')}` : ''}? ` : '3. No crisis tested you directly: was that luck, deterrence or distance? ') +
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
  if (ab) qs.push(`In year ${ab.turn}, ${name(ab.nations[0]!)} abstained when ${name(ab.nations[1]!)} called for help. What did ${name(ab.nations[0]!)} gain and lose by it, and how did the others treat it afterwards?`);
  const en = first('honoured', 'entrapment');
  if (en) qs.push(`In year ${en.turn}, ${name(en.nations[0]!)} honoured a call and fought in ${name(en.nations[1]!)}'s crisis. Was that entrapment? Which alliance terms (scope, named adversary, non-provocation) could have limited it?`);
  const fr = first('free-riding');
  if (fr) qs.push(`Year ${fr.turn}: ${fr.text} Why do alliances tolerate free riders, and what could the others have done at a review?`);
  const vu = moments.find((m) => m.concepts.includes('vulnerability'));
  if (vu) qs.push(`In year ${vu.turn} a partnership ended and ${typeof vu.data?.hardestHit === 'string' ? name(vu.data.hardestHit) : 'the more dependent side'} lost output. Why was that side more vulnerable than the other?`);
  const se = first('sensitivity');
  if (se) qs.push(`In year ${se.turn}, ${name(se.nations[0]!)} lost output because its partner ${name(se.nations[1]!)} was hit. Is that sensitivity a reason to avoid partnerships, or the price of their gains?`);
  const br = first('broken');
  if (br) qs.push(`In year ${br.turn}: ${br.text} Why does breaking a formal treaty in public cost more than leaving at a review?`);
  const rl = first('region-lost');
  if (rl) qs.push(`Year ${rl.turn}: ${rl.text} Could an alliance have deterred that attack, and who would have had to pay for it?`);
  if (share !== null) qs.push(`Your class honoured ${Math.round(share * 100)}% of the calls to help; historically allies kept their word about 75% of the time (Leeds 2003). Why might your class be ${share >= 0.75 ? 'more' : 'less'} reliable than real states?`);
  const w = sc[0]!;
  const winnerNation = h.final.nations.find((n) => n.id === w.nation)!;
  const wTreaties = h.final.treaties.filter((t) => t.parties.includes(w.nation));
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const al = wTreaties.filter((t) => t.terms.kind === 'alliance').length;
  const recipe = wTreaties.length ? `with ${plural(al, 'alliance')} and ${plural(wTreaties.length - al, 'partnership')} at the end` : 'without a single treaty at the end';
  qs.push(`${winnerNation.name} won as a ${INTEREST_NAMES[w.interest]} ${recipe}. Would the same recipe have worked for a nation with a different interest?`);
  const growth = [...h.final.nations].sort((a, b) => b.economy / b.startEconomy - a.economy / a.startEconomy)[0]!;
  qs.push(`${growth.name} grew its economy the most (from ${growth.startEconomy} to ${growth.economy}). Whose choices made that possible, and did it make ${growth.name} more or less free to act?`);
  const late = moments.find((m) => m.concepts.includes('shadow-of-the-future'));
  if (late) qs.push(`In year ${late.turn}, near the end: ${late.text} Would that have happened with ten turns still to play? What does that say about the shadow of the future?`);
  if (!moments.some((m) => m.kind === 'signed' && m.data?.kind === 'alliance')) qs.push('Nobody signed a defensive alliance. What would have had to change in the threats you faced for one to be worth its upkeep?');
  if (!moments.some((m) => m.kind === 'signed' && m.data?.kind === 'partnership')) qs.push('Nobody signed a strategic partnership. What made long-term economic ties look too risky?');
  // A quiet match gives fewer: top up with questions still about this match, never a fixed list.
  for (const q of quietMatchQuestions(h, moments, sc, name)) {
    if (qs.length >= 5) break;
    if (!qs.includes(q)) qs.push(q);
  }
  return qs.slice(0, 5);
}

function quietMatchQuestions(h: History, moments: Moment[], sc: Score[], name: (id: string) => string): string[] {
  const final = h.final;
  const extra: string[] = [];
  const last = sc[sc.length - 1];
  if (last && last.nation !== sc[0]!.nation) extra.push(`${name(last.nation)} finished last as a ${INTEREST_NAMES[last.interest]}. What one decision, in which year, would you change, and what would it have cost ${name(last.nation)}?`);
  const count = (id: string): number => final.treaties.filter((t) => t.parties.includes(id)).length;
  const busiest = [...final.nations].sort((a, b) => count(b.id) - count(a.id))[0];
  if (busiest && count(busiest.id) > 0) {
    const mine = final.treaties.filter((t) => t.parties.includes(busiest.id));
    const al = mine.filter((t) => t.terms.kind === 'alliance').length;
    extra.push(`${busiest.name} ended the match in ${mine.length} treat${mine.length === 1 ? 'y' : 'ies'} (${al} alliance${al === 1 ? '' : 's'}, ${mine.length - al} partnership${mine.length - al === 1 ? '' : 's'}), more than anyone. Did that make it safer, richer, or more dependent on others?`);
  } else {
    extra.push('No treaty was in force at the end. What kept every nation from committing: distrust, cost, or no threat worth it?');
  }
  const start = network(h, 'start', 1).treaties.length;
  const end = final.treaties.length;
  extra.push(`After the first year ${start} treat${start === 1 ? 'y was' : 'ies were'} in force; at the end, ${end}. What changed the network: new threats, broken trust, or reviews?`);
  const hits = new Map<string, number>();
  for (const st of h.steps) for (const e of st.events) {
    const t = e.type === 'crisis' && !e.private ? e.data?.target : undefined;
    if (typeof t === 'string') hits.set(t, (hits.get(t) ?? 0) + 1);
  }
  const power = final.revisionistName.replace(/^the /, 'The ');
  const target = [...hits.entries()].sort((a, b) => b[1] - a[1])[0];
  extra.push(target
    ? `${power} grew stronger every year and tested ${name(target[0])} most. Did ${name(target[0])}'s treaties deter it, or only help after the blow?`
    : `${power} grew stronger every year. Why did it not strike, and who would it have tested first?`);
  const series = buildSeries(h);
  const lastTurn = Math.max(...series.map((p) => p.turn));
  const moved = final.nations.map((n) => {
    const a = series.find((p) => p.turn === 0 && p.nation === n.id)?.standing ?? 0;
    const b = series.find((p) => p.turn === lastTurn && p.nation === n.id)?.standing ?? 0;
    return { id: n.id, a, b };
  }).sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a))[0];
  if (moved && moved.a !== moved.b) extra.push(`${name(moved.id)}'s standing went from ${moved.a} to ${moved.b}, the biggest change of anyone. Which deeds did the others remember?`);
  return extra;
}
