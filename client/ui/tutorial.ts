import { h, render } from './dom.ts';

// The guided first turn: five short steps over the game screen, skippable, shown once per browser.

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

export function showTutorial(onClose: () => void = () => {}): void {
  const overlay = h('div', { class: 'overlay' });
  const previous = document.activeElement as HTMLElement | null;
  let step = 0;
  const close = () => {
    try { localStorage.setItem(KEY, '1'); } catch { /* private mode */ }
    overlay.remove();
    previous?.focus();
    onClose();
  };
  const draw = () => {
    const s = STEPS[step]!;
    render(overlay, h('div', { class: 'card stack', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'tut-title', onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === 'Escape') close(); } },
      h('p', { class: 'muted' }, `Guided first turn \u00b7 step ${step + 1} of ${STEPS.length}`),
      h('h2', { id: 'tut-title', tabindex: -1 }, s.title),
      h('p', {}, s.text),
      h('div', { class: 'row' },
        step > 0 ? h('button', { class: 'btn', type: 'button', onclick: () => { step--; draw(); } }, 'Back') : '',
        step < STEPS.length - 1 ? h('button', { class: 'btn primary', type: 'button', id: 'tut-next', onclick: () => { step++; draw(); } }, 'Next')
          : h('button', { class: 'btn primary', type: 'button', id: 'tut-next', onclick: close }, 'Start playing'),
        h('button', { class: 'btn', type: 'button', onclick: close }, 'Skip the guide'))));
    (document.getElementById('tut-next') as HTMLElement | null)?.focus();
  };
  document.body.appendChild(overlay);
  draw();
}
