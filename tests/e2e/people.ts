import { expect } from 'vitest';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { OUT } from './helpers.ts';

// The people of a classroom run in one browser: a laptop (1280x720), a phone (390x844, touch), a
// projector (1920x1080). Every page records its console errors and failed requests (no 404 anywhere),
// and accessibility is checked with axe: no serious or critical violation.

export const LAPTOP = { width: 1280, height: 720 };
export const PHONE = { width: 390, height: 844 };
export const PROJECTOR = { width: 1920, height: 1080 };

export interface Person { page: Page; name: string; problems: string[]; phone: boolean }

export async function person(browser: Browser, name: string, viewport = LAPTOP): Promise<Person> {
  const phone = viewport.width < 500;
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}) });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // One refusal is part of reconnecting: a browser whose connection was lost first offers its reconnection
  // token, which the server refuses (524) once the grace window has passed, or while it still holds the old
  // connection as live (a live token must not push its owner out); the browser then rejoins with its seat
  // secret. Only that refusal, on the reconnect route, is not a problem.
  const reconnectRetry = (m: ConsoleMessage) => /status of 524/.test(m.text()) && /\/matchmake\/reconnect\//.test(m.location().url);
  page.on('console', (m) => { if (m.type() === 'error' && !reconnectRetry(m)) problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() === 404) problems.push(`404: ${r.url()}`); });
  return { page, name, problems, phone };
}

/** A tap on a phone, a click elsewhere. */
export async function press(p: Person, locator: ReturnType<Page['locator']>): Promise<void> {
  if (p.phone) await locator.tap(); else await locator.click();
}

export const shot = (p: Person | Page, name: string, fullPage = false) => ('page' in p ? p.page : p).screenshot({ path: `${OUT}/${name}.png`, fullPage });

/** No serious or critical accessibility violation on the page as it is now. */
export async function axe(p: Person, where: string): Promise<void> {
  const result = await new AxeBuilder({ page: p.page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `axe on ${where} (${p.name})`).toEqual([]);
}

/** The page never scrolls sideways, and (on the desktop game) never into blank space below the app. */
export async function fitsWidth(p: Person): Promise<void> {
  const width = await p.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${p.name}: page wider than the screen`).toBeLessThanOrEqual(p.page.viewportSize()!.width);
}

/** Every table on the page fits a screen `limit` px wide without a scrollbar (checked at that width). */
export async function tablesFit(p: Person, limit: number): Promise<void> {
  const before = p.page.viewportSize()!;
  if (before.width > limit) await p.page.setViewportSize({ width: limit, height: before.height });
  // Charts resize in a ResizeObserver callback: wait until the page is laid out at that width.
  const wideTables = () => p.page.evaluate((max) => [...document.querySelectorAll('table')]
    .filter((t) => !t.closest('.visually-hidden') && t.getBoundingClientRect().width > 0 && (t.getBoundingClientRect().right > max + 0.5 || (t.parentElement && t.parentElement.scrollWidth > t.parentElement.clientWidth + 1)))
    .map((t) => `${t.id || t.className}: ${Math.round(t.getBoundingClientRect().width)} px`), limit);
  const pageWidth = () => p.page.evaluate(() => document.documentElement.scrollWidth);
  try {
    await expect.poll(pageWidth, { timeout: 5_000, message: `${p.name}: page wider than ${limit} px` }).toBeLessThanOrEqual(limit);
    await expect.poll(wideTables, { timeout: 5_000, message: `${p.name}: tables wider than ${limit} px` }).toEqual([]);
  } finally {
    if (before.width > limit) await p.page.setViewportSize(before);
  }
}

export function noProblems(people: Person[]): void {
  for (const p of people) expect(p.problems, `${p.name} saw errors`).toEqual([]);
}

/** Wait until the topbar's phase line matches. */
export async function phaseIs(people: Person[], phase: RegExp, timeout = 20_000): Promise<void> {
  for (const p of people) await expect.poll(() => p.page.locator('.topbar .phase').textContent(), { timeout }).toMatch(phase);
}
