import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseMatchFile } from '../../shared/matchFile.ts';
import { debriefFromFile } from '../../client/debrief/model.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { bootServer, buildClient, launchBrowser, OUT, type BootedServer } from './helpers.ts';
import { parseCsv } from '../csv.ts';

// The teaching layer in real Chromium: a teacher hosts a 45-minute-plan match of six nations (one student,
// five bots) and lets it run to the end (the server's test-only timer scale makes a year last seconds),
// opens the class debrief from the end screen, sees the charts drawn and the key moments listed, downloads
// the stats CSV (it parses: nations x (turns + 1) rows), prints it (controls hidden, one memo per page),
// and follows a concept word to the glossary. Screenshots go to test-output/.

// The server child inherits this process's environment (tests/e2e/helpers.ts): run its clocks 100x faster.
process.env.ENTENTE_TEST_HOOKS = '1';
process.env.TIMER_SCALE = '0.01';
process.env.BOT_DELAY_MS = '20';

const amber = getScenario('amber-sea')!;
let server: BootedServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await bootServer(await buildClient());
  const b = await launchBrowser();
  browser = b.browser;
  closeBrowser = b.cleanup;
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function newPage(name: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
  return page;
}

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage });

/** Coloured (non-background) pixels drawn on each chart canvas. */
function inkPerChart(page: Page): Promise<number[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLCanvasElement>('.debrief .chart canvas')].map((c) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && !(d[i]! > 225 && d[i + 1]! > 220 && d[i + 2]! > 210)) ink++;
    return ink;
  }));
}

describe('class debrief', () => {
  it('a finished bot match opens its debrief: charts, moments, CSV, print, glossary', async () => {
    const host = await newPage('host');
    await host.goto(server.url);
    await host.getByRole('heading', { name: 'Host a match' }).waitFor({ timeout: 30_000 });
    // The scenario picker shows the lesson and the teacher's brief; the 45-minute plan fills the form.
    await host.getByLabel('Scenario').selectOption('amber-sea');
    await host.getByText('Teacher brief').click();
    expect(await host.locator('#host-brief').textContent()).toMatch(/Learning goals.*Timing.*What to watch for/s);
    await host.getByLabel('Class length').selectOption('90');
    expect(await host.getByLabel('Turns (years)').inputValue()).toBe(String(amber.classPlans['90'].turns));
    expect(await host.getByLabel('Diplomacy (s)').inputValue()).toBe(String(amber.classPlans['90'].timers.diplomacy));
    await host.getByLabel('Class length').selectOption('45');
    const turns = Number(await host.getByLabel('Turns (years)').inputValue());
    expect(turns).toBe(amber.classPlans['45'].turns);
    await host.getByLabel('Nations').selectOption('6');
    await host.getByLabel(/Share the negotiations and each student.s decision-journal notes/).check();
    await shot(host, 'debrief-0-host-form');
    await host.getByRole('button', { name: 'Create the match' }).click();
    await host.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const code = (await host.locator('.room-code').textContent())!.trim();

    // A student joins: the lobby shows their role sheet and tells them the journal will be shared.
    const student = await newPage('student');
    await student.goto(`${server.url}/?code=${code}`);
    await student.getByLabel('Your nickname').fill('Dana Reed');
    await student.getByRole('button', { name: 'Join', exact: true }).click();
    await student.getByRole('heading', { name: /^Your role: / }).waitFor({ timeout: 15_000 });
    expect(await student.locator('#role-sheet').textContent()).toMatch(/Neighbours:.*Strongest resource:.*national interest/s);
    expect(await student.getByText(/decision-journal notes will be shown/).count()).toBe(1);
    await shot(student, 'debrief-1-lobby-role-sheet');

    await host.getByRole('button', { name: 'Start the match' }).click();
    await host.getByRole('heading', { name: 'The match is over' }).waitFor({ timeout: 90_000 });
    await host.getByRole('link', { name: 'Open the class debrief' }).click();
    await host.waitForURL(`**/debrief/${code}`);
    await host.getByRole('heading', { name: /^Debrief: The Amber Sea/ }).waitFor({ timeout: 15_000 });

    // What the page should list, computed from the same record.
    const file = parseMatchFile(await (await fetch(`${server.url}/api/matches/${code}`)).text());
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const r = debriefFromFile(code, file.file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.view;

    // Charts drawn: three canvases with lines on them.
    await expect.poll(() => inkPerChart(host), { timeout: 10_000 }).toHaveLength(3);
    for (const ink of await inkPerChart(host)) expect(ink).toBeGreaterThan(500);
    // Key moments listed, each with a replay link at its turn and phase.
    const listed = host.locator('.moments > li');
    expect(v.moments.length).toBeGreaterThan(0);
    expect(await listed.count()).toBe(v.moments.length);
    expect(await host.locator('.moments .concept-tag').count()).toBe(v.moments.reduce((n, m) => n + m.concepts.length, 0));
    const first = await listed.first().getByRole('link', { name: 'See it in the replay' }).getAttribute('href');
    expect(first).toMatch(new RegExp(`^/replay/${code}\\?turn=\\d+&phase=[a-z]+$`));
    // Networks at start, middle and end; reliability beside the historical 75% with its source; five questions built from this match; a memo per nation.
    expect(await host.locator('.network svg').count()).toBe(3);
    expect(await host.getByText(/Leeds, B\. A\. \(2003\)/).count()).toBe(1);
    expect(await host.locator('.questions > li').count()).toBe(5);
    expect(await host.locator('.memo').count()).toBe(6);
    expect(await host.locator('.timeline li.tl-signed').count()).toBe(v.timeline.filter((e) => e.type === 'signed').length);
    // Every control on the page has an accessible name.
    const unnamed = await host.evaluate(() => [...document.querySelectorAll<HTMLElement>('.debrief a[href], .debrief button')]
      .filter((el) => !(el.getAttribute('aria-label') || el.textContent || '').trim()).map((el) => el.outerHTML.slice(0, 80)));
    expect(unnamed).toEqual([]);
    await shot(host, 'debrief-2-desktop');
    await shot(host, 'debrief-2-desktop-full', true);

    // The class export: the stats CSV parses and has a row per nation per turn, plus the start.
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download stats (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`entente-${code}-stats.csv`);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(expect.arrayContaining(['turn', 'nation', 'prosperity', 'security', 'standing']));
    expect(rows.length - 1).toBe(6 * (turns + 1));
    expect(new Set(rows.slice(1).map((x) => x[0])).size).toBe(turns + 1);
    const [tdl] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download treaty events (CSV)' }).click()]);
    expect(parseCsv(readFileSync((await tdl.path())!, 'utf8')).length - 1).toBe(v.csv.treatyRows);

    // Print: the controls disappear and every memo starts a new page.
    await host.emulateMedia({ media: 'print' });
    expect(await host.locator('.debrief nav').isVisible()).toBe(false);
    expect(await host.locator('.memo').first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    await shot(host, 'debrief-3-print', true);
    await host.emulateMedia({ media: 'screen' });

    // A concept word leads to its glossary entry.
    const concept = host.locator('.moments a.concept').first();
    if (await concept.count()) {
      const href = (await concept.getAttribute('href'))!;
      expect(href).toMatch(/^\/glossary#[a-z-]+$/);
      await concept.click();
      await host.waitForURL(`**${href}`);
      await expect.poll(() => host.evaluate(() => document.activeElement?.id)).toBe(href.split('#')[1]);
    } else {
      await host.goto(`${server.url}/glossary#abandonment`);
    }
    await host.getByRole('heading', { name: 'Glossary' }).waitFor();
    expect(await host.locator('.glossary-page dt').count()).toBeGreaterThan(20);

    // A phone.
    const phone = await newPage('phone', { width: 390, height: 844 });
    await phone.goto(`${server.url}/debrief/${code}`);
    await phone.getByRole('heading', { name: /^Debrief:/ }).waitFor({ timeout: 15_000 });
    await expect.poll(() => inkPerChart(phone), { timeout: 10_000 }).toHaveLength(3);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'debrief-4-phone');
    await shot(phone, 'debrief-4-phone-full', true);
  }, 150_000);

  it('an unknown code says there is no such match', async () => {
    const page = await newPage('unknown');
    await page.goto(`${server.url}/debrief/ZZZZZZ`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(/no (finished )?match/i);
  });
});
