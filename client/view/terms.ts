import {
  ADVERSARY_ANY, CONTRIBUTIONS, REVISIONIST, SCOPES, TRADE_LEVELS,
  type GameState, type NationId, type Terms, type TreatyKind, type Treaty,
} from '../../shared/types.ts';
import {
  DEFAULT_ALLIANCE, DEFAULT_PARTNERSHIP, TERM_LIMITS, termLines, preview, assess, describeTerms, freeExitFrom, termsValid,
  type Assessment,
} from '../../shared/rules/index.ts';
import { factorWord } from './format.ts';

// The treaty term editor's model: which fields each kind has, their choices and limits (from the rules),
// and the plain-language line for each (from the rules' termLines). The DOM panel only renders this.

export type FieldControl =
  | { type: 'select'; options: { value: string; label: string }[] }
  | { type: 'toggle' }
  | { type: 'number'; min: number; max: number; allowNone?: string };

export interface TermField {
  key: string;
  label: string;
  control: FieldControl;
  value: string | number | boolean | null;
  /** The plain-language line for the current value. */
  line: string;
}

const LABELS: Record<string, string> = {
  adversary: 'Against whom',
  scope: 'Where it applies',
  nonProvocation: 'Not if the member provoked it',
  contribution: 'Help sent when called',
  duration: 'Duration (turns)',
  notice: 'Exit notice (turns)',
  review: 'Review every (turns)',
  trade: 'Trade level',
  techSharing: 'Share technology',
  minTerm: 'Minimum term (turns)',
};

export const defaultTerms = (kind: TreatyKind): Terms => (kind === 'alliance' ? { ...DEFAULT_ALLIANCE } : { ...DEFAULT_PARTNERSHIP });

export function termFields(s: GameState, terms: Terms, parties: NationId[]): TermField[] {
  const lines = new Map(termLines(s, terms).map((l) => [l.term, l.line]));
  const line = (k: string) => lines.get(k) ?? '';
  if (terms.kind === 'alliance') {
    const adversaries = [
      { value: ADVERSARY_ANY, label: 'Any attacker' },
      { value: REVISIONIST, label: s.revisionistName.replace(/^the /, 'The ') },
      ...s.nations.filter((n) => !parties.includes(n.id)).map((n) => ({ value: n.id, label: n.name })),
    ];
    return [
      { key: 'adversary', label: LABELS.adversary!, control: { type: 'select', options: adversaries }, value: terms.adversary, line: line('adversary') },
      { key: 'scope', label: LABELS.scope!, control: { type: 'select', options: SCOPES.map((v) => ({ value: v, label: v === 'home' ? 'Home regions only' : 'Anywhere' })) }, value: terms.scope, line: line('scope') },
      { key: 'nonProvocation', label: LABELS.nonProvocation!, control: { type: 'toggle' }, value: terms.nonProvocation, line: line('nonProvocation') },
      { key: 'contribution', label: LABELS.contribution!, control: { type: 'select', options: CONTRIBUTIONS.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })) }, value: terms.contribution, line: line('contribution') },
      { key: 'duration', label: LABELS.duration!, control: { type: 'number', ...TERM_LIMITS.duration, allowNone: 'Open-ended' }, value: terms.duration, line: line('duration') },
      { key: 'notice', label: LABELS.notice!, control: { type: 'number', ...TERM_LIMITS.notice }, value: terms.notice, line: line('notice') },
      { key: 'review', label: LABELS.review!, control: { type: 'number', ...TERM_LIMITS.review }, value: terms.review, line: line('review') },
    ];
  }
  return [
    { key: 'trade', label: LABELS.trade!, control: { type: 'select', options: TRADE_LEVELS.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })) }, value: terms.trade, line: line('trade') },
    { key: 'techSharing', label: LABELS.techSharing!, control: { type: 'toggle' }, value: terms.techSharing, line: line('techSharing') },
    { key: 'minTerm', label: LABELS.minTerm!, control: { type: 'number', ...TERM_LIMITS.minTerm }, value: terms.minTerm, line: line('minTerm') },
    { key: 'review', label: LABELS.review!, control: { type: 'number', ...TERM_LIMITS.review }, value: terms.review, line: line('review') },
  ];
}

const clampInt = (v: number, lim: { min: number; max: number }) => Math.min(lim.max, Math.max(lim.min, Math.round(v)));

/** Return new terms with one field changed; values are coerced into the rules' limits. */
export function setTerm(terms: Terms, key: string, raw: string | number | boolean | null): Terms {
  if (terms.kind === 'alliance') {
    const t = { ...terms };
    switch (key) {
      case 'adversary': t.adversary = String(raw); break;
      case 'scope': if ((SCOPES as readonly string[]).includes(String(raw))) t.scope = raw as typeof t.scope; break;
      case 'nonProvocation': t.nonProvocation = raw === true || raw === 'true'; break;
      case 'contribution': if ((CONTRIBUTIONS as readonly string[]).includes(String(raw))) t.contribution = raw as typeof t.contribution; break;
      case 'duration': t.duration = raw === null || raw === '' || raw === 'none' ? null : clampInt(Number(raw), TERM_LIMITS.duration); break;
      case 'notice': t.notice = clampInt(Number(raw), TERM_LIMITS.notice); break;
      case 'review': t.review = clampInt(Number(raw), TERM_LIMITS.review); break;
    }
    return t;
  }
  const t = { ...terms };
  switch (key) {
    case 'trade': if ((TRADE_LEVELS as readonly string[]).includes(String(raw))) t.trade = raw as typeof t.trade; break;
    case 'techSharing': t.techSharing = raw === true || raw === 'true'; break;
    case 'minTerm': t.minTerm = clampInt(Number(raw), TERM_LIMITS.minTerm); break;
    case 'review': t.review = clampInt(Number(raw), TERM_LIMITS.review); break;
  }
  return t;
}

export interface PreviewBlock {
  partner: NationId;
  partnerName: string;
  lines: string[];
}

/** The rules' preview for each invitee (the shared rules compute every number). */
export function previewBlocks(s: GameState, viewer: NationId, to: NationId[], terms: Terms): PreviewBlock[] {
  return to.map((partner) => ({
    partner,
    partnerName: s.nations.find((n) => n.id === partner)?.name ?? partner,
    lines: preview(s, viewer, partner, terms),
  }));
}

/** Why the terms could not be sent, or null when they are complete and allowed. */
export function proposalProblem(s: GameState, viewer: NationId, to: NationId[], terms: Terms): string | null {
  if (to.length === 0) return 'Choose at least one nation to invite.';
  if (to.length > 3) return 'Invite at most three nations.';
  if (!termsValid(s, terms, [viewer, ...to])) return 'These terms are not valid: check the adversary and the numbers.';
  const linked = s.treaties.find((t) => t.terms.kind === terms.kind && [viewer, ...to].filter((p) => t.parties.includes(p)).length >= 2);
  if (linked) return `You already have a ${terms.kind === 'alliance' ? 'defensive alliance' : 'strategic partnership'} linking some of these nations.`;
  return null;
}

export interface AssessmentRow { label: string; value: number; word: 'good' | 'fair' | 'poor'; reason: string }
export interface AssessmentCard { title: string; verdict: string; total: number; rows: AssessmentRow[] }

export function assessmentCard(a: Assessment): AssessmentCard {
  return {
    title: `Assessment for you: ${a.verdict}`,
    verdict: a.verdict,
    total: a.total,
    rows: a.factors.map((f) => ({ label: f.label, value: f.value, word: factorWord(f.value), reason: f.reason })),
  };
}

/** The assessment for a proposal as the viewer would see it (computed locally when the server sent none). */
export function assessFor(s: GameState, viewer: NationId, p: { from: NationId; to: NationId[]; terms: Terms }): AssessmentCard {
  return assessmentCard(assess(s, viewer, p));
}

export const kindName = (k: TreatyKind): string => (k === 'alliance' ? 'Defensive alliance' : 'Strategic partnership');

/** Lines describing a treaty's life: review date, free exit, notice. */
export function treatyStatus(s: GameState, t: Treaty, viewer: NationId | null): string[] {
  const out: string[] = [`Signed turn ${t.signed}: ${describeTerms(s, t.terms)}.`];
  out.push(t.nextReview <= s.turn ? 'Review due now: renew or leave without penalty.' : `Next review: turn ${t.nextReview}.`);
  const free = freeExitFrom(t);
  if (t.endsAt !== null && t.noticeBy) {
    const who = t.noticeBy === viewer ? 'You' : (s.nations.find((n) => n.id === t.noticeBy)?.name ?? t.noticeBy);
    out.push(`${who} gave exit notice: it ends at the start of turn ${t.endsAt}.`);
  } else if (t.endsAt !== null) {
    out.push(`It ends at the start of turn ${t.endsAt}.`);
  } else if (Number.isFinite(free)) {
    out.push(free <= s.turn ? 'You may leave freely with notice.' : `Leaving before turn ${free} is a public break.`);
  } else if (t.terms.kind === 'alliance') {
    out.push(`Open-ended: leaving takes ${t.terms.notice} turn${t.terms.notice === 1 ? "'s" : "s'"} notice.`);
  }
  return out;
}

export interface TermChange { key: string; label: string; from: string; to: string }

function shownValue(f: TermField): string {
  if (f.control.type === 'select') return f.control.options.find((o) => o.value === f.value)?.label ?? String(f.value);
  if (f.control.type === 'toggle') return f.value ? 'Yes' : 'No';
  if (f.value === null) return f.control.allowNone ?? 'None';
  return String(f.value);
}

/** Term by term, what changed between two sets of terms (a counter-proposal against the proposal it answers). */
export function termChanges(s: GameState, before: Terms, after: Terms, parties: NationId[]): TermChange[] {
  if (before.kind !== after.kind) return [{ key: 'kind', label: 'Kind of treaty', from: kindName(before.kind), to: kindName(after.kind) }];
  const old = new Map(termFields(s, before, parties).map((f) => [f.key, f]));
  const out: TermChange[] = [];
  for (const f of termFields(s, after, parties)) {
    const o = old.get(f.key);
    if (o && o.value !== f.value) out.push({ key: f.key, label: f.label, from: shownValue(o), to: shownValue(f) });
  }
  return out;
}
