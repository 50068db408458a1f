import { PHASES, type GameEvent, type GameState, type Phase } from '../types.ts';
import { clearProposals, expireProposals } from './proposals.ts';
import { closeReviews, expireTreaties, keptPromises } from './treaties.ts';
import { settlePolicies } from './policy.ts';
import { generateCrises } from './crisis.ts';
import { resolveCrises } from './resolution.ts';
import { runEconomy } from './economy.ts';
import { writeNews } from './news.ts';
import { emit, ownNation } from './state.ts';
import { scores } from './scoring.ts';

// The five phases of a turn as data plus one hook each: what happens when the turn moves on from a phase.
// Diplomacy -> policy (sealed) -> crisis (calls, sealed) -> resolution -> news -> next turn.

export const PHASE_INFO: Record<Phase, { title: string; hint: string; sealed: boolean }> = {
  diplomacy: { title: 'Diplomacy', hint: 'Propose, counter, accept or reject treaties; give notice; talk.', sealed: false },
  policy: { title: 'Policy', hint: 'Split your output between defence and investment; you may make a demand.', sealed: true },
  crisis: { title: 'Crisis', hint: 'Crises strike. If an ally calls you, choose to honour or abstain.', sealed: true },
  resolution: { title: 'Resolution', hint: 'Crises are decided and economies grow.', sealed: false },
  news: { title: 'News', hint: 'What happened this year, and the ideas behind it.', sealed: false },
};

export const nextPhase = (p: Phase): Phase | null => PHASES[PHASES.indexOf(p) + 1] ?? null;

/** Move the draft on by one phase. */
export function advance(s: GameState, out: GameEvent[]): void {
  switch (s.phase) {
    case 'diplomacy':
      expireProposals(s);
      closeReviews(s, out);
      s.phase = 'policy';
      return;
    case 'policy':
      settlePolicies(s);
      s.phase = 'crisis';
      generateCrises(s, out);
      return;
    case 'crisis': {
      s.phase = 'resolution';
      const shaken = resolveCrises(s, out);
      runEconomy(s, shaken, out);
      keptPromises(s);
      return;
    }
    case 'resolution':
      s.phase = 'news';
      s.news.push(writeNews(s));
      s.pressure += s.revisionistGrowth;
      return;
    case 'news':
      if (s.turn >= s.turns) {
        finish(s, out);
        return;
      }
      startTurn(s, out);
      return;
  }
}

function startTurn(s: GameState, out: GameEvent[]): void {
  s.turn += 1;
  s.phase = 'diplomacy';
  s.events = [];
  s.crises = [];
  s.calls = [];
  clearProposals(s);
  for (const n of s.nations) if (n.policy) ownNation(s, n.id).policy = null;
  expireTreaties(s, out);
}

/** End the match (turn limit reached, or the teacher ended it). */
export function finish(s: GameState, out: GameEvent[]): void {
  if (s.phase !== 'news') {
    expireProposals(s);
    s.news.push(writeNews(s));
    s.phase = 'news';
  }
  s.over = true;
  const top = scores(s)[0]!;
  const name = s.nations.find((n) => n.id === top.nation)!.name;
  emit(s, out, 'match-over', `The match is over. ${name} finished first with ${top.total} points.`, [top.nation]);
}

/** The nation's sealed choice of this phase is made (its policy is set / every call to it answered). */
export function hasChosen(s: GameState, nation: string): boolean {
  if (s.phase === 'policy') return s.nations.find((n) => n.id === nation)?.policy != null;
  if (s.phase === 'crisis') return s.calls.every((k) => k.ally !== nation || k.answer !== null);
  return false;
}

/** Every nation has made the sealed choice of this phase, so the phase need not wait for its clock. */
export function allChosen(s: GameState): boolean {
  if (s.phase === 'policy') return s.nations.every((n) => n.policy !== null);
  if (s.phase === 'crisis') return s.calls.every((k) => k.answer !== null);
  return false;
}
