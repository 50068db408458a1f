import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCENARIOS } from '../../shared/scenarios/index.ts';
import { simulate } from '../../shared/bots/simulate.ts';
import { defaultPlayers } from '../../shared/rules/index.ts';
import { writeMatchFile } from '../../shared/matchFile.ts';
import { bootServer, buildClient, launchBrowser, type BootedServer } from './helpers.ts';
import { axe, fitsWidth, noProblems, person, shot, tablesFit, PHONE, type Person } from './people.ts';
import { checkMap } from './mapcheck.ts';

// The pages anyone opens after a match, for every scenario at its largest: the map's labels never
// overlap and stay readable, on a laptop and a phone; the archive, replay, debrief and glossary pass axe
// (no serious or critical violation), fit a 360 px phone, and ask for nothing that is missing (no 404:
// the favicon is there).

let server: BootedServer;
let browser: Browser;
let close: () => Promise<void>;
const ids = new Map<string, string>();

beforeAll(async () => {
  server = await bootServer(await buildClient());
  ({ browser, cleanup: close } = await launchBrowser());
  for (const scenario of SCENARIOS) {
    const { file } = simulate({ scenario: scenario.id, seed: 9, turns: 4, players: defaultPlayers(scenario, scenario.maxSeats) });
    const res = await fetch(`${server.url}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: writeMatchFile(file) });
    expect(res.status).toBe(201);
    ids.set(scenario.id, ((await res.json()) as { id: string }).id);
  }
}, 180_000);
afterAll(async () => { await close?.(); await server?.stop(); });

describe('pages after the match', () => {
  it('map labels never overlap, on every scenario, laptop and phone', async () => {
    const people: Person[] = [await person(browser, 'laptop'), await person(browser, 'phone', PHONE)];
    for (const p of people) {
      for (const [scenario, id] of ids) {
        await p.page.goto(`${server.url}/replay/${id}?turn=3&phase=crisis`);
        await p.page.locator('.replay-map[data-ready=true]').waitFor({ timeout: 30_000 });
        await checkMap(p.page, '.replay-map');
        if (scenario === 'the-hinge') await shot(p, `p01-labels-${scenario}-${p.name}`);
      }
    }
    noProblems(people);
  }, 240_000);

  it('archive, replay, debrief and glossary: axe, phone widths, no 404', async () => {
    const id = ids.get('amber-sea')!;
    const laptop = await person(browser, 'laptop');
    const phone = await person(browser, 'phone', PHONE);
    for (const p of [laptop, phone]) {
      await p.page.goto(`${server.url}/matches`);
      await p.page.locator('.match-card').first().waitFor({ timeout: 15_000 });
      await axe(p, 'archive');
      await fitsWidth(p);
      await p.page.goto(`${server.url}/replay/${id}`);
      await p.page.locator('.replay-map[data-ready=true]').waitFor({ timeout: 30_000 });
      await expect.poll(() => p.page.locator('#replay-charts figure').count(), { timeout: 15_000 }).toBe(4);
      await axe(p, 'replay');
      await p.page.goto(`${server.url}/debrief/${id}`);
      await p.page.getByRole('heading', { name: /^Debrief:/ }).waitFor({ timeout: 15_000 });
      await axe(p, 'debrief');
      await p.page.goto(`${server.url}/glossary#entrapment`);
      await p.page.getByRole('heading', { name: 'Glossary' }).waitFor();
      await axe(p, 'glossary');
    }
    await phone.page.goto(`${server.url}/debrief/${id}`);
    await phone.page.getByRole('heading', { name: /^Debrief:/ }).waitFor({ timeout: 15_000 });
    await tablesFit(phone, 360);
    await shot(phone, 'p02-debrief-phone', true);
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    noProblems([laptop, phone]);
  }, 240_000);
});
