import { MAX_NOTE, type Action, type GameState, type NationId, type Player } from '../types.ts';
import { apply } from '../rules/apply.ts';
import { decide, type BotProfile } from './index.ts';

// The one bot loop: the headless simulator and the live server both let bots play through these
// functions, so an all-bot live match and `npm run simulate` with the same inputs record the same actions.
// Each recorded bot action carries its reason as the note (a decision journal that players and the
// debrief can read).

/** Bot rounds per diplomacy phase: enough for proposals to be answered and countered. Sealed phases take one. */
export const DIPLOMACY_ROUNDS = 3;

export function profileOf(p: Pick<Player, 'strategy' | 'personality'>): BotProfile {
  return { strategy: p.strategy ?? 'adaptive', personality: p.personality ?? 'loyal' };
}

export const clipNote = (s: string): string => (s.length > MAX_NOTE ? `${s.slice(0, MAX_NOTE - 1)}…` : s);

/** Rounds the bots play in this phase (0 where nothing waits for them). */
export function botRounds(state: GameState): number {
  if (state.over) return 0;
  if (state.phase === 'diplomacy') return DIPLOMACY_ROUNDS;
  return state.phase === 'policy' || state.phase === 'crisis' ? 1 : 0;
}

/** One round: each of `players` in turn decides on the state as it is, and what the rules accept is kept. */
export function botRound(state: GameState, players: readonly Player[], log: Action[]): GameState {
  for (const p of players) {
    for (const d of decide(state, p.nation, profileOf(p))) {
      const action: Action = { ...d.action, note: clipNote(d.reason) };
      const r = apply(state, action);
      if (r.ok) {
        state = r.state;
        log.push(action);
      }
    }
  }
  return state;
}

/** The bots of `players` play their rounds for this phase. Returns the new state and what they did. */
export function botsAct(state: GameState, players: readonly Player[]): { state: GameState; actions: Action[] } {
  const actions: Action[] = [];
  const rounds = botRounds(state);
  for (let round = 0; round < rounds; round++) state = botRound(state, players, actions);
  return { state, actions };
}

/**
 * At the end of a sealed phase, the choices people did not make, made for them by their seat's bot policy
 * (the note says so). Nothing for seats that chose.
 */
export function fillSealedChoices(state: GameState, seats: readonly Player[], nations: readonly NationId[]): Action[] {
  const out: Action[] = [];
  if (state.phase !== 'policy' && state.phase !== 'crisis') return out;
  for (const nation of nations) {
    const seat = seats.find((p) => p.nation === nation) ?? { nation, name: nation, bot: true };
    for (const d of decide(state, nation, profileOf(seat))) out.push({ ...d.action, note: clipNote(`Chosen for you at the deadline: ${d.reason}`) });
  }
  return out;
}
