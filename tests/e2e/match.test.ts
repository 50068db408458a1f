import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bootServer, buildClient, launchBrowser, OUT, type BootedServer } from './helpers.ts';

// A whole classroom match in real Chromium against the real server: a teacher hosts, two students join
// by code in separate browser contexts, they see each other in the lobby, sign one partnership and one
// alliance, one reloads mid-turn and keeps the seat, one honours a call to help, and the match reaches
// the end screen. Assertions use visible text and accessible roles; screenshots go to test-output/.

let server: BootedServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const pages: Page[] = [];

const external = process.env.E2E_URL;

beforeAll(async () => {
  if (external) {
    server = { url: external, stop: async () => {}, restart: async () => {}, logs: () => '' };
  } else {
    server = await bootServer(await buildClient());
  }
  const b = await launchBrowser();
  browser = b.browser;
  closeBrowser = b.cleanup;
}, 120_000);

afterEach(async (ctx) => {
  // On failure, every page's screen goes to test-output/ to see what the browser saw.
  if (ctx.task.result?.state === 'fail') {
    await Promise.all(pages.map((p, i) => p.screenshot({ path: `${OUT}/fail-${i}.png` }).catch(() => undefined)));
  }
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function newPage(name: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
  pages.push(page);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}.png` });

/** The host's "next phase" button, then wait until the phase line shows `phase`. */
async function advanceTo(host: Page, students: Page[], phase: RegExp): Promise<void> {
  await host.getByRole('button', { name: 'Next phase now' }).click();
  for (const p of [host, ...students]) await expect.poll(() => p.locator('.topbar .phase').textContent(), { timeout: 15_000 }).toMatch(phase);
}

/** Resolution and news are short server-timed pauses: wait for them rather than racing the clock. */
async function waitPhase(pages: Page[], phase: RegExp): Promise<void> {
  for (const p of pages) await expect.poll(() => p.locator('.topbar .phase').textContent(), { timeout: 30_000 }).toMatch(phase);
}

/** Every visible control has an accessible name (label, aria-label/-labelledby, or visible text). */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role=tab]')) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue; // hidden
      const labelled = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join('').trim();
      const labels = (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!].map((l) => l.textContent ?? '').join('').trim() : '';
      const name = el.getAttribute('aria-label') || labelled || labels || (el.tagName === 'INPUT' ? '' : el.textContent?.trim()) || el.getAttribute('title');
      if (!name) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

async function skipGuide(page: Page): Promise<void> {
  const skip = page.getByRole('button', { name: 'Skip the guide' });
  await skip.waitFor({ timeout: 10_000 });
  await skip.click();
}

describe('a classroom match in Chromium', () => {
  it('hosts, joins by code, negotiates, reloads, honours a call and ends', async () => {
    // --- Host creates a match (teacher only, may read negotiations, long timers: the teacher drives).
    const host = await newPage('host');
    await host.goto(server.url);
    await host.getByRole('heading', { name: 'Host a match' }).waitFor({ timeout: 30_000 });
    expect(await host.getByLabel('Class length').inputValue()).toBe('45');
    await shot(host, '01-home');
    expect(await unnamedControls(host)).toEqual([]);
    await host.getByLabel('Nations').selectOption('3');
    await host.getByLabel('Turns (years)').fill('2');
    await host.getByText('Phase timers').click();
    await host.getByLabel('Diplomacy (s)').fill('900');
    await host.getByLabel('Policy (s)').fill('600');
    await host.getByLabel('Crisis calls (s)').fill('600');
    // News waits for the teacher too, so a slow machine never sees it end by itself mid-check.
    await host.getByLabel('News (s)').fill('300');
    expect(await host.getByLabel('Class length').inputValue()).toBe('custom');
    await host.getByLabel('The teacher may read negotiations (students are told)').check();
    await host.getByRole('button', { name: 'Create the match' }).click();
    await host.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const code = (await host.locator('.room-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await expect.poll(() => host.locator('.qr svg').count()).toBe(1);

    // --- A wrong code gets a clear error.
    const alice = await newPage('alice');
    await alice.goto(server.url);
    await alice.getByLabel('Room code').fill('ZZZZZZ');
    await alice.getByLabel('Your nickname').fill('Alice Otter');
    await alice.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => alice.getByRole('alert').first().textContent(), { timeout: 10_000 }).toMatch(/no match (has|with) that code/i);

    // --- Two students join by code (one through the join link, one by typing it).
    await alice.goto(`${server.url}/?code=${code}`);
    expect(await alice.getByLabel('Room code').inputValue()).toBe(code);
    await alice.getByLabel('Your nickname').fill('Alice Otter');
    await alice.getByRole('button', { name: 'Join', exact: true }).click();
    await alice.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });

    const bob = await newPage('bob', { width: 390, height: 844 }); // a phone
    await bob.goto(server.url);
    await bob.getByLabel('Room code').fill(code.toLowerCase());
    await bob.getByRole('button', { name: 'Suggest a name' }).click();
    expect((await bob.getByLabel('Your nickname').inputValue()).split(' ')).toHaveLength(2);
    await bob.getByLabel('Your nickname').fill('Alice Otter');
    await bob.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => bob.getByRole('alert').first().textContent(), { timeout: 10_000 }).toMatch(/nickname/i);
    await bob.getByLabel('Your nickname').fill('Bob Heron');
    await bob.getByRole('button', { name: 'Join', exact: true }).click();
    await bob.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });

    // Students take Valdor and Kestria (if the server did not seat them there already).
    for (const [page, nation] of [[alice, 'Valdor'], [bob, 'Kestria']] as const) {
      const card = page.getByRole('listitem', { name: nation });
      await card.waitFor();
      const take = card.getByRole('button', { name: `Play ${nation}` });
      if (await take.count()) await take.click();
      await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('(you)');
    }
    // Everyone sees everyone, bots are marked.
    for (const p of [host, alice, bob]) {
      await expect.poll(() => p.getByRole('listitem', { name: 'Valdor' }).textContent(), { timeout: 10_000 }).toContain('Alice Otter');
      await expect.poll(() => p.getByRole('listitem', { name: 'Kestria' }).textContent(), { timeout: 10_000 }).toContain('Bob Heron');
      expect(await p.getByRole('listitem', { name: 'Isolde' }).textContent()).toMatch(/Bot/);
    }
    await alice.getByRole('button', { name: 'I’m ready' }).click();
    await bob.getByRole('button', { name: 'I’m ready' }).click();
    await expect.poll(() => host.getByRole('listitem', { name: 'Kestria' }).textContent(), { timeout: 10_000 }).toContain('Ready');
    await shot(host, '02-lobby-host');
    expect(await unnamedControls(host)).toEqual([]);
    await host.getByRole('button', { name: 'Start the match' }).click();

    // --- Turn 1, diplomacy.
    for (const p of [alice, bob]) await skipGuide(p);
    for (const p of [host, alice, bob]) await expect.poll(() => p.locator('.topbar .phase').textContent(), { timeout: 15_000 }).toMatch(/Turn 1 of 2 · Diplomacy/);
    await expect.poll(() => alice.locator('.mapwrap').getAttribute('data-renderer'), { timeout: 20_000 }).toMatch(/webgl|canvas/);
    expect(await alice.getByText('Your teacher can read the negotiations in this match.').count()).toBeGreaterThan(0);

    // Alice proposes a strategic partnership to Kestria, with the preview from the rules.
    await alice.getByRole('tab', { name: /Negotiate/ }).click();
    await alice.getByRole('checkbox', { name: 'Kestria' }).check();
    await alice.getByRole('radio', { name: 'Strategic partnership' }).check();
    await expect.poll(() => alice.getByLabel('Preview').textContent()).toMatch(/Projected yield after 4 turns: about \d+/);
    await shot(alice, '03-propose-partnership');
    expect(await unnamedControls(alice)).toEqual([]);
    await alice.getByRole('button', { name: 'Send the proposal' }).click();

    // Bob sees it with the assessment card, and accepts.
    const fromValdor = bob.getByRole('article').filter({ hasText: 'Valdor proposes a strategic partnership' });
    await fromValdor.waitFor({ timeout: 15_000 });
    expect(await fromValdor.getByRole('group', { name: /Assessment for you/ }).textContent()).toMatch(/Resource complementarity/);
    await shot(bob, '04-incoming-proposal');
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Screen readers hear it through the polite live region.
    await expect.poll(() => bob.locator('#live').textContent(), { timeout: 10_000 }).toContain('New proposal from Valdor');
    await fromValdor.getByRole('button', { name: 'Accept Valdor’s proposal' }).click();
    await alice.getByRole('tab', { name: /Treaties/ }).click();
    await expect.poll(() => alice.getByRole('article').filter({ hasText: 'Strategic partnership with Kestria' }).count(), { timeout: 15_000 }).toBe(1);

    // Alice proposes a defensive alliance to Kestria; Bob counters with full help; Alice accepts the counter.
    await alice.getByRole('tab', { name: /Negotiate/ }).click();
    await alice.getByRole('checkbox', { name: 'Kestria' }).check();
    await alice.getByRole('radio', { name: 'Defensive alliance' }).check();
    await expect.poll(() => alice.getByLabel('Preview').textContent()).toMatch(/You would be called if anyone attacks Kestria/);
    await alice.getByRole('button', { name: 'Send the proposal' }).click();
    const alliance = bob.getByRole('article').filter({ hasText: 'Valdor proposes a defensive alliance' });
    await alliance.waitFor({ timeout: 15_000 });
    await alliance.getByRole('button', { name: 'Counter (edit the terms)' }).click();
    await bob.getByRole('heading', { name: 'Counter Valdor’s proposal' }).waitFor();
    await bob.getByLabel('Help sent when called').selectOption('full');
    await expect.poll(() => bob.locator('#term-contribution-line').textContent()).toMatch(/most of its army/);
    await bob.getByRole('button', { name: 'Send the counter-proposal' }).click();
    const counter = alice.getByRole('article').filter({ hasText: 'Kestria proposes a defensive alliance' });
    await counter.waitFor({ timeout: 15_000 });
    expect(await counter.textContent()).toMatch(/A counter-proposal/);
    expect(await counter.textContent()).toMatch(/full help/);
    await counter.getByLabel('Why? (decision journal)').fill('Full help is worth it against the Dominion.');
    await counter.getByRole('button', { name: 'Accept Kestria’s proposal' }).click();
    await bob.getByRole('tab', { name: /Treaties/ }).click();
    await expect.poll(() => bob.getByRole('article').filter({ hasText: 'Defensive alliance with Valdor' }).count(), { timeout: 15_000 }).toBe(1);
    await shot(bob, '05-treaties');
    // On the phone the panels stack: nothing is wider than the screen.
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // --- Alice reloads mid-turn and keeps her seat.
    await alice.reload();
    await expect.poll(() => alice.locator('.topbar').textContent(), { timeout: 20_000 }).toContain('Valdor');
    await expect.poll(() => alice.locator('.topbar .phase').textContent()).toMatch(/Turn 1 of 2 · Diplomacy/);
    await alice.getByRole('tab', { name: /Treaties/ }).click();
    await expect.poll(() => alice.getByRole('article').filter({ hasText: 'Defensive alliance with Kestria' }).count(), { timeout: 15_000 }).toBe(1);
    // Keyboard selection of a nation on the map shows its details.
    await alice.getByRole('group', { name: 'Select a nation on the map' }).getByRole('button', { name: 'Kestria' }).focus();
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.getByRole('complementary', { name: 'Nation details' }).textContent()).toMatch(/Played by Bob Heron.*Your treaties with it: strategic partnership, defensive alliance/);

    // --- The teacher injects a crisis on Kestria, so its ally Valdor is called.
    await host.getByRole('tab', { name: 'Teacher' }).click();
    await host.getByLabel('Target').selectOption({ label: 'Kestria' });
    await host.getByLabel('Severity').fill('60');
    await host.getByRole('button', { name: 'Inject' }).click();
    await shot(host, '06-teacher-console');
    expect(await unnamedControls(host)).toEqual([]);
    // The teacher may read the negotiations in this match.
    await expect.poll(() => host.getByRole('tabpanel').textContent(), { timeout: 10_000 }).toMatch(/Valdor → Kestria: Strategic partnership/);
    await advanceTo(host, [alice, bob], /Policy/);
    await alice.getByLabel(/Defence \d+%/).fill('40');
    await alice.getByRole('button', { name: 'Seal my policy' }).click();
    await expect.poll(() => alice.getByRole('status').filter({ hasText: 'Sealed:' }).count(), { timeout: 10_000 }).toBe(1);
    await advanceTo(host, [alice, bob], /Crisis/);
    const honour = alice.getByRole('button', { name: /^Honour the call from Kestria/ });
    await honour.first().waitFor({ timeout: 15_000 });
    expect(await alice.locator('.sealed').textContent()).toMatch(/Abstain: keep your forces/);
    await shot(alice, '07-call-to-honour');
    expect(await unnamedControls(alice)).toEqual([]);
    // Answer every call (an answered card keeps its buttons, to change the answer before the deadline).
    // The last answer may close the phase at once, taking the cards away: that ends the loop too.
    const cards = alice.locator('.sealed article');
    const calls = await cards.count();
    for (let i = 0; i < calls; i++) {
      const card = cards.nth(i);
      const answered = card.getByText('Your sealed answer: honour');
      if (await answered.count()) continue;
      const clicked = await card.getByRole('button', { name: /^Honour the call from Kestria/ }).click({ timeout: 5_000 }).then(() => true, () => false);
      if (!clicked) break;
      await expect.poll(async () => (await answered.count()) > 0 || !/Crisis/.test((await alice.locator('.topbar .phase').textContent()) ?? ''), { timeout: 10_000 }).toBe(true);
    }
    // Once every called ally has answered, the server closes the crisis phase by itself; should another
    // seat still be deciding, the teacher moves on (Valdor's answers are already recorded).
    const crisisOver = async () => !/Crisis/.test((await host.locator('.topbar .phase').textContent()) ?? '');
    const closed = await expect.poll(crisisOver, { timeout: 8_000 }).toBe(true).then(() => true, () => false);
    if (!closed) await host.getByRole('button', { name: 'Next phase now' }).click();
    await waitPhase([host, alice, bob], /Turn 1 of 2 · News/);
    await alice.getByRole('tab', { name: 'News' }).click();
    await expect.poll(() => alice.getByRole('article', { name: 'News of turn 1' }).textContent(), { timeout: 10_000 }).toMatch(/Valdor honoured its alliance/);
    await shot(alice, '08-news');

    // --- The projector view: the map full screen with the news ticker and treaties, no private panels.
    await host.getByRole('tab', { name: 'Teacher' }).click();
    await host.getByRole('button', { name: 'Projector view' }).click();
    await host.getByRole('button', { name: 'Leave projector view' }).waitFor();
    expect(await host.locator('.side').isVisible()).toBe(false);
    expect(await host.locator('.ticker').textContent()).toMatch(/Strategic partnership: Valdor – Kestria/);
    await shot(host, '08b-projector');
    await host.getByRole('button', { name: 'Leave projector view' }).click();
    await host.getByRole('tab', { name: 'Teacher' }).click();

    // --- Turn 2, then the end.
    await advanceTo(host, [alice, bob], /Turn 2 of 2 · Diplomacy/);
    await shot(bob, '09-turn2-bob');
    // The teacher moves the last year on phase by phase (phases with nothing to decide pass by themselves).
    const over = host.getByRole('heading', { name: 'The match is over' });
    const phaseNow = () => host.locator('.topbar .phase').textContent({ timeout: 2_000 }).catch(() => '');
    for (const until = Date.now() + 120_000; !(await over.isVisible()) && Date.now() < until;) {
      const before = await phaseNow();
      const next = host.getByRole('button', { name: 'Next phase now' });
      if (await next.isVisible()) await next.click({ timeout: 5_000 }).catch(() => undefined);
      // Wait for the phase to move on (or the end) before the next click, so no click is stale.
      await expect.poll(async () => (await over.isVisible()) || (await phaseNow()) !== before, { timeout: 15_000 }).toBe(true).catch(() => undefined);
    }
    for (const p of [host, alice, bob]) {
      await p.getByRole('heading', { name: 'The match is over' }).waitFor({ timeout: 45_000 });
      expect(await p.getByRole('table').textContent()).toMatch(/Valdor/);
      expect(await p.getByRole('link', { name: 'Watch the replay of this match' }).getAttribute('href')).toMatch(/^\/replay\//);
    }
    await shot(alice, '10-end');
  }, 240_000);
});
