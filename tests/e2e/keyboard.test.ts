import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createMatch, leaveAll, waitFor, type Player } from '../server/helpers.ts';
import { bootServer, buildClient, launchBrowser, type BootedServer } from './helpers.ts';
import { person, shot, type Person } from './people.ts';

// A whole turn played with the keyboard only: two students join, get ready, propose and accept an
// alliance, seal a policy and answer a call for help, moving with Tab and acting with Enter, Space and the
// arrow keys. The teacher (the SDK here) only starts the match, injects the crisis and moves phases on.

let server: BootedServer;
let browser: Browser;
let close: () => Promise<void>;
let host: Player;

beforeAll(async () => {
  server = await bootServer(await buildClient());
  ({ browser, cleanup: close } = await launchBrowser());
}, 120_000);
afterAll(async () => { await leaveAll(host); await close?.(); await server?.stop(); });

/** What has the focus, for an error: its tag, type, name, and (for a control) whether it is disabled. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return 'nothing (the page body)';
    const labels = el.labels ? [...el.labels].map((l) => l.textContent ?? '').join(' ') : '';
    const name = (el.getAttribute('aria-label') || labels || el.textContent || '').trim().slice(0, 60);
    const type = el.tagName === 'INPUT' ? `[type=${el.type}]` : '';
    const state = 'disabled' in el ? (el.disabled ? ', disabled' : ', enabled') : '';
    const checked = el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio') ? (el.checked ? ', checked' : ', unchecked') : '';
    return `${el.tagName.toLowerCase()}${type} "${name}"${state}${checked}`;
  });
}

/** The buttons named `name` on the page, with their state and the text that describes them (why one is disabled). */
function buttonsNamed(page: Page, name: RegExp): Promise<string> {
  return page.evaluate(([source, flags]) => {
    const re = new RegExp(source, flags);
    const found = [...document.querySelectorAll('button')].filter((b) => re.test((b.getAttribute('aria-label') || b.textContent || '').trim()));
    if (!found.length) return 'none on the page';
    return found.map((b) => {
      const why = (b.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim()).filter(Boolean).join(' ');
      return `${b.disabled ? 'disabled' : 'enabled'}${why ? ` (${why})` : ''}`;
    }).join('; ');
  }, [name.source, name.flags] as const);
}

/** Tab (forwards) until the focused control (of that kind) has a matching name, at most `limit` presses. */
async function tabTo(page: Page, name: RegExp, kind: 'button' | 'checkbox' | 'radio' | 'range' = 'button', limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate((k) => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return null;
      const is = k === 'button' ? el.tagName === 'BUTTON' : el.tagName === 'INPUT' && el.type === k;
      if (!is) return null;
      const labels = el.labels ? [...el.labels].map((l) => l.textContent ?? '').join(' ') : '';
      return (el.getAttribute('aria-label') || labels || el.textContent || '').trim();
    }, kind);
    if (text !== null && name.test(text)) return;
  }
  const buttons = kind === 'button' ? `; buttons so named: ${await buttonsNamed(page, name)}` : '';
  throw new Error(`Tab never reached ${name} (${kind}) in ${limit} presses; the focus is on ${await focused(page)}${buttons}`);
}

async function joinByKeyboard(p: Person, code: string, nick: string): Promise<void> {
  await p.page.goto(`${server.url}/?code=${code}`);
  await p.page.getByRole('heading', { name: 'Join a match' }).waitFor();
  // The nickname field has the focus when a join link filled the code in.
  await p.page.keyboard.type(nick);
  await p.page.keyboard.press('Enter');
  await p.page.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
}

describe('the keyboard alone', () => {
  it('plays a whole turn: propose, accept, policy, answer a call', async () => {
    host = await createMatch(server.url, { seats: 3, turns: 2, hostPlays: false, timers: { diplomacy: 900, policy: 600, crisis: 600, resolution: 1, news: 1 } });
    const code = host.room.roomId;
    const st = host.room.state as unknown as { phase: string; treaties: { length: number }; nations: { id: string; name: string; chose: boolean }[]; calls: { ally: string; answered: boolean }[] };
    const ann = await person(browser, 'ann');
    const ben = await person(browser, 'ben');
    await joinByKeyboard(ann, code, 'Ann Fox');
    await joinByKeyboard(ben, code, 'Ben Owl');
    for (const p of [ann, ben]) { await tabTo(p.page, /I’m ready/); await p.page.keyboard.press('Enter'); }
    expect((await host.ask('start')).type).toBe('accepted');
    for (const p of [ann, ben]) {
      await p.page.getByRole('dialog', { name: 'You lead a nation' }).waitFor({ timeout: 15_000 });
      await p.page.keyboard.press('Escape');
      await p.page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    const annNation = (await ann.page.locator('.topbar .who').textContent())!.trim();
    const benNation = (await ben.page.locator('.topbar .who').textContent())!.trim();

    // Ann proposes a defensive alliance to Ben's nation.
    await tabTo(ann.page, new RegExp(`^${benNation}$`), 'checkbox');
    await ann.page.keyboard.press('Space');
    await tabTo(ann.page, /Strategic partnership/, 'radio');
    await ann.page.keyboard.press('ArrowLeft');
    expect(await ann.page.getByRole('radio', { name: 'Defensive alliance' }).isChecked()).toBe(true);
    await tabTo(ann.page, /^Send the proposal$/);
    await ann.page.keyboard.press('Enter');
    // Ben accepts it.
    await ben.page.getByRole('article').filter({ hasText: `${annNation} proposes a defensive alliance` }).waitFor({ timeout: 15_000 });
    await tabTo(ben.page, new RegExp(`Accept ${annNation}`));
    await ben.page.keyboard.press('Enter');
    await waitFor(() => st.treaties.length === 1, 'the alliance', 15_000);

    // A crisis on Ben's nation; both seal a policy with the slider and Enter.
    const target = st.nations.find((n) => n.name === benNation)!.id;
    expect((await host.ask('inject', { crisis: 'invasion', target, severity: 60 })).type).toBe('accepted');
    expect((await host.ask('advance', { phase: 'diplomacy' })).type).toBe('accepted');
    for (const p of [ann, ben]) {
      await p.page.getByRole('heading', { name: 'Your sealed policy for this year' }).waitFor({ timeout: 15_000 });
      await tabTo(p.page, /Defence \d+%/, 'range');
      await p.page.keyboard.press('ArrowRight');
      await tabTo(p.page, /Seal my policy/);
      await p.page.keyboard.press('Enter');
    }
    await waitFor(() => st.phase === 'crisis', 'the crisis phase', 15_000);

    // Ann answers her ally's call.
    await ann.page.getByRole('heading', { name: /^Your all(y calls|ies call) for help$/ }).waitFor({ timeout: 15_000 });
    await shot(ann, 'k01-keyboard-call');
    await tabTo(ann.page, /^Honour the call from/);
    await ann.page.keyboard.press('Enter');
    // Ann's answer is recorded (a bot attack elsewhere may bring other calls, for others to answer).
    const annId = st.nations.find((n) => n.name === annNation)!.id;
    await waitFor(() => st.phase !== 'crisis' || st.calls.some((k) => k.ally === annId && k.answered), 'the answer', 15_000);
    expect(ann.problems.concat(ben.problems)).toEqual([]);
  }, 180_000);
});
