import { SCENARIOS } from '../../shared/scenarios/index.ts';
import type { CreateOptions } from '../../shared/protocol/messages.ts';
import { h, render, announce } from './dom.ts';
import { suggestName, nicknameProblem, normaliseCode } from '../view/names.ts';
import type { Connection } from '../net/connection.ts';

// Home: "Host a match" and "Join a match". A link with ?code=ABC234 fills in the code.

export function homeScreen(root: HTMLElement, conn: Connection): void {
  const params = new URLSearchParams(location.search);
  const code = normaliseCode(params.get('code') ?? '');

  const joinError = h('p', { id: 'join-error', class: 'error', role: 'alert' });
  const hostError = h('p', { id: 'host-error', class: 'error', role: 'alert' });
  const codeInput = h('input', { id: 'join-code', type: 'text', name: 'code', autocomplete: 'off', inputmode: 'text', maxlength: 8, value: code, required: true, 'aria-describedby': 'join-error', style: 'text-transform:uppercase;letter-spacing:.1em' });
  const nickInput = h('input', { id: 'join-nick', type: 'text', name: 'nickname', autocomplete: 'nickname', maxlength: 16, required: true, 'aria-describedby': 'join-error' });
  const joinBtn = h('button', { class: 'btn primary', type: 'submit' }, 'Join');

  const joinForm = h('form', { class: 'card stack', 'aria-labelledby': 'join-title', onsubmit: async (e: Event) => {
    e.preventDefault();
    const c = normaliseCode(codeInput.value);
    const problem = c.length < 4 ? 'Type the room code shown on the teacher\u2019s screen.' : nicknameProblem(nickInput.value);
    if (problem) { joinError.textContent = problem; return; }
    joinError.textContent = '';
    joinBtn.disabled = true;
    joinBtn.textContent = 'Joining\u2026';
    try {
      await conn.join(c, nickInput.value.trim());
    } catch (err) {
      joinError.textContent = (err as Error).message;
      announce((err as Error).message);
      joinBtn.disabled = false;
      joinBtn.textContent = 'Join';
    }
  } },
    h('h2', { id: 'join-title' }, 'Join a match'),
    h('div', { class: 'field' }, h('label', { for: 'join-code' }, 'Room code'), codeInput),
    h('div', { class: 'field' }, h('label', { for: 'join-nick' }, 'Your nickname'),
      h('div', { class: 'row' }, nickInput, h('button', { class: 'btn', type: 'button', onclick: () => { nickInput.value = suggestName(); nickInput.focus(); } }, 'Suggest a name'))),
    joinError,
    joinBtn,
  );

  let scenario = SCENARIOS[0]!;
  const scenarioSelect = h('select', { id: 'host-scenario', name: 'scenario' }, ...SCENARIOS.map((x) => h('option', { value: x.id }, x.title)));
  const scenarioInfo = h('div', { class: 'muted', 'aria-live': 'polite' });
  const seatSelect = h('select', { id: 'host-seats', name: 'seats' });
  const turnsInput = h('input', { id: 'host-turns', type: 'number', min: 1, max: 60, value: 8, name: 'turns' });
  const timer = (id: string, label: string, value: number, min: number, max: number) => {
    const input = h('input', { id, type: 'number', min, max, value, name: id });
    return { input, el: h('div', { class: 'field' }, h('label', { for: id }, label), input) };
  };
  const tDip = timer('timer-diplomacy', 'Diplomacy (s)', 240, 10, 1800);
  const tPol = timer('timer-policy', 'Policy (s)', 60, 5, 600);
  const tCri = timer('timer-crisis', 'Crisis calls (s)', 45, 5, 600);
  const tRes = timer('timer-resolution', 'Resolution (s)', 8, 1, 120);
  const tNews = timer('timer-news', 'News (s)', 20, 1, 300);
  const lesson = h('select', { id: 'host-lesson', name: 'lesson' },
    h('option', { value: '45' }, 'A 45-minute lesson'), h('option', { value: '90' }, 'A 90-minute lesson'), h('option', { value: 'custom' }, 'My own settings'));
  const applyPlan = () => {
    const plan = lesson.value === '45' || lesson.value === '90' ? scenario.classPlans?.[lesson.value] : undefined;
    if (!plan) return;
    turnsInput.value = String(plan.turns);
    tDip.input.value = String(plan.timers.diplomacy);
    tPol.input.value = String(plan.timers.policy);
    tCri.input.value = String(plan.timers.crisis);
    tRes.input.value = String(plan.timers.resolution);
    tNews.input.value = String(plan.timers.news);
  };
  const applyScenario = () => {
    scenario = SCENARIOS.find((x) => x.id === scenarioSelect.value) ?? SCENARIOS[0]!;
    const keep = Number(seatSelect.value) || scenario.defaults.seats;
    seatSelect.replaceChildren(...Array.from({ length: scenario.maxSeats - scenario.minSeats + 1 }, (_, i) => {
      const n = scenario.minSeats + i;
      return h('option', { value: n }, `${n} nations`);
    }));
    seatSelect.value = String(Math.min(scenario.maxSeats, Math.max(scenario.minSeats, keep)));
    render(scenarioInfo, h('p', { style: 'margin:.2rem 0' }, scenario.summary), scenario.lesson ? h('p', { style: 'margin:.2rem 0' }, h('strong', {}, 'Lesson: '), scenario.lesson) : '',
      // The teacher's brief: learning goals, suggested timing, what to watch for (issue 7).
      scenario.brief ? h('details', { id: 'host-brief', style: 'margin:.3rem 0' }, h('summary', {}, h('strong', {}, 'Teacher brief')),
        h('p', { style: 'margin:.3rem 0 .1rem' }, h('strong', {}, 'Learning goals')), h('ul', { style: 'margin:0' }, ...scenario.brief.goals.map((g) => h('li', {}, g))),
        h('p', { style: 'margin:.3rem 0 .1rem' }, h('strong', {}, 'Timing: '), scenario.brief.timing),
        h('p', { style: 'margin:.3rem 0 .1rem' }, h('strong', {}, 'What to watch for')), h('ul', { style: 'margin:0' }, ...scenario.brief.watchFor.map((g) => h('li', {}, g)))) : '');
    applyPlan();
  };
  scenarioSelect.addEventListener('change', applyScenario);
  lesson.addEventListener('change', applyPlan);
  for (const t of [turnsInput, tDip.input, tPol.input, tCri.input, tRes.input, tNews.input]) t.addEventListener('input', () => { lesson.value = 'custom'; });
  seatSelect.value = String(scenario.defaults.seats);
  applyScenario();
  const nameInput = h('input', { id: 'host-name', type: 'text', maxlength: 16, value: 'Teacher', name: 'hostName' });
  const plays = h('input', { id: 'host-plays', type: 'radio', name: 'hostrole', value: 'plays' });
  const teacherOnly = h('input', { id: 'host-teacher', type: 'radio', name: 'hostrole', value: 'teacher', checked: true });
  const reads = h('input', { id: 'host-reads', type: 'checkbox', name: 'teacherReads' });
  const publish = h('input', { id: 'host-publish', type: 'checkbox', name: 'publishNegotiations' });
  const hostBtn = h('button', { class: 'btn primary', type: 'submit' }, 'Create the match');
  const int = (el: HTMLInputElement, d: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(Number(el.value) || d)));

  const hostForm = h('form', { class: 'card stack', 'aria-labelledby': 'host-title', onsubmit: async (e: Event) => {
    e.preventDefault();
    const options: CreateOptions = {
      scenario: scenario.id,
      seats: Number(seatSelect.value),
      turns: int(turnsInput, 8, 1, 60),
      hostName: nameInput.value.trim() || 'Teacher',
      hostPlays: plays.checked,
      teacherReads: reads.checked,
      publishNegotiations: publish.checked,
      timers: {
        diplomacy: int(tDip.input, 240, 10, 1800),
        policy: int(tPol.input, 60, 5, 600),
        crisis: int(tCri.input, 45, 5, 600),
        resolution: int(tRes.input, 8, 1, 120),
        news: int(tNews.input, 20, 1, 300),
      },
    };
    hostBtn.disabled = true;
    hostBtn.textContent = 'Creating\u2026';
    try {
      await conn.host(options);
    } catch (err) {
      hostError.textContent = `Could not create the match: ${(err as Error).message}`;
      hostBtn.disabled = false;
      hostBtn.textContent = 'Create the match';
    }
  } },
    h('h2', { id: 'host-title' }, 'Host a match'),
    h('div', { class: 'field' }, h('label', { for: 'host-scenario' }, 'Scenario'), scenarioSelect),
    scenarioInfo,
    h('div', { class: 'field' }, h('label', { for: 'host-lesson' }, 'Class length'), lesson),
    h('div', { class: 'grid2' },
      h('div', { class: 'field' }, h('label', { for: 'host-seats' }, 'Nations'), seatSelect),
      h('div', { class: 'field' }, h('label', { for: 'host-turns' }, 'Turns (years)'), turnsInput)),
    h('details', {}, h('summary', {}, 'Phase timers'), h('div', { class: 'grid3', style: 'margin-top:.4rem' }, tDip.el, tPol.el, tCri.el, tRes.el, tNews.el)),
    h('div', { class: 'field' }, h('label', { for: 'host-name' }, 'Your name'), nameInput),
    h('fieldset', {}, h('legend', {}, 'Your role'),
      h('div', {}, teacherOnly, ' ', h('label', { for: 'host-teacher' }, 'Teacher only (run the match, do not play)')),
      h('div', {}, plays, ' ', h('label', { for: 'host-plays' }, 'I play a nation too'))),
    h('div', {}, reads, ' ', h('label', { for: 'host-reads' }, 'The teacher may read negotiations (students are told)')),
    h('div', {}, publish, ' ', h('label', { for: 'host-publish' }, 'Share the negotiations and each student\u2019s decision-journal notes in the replay and the class debrief after the match (students are told)')),
    hostError,
    hostBtn,
  );

  render(root, h('div', { class: 'home' },
    h('header', {},
      h('h1', {}, 'Entente'),
      h('p', {}, 'A diplomacy game for the classroom. Each of you leads a nation. Every deal is either a ',
        h('strong', {}, 'defensive alliance'), ' (help when attacked, dormant until a crisis) or a ',
        h('strong', {}, 'strategic partnership'), ' (trade and technology that grow every year).'),
      h('p', {}, h('a', { href: '/matches', id: 'home-archive' }, 'Past matches: the archive, replays and "what if" forks')),
      h('p', {}, h('a', { href: '/glossary', id: 'home-glossary' }, 'Glossary: every idea in the game in plain words'))),
    h('div', { class: 'forms' }, joinForm, hostForm)));
  (code ? nickInput : codeInput).focus();
}
