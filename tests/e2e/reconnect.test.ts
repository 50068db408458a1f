import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bootServer, buildClient, launchBrowser, OUT, type BootedServer } from './helpers.ts';

// The server restarts in the middle of a match: every browser shows "Reconnecting…", rejoins its seat
// with the seat secret it kept, and play goes on.

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

async function page(name: string): Promise<Page> {
  const p = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  p.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
  return p;
}

describe('reconnecting after a server restart', () => {
  it('keeps every seat and goes on', async () => {
    const host = await page('host');
    await host.goto(server.url);
    await host.getByLabel('Nations').selectOption('3');
    await host.getByRole('button', { name: 'Create the match' }).click();
    await host.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const code = (await host.locator('.room-code').textContent())!.trim();

    const student = await page('student');
    await student.goto(`${server.url}/?code=${code}`);
    await student.getByLabel('Your nickname').fill('Calm Heron');
    await student.getByRole('button', { name: 'Join', exact: true }).click();
    await student.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    await host.getByRole('button', { name: 'Start the match' }).click();
    await student.getByRole('button', { name: 'Skip the guide' }).click();
    await expect.poll(() => student.locator('.topbar').textContent(), { timeout: 15_000 }).toMatch(/Valdor.*Turn 1 of \d+ · Diplomacy/);

    // Watch for the "Reconnecting…" notice while the server is down.
    const sawNotice = student.waitForFunction(() => /Reconnecting/.test(document.getElementById('status')?.textContent ?? '') && !document.getElementById('status')!.hidden, undefined, { timeout: 30_000, polling: 50 });
    await server.restart();
    await sawNotice;
    await student.screenshot({ path: `${OUT}/r1-reconnecting.png` });

    // Back in the same seat, and the game goes on.
    await expect.poll(() => student.evaluate(() => document.getElementById('status')!.hidden), { timeout: 30_000 }).toBe(true);
    expect(await student.locator('.topbar').textContent()).toMatch(/Valdor/);
    await student.getByRole('tab', { name: /Chat/ }).click();
    await student.getByLabel('Message to Everyone').fill('We are back.');
    await student.getByRole('button', { name: 'Send', exact: true }).click();
    await host.getByRole('tab', { name: /Chat/ }).click();
    await expect.poll(() => host.getByRole('tabpanel').textContent(), { timeout: 15_000 }).toContain('Calm Heron: We are back.');
    await host.getByRole('tab', { name: 'Teacher' }).click();
    await host.getByRole('button', { name: 'Next phase now' }).click();
    await expect.poll(() => student.locator('.topbar .phase').textContent(), { timeout: 15_000 }).toMatch(/Policy/);
    await student.screenshot({ path: `${OUT}/r2-after-restart.png` });
  }, 120_000);
});
