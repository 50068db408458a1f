import { allChosen } from '../../shared/rules/index.ts';
import { GUIDE_EXTRA_SECONDS } from '../../shared/protocol/messages.ts';
import { startPhase, stopped } from './clock.ts';
import type { Match } from './match.ts';

// The match's course on the server clock: starting, each phase's timer, closing a phase (bots play, the
// sealed choices people did not make are made for them, then the rules advance) and the end. Whether a
// phase is done is the rules' question (`allChosen`) plus one of the room's: is everyone here done?

/** How long the current phase runs (ms): the host's timer, plus the guide's extra time in year 1's diplomacy. */
export function phaseMs(m: Match): number {
  const { settings } = m.session.row;
  const g = m.session.game;
  let seconds = (settings.timers as Record<string, number>)[g.phase] ?? 30;
  if (settings.guide && g.turn === 1 && g.phase === 'diplomacy') seconds += GUIDE_EXTRA_SECONDS;
  return Math.max(20, Math.round(seconds * 1000 * m.config.timerScale));
}

/** A new phase begins: everyone's "done" mark is cleared and its clock starts. */
export function enterPhase(m: Match): void {
  m.seats.unreadyAll();
  m.drafts.clear();
  m.session.setClock(startPhase(m.session.clock, phaseMs(m), m.now()));
}

export function startMatch(m: Match): void {
  m.session.setStatus('running');
  enterPhase(m);
}

/** Every nation has made its sealed choice, or everyone holding a nation here now said they are done. */
export function phaseShouldClose(m: Match): boolean {
  if (m.session.clock.paused) return false;
  if (allChosen(m.session.game)) return true;
  const active = m.seats.active();
  return active.length > 0 && active.every((p) => p.ready);
}

/** End the current phase now (its clock, the host, or everyone done). */
export function closePhase(m: Match): void {
  const s = m.session;
  if (s.status !== 'running' || s.game.over) return;
  const played = m.bots.play(s.game, s.row.seats, m.seats);
  s.adopt(played.actions, played.state);
  for (const a of m.bots.fill(s.game, s.row.seats, m.seats)) s.record(a);
  const err = s.record({ type: 'advance' });
  if (err) {
    console.error(`[entente] match ${m.code}: advance refused: ${err.message}`);
    return;
  }
  if (s.game.over) finish(m);
  else enterPhase(m);
}

/** The match is over (its last year, or the teacher ended it): archived, and let go once empty. */
export function finish(m: Match): void {
  m.session.setStatus('finished');
  m.session.setClock(stopped(m.session.clock));
  m.clock.clear();
  m.bots.clear();
  m.port.finished();
}
