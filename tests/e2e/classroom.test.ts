import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bootServer, buildClient, launchBrowser, type BootedServer } from './helpers.ts';
import { axe, fitsWidth, noProblems, person, phaseIs, press, shot, tablesFit, PHONE, PROJECTOR, type Person } from './people.ts';
import { checkMap } from './mapcheck.ts';

// A lesson as a class plays it, in real Chromium against the real server: a teacher on a laptop, Alice on
// a laptop, Bob on a phone (390x844, taps), the projector at 1920x1080. Every number edited in a term is
// followed at once by one click or tap on the button, and must count; journal lines reach the record.

let server: BootedServer;
let browser: Browser;
let close: () => Promise<void>;
const people: Person[] = [];

beforeAll(async () => {
  server = await bootServer(await buildClient());
  ({ browser, cleanup: close } = await launchBrowser());
}, 120_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await Promise.all(people.map((p) => shot(p, `fail-${p.name}`).catch(() => undefined)));
});
afterAll(async () => { await close?.(); await server?.stop(); });

const join = async (p: Person, code: string, nick: string) => {
  await p.page.getByLabel('Your nickname').fill(nick);
  await press(p, p.page.getByRole('button', { name: 'Join', exact: true }));
};
const next = async (host: Person, students: Person[], phase: RegExp) => {
  await host.page.getByRole('button', { name: 'Next phase now' }).click();
  await phaseIs([host, ...students], phase);
};
/**
 * Phase by phase to `phase`. Phases with nothing to decide (and resolution, news: 1 s here) pass on their
 * own, so the teacher clicks only on a phase that has stayed put for a moment, and then waits for it to
 * move on: a click never lands on the phase after the one the teacher meant.
 */
const through = async (host: Person, students: Person[], phase: RegExp) => {
  const now = async () => (await host.page.locator('.topbar .phase').textContent({ timeout: 5_000 })) ?? '';
  for (let i = 0; i < 20; i++) {
    const before = await now();
    if (phase.test(before)) break;
    await host.page.waitForFunction((t) => {
      const w = window as unknown as { __phase?: string; __since?: number };
      const cur = document.querySelector('.topbar .phase')?.textContent ?? '';
      if (cur !== w.__phase) { w.__phase = cur; w.__since = performance.now(); }
      return cur !== t || performance.now() - (w.__since ?? 0) > 1500;
    }, before, { polling: 100, timeout: 15_000 });
    if ((await now()) !== before || /Resolution|News/.test(before)) continue;
    await host.page.getByRole('button', { name: 'Next phase now' }).click();
    await expect.poll(now, { timeout: 15_000 }).not.toBe(before);
  }
  await phaseIs([host, ...students], phase);
};

describe('a lesson in Chromium: teacher, a laptop and a phone', () => {
  it('every click counts, screens open at the top, the console and the projector work', async () => {
    const host = await person(browser, 'teacher');
    people.push(host);
    await host.page.goto(server.url);
    await host.page.getByRole('heading', { name: 'Host a match' }).waitFor({ timeout: 30_000 });
    await axe(host, 'home');
    expect(await host.page.getByLabel('Guided first turn (extra time in year 1)').isChecked()).toBe(true);
    await host.page.getByLabel('Nations').selectOption('3');
    await host.page.getByLabel('Turns (years)').fill('3');
    await host.page.getByText('Phase timers').click();
    for (const [label, v] of [['Diplomacy (s)', '900'], ['Policy (s)', '600'], ['Crisis calls (s)', '600'], ['Resolution (s)', '1'], ['News (s)', '1']]) await host.page.getByLabel(label!).fill(v!);
    await host.page.getByLabel('The teacher may read negotiations (students are told)').check();
    await host.page.getByLabel(/Share the negotiations/).check();
    await host.page.getByRole('button', { name: 'Create the match' }).click();
    await host.page.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const code = (await host.page.locator('.room-code').textContent())!.trim();

    // The projector: its own page, opened from the console in a new window, then at 1920x1080.
    const popup = host.page.context().waitForEvent('page');
    await host.page.getByRole('button', { name: 'Open the projector view (new window)' }).click();
    const opened = await popup;
    await opened.waitForURL(/\/projector\//);
    const url = new URL(opened.url());
    expect(url.pathname).toBe(`/projector/${code}`);
    expect(url.hash).toMatch(/^#key=/);
    await opened.close();
    const wall = await person(browser, 'projector', PROJECTOR);
    people.push(wall);
    await wall.page.goto(url.toString());
    await expect.poll(() => wall.page.locator('.projector-code').textContent(), { timeout: 15_000 }).toBe(code);
    await expect.poll(() => wall.page.locator('.qr svg').count()).toBe(1);
    await axe(wall, 'projector lobby');
    await shot(wall, 'c01-projector-lobby');

    const alice = await person(browser, 'alice');
    const bob = await person(browser, 'bob', PHONE);
    people.push(alice, bob);
    await alice.page.goto(`${server.url}/?code=${code}`);
    await join(alice, code, 'Alice Otter');
    await bob.page.goto(server.url);
    await bob.page.getByLabel('Room code').fill(code.toLowerCase());
    await join(bob, code, 'Bob Heron');
    for (const [p, nation] of [[alice, 'Valdor'], [bob, 'Kestria']] as const) {
      const card = p.page.getByRole('listitem', { name: nation });
      await card.waitFor({ timeout: 15_000 });
      const take = card.getByRole('button', { name: `Play ${nation}` });
      if (await take.count()) await press(p, take);
      await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('(you)');
      await press(p, p.page.getByRole('button', { name: 'I’m ready' }));
    }
    await axe(bob, 'lobby (phone)');
    await axe(host, 'lobby (teacher)');
    await fitsWidth(bob);
    await host.page.getByRole('button', { name: 'Start the match' }).click();

    // --- The game opens at the top; the guide shows once and goes. The guided first turn (on by default)
    // gives this year's diplomacy 90 s more than the 900 s set.
    await phaseIs([host, alice, bob], /Turn 1 of 3 · Diplomacy/);
    const [mm, ss] = (await alice.page.getByRole('timer').textContent())!.split(':').map(Number);
    expect(mm! * 60 + ss!).toBeGreaterThan(900);
    for (const p of [alice, bob]) {
      await p.page.getByRole('dialog', { name: 'You lead a nation' }).waitFor();
      expect(await p.page.evaluate(() => scrollY)).toBe(0);
      await press(p, p.page.getByRole('button', { name: 'Skip the guide' }));
    }
    await axe(alice, 'game (student)');
    await axe(bob, 'game (phone)');
    await axe(host, 'game (teacher)');
    // The desktop page never scrolls into blank space below the app.
    for (const p of [alice, host]) expect(await p.page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    await tablesFit(host, 1280);
    await checkMap(bob.page);
    await checkMap(alice.page);
    await shot(bob, 'c02-game-phone');

    // --- Alice edits numbers in a partnership and clicks "Send the proposal" once.
    await alice.page.getByRole('checkbox', { name: 'Kestria' }).check();
    await alice.page.getByRole('radio', { name: 'Strategic partnership' }).check();
    await alice.page.getByLabel('Minimum term (turns)').fill('5');
    await alice.page.getByLabel('Review every (turns)').fill('2');
    await alice.page.getByLabel('Why this deal? (decision journal)').fill('Kestria has the farms we lack.');
    await alice.page.getByRole('button', { name: 'Send the proposal' }).click();
    await expect.poll(() => alice.page.getByRole('status').filter({ hasText: 'Proposal sent.' }).count(), { timeout: 10_000 }).toBe(1);
    // Her open proposal shows the advice beside it.
    const sent = alice.page.getByRole('article', { name: 'Your proposal to Kestria' });
    await expect.poll(() => sent.filter({ hasText: 'Status: open' }).locator('.assessment').count(), { timeout: 10_000 }).toBe(1);

    // --- Bob (phone) counters: edits a number, writes why, taps once; Alice sees what changed.
    const offer = bob.page.getByRole('article').filter({ hasText: 'Valdor proposes a strategic partnership' });
    await offer.waitFor({ timeout: 15_000 });
    await press(bob, offer.getByRole('button', { name: 'Counter (edit the terms)' }));
    await bob.page.getByRole('heading', { name: 'Counter Valdor’s proposal' }).waitFor();
    await bob.page.getByLabel('Minimum term (turns)').fill('7');
    await expect.poll(() => bob.page.getByRole('group', { name: 'What changes' }).textContent()).toMatch(/Minimum term \(turns\):\s*5\s*→\s*7/);
    await bob.page.getByLabel('Why this deal? (decision journal)').fill('A longer term protects our farms.');
    await press(bob, bob.page.getByRole('button', { name: 'Send the counter-proposal' }));
    const counter = alice.page.getByRole('article').filter({ hasText: 'Kestria proposes a strategic partnership' });
    await counter.waitFor({ timeout: 15_000 });
    expect(await counter.getByRole('group', { name: 'What the counter changed' }).textContent()).toMatch(/Minimum term \(turns\):\s*5\s*→\s*7/);
    // Her own proposal, answered by the counter, keeps its status and no advice: nothing is left to decide on it.
    await expect.poll(() => sent.filter({ hasText: 'Status: countered' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await sent.locator('.assessment').count()).toBe(0);
    await shot(alice, 'c03-counter-diff');
    await counter.getByLabel('Why? (decision journal)').fill('Seven years is fair.');
    await counter.getByRole('button', { name: 'Accept Kestria’s proposal' }).click();
    await expect.poll(() => alice.page.getByRole('tab', { name: /Treaties/ }).count()).toBe(1);

    // --- Bob proposes an alliance from the phone, a number edited first; Alice accepts.
    await bob.page.getByRole('checkbox', { name: 'Valdor' }).tap();
    await bob.page.getByRole('radio', { name: 'Defensive alliance' }).tap();
    await bob.page.getByLabel('Exit notice (turns)').fill('1');
    await bob.page.getByLabel('Why this deal? (decision journal)').fill('We need a shield.');
    await bob.page.getByRole('button', { name: 'Send the proposal' }).tap();
    const alliance = alice.page.getByRole('article').filter({ hasText: 'Kestria proposes a defensive alliance' });
    await alliance.waitFor({ timeout: 15_000 });
    expect(await alliance.textContent()).toMatch(/1 turn of notice/);
    await alliance.getByRole('button', { name: 'Accept Kestria’s proposal' }).click();
    await alice.page.getByRole('tab', { name: /Treaties/ }).click();
    await expect.poll(() => alice.page.getByRole('article').filter({ hasText: /with Kestria/ }).count(), { timeout: 15_000 }).toBe(2);
    // --- Alice reloads mid-turn: the same seat, the same treaties, the page at the top.
    await alice.page.reload();
    await expect.poll(() => alice.page.locator('.topbar').textContent(), { timeout: 20_000 }).toContain('Valdor');
    await phaseIs([alice], /Turn 1 of 3 · Diplomacy/);
    await alice.page.getByRole('tab', { name: /Treaties/ }).click();
    await expect.poll(() => alice.page.getByRole('article').filter({ hasText: /with Kestria/ }).count(), { timeout: 15_000 }).toBe(2);
    await alice.page.getByRole('tab', { name: /Negotiate/ }).click();

    // --- The teacher injects a crisis on Kestria by Isolde and is told what was queued.
    await host.page.getByLabel('Target').selectOption({ label: 'Kestria' });
    await host.page.getByLabel('Attacker').selectOption({ label: 'Isolde' });
    await host.page.getByLabel('Type').selectOption('blockade');
    await host.page.getByLabel('Strength').fill('40');
    await host.page.getByRole('button', { name: 'Inject' }).click();
    await expect.poll(() => host.page.locator('#inject-status').textContent(), { timeout: 10_000 }).toBe('Queued: A blockade of Kestria by Isolde, strength 40, strikes in the next crisis phase.');
    expect(await host.page.getByRole('button', { name: 'Move', exact: true }).isDisabled()).toBe(true);
    expect(await host.page.locator('#move-why').textContent()).toBe('Pause first to move a player.');
    await shot(host, 'c04-console');

    // --- Policy: each new phase opens at the top; the timer and "I'm done" stay on the phone's screen.
    await bob.page.evaluate(() => scrollTo(0, 900));
    await next(host, [alice, bob], /Turn 1 of 3 · Policy/);
    expect(await bob.page.evaluate(() => scrollY)).toBe(0);
    await bob.page.evaluate(() => scrollTo(0, 1200));
    const bar = await bob.page.locator('.topbar').boundingBox();
    expect(bar!.y).toBeGreaterThanOrEqual(-1);
    expect(await bob.page.getByRole('timer').isVisible()).toBe(true);
    expect(await bob.page.getByRole('button', { name: 'I’m done' }).isVisible()).toBe(true);
    await bob.page.evaluate(() => scrollTo(0, 0));
    await alice.page.getByLabel('Why? (decision journal, optional)').fill('Guns first this year.');
    await alice.page.getByRole('button', { name: 'Seal my policy' }).click();
    await expect.poll(() => alice.page.getByRole('status').filter({ hasText: 'Sealed:' }).count(), { timeout: 10_000 }).toBe(1);
    await bob.page.getByLabel('Why? (decision journal, optional)').fill('Trade first.');
    await shot(bob, 'c05-policy-phone');
    await bob.page.getByRole('button', { name: 'Seal my policy' }).tap();
    // Both sealed: the phase may close at once, taking the form (and its status line) away.
    await expect.poll(async () => (await bob.page.getByRole('status').filter({ hasText: 'Sealed:' }).count()) > 0
      || !/Policy/.test((await bob.page.locator('.topbar .phase').textContent()) ?? ''), { timeout: 10_000 }).toBe(true);

    // --- Crisis: Alice answers her ally's call with a journal line (one click).
    // Both sealed: the policy phase closes on its own; the teacher clicks only if it stays put.
    await through(host, [alice, bob], /Turn 1 of 3 · Crisis/);
    const honour = alice.page.getByRole('button', { name: /^Honour the call from Kestria/ });
    await honour.first().waitFor({ timeout: 15_000 });
    expect(await honour.first().textContent()).not.toMatch(/Kestria.*Kestria/);
    await alice.page.locator('.sealed').getByLabel('Why? (decision journal, optional)').first().fill('An ally keeps its word.');
    await axe(alice, 'crisis (student)');
    await honour.first().click();
    // Every call answered: the server may close the phase at once.
    await expect.poll(async () => (await alice.page.getByText('Your sealed answer: honour').count()) > 0
      || !/Crisis/.test((await alice.page.locator('.topbar .phase').textContent()) ?? ''), { timeout: 10_000 }).toBe(true);

    // --- Projector mid-match: map, treaties, timer, news and standings; no private panel.
    await wall.page.locator('.projector-game').waitFor({ timeout: 15_000 });
    expect(await wall.page.getByRole('heading', { name: 'Standings' }).isVisible()).toBe(true);
    expect(await wall.page.getByRole('heading', { name: /Treaties \(2\)/ }).isVisible()).toBe(true);
    expect(await wall.page.getByRole('timer').isVisible()).toBe(true);
    expect(await wall.page.locator('.side, .panel, [role=tablist]').count()).toBe(0);
    await axe(wall, 'projector game');
    await shot(wall, 'c06-projector-game');

    await through(host, [alice, bob], /Turn 3 of 3 · Diplomacy/);

    // --- Turn 3: the partnership is up for review; Alice amends it (a number edited, one click).
    await alice.page.getByRole('tab', { name: /Treaties/ }).click();
    const mine = alice.page.getByRole('article').filter({ hasText: 'Strategic partnership with Kestria' });
    await mine.getByRole('button', { name: 'Amend the terms' }).click();
    await alice.page.getByRole('heading', { name: 'Amend a treaty at its review' }).waitFor();
    await alice.page.getByLabel('Minimum term (turns)').fill('9');
    await alice.page.getByLabel('Why this deal? (decision journal)').fill('Lock it in for longer.');
    await alice.page.getByRole('button', { name: 'Propose the amendment' }).click();
    await expect.poll(() => alice.page.getByRole('status').filter({ hasText: 'Proposal sent.' }).count(), { timeout: 10_000 }).toBe(1);
    const amendment = bob.page.getByRole('article').filter({ hasText: 'An amendment' });
    await amendment.waitFor({ timeout: 15_000 });
    expect(await amendment.getByRole('group', { name: 'What the amendment changes' }).textContent()).toMatch(/Minimum term \(turns\):\s*7\s*→\s*9/);
    await shot(bob, 'c07-amendment-phone');

    // --- The end: scores fit the phone; the record holds every journal line.
    host.page.once('dialog', (d) => void d.accept());
    await host.page.getByRole('button', { name: 'End the match' }).click();
    for (const p of [host, alice, bob]) await p.page.getByRole('heading', { name: 'The match is over' }).waitFor({ timeout: 30_000 });
    expect(await bob.page.evaluate(() => scrollY)).toBe(0);
    await axe(bob, 'end (phone)');
    await axe(alice, 'end');
    await tablesFit(bob, 360);
    await fitsWidth(bob);
    await shot(bob, 'c08-end-phone');
    const file = await (await fetch(`${server.url}/api/matches/${code}`)).json() as { actions: { type: string; note?: string; by?: string }[] };
    const notes = file.actions.filter((a) => a.by && a.note && !a.note.startsWith('Chosen for you')).map((a) => `${a.type}: ${a.note}`);
    for (const line of ['propose: Kestria has the farms we lack.', 'counter: A longer term protects our farms.', 'accept: Seven years is fair.', 'propose: We need a shield.',
      'policy: Guns first this year.', 'policy: Trade first.', 'respond: An ally keeps its word.', 'propose: Lock it in for longer.']) expect(notes).toContain(line);

    // --- A new join link on a browser that played this match opens the new match's join.
    const other = await fetch(`${server.url}/api/health`);
    expect(other.ok).toBe(true);
    await alice.page.goto(`${server.url}/?code=NEWAB2`);
    await alice.page.getByRole('heading', { name: 'Join a match' }).waitFor();
    expect(await alice.page.getByLabel('Room code').inputValue()).toBe('NEWAB2');
    expect(await alice.page.getByRole('heading', { name: 'The match is over' }).count()).toBe(0);
    await bob.page.getByRole('button', { name: 'Back to the home page' }).tap();
    await bob.page.getByRole('heading', { name: 'Join a match' }).waitFor();
    noProblems(people);
  }, 300_000);
});
