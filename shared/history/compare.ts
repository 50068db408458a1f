import { scores } from '../rules/scoring.ts';
import { stateHash } from '../rules/hash.ts';
import type { History } from './timeline.ts';

// The class debrief's strongest question: the same start, different outcomes. Several matches of one class
// (same scenario, same seed) side by side: what each class of students made of the same world.

export interface MatchOutcomeRow {
  id: string;
  turns: number;
  alliances: number;
  partnerships: number;
  honoured: number;
  abstained: number;
  broken: number;
  crisesHeld: number;
  crisesLost: number;
  /** Each nation's final score, in scenario order. */
  scores: Record<string, number>;
  winners: string[];
}

export interface Comparison {
  /** True when every match began from the same state (same scenario, seed and nations). */
  sameStart: boolean;
  nations: { id: string; name: string }[];
  matches: MatchOutcomeRow[];
  /** Discussion questions built from the differences. */
  questions: string[];
}

function outcome(id: string, h: History): MatchOutcomeRow {
  const kinds = { alliance: 0, partnership: 0 };
  let honoured = 0;
  let abstained = 0;
  let broken = 0;
  let held = 0;
  let lost = 0;
  for (const st of h.steps) {
    for (const e of st.events) {
      if (e.type === 'signed' && (e.data?.kind === 'alliance' || e.data?.kind === 'partnership')) kinds[e.data.kind] += 1;
      else if (e.type === 'honoured') honoured += 1;
      else if (e.type === 'abstained') abstained += 1;
      else if (e.type === 'broken') broken += 1;
      else if (e.type === 'held') held += 1;
      else if (e.type === 'lost') lost += 1;
    }
  }
  const table = scores(h.final);
  const top = table[0]?.total ?? 0;
  return {
    id, turns: h.final.turn, alliances: kinds.alliance, partnerships: kinds.partnership, honoured, abstained, broken, crisesHeld: held, crisesLost: lost,
    scores: Object.fromEntries(table.map((s) => [s.nation, s.total])), winners: table.filter((s) => s.total === top).map((s) => s.nation),
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function compareMatches(matches: { id: string; history: History }[]): Comparison {
  const first = matches[0]?.history;
  const nations = first ? first.initial.nations.map((n) => ({ id: n.id, name: n.name })) : [];
  const start = first ? stateHash(first.initial) : '';
  const sameStart = matches.every((m) => stateHash(m.history.initial) === start);
  const rows = matches.map((m) => outcome(m.id, m.history));
  const name = (id: string): string => nations.find((n) => n.id === id)?.name ?? id;
  const questions: string[] = [];
  if (rows.length >= 2) {
    const byAlliances = [...rows].sort((a, b) => b.alliances - a.alliances);
    const most = byAlliances[0]!;
    const least = byAlliances.at(-1)!;
    if (most.alliances !== least.alliances) {
      questions.push(`Match ${most.id} signed ${plural(most.alliances, 'alliance')}, match ${least.id} ${plural(least.alliances, 'alliance')}, from the same start. What made one class reach for alliances and the other hold back?`);
    }
    const winners = new Set(rows.flatMap((r) => r.winners));
    if (winners.size > 1) {
      questions.push(`Different nations came out on top: ${[...winners].map(name).join(', ')}. Which choices, made in which year, decided that?`);
    } else if (winners.size === 1) {
      questions.push(`${name([...winners][0]!)} came out on top in every match. Was its position decisive, or did every match play it the same way?`);
    }
    const reliability = rows.map((r) => ({ id: r.id, share: r.honoured + r.abstained ? r.honoured / (r.honoured + r.abstained) : null }));
    const tested = reliability.filter((r) => r.share !== null);
    if (tested.length >= 2) {
      questions.push(`Calls honoured: ${tested.map((r) => `${r.id} ${Math.round(r.share! * 100)}%`).join(', ')}. Were allies more reliable where alliances were fewer, or where they were more?`);
    }
    const partners = [...rows].sort((a, b) => b.partnerships - a.partnerships);
    if (partners[0]!.partnerships !== partners.at(-1)!.partnerships) {
      questions.push(`Partnerships ranged from ${partners.at(-1)!.partnerships} to ${partners[0]!.partnerships}. Did the classes with more partnerships grow richer, and did they depend on each other more?`);
    }
  }
  return { sameStart, nations, matches: rows, questions };
}
