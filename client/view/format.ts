import type { Phase, ResourceProfile } from '../../shared/types.ts';
import { RESOURCES } from '../../shared/types.ts';
import { PHASE_INFO } from '../../shared/rules/index.ts';

// Small formatters shared by every panel. Pure functions, unit-tested.

/** Seconds left until a deadline, never negative; null when there is no running timer. */
export function secondsLeft(deadline: number | null | undefined, now: number): number | null {
  if (deadline === null || deadline === undefined || !Number.isFinite(deadline) || deadline <= 0) return null;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** 75 -> "1:15"; null -> "–". */
export function clock(seconds: number | null): string {
  if (seconds === null) return '–';
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "Turn 2 of 8 · Diplomacy". */
export function phaseLine(turn: number, turns: number, phase: Phase | 'lobby' | 'over'): string {
  if (phase === 'lobby') return 'Waiting in the lobby';
  if (phase === 'over') return `Match over after ${turns} turns`;
  return `Turn ${turn} of ${turns} · ${PHASE_INFO[phase].title}`;
}

/** What a student should do now, in one line. */
export function phaseHint(phase: Phase | 'lobby' | 'over'): string {
  if (phase === 'lobby') return 'Pick a nation and press Ready. The host starts the match.';
  if (phase === 'over') return 'The match is over: see the scores.';
  return PHASE_INFO[phase].hint;
}

const RESOURCE_WORD: Record<string, string> = { industry: 'industry', agriculture: 'farming', energy: 'energy', technology: 'technology' };

/** "industry 40 · technology 35 · farming 15 · energy 10" (largest first). */
export function resourceLine(r: ResourceProfile): string {
  return [...RESOURCES].sort((a, b) => r[b] - r[a] || RESOURCES.indexOf(a) - RESOURCES.indexOf(b))
    .map((k) => `${RESOURCE_WORD[k]} ${r[k]}`).join(' · ');
}

/** Signed number: 5 -> "+5", -3 -> "−3", 0 -> "0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${Math.abs(n)}`;
  return '0';
}

/** A factor value (-100..100) in words, so numbers are never the only cue. */
export function factorWord(value: number): 'good' | 'fair' | 'poor' {
  return value >= 15 ? 'good' : value <= -15 ? 'poor' : 'fair';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
