import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bootServer, buildClient, launchBrowser, type BootedServer } from './helpers.ts';
import { axe, noProblems, person, press, shot, PHONE, type Person } from './people.ts';

// Seats once a match runs: late joiners wait for the teacher, who admits them onto a nation or turns them
// away; a removed browser cannot come back under another nickname; Leave and removal take everything of
// the game off the screen (the guide, the timer); a locked match refuses newcomers kindly.

let server: BootedServer;
let browser: Browser;
let close: () => Promise<void>;
const people: Person[] = [];

beforeAll(async () => {
  server = await bootServer(await buildClient());
  ({ browser, cleanup: close } = await launchBrowser());
}, 120_000);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await Promise.all(people.map((p) => shot(p, `fail-seats-${p.name}`).catch(() => undefined)));
});
afterAll(async () => { await close?.(); await server?.stop(); });

const nothingOfTheGame = async (p: Person) => {
  await p.page.getByRole('heading', { name: 'Join a match' }).waitFor({ timeout: 15_000 });
  expect(await p.page.locator('.overlay, .game, [role=timer], .topbar').count()).toBe(0);
};

describe('seats in a running match', () => {
  it('waiting, admit, leave, remove, lock', async () => {
    const host = await person(browser, 'teacher');
    people.push(host);
    await host.page.goto(server.url);
    await host.page.getByLabel('Nations').selectOption('3');
    await host.page.getByText('Phase timers').click();
    await host.page.getByLabel('Diplomacy (s)').fill('900');
    await host.page.getByRole('button', { name: 'Create the match' }).click();
    await host.page.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const code = (await host.page.locator('.room-code').textContent())!.trim();
    await host.page.getByRole('button', { name: 'Start the match' }).click();
    await host.page.getByRole('heading', { name: 'Teacher console' }).waitFor({ timeout: 15_000 });

    // A late joiner waits, and the teacher lets her in onto a nation a bot plays.
    const carol = await person(browser, 'carol');
    people.push(carol);
    await carol.page.goto(`${server.url}/?code=${code}`);
    await carol.page.getByLabel('Your nickname').fill('Carol Wren');
    await carol.page.getByRole('button', { name: 'Join', exact: true }).click();
    await carol.page.getByRole('heading', { name: 'Waiting for your teacher to let you in' }).waitFor({ timeout: 15_000 });
    await axe(carol, 'waiting');
    await host.page.getByLabel('gets').selectOption({ label: 'Kestria (now a bot)' });
    await host.page.getByRole('button', { name: 'Admit Carol Wren' }).click();
    await expect.poll(() => carol.page.locator('.topbar').textContent(), { timeout: 15_000 }).toContain('Kestria');
    await carol.page.getByRole('button', { name: 'Skip the guide' }).click();

    // Leave closes cleanly: the home page, nothing of the game left.
    carol.page.once('dialog', (d) => void d.accept());
    await carol.page.getByRole('button', { name: 'Leave' }).click();
    await nothingOfTheGame(carol);
    await shot(carol, 's01-after-leave');

    // A student on a phone is let in, then removed while the guide is open: it goes too.
    const dave = await person(browser, 'dave', PHONE);
    people.push(dave);
    await dave.page.goto(`${server.url}/?code=${code}`);
    await dave.page.getByLabel('Your nickname').fill('Dave Ibis');
    await press(dave, dave.page.getByRole('button', { name: 'Join', exact: true }));
    await dave.page.getByRole('heading', { name: 'Waiting for your teacher to let you in' }).waitFor({ timeout: 15_000 });
    await axe(dave, 'waiting (phone)');
    await host.page.getByLabel('gets').selectOption({ label: 'Isolde (now a bot)' });
    await host.page.getByRole('button', { name: 'Admit Dave Ibis' }).click();
    await dave.page.getByRole('dialog', { name: 'You lead a nation' }).waitFor({ timeout: 15_000 });
    await host.page.getByLabel('Player', { exact: true }).selectOption({ label: 'Dave Ibis' });
    host.page.once('dialog', (d) => void d.accept());
    await host.page.getByRole('button', { name: 'Remove player' }).click();
    await nothingOfTheGame(dave);
    await expect.poll(() => dave.page.locator('#join-error').textContent()).toMatch(/removed/);
    // That browser cannot come back under another nickname.
    await dave.page.getByLabel('Room code').fill(code);
    await dave.page.getByLabel('Your nickname').fill('Dave Again');
    await press(dave, dave.page.getByRole('button', { name: 'Join', exact: true }));
    await expect.poll(() => dave.page.locator('#join-error').textContent(), { timeout: 10_000 }).toMatch(/removed this browser/);
    await shot(dave, 's02-removed-phone');

    // The teacher closes the match to newcomers: a kind sentence, no error page.
    await host.page.getByRole('button', { name: 'Close to newcomers' }).click();
    await host.page.getByRole('button', { name: 'Let newcomers in' }).waitFor();
    const erin = await person(browser, 'erin');
    people.push(erin);
    await erin.page.goto(`${server.url}/?code=${code}`);
    await erin.page.getByLabel('Your nickname').fill('Erin Seal');
    await erin.page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => erin.page.locator('#join-error').textContent(), { timeout: 10_000 }).toMatch(/closed this match to newcomers/);
    await axe(erin, 'home with a refusal');
    await axe(host, 'console with waiting list');
    // Removal shows in the console as a failed socket on Dave's side only; the others saw no error.
    noProblems([host, carol, erin]);
  }, 180_000);
});
