import { phaseHint, phaseLine } from '../../view/format.ts';
import { mePlayer } from '../../state/model.ts';
import { useMatch } from '../match.ts';
import { Swatch } from '../Swatch.tsx';
import { Clock } from './Clock.tsx';
import { tutorialOpen } from '../Tutorial.tsx';

// The top bar of the game: my nation, the phase and its countdown, "I'm done" (so the phase can end
// early), my key stats, the guide and Leave. On a phone it stays on screen while the panels scroll.

export function TopBar({ onLeave, back }: { onLeave: () => void; back?: string }) {
  const { st, rules: s, me, scenario, conn } = useMatch();
  const mine = s?.nations.find((n) => n.id === me);
  const sc = scenario.nations.find((n) => n.id === me);
  const phase = s ? (s.over ? 'over' : s.phase) : 'lobby';
  const meP = mePlayer(st);
  const seated = (st.meta?.players ?? []).filter((p) => p.nation && p.connected && !p.bot);
  const canBeDone = !!meP?.nation && !!s && !s.over && ['diplomacy', 'policy', 'crisis'].includes(s.phase);
  return (
    <header class="topbar">
      <span class="row who">{sc ? <Swatch pattern={sc.pattern} color={sc.color} size={26} /> : null}<strong>{mine ? mine.name : 'Teacher'}</strong></span>
      <span class="phase">{s ? phaseLine(s.turn, s.turns, phase) : ''}</span>
      <Clock />
      {st.meta?.paused ? <strong>Paused</strong> : null}
      {canBeDone ? (
        <span class="done row">
          <button class={`btn small ${meP!.ready ? '' : 'primary'}`} type="button" aria-pressed={meP!.ready ? 'true' : 'false'} onClick={() => conn.send('ready', { ready: !meP!.ready, phase: s!.phase })}>
            {meP!.ready ? 'Done \u2713 (undo)' : 'I\u2019m done'}
          </button>
          <span class="done-count">{seated.filter((p) => p.ready).length} of {seated.length} done</span>
        </span>
      ) : null}
      <span class="hint">{phaseHint(phase)}</span>
      {mine ? (
        <span class="stats" aria-label="Your key stats">
          <span>Economy {mine.economy}</span><span>Military {mine.military}</span><span>Stability {mine.stability}</span><span>Reputation {mine.reputation}</span>
        </span>
      ) : null}
      <span class="row bar-actions">
        {me ? <button class="btn small" type="button" onClick={() => { tutorialOpen.value = true; }}>Guide</button> : null}
        {/* From the class dashboard the way out goes back to it, and the match goes on. */}
        <button class="btn small" type="button" onClick={() => { if (back || confirm('Leave this match? You can rejoin with the code and your nickname.')) onLeave(); }}>{back ?? 'Leave'}</button>
      </span>
    </header>
  );
}
