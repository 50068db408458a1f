import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bootServer, buildClient, launchBrowser, type BootedServer } from './helpers.ts';
import { axe, fitsWidth, noProblems, person, press, shot, tablesFit, PHONE, type Person } from './people.ts';
import { joinMatch, leaveAll, waitFor, type Player } from '../server/helpers.ts';

// A class too big for one match, in Chromium against the real server: the teacher creates a class of two
// parallel matches from the home page and lands on its dashboard; students join with the class link, by
// typing the class code, or over HTTP, and are spread over both matches; the dashboard makes teams,
// starts, pauses, resumes and advances both at once, opens a match's console and its projector, and ends
// both; the class debrief compares the two side by side.

let server: BootedServer;
let browser: Browser;
let close: () => Promise<void>;
const people: Person[] = [];
const kids: Player[] = [];

beforeAll(async () => {
  server = await bootServer(await buildClient());
  ({ browser, cleanup: close } = await launchBrowser());
}, 120_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await Promise.all(people.map((p) => shot(p, `fail-classes-${p.name}`).catch(() => undefined)));
});
afterAll(async () => { await leaveAll(...kids); await close?.(); await server?.stop(); });

const tiles = (p: Person) => p.page.locator('.match-tile');

describe('a class of parallel matches', () => {
  it('one class code, two matches: the dashboard runs both, the class debrief compares them', async () => {
    const teacher = await person(browser, 'teacher');
    people.push(teacher);
    await teacher.page.goto(server.url);
    await teacher.page.getByLabel('Nations').selectOption('3');
    await teacher.page.getByLabel('Turns (years)').fill('2');
    await teacher.page.getByText('Phase timers').click();
    for (const [label, v] of [['Diplomacy (s)', '900'], ['Policy (s)', '600'], ['Crisis calls (s)', '600'], ['Resolution (s)', '1'], ['News (s)', '1']]) await teacher.page.getByLabel(label!).fill(v!);
    await teacher.page.getByLabel('Students per nation').selectOption('2');
    // Sixteen students: with teams of two in three nations, that takes three matches; the teacher wants two.
    await teacher.page.getByLabel(/Students in the class/).pressSequentially('16');
    await expect.poll(() => teacher.page.getByLabel('Parallel matches').inputValue()).toBe('3');
    await teacher.page.getByLabel('Parallel matches').selectOption('2');
    expect(await teacher.page.locator('#host-capacity').textContent()).toMatch(/up to 6 students; 2 matches hold 12/);
    await teacher.page.getByRole('button', { name: 'Create the class (2 matches)' }).click();
    await teacher.page.waitForURL(/\/class\/[A-Z0-9]{6}$/, { timeout: 15_000 });
    const code = new URL(teacher.page.url()).pathname.split('/')[2]!;
    await expect.poll(() => tiles(teacher).filter({ hasText: 'In the lobby' }).count(), { timeout: 15_000 }).toBe(2);
    const matches = await tiles(teacher).locator('h3').allTextContents();
    const ids = matches.map((t) => t.split(': ')[1]!);
    expect(new Set([code, ...ids]).size).toBe(3);
    await axe(teacher, 'class dashboard');
    await shot(teacher, 'k01-dashboard-lobby', true);

    // --- Students: Eve with the class link on her phone, Fay typing the class code, six more over HTTP.
    const eve = await person(browser, 'eve', PHONE);
    const fay = await person(browser, 'fay');
    people.push(eve, fay);
    await eve.page.goto(`${server.url}/?class=${code}`);
    expect(await eve.page.getByLabel('Room code').inputValue()).toBe(code);
    await eve.page.getByLabel('Your nickname').pressSequentially('Eve Wren');
    await press(eve, eve.page.getByRole('button', { name: 'Join', exact: true }));
    await eve.page.getByRole('heading', { name: /Teams of up to 2/ }).waitFor({ timeout: 15_000 });
    await fay.page.goto(server.url);
    await fay.page.getByLabel('Room code').pressSequentially(code.toLowerCase());
    await fay.page.getByLabel('Your nickname').pressSequentially('Fay Dove');
    await fay.page.getByRole('button', { name: 'Join', exact: true }).click();
    await fay.page.getByRole('heading', { name: /Teams of up to 2/ }).waitFor({ timeout: 15_000 });
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/api/classes/${code}/seat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const { match } = await res.json() as { match: string };
      kids.push(await joinMatch(server.url, match, { nickname: `Pupil ${i + 1}` }));
    }
    // Spread evenly: four in each match.
    for (const t of [0, 1]) await expect.poll(() => tiles(teacher).nth(t).textContent(), { timeout: 15_000 }).toMatch(/4 students \(4 here\)/);

    // --- Make teams and start, both at once.
    await teacher.page.getByRole('button', { name: 'Make teams in every match' }).click();
    await expect.poll(() => teacher.page.locator('#class-status').textContent(), { timeout: 10_000 }).toBe('Teams made in all 2 matches.');
    await teacher.page.getByRole('button', { name: 'Start every match' }).click();
    await expect.poll(() => tiles(teacher).filter({ hasText: 'Turn 1 of 2 · Diplomacy' }).count(), { timeout: 15_000 }).toBe(2);
    for (const p of [eve, fay]) await press(p, p.page.getByRole('button', { name: 'Skip the guide' }));

    // --- Pause all: both matches stop, on the dashboard, on the students' screens and on the wire.
    await teacher.page.getByRole('button', { name: 'Pause all' }).click();
    await expect.poll(() => tiles(teacher).filter({ hasText: 'Paused' }).count(), { timeout: 10_000 }).toBe(2);
    await waitFor(() => kids.every((k) => (k.room.state as { paused?: boolean }).paused === true), 'every match paused');
    for (const p of [eve, fay]) await expect.poll(() => p.page.locator('.topbar').textContent(), { timeout: 10_000 }).toContain('Paused');
    await shot(teacher, 'k02-dashboard-paused', true);
    await teacher.page.getByRole('button', { name: 'Resume all' }).click();
    await expect.poll(() => tiles(teacher).filter({ hasText: 'Paused' }).count(), { timeout: 10_000 }).toBe(0);
    await teacher.page.getByRole('button', { name: 'Next phase in all' }).click();
    await expect.poll(() => tiles(teacher).filter({ hasText: 'Turn 1 of 2 · Policy' }).count(), { timeout: 15_000 }).toBe(2);

    // --- One match's projector (a new window), and its console right here, then back.
    const popup = teacher.page.context().waitForEvent('page');
    await tiles(teacher).nth(0).getByRole('button', { name: /^Projector/ }).click();
    const wall = await popup;
    await wall.waitForURL(new RegExp(`/projector/${ids[0]}#key=`));
    await wall.locator('.projector-game').waitFor({ timeout: 15_000 });
    await wall.close();
    await tiles(teacher).nth(1).getByRole('button', { name: /^Open its console/ }).click();
    await teacher.page.getByRole('heading', { name: 'Teacher console' }).waitFor({ timeout: 15_000 });
    expect(await teacher.page.locator('.topbar .phase').textContent()).toMatch(/Turn 1 of 2 · Policy/);
    await axe(teacher, 'a match console from the class');
    await teacher.page.getByRole('button', { name: 'Back to the class' }).click();
    await teacher.page.getByRole('heading', { name: 'Class code' }).waitFor();

    // --- The dashboard on a phone-sized window too.
    await teacher.page.setViewportSize(PHONE);
    await fitsWidth(teacher);
    await axe(teacher, 'class dashboard (narrow)');
    await teacher.page.setViewportSize({ width: 1280, height: 720 });

    // --- End both; the class debrief compares them.
    teacher.page.once('dialog', (d) => void d.accept());
    await teacher.page.getByRole('button', { name: 'End all' }).click();
    await expect.poll(() => tiles(teacher).filter({ hasText: 'Over' }).count(), { timeout: 20_000 }).toBe(2);
    await teacher.page.getByRole('link', { name: 'The class debrief' }).click();
    await teacher.page.getByRole('heading', { name: 'Class debrief: same start, different outcomes' }).waitFor({ timeout: 20_000 });
    const outcomes = teacher.page.getByRole('table', { name: /Treaties, calls and crises/ });
    for (const id of ids) expect(await outcomes.getByRole('columnheader', { name: id }).count()).toBe(1);
    expect(await outcomes.getByRole('rowheader', { name: 'Calls honoured' }).count()).toBe(1);
    expect(await teacher.page.locator('.same-start').textContent()).toMatch(/exactly the same world/);
    expect(await teacher.page.getByRole('table', { name: /Final scores/ }).getByRole('rowheader').count()).toBe(3);
    await axe(teacher, 'class debrief');
    await shot(teacher, 'k03-class-debrief', true);
    // Anyone may read it once the matches are over: Eve on her phone.
    await eve.page.goto(`${server.url}/class/${code}/debrief`);
    await eve.page.getByRole('heading', { name: 'Class debrief: same start, different outcomes' }).waitFor({ timeout: 20_000 });
    await axe(eve, 'class debrief (phone)');
    await tablesFit(eve, 360);
    await fitsWidth(eve);
    await shot(eve, 'k04-class-debrief-phone', true);

    noProblems([teacher, eve]);
    // Fay typed the class code: the class route seated her without a refused request.
    noProblems([fay]);
  }, 240_000);
});
