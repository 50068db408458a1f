import { useEffect, useRef, useState } from 'preact/hooks';
import { signal } from '@preact/signals';

// The guided first turn: five short steps over the game screen, skippable, shown once per browser. It is
// part of the game screen's tree, so leaving or being removed from the match takes it away too.

const KEY = 'entente.tutorial.done';

const STEPS: { title: string; text: string }[] = [
  { title: 'You lead a nation', text: 'Your nation, its colour and pattern are at the top. "My nation" tells you its situation and its secret national interest: what your score rewards. Each turn is one year, in five phases: diplomacy, policy, crisis, resolution and news. The timer shows how long the phase lasts.' },
  { title: 'Two kinds of treaty', text: 'A defensive alliance is help when attacked: it sleeps until a crisis meets its terms, deters attackers, and can drag you into your ally\u2019s fights. A strategic partnership is trade and technology: it yields output every year and grows, but makes you depend on your partner.' },
  { title: 'How to propose', text: 'Open "Negotiate", tick one to three nations, choose the kind and the terms. Each term has a plain line that says what it means, and the preview shows what you would gain. The assessment card weighs the deal for you.' },
  { title: 'Sealed choices', text: 'In the policy phase you split your output between defence and investment, secretly. In the crisis phase an ally may call you: honour (send troops) or abstain (keep them, but lose reputation and the alliance).' },
  { title: 'Read the map and the news', text: 'Solid lines are alliances, dashed lines partnerships; thicker means deeper. Red markers are crises. After each year the news names the ideas at work. Words with dotted underlines are explained in the glossary.' },
];

export function tutorialDone(): boolean {
  try { return localStorage.getItem(KEY) === '1'; } catch { return true; }
}

/** Open (true) or closed; the top bar's "Guide" button opens it again. */
export const tutorialOpen = signal(false);

export function Tutorial() {
  const [step, setStep] = useState(0);
  const next = useRef<HTMLButtonElement>(null);
  const previous = useRef<Element | null>(document.activeElement);
  useEffect(() => { next.current?.focus({ preventScroll: true }); }, [step]);
  useEffect(() => () => { (previous.current as HTMLElement | null)?.focus?.({ preventScroll: true }); }, []);
  const close = () => {
    try { localStorage.setItem(KEY, '1'); } catch { /* private mode */ }
    tutorialOpen.value = false;
  };
  const s = STEPS[step]!;
  const last = step === STEPS.length - 1;
  return (
    <div class="overlay">
      <div class="card stack" role="dialog" aria-modal="true" aria-labelledby="tut-title" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
        <p class="muted">Guided first turn · step {step + 1} of {STEPS.length}</p>
        <h2 id="tut-title">{s.title}</h2>
        <p>{s.text}</p>
        <div class="row">
          {step > 0 ? <button class="btn" type="button" onClick={() => setStep(step - 1)}>Back</button> : null}
          <button ref={next} class="btn primary" type="button" id="tut-next" onClick={() => (last ? close() : setStep(step + 1))}>{last ? 'Start playing' : 'Next'}</button>
          <button class="btn" type="button" onClick={close}>Skip the guide</button>
        </div>
      </div>
    </div>
  );
}
