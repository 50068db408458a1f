import { useEffect, useRef, useState } from 'preact/hooks';
import { frameIndexAt, lastPosition, positionLabel, stateAt, turnStarts, type Replay } from './model.ts';

// The replay's transport: previous/next year, step by phase, play/pause at a speed, and the scrubber
// (one stop per phase boundary; arrow keys move by phase).

const SPEEDS = [0.5, 1, 2, 4];
const STEP_MS = 1200;

export function Transport({ r, pos, go, busy }: { r: Replay; pos: number; go: (p: number) => void; busy: boolean }) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const frames = r.history.frames;
  const last = lastPosition(r);
  const here = useRef(pos);
  here.current = pos;

  /** One phase boundary forward or back (from a position between boundaries, to the nearest one). */
  const step = (dir: 1 | -1, from = here.current) => {
    const i = frameIndexAt(r, from);
    const atFrame = frames[i]!.index === from;
    const target = dir > 0 ? frames[i + 1] : atFrame ? frames[i - 1] : frames[i];
    return target ? target.index : dir > 0 ? last : from;
  };
  const yearStart = (dir: 1 | -1) => {
    const starts = turnStarts(r);
    const turn = stateAt(r, pos).turn;
    if (dir > 0) return starts.find((x) => x.turn > turn)?.pos ?? last;
    const start = starts.find((x) => x.turn === turn)!;
    if (start.pos < pos) return start.pos;
    return [...starts].reverse().find((x) => x.turn < turn)?.pos ?? 0;
  };
  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => {
      if (here.current >= last) { setPlaying(false); return; }
      go(step(1));
    }, STEP_MS / speed);
    return () => clearInterval(t);
  }, [playing, speed, r]);
  const stop = () => setPlaying(false);
  const label = positionLabel(r, pos);
  const btn = (id: string, name: string, icon: string, text: string, onClick: () => void, disabled = false) => (
    <button id={id} class="btn small" type="button" aria-label={name} title={name} disabled={disabled} onClick={onClick}>
      {icon ? <span aria-hidden="true">{icon}</span> : null}{text ? `${icon ? ' ' : ''}${text}` : ''}
    </button>
  );
  return (
    <div class="timeline" role="group" aria-label="Replay controls" aria-busy={busy ? 'true' : undefined}>
      <div class="transport">
        {btn('replay-prev-year', 'Previous year', '\u00ab', 'Year', () => { stop(); go(yearStart(-1)); }, pos <= 0)}
        {btn('replay-step-back', 'Step back one phase', '\u2039', 'Phase', () => { stop(); go(step(-1)); }, pos <= 0)}
        {btn('replay-play', playing ? 'Pause' : 'Play', playing ? '\u23f8' : '\u25b6', playing ? 'Pause' : 'Play', () => { if (playing) stop(); else { if (pos >= last) go(0); setPlaying(true); } })}
        {btn('replay-step', 'Step forward one phase', '', 'Phase \u203a', () => { stop(); go(step(1)); }, pos >= last)}
        {btn('replay-next-year', 'Next year', '', 'Year \u00bb', () => { stop(); go(yearStart(1)); }, pos >= last)}
        <label class="speed"><span class="visually-hidden">Speed</span>
          <select id="replay-speed" aria-label="Playback speed" value={String(speed)} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((s) => <option key={s} value={String(s)}>{s}{'\u00d7'}</option>)}
          </select>
        </label>
      </div>
      <div class="scrub">
        <input id="replay-scrubber" type="range" min={0} max={frames.length - 1} step={1} value={frameIndexAt(r, pos)} aria-label="Timeline: year and phase" aria-valuetext={label}
          onInput={(e) => { stop(); go(frames[Number(e.currentTarget.value)]!.index); }} />
        <output id="replay-position" for="replay-scrubber" class="position" aria-live="polite">{label}</output>
      </div>
    </div>
  );
}
