import type { Comparison, MatchOutcomeRow } from '../../shared/history/index.ts';

// The class debrief's tables, without the DOM: one row per measure (treaties signed, calls honoured,
// crises, the winner) and one per nation's score, one column per match. Matches come in groups of four
// columns, so a table always fits a 360 px phone, whatever the number of parallel matches.

export interface CompareRow { label: string; values: (number | string)[]; numeric: boolean }
export interface CompareTable { matches: string[]; rows: CompareRow[] }

const MEASURES: [string, (m: MatchOutcomeRow) => number][] = [
  ['Alliances signed', (m) => m.alliances],
  ['Partnerships signed', (m) => m.partnerships],
  ['Calls honoured', (m) => m.honoured],
  ['Calls abstained', (m) => m.abstained],
  ['Treaties broken', (m) => m.broken],
  ['Crises withstood', (m) => m.crisesHeld],
  ['Crises lost', (m) => m.crisesLost],
  ['Years played', (m) => m.turns],
];

export const GROUP = 4;

function groups<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

export function outcomeTables(c: Comparison): CompareTable[] {
  const name = (id: string) => c.nations.find((n) => n.id === id)?.name ?? id;
  return groups(c.matches, GROUP).map((ms) => ({
    matches: ms.map((m) => m.id),
    rows: [
      ...MEASURES.map(([label, f]) => ({ label, values: ms.map(f), numeric: true })),
      { label: 'First place', values: ms.map((m) => m.winners.map(name).join(' and ')), numeric: false },
    ],
  }));
}

export function scoreTables(c: Comparison): CompareTable[] {
  return groups(c.matches, GROUP).map((ms) => ({
    matches: ms.map((m) => m.id),
    rows: c.nations.map((n) => ({ label: n.name, values: ms.map((m) => m.scores[n.id] ?? 0), numeric: true })),
  }));
}
