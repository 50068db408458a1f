import { useEffect, useState } from 'preact/hooks';
import { clock, secondsLeft } from '../../view/format.ts';
import { useMatch } from '../match.ts';

// The phase countdown. It ticks on its own (only this element re-renders twice a second) and stops with
// the screen, so no frozen timer stays behind after leaving.

export function Clock() {
  const { st, now } = useMatch();
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(t);
  }, []);
  const meta = st.meta;
  const left = !meta ? null : meta.paused ? meta.remaining : secondsLeft(meta.deadline, now());
  return <span class="clock" role="timer" aria-label="Time left in this phase">{clock(left)}</span>;
}
