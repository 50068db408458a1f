import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parseMatchFile } from '../../shared/matchFile.ts';
import { replay, scoreNation } from '../../shared/rules/index.ts';
import { pointOf } from '../../shared/history/index.ts';
import type { MatchFile } from '../../shared/types.ts';
import { createMatch, leaveAll, sleep, waitFor } from '../server/helpers.ts';
import { bootServer, buildClient, launchBrowser, OUT, type BootedServer } from './helpers.ts';

// The archive and the replay viewer in Chromium against the real server (issue 6): a bot match played on
// the server (the host only advances), fetched from the API, opened from the home page through the
// archive, stepped to year 3, and every nation's displayed figures compared with replay() at that point;
// then a deep link, export (download), import of that file through the archive's upload, and a fork from
// the viewer that lands in the new match's lobby. Screenshots go to test-output/.

let server: BootedServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let code = '';

beforeAll(async () => {
  server = await bootServer(await buildClient());
  const b = await launchBrowser();
  browser = b.browser;
  closeBrowser = b.cleanup;
  // A 4-year match of 4 bot nations; the host (teacher only) lets the bots negotiate, then advances.
  const host = await createMatch(server.url, { seats: 4, turns: 4, hostName: 'Host', hostPlays: false, timers: { diplomacy: 600, policy: 600, crisis: 600, resolution: 120, news: 300 } });
  const st = host.room.state;
  code = host.room.roomId;
  expect((await host.ask('start')).type).toBe('accepted');
  await waitFor(() => st.status === 'running', 'running');
  while (st.status !== 'finished') {
    const phase = st.phase as string;
    if (phase === 'diplomacy') await sleep(1500); // bots propose and answer (BOT_DELAY_MS 400)
    const r = await host.ask('advance', { phase });
    if (r.type === 'error' && r.payload.code !== 'wrong_phase') throw new Error(`advance: ${JSON.stringify(r.payload)}`);
    await waitFor(() => st.status === 'finished' || st.phase !== phase || r.type === 'error', `past ${phase}`, 15_000);
  }
  await leaveAll(host);
}, 180_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

async function newPage(viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}.png` });

/** Every visible control has an accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role=tab]')) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const labelled = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join('').trim();
      const labels = (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!].map((l) => l.textContent ?? '').join('').trim() : '';
      const name = el.getAttribute('aria-label') || labelled || labels || (el.tagName === 'INPUT' ? '' : el.textContent?.trim()) || el.getAttribute('title');
      if (!name) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

/** The stats table as shown: nation name -> column -> text. */
async function shownStats(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const out: Record<string, Record<string, string>> = {};
    for (const tr of document.querySelectorAll<HTMLTableRowElement>('#replay-stats tbody tr')) {
      const row: Record<string, string> = {};
      for (const td of tr.querySelectorAll<HTMLTableCellElement>('td')) row[td.dataset.col!] = td.innerText.trim();
      out[tr.dataset.nation!] = row;
    }
    return out;
  });
}

describe('archive and replay viewer', () => {
  it('round trip: a server match, fetched, replayed in Chromium at year 3 shows replay() figures; export, import, fork', async () => {
    // The API's file replays; its state at the start of year 3 is the reference.
    const res = await fetch(`${server.url}/api/matches/${code}`);
    expect(res.status).toBe(200);
    const parsed = parseMatchFile(await res.text());
    if (!parsed.ok) throw new Error(parsed.message);
    const file: MatchFile = parsed.file;
    const r = replay(file);
    if (!r.ok) throw new Error('the archived match does not replay');
    const year3 = r.frames.find((f) => f.turn === 3 && f.phase === 'diplomacy')!.state;

    // Home -> archive -> the match's replay, as a person would.
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: /Past matches/ }).click();
    await page.getByRole('heading', { name: 'Match archive' }).waitFor();
    const card = page.getByRole('listitem', { name: new RegExp(code) });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Winner: /);
    expect(await unnamedControls(page)).toEqual([]);
    await shot(page, 'replay-01-archive');
    await card.getByRole('link', { name: `Replay match ${code}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Replay of ${code}`) }).waitFor();
    await page.locator('.replay-map[data-ready=true]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#replay-position').textContent()).toBe('Year 1 of 4 \u00b7 Diplomacy');

    // Step to year 3 with the controls: next year twice.
    await page.getByRole('button', { name: 'Next year' }).click();
    await page.getByRole('button', { name: 'Next year' }).click();
    expect(await page.locator('#replay-position').textContent()).toBe('Year 3 of 4 \u00b7 Diplomacy');
    expect(new URL(page.url()).search).toBe('?turn=3&phase=diplomacy');
    const shown = await shownStats(page);
    expect(Object.keys(shown)).toEqual(year3.nations.map((n) => n.id));
    for (const n of year3.nations) {
      const p = pointOf(year3, 3, n.id);
      expect(shown[n.id], n.id).toEqual({
        Economy: String(n.economy), Military: String(n.military), Stability: String(n.stability), Reputation: String(n.reputation),
        Technology: String(n.technology), 'Trust received': String(p.trustReceived), Regions: String(p.regions), Score: String(scoreNation(year3, n.id).total),
      });
    }
    expect(await unnamedControls(page)).toEqual([]);
    await shot(page, 'replay-02-year3');

    // Step by phase, then the year's panel and the key moments list (a jump moves the timeline).
    await page.getByRole('button', { name: 'Step forward one phase' }).click();
    expect(await page.locator('#replay-position').textContent()).toBe('Year 3 of 4 \u00b7 Policy');
    await page.getByRole('tab', { name: 'This year' }).click();
    await page.getByRole('heading', { name: 'Reasons given' }).waitFor();
    expect(await page.locator('#replay-reasons li').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Key moments' }).click();
    const moments = page.locator('#replay-moments button');
    if (await moments.count()) {
      await moments.first().click();
      expect(await page.locator('#replay-position').textContent()).toMatch(/^Year 1 of 4/);
    }
    // Charts: four figures with captions.
    await expect.poll(() => page.locator('#replay-charts figure').count(), { timeout: 10_000 }).toBe(4);

    // A deep link opens at that moment.
    await page.goto(`${server.url}/replay/${code}?turn=2&phase=crisis`);
    await page.locator('#replay-position').waitFor();
    expect(await page.locator('#replay-position').textContent()).toBe('Year 2 of 4 \u00b7 Crisis');

    // Export: the downloaded file is the API's match file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the match file (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`entente-${code}.json`);
    const saved = await download.path();
    const exported = JSON.parse(readFileSync(saved!, 'utf8')) as MatchFile;
    expect(exported).toEqual(file);

    // Import it again through the archive's upload: a new code, listed as imported.
    await page.goto(`${server.url}/matches`);
    await page.getByLabel('Match file', { exact: true }).setInputFiles(saved!);
    await page.getByRole('button', { name: 'Import the match' }).click();
    await page.locator('#import-open').waitFor({ timeout: 10_000 });
    const imported = (await page.locator('#import-status strong').textContent())!.trim();
    expect(imported).toMatch(/^[A-Z2-9]{6}$/);
    expect(imported).not.toBe(code);
    await page.getByRole('listitem', { name: new RegExp(imported) }).getByText('Imported').waitFor();
    // A hand-edited file is refused with the first failing action named; nothing new is listed.
    const count = await page.locator('.match-card').count();
    const bad = { ...file, actions: [{ type: 'respond', by: file.players[0]!.nation, call: 'c999', answer: 'honour' }, ...file.actions] };
    await page.getByLabel('Match file', { exact: true }).setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('button', { name: 'Import the match' }).click();
    await expect.poll(() => page.locator('#import-error').textContent(), { timeout: 10_000 }).toMatch(/Action 1 of \d+ \(index 0, type "respond"\) does not replay/);
    expect(await page.locator('.match-card').count()).toBe(count);
    // The importer may delete it (this browser holds its host secret).
    await page.getByRole('button', { name: `Delete match ${imported} (host only)` }).waitFor();
    await shot(page, 'replay-03-archive-imported');

    // Fork from year 3 of the imported match: a new live match, its lobby shown to this browser as host.
    await page.goto(`${server.url}/replay/${imported}?turn=3&phase=diplomacy`);
    await page.getByRole('button', { name: 'Fork from year 3…' }).click();
    const dialog = page.getByRole('dialog', { name: /Fork from year 3/ });
    await dialog.getByLabel('Your name (host)').fill('Ms Fork');
    await shot(page, 'replay-04-fork-dialog');
    await dialog.getByRole('button', { name: 'Create the fork' }).click();
    await page.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const forkCode = (await page.locator('.room-code').textContent())!.trim();
    expect(forkCode).not.toBe(imported);
    expect(new URL(page.url()).pathname).toBe('/');
    // The live fork is listed to its host only (this browser keeps the host's secret), never publicly.
    const list = await (await fetch(`${server.url}/api/matches`)).json() as { matches: { id: string }[] };
    expect(list.matches.some((m) => m.id === forkCode)).toBe(false);
    const hostSecret = await page.evaluate((c) => localStorage.getItem(`entente.secret.${c}`), forkCode);
    const hosted = await (await fetch(`${server.url}/api/matches/hosted`, { method: 'POST', body: JSON.stringify({ claims: [{ id: forkCode, secret: hostSecret }] }) })).json() as { matches: { id: string; parent: { id: string; turn: number } | null }[] };
    expect(hosted.matches.find((m) => m.id === forkCode)?.parent).toEqual({ id: imported, turn: 3 });
    await shot(page, 'replay-05-fork-lobby');

    // Back in the archive: the family is shown, the scenario filter works, and the importer deletes the import.
    await page.goto(`${server.url}/matches`);
    const forkCard = page.getByRole('listitem', { name: new RegExp(forkCode) });
    await forkCard.waitFor();
    expect(await forkCard.locator('.family').textContent()).toContain(`What-if fork of ${imported} from year 3`);
    // The parent's public family does not name a fork that is still being played.
    expect(await page.getByRole('listitem', { name: new RegExp(imported) }).textContent()).not.toContain(forkCode);
    await page.getByLabel('Scenario').selectOption('iron-strait');
    await expect.poll(() => page.locator('#archive-count').textContent()).toBe('0 matches in The Iron Strait.');
    await page.getByLabel('Scenario').selectOption('');
    await page.getByRole('listitem', { name: new RegExp(imported) }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Delete match ${imported} (host only)` }).click();
    await expect.poll(() => page.getByRole('listitem', { name: new RegExp(imported) }).count(), { timeout: 10_000 }).toBe(0);
    expect((await fetch(`${server.url}/api/matches/${imported}`)).status).toBe(404);
    expect(await forkCard.locator('.family').textContent()).toContain('(not listed)');
    await page.context().close();
  }, 120_000);

  it('works on a phone: no sideways scrolling, controls reachable', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/replay/${code}?turn=3&phase=crisis`);
    await page.locator('.replay-map[data-ready=true]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#replay-position').textContent()).toBe('Year 3 of 4 \u00b7 Crisis');
    await expect.poll(() => page.locator('#replay-charts figure').count(), { timeout: 10_000 }).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Keyboard: the scrubber moves by phase with the arrow keys.
    await page.locator('#replay-scrubber').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#replay-position').textContent()).toBe('Year 3 of 4 \u00b7 Resolution');
    expect(await unnamedControls(page)).toEqual([]);
    await shot(page, 'replay-06-phone');
    await page.goto(`${server.url}/matches`);
    await page.getByRole('heading', { name: 'Match archive' }).waitFor();
    await page.locator('.match-card').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'replay-07-archive-phone');
    await page.context().close();
  }, 60_000);
});
