import type { History } from './timeline.ts';
import { buildSeries } from './series.ts';

// The class export: per-nation, per-turn figures and every treaty event, as CSV for a spreadsheet.

const cell = (v: unknown): string => {
  const text = String(v ?? '');
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : text;
};
const rows = (header: string[], data: unknown[][]): string => [header, ...data].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

export function statsCsv(h: History): string {
  const names = new Map(h.initial.nations.map((n) => [n.id, n.name]));
  const header = ['turn', 'nation', 'economy', 'military', 'stability', 'reputation', 'trust_received', 'regions', 'prosperity', 'security', 'standing', 'autonomy', 'score'];
  return rows(header, buildSeries(h).map((p) => [p.turn, names.get(p.nation), p.economy, p.military, p.stability, p.reputation, p.trustReceived, p.regions, p.prosperity, p.security, p.standing, p.autonomy, p.score]));
}

export const TREATY_EVENT_TYPES = ['signed', 'amended', 'renewed', 'notice', 'called', 'honoured', 'abstained', 'broken', 'left', 'expired', 'unreviewed'] as const;

export function treatyEventsCsv(h: History): string {
  const names = new Map(h.initial.nations.map((n) => [n.id, n.name]));
  const data: unknown[][] = [];
  for (const st of h.steps) {
    for (const e of st.events) {
      if (e.private || !(TREATY_EVENT_TYPES as readonly string[]).includes(e.type)) continue;
      const d = e.data ?? {};
      data.push([e.turn, e.phase, e.type, d.treaty ?? '', d.kind ?? '', e.nations.map((n) => names.get(n) ?? n).join(' & '), typeof d.by === 'string' ? names.get(d.by) ?? d.by : typeof d.ally === 'string' ? names.get(d.ally) : '', e.text]);
    }
  }
  return rows(['turn', 'phase', 'event', 'treaty', 'kind', 'nations', 'actor', 'text'], data);
}

/**
 * The people sheet, for the teacher's marking: each student with their nation and roles, how many of the
 * nation's actions they drafted and signed, and their journal lines (the notes of what they drafted).
 * Empty (a header only) for a match without teams.
 */
export function peopleCsv(h: History): string {
  const names = new Map(h.initial.nations.map((n) => [n.id, n.name]));
  const people = h.file.people ?? [];
  const data = people.map((p) => {
    let drafted = 0;
    let signed = 0;
    const journal: string[] = [];
    for (const st of h.steps) {
      const s = 'signed' in st.action ? st.action.signed : undefined;
      if (!s) continue;
      if (s.drafter === p.id) {
        drafted += 1;
        if (st.action.note) journal.push(`Year ${st.turn}: ${st.action.note}`);
      }
      if (s.signer === p.id) signed += 1;
    }
    return [p.nickname, p.nation ? names.get(p.nation) ?? p.nation : '', p.roles.join(' + '), drafted, signed, journal.join(' | ')];
  });
  return rows(['nickname', 'nation', 'roles', 'drafted', 'signed', 'journal'], data);
}
