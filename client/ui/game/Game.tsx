import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NationId } from '../../../shared/types.ts';
import { useMatch } from '../match.ts';
import { TopBar } from './TopBar.tsx';
import { MapView } from './MapView.tsx';
import { Panels, type Tab } from './Panels.tsx';
import { PhaseTask } from '../sealed/PhaseTask.tsx';
import { Tutorial, tutorialDone, tutorialOpen } from '../Tutorial.tsx';
import { glossaryFocus } from '../Term.tsx';

// The game screen: the top bar (phase, countdown, "I'm done"), the sealed choice of the phase when
// there is one, the Phaser map, and the side panels in tabs. Each new phase opens at the top; the
// teacher's console never jumps away under the teacher's hands.

export function Game({ onLeave }: { onLeave: () => void }) {
  const { st, rules: s, me } = useMatch();
  const teacherOnly = st.isHost && !me;
  const [tab, setTab] = useState<Tab>(teacherOnly ? 'teacher' : 'negotiate');
  const [selected, setSelected] = useState<NationId | null>(null);
  const side = useRef<HTMLElement>(null);
  const phaseKey = s ? `${s.turn}:${s.phase}` : '';
  const seenPhase = useRef('');

  // A new phase: back to the top of the page and of the panels, and to the tab the phase is about.
  useLayoutEffect(() => {
    if (!phaseKey) return;
    const first = seenPhase.current === '';
    seenPhase.current = phaseKey;
    window.scrollTo(0, 0);
    if (side.current) side.current.scrollTop = 0;
    if (first || tab === 'teacher') return;
    if (s?.phase === 'news') setTab('news');
    else if (s?.phase === 'diplomacy' && me && tab === 'news') setTab('negotiate');
  }, [phaseKey]);

  useEffect(() => { if (me && !tutorialDone()) tutorialOpen.value = true; }, [!!me]);
  useEffect(() => () => { tutorialOpen.value = false; }, []);
  const focus = glossaryFocus.value;
  useEffect(() => { if (focus) setTab('glossary'); }, [focus?.at]);

  return (
    <div class={`game${teacherOnly ? " teacher" : ""}`}>
      <TopBar onLeave={onLeave} />
      <PhaseTask />
      <MapView selected={selected} onSelect={setSelected} />
      <section class="side" ref={side} aria-label="Diplomacy panels">
        <Panels tab={tab} setTab={setTab} glossary={focus?.key ?? null} />
      </section>
      {tutorialOpen.value ? <Tutorial /> : null}
    </div>
  );
}
