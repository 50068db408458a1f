import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ChatLine, PrivateView } from '../../shared/protocol/messages.ts';
import type { MatchFile } from '../../shared/types.ts';
import { bootServer, buildClient, launchBrowser, type BootedServer } from './helpers.ts';
import { axe, fitsWidth, noProblems, person, phaseIs, press, shot, tablesFit, PHONE, type Person } from './people.ts';
import { joinMatch, leaveAll, waitFor, type Player } from '../server/helpers.ts';

// A whole class in one match, in Chromium against the real server: twelve students join (four in
// browsers, eight as SDK clients), the teacher makes teams at random, then from a pasted list, and gives
// out a role. In the Valdor team of three (Ana and Ben on laptops, Cy on a phone) the foreign minister
// drafts a proposal, another member changes it, the head signs it, and the Kestria team sees it. Team chat
// stays inside the team; a reload keeps the seat and the draft; the policy is drafted and signed; the
// record, the replay and the debrief name who drafted and who signed.

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
  if (ctx.task.result?.state === 'fail') await Promise.all(people.map((p) => shot(p, `fail-teams-${p.name}`).catch(() => undefined)));
});
afterAll(async () => { await leaveAll(...kids); await close?.(); await server?.stop(); });

/** Type as a person does (key by key), then one click or tap at once. */
const typeIn = async (p: Person, page: Page, label: string | RegExp, text: string) => {
  const field = page.getByLabel(label);
  await field.click();
  await field.clear();
  await field.pressSequentially(text);
};
const join = async (p: Person, code: string, nick: string) => {
  await p.page.goto(`${server.url}/?code=${code}`);
  await typeIn(p, p.page, 'Your nickname', nick);
  await press(p, p.page.getByRole('button', { name: 'Join', exact: true }));
  await p.page.getByRole('heading', { name: /Teams of up to 3/ }).waitFor({ timeout: 20_000 });
};
const card = (p: Person, nation: string) => p.page.getByRole('listitem', { name: nation, exact: true });

describe('teams in Chromium', () => {
  it('the teacher makes teams from 12 students; a team of three drafts, changes and signs a proposal the other team sees', async () => {
    const host = await person(browser, 'teacher');
    people.push(host);
    await host.page.goto(server.url);
    await host.page.getByLabel('Nations').selectOption('4');
    await host.page.getByLabel('Turns (years)').fill('3');
    await host.page.getByLabel('Students per nation').selectOption('3');
    await host.page.getByText('Phase timers').click();
    for (const [label, v] of [['Diplomacy (s)', '900'], ['Policy (s)', '600'], ['Crisis calls (s)', '600'], ['Resolution (s)', '1'], ['News (s)', '1']]) await host.page.getByLabel(label!).fill(v!);
    await host.page.getByLabel(/Share the negotiations/).check();
    await host.page.getByRole('button', { name: 'Create the match' }).click();
    await host.page.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
    const code = (await host.page.locator('.room-code').textContent())!.trim();

    const ana = await person(browser, 'ana');
    const ben = await person(browser, 'ben');
    const cy = await person(browser, 'cy', PHONE);
    const dee = await person(browser, 'dee');
    people.push(ana, ben, cy, dee);
    for (const [p, nick] of [[ana, 'Ana Lark'], [ben, 'Ben Moss'], [cy, 'Cy Reed'], [dee, 'Dee Fox']] as const) await join(p, code, nick);
    for (let i = 0; i < 8; i++) kids.push(await joinMatch(server.url, code, { nickname: `Kid ${i + 1}` }));

    // --- The teacher sees all twelve, and makes teams at random: four teams of three.
    await expect.poll(() => host.page.getByRole('heading', { name: /Teams of up to 3/ }).textContent(), { timeout: 15_000 }).toContain('12 players here');
    await host.page.getByLabel(/^Random/).check();
    await host.page.getByRole('button', { name: 'Make teams' }).click();
    await expect.poll(() => host.page.locator('#app [role=status]').filter({ hasText: 'Teams made' }).count(), { timeout: 10_000 }).toBe(1);
    for (const nation of ['Valdor', 'Kestria', 'Isolde', 'Corvenne']) await expect.poll(() => card(host, nation).locator('.team-count').textContent()).toBe('(3 of 3)');
    await axe(host, 'team lobby (teacher)');
    await shot(host, 't01-team-lobby-teacher', true);

    // --- Then from a pasted list: the three friends in Valdor, Dee in Kestria; the rest fill the room left.
    await host.page.getByLabel(/^From a list/).check();
    await typeIn(host, host.page, /One line per nation/, 'Valdor: Ana Lark, Ben Moss, Cy Reed\nKestria: Dee Fox');
    await host.page.getByRole('button', { name: 'Make teams' }).click();
    await expect.poll(() => card(host, 'Valdor').textContent(), { timeout: 10_000 }).toMatch(/Ana Lark.*Ben Moss.*Cy Reed/);
    await expect.poll(() => card(host, 'Kestria').textContent()).toContain('Dee Fox');
    // The teacher gives out a role: Cy becomes foreign minister (Ben takes Cy's defence and trade).
    await host.page.getByLabel('Role of Cy Reed').selectOption('foreign');
    await expect.poll(() => card(host, 'Valdor').textContent(), { timeout: 10_000 }).toMatch(/Cy Reed Foreign minister/);
    await expect.poll(() => card(host, 'Valdor').textContent()).toMatch(/Ben Moss Defence minister and trade minister/);
    await expect.poll(() => card(host, 'Valdor').textContent()).toMatch(/Ana Lark Head of government/);
    // Each member's screen says their role and what it may do.
    await expect.poll(() => cy.page.locator('#role-strip').textContent(), { timeout: 10_000 }).toMatch(/You are the foreign minister\. You draft proposals/);
    await expect.poll(() => ana.page.locator('#role-strip').textContent()).toMatch(/You are the head of government\. You sign for the nation/);
    // The teacher's team lobby fits a phone too.
    await host.page.setViewportSize(PHONE);
    await fitsWidth(host);
    await axe(host, 'team lobby (teacher, narrow)');
    await host.page.setViewportSize({ width: 1280, height: 720 });
    await axe(cy, 'team lobby (phone)');
    await fitsWidth(cy);
    await shot(cy, 't02-team-lobby-phone', true);
    await host.page.getByRole('button', { name: 'Start the match' }).click();

    await phaseIs([host, ana, ben, cy, dee], /Turn 1 of 3 · Diplomacy/);
    for (const p of [ana, ben, cy, dee]) await press(p, p.page.getByRole('button', { name: 'Skip the guide' }));

    // --- Cy (phone, foreign minister) drafts a partnership with Kestria: it cannot go out without the head.
    await press(cy, cy.page.getByRole('checkbox', { name: 'Kestria' }));
    await press(cy, cy.page.getByRole('radio', { name: 'Strategic partnership' }));
    await typeIn(cy, cy.page, 'Minimum term (turns)', '5');
    await typeIn(cy, cy.page, 'Why this deal? (decision journal)', 'Their farms for our factories.');
    expect(await cy.page.getByRole('button', { name: 'Send the proposal' }).count()).toBe(0);
    await press(cy, cy.page.getByRole('button', { name: 'Save as a draft for your head of government' }));
    await expect.poll(() => cy.page.locator('.draft-notice').first().textContent(), { timeout: 10_000 }).toMatch(/your head of government can sign it now/);
    await axe(cy, 'game with a team draft (phone)');
    await fitsWidth(cy);

    // --- Ben (laptop) sees the draft live, with the assessment, and changes a term; he cannot sign it.
    const benDraft = ben.page.getByRole('article').filter({ hasText: 'Propose a strategic partnership to Kestria' });
    await benDraft.waitFor({ timeout: 15_000 });
    expect(await benDraft.textContent()).toContain('Drafted by Cy Reed');
    expect(await benDraft.getByRole('group', { name: /assessment|Assessment|for you/i }).count()).toBeGreaterThan(0);
    expect(await benDraft.getByRole('button', { name: /^Sign/ }).count()).toBe(0);
    await expect.poll(() => ben.page.getByRole('tab', { name: /Negotiate/ }).textContent()).not.toMatch(/new/);
    await benDraft.getByRole('button', { name: 'Change it' }).click();
    await ben.page.getByRole('heading', { name: 'Change your team’s draft' }).waitFor();
    expect(await ben.page.getByLabel('Why this deal? (decision journal)').inputValue()).toBe('Their farms for our factories.');
    await typeIn(ben, ben.page, 'Review every (turns)', '4');
    await ben.page.getByRole('button', { name: 'Save the changes to the draft' }).click();
    await expect.poll(() => ben.page.locator('.draft-notice').first().textContent(), { timeout: 10_000 }).toMatch(/Draft changed/);
    await axe(ben, 'game with a team draft');
    await shot(ben, 't03-draft-ben');

    // --- Ben reloads mid-turn: same nation, same role, the draft still there with his change.
    await ben.page.reload();
    await expect.poll(() => ben.page.locator('#role-strip').textContent(), { timeout: 20_000 }).toMatch(/defence minister and trade minister/);
    await ben.page.getByRole('article').filter({ hasText: 'Propose a strategic partnership to Kestria' }).waitFor({ timeout: 15_000 });

    // --- Ana (head) sees who changed it and the new terms, and signs it: one click.
    const anaDraft = ana.page.getByRole('article').filter({ hasText: 'Propose a strategic partnership to Kestria' });
    await expect.poll(() => anaDraft.textContent(), { timeout: 15_000 }).toContain('Drafted by Ben Moss');
    expect(await anaDraft.textContent()).toMatch(/review.*every 4 turns|Every 4 turns/i);
    await expect.poll(() => ana.page.getByRole('tab', { name: /Negotiate/ }).textContent()).toMatch(/1/);
    await anaDraft.getByRole('button', { name: 'Sign: send the proposal' }).scrollIntoViewIfNeeded();
    await shot(ana, 't03b-draft-card-head');
    await anaDraft.getByRole('button', { name: 'Sign: send the proposal' }).click();
    await expect.poll(() => ana.page.locator('.draft-notice').first().textContent(), { timeout: 10_000 }).toMatch(/Signed/);
    await expect.poll(() => cy.page.getByRole('article').filter({ hasText: 'Your nation proposed a strategic partnership to Kestria' }).count(), { timeout: 15_000 }).toBe(1);

    // --- The Kestria team sees it: Dee in the browser, her teammates over the wire.
    const offer = dee.page.getByRole('article').filter({ hasText: 'Valdor proposes a strategic partnership' });
    await offer.waitFor({ timeout: 15_000 });
    const deeTeam = kids.filter((k) => (k.last<{ nation: string }>('seat')?.nation) === 'kestria');
    expect(deeTeam).toHaveLength(2);
    for (const k of deeTeam) await waitFor(() => k.last<PrivateView>('private')?.proposals.some((p) => p.from === 'valdor' && p.status === 'open'), 'Kestria member sees it');
    await shot(dee, 't04-offer-dee');

    // --- Team chat: Cy writes to the team; Ana reads it; no one in Kestria ever receives it.
    await press(cy, cy.page.getByRole('tab', { name: /Chat/ }));
    await press(cy, cy.page.getByRole('button', { name: 'My team' }));
    await typeIn(cy, cy.page, 'Message to My team', 'valdor-team-only 8812');
    await press(cy, cy.page.getByRole('button', { name: 'Send', exact: true }));
    await ana.page.getByRole('tab', { name: /Chat/ }).click();
    await ana.page.getByRole('button', { name: /^My team/ }).click();
    await expect.poll(() => ana.page.getByRole('list', { name: 'Messages: My team' }).textContent(), { timeout: 10_000 }).toContain('valdor-team-only 8812');
    for (const k of deeTeam) expect(k.all<ChatLine>('chat').some((l) => l.text.includes('8812')) || k.frames.some((f) => Buffer.from(f).toString('latin1').includes('8812'))).toBe(false);
    expect(await dee.page.content()).not.toContain('8812');
    // The defence minister does not talk to other nations: his chat says so instead of failing.
    await ben.page.getByRole('tab', { name: /Chat/ }).click();
    await ben.page.getByRole('group', { name: 'Channels' }).getByRole('button', { name: 'Kestria' }).click();
    expect(await ben.page.getByLabel('Message to Kestria').isDisabled()).toBe(true);
    expect(await ben.page.locator('#chat-mute').textContent()).toMatch(/head of government and foreign minister/);
    await press(cy, cy.page.getByRole('tab', { name: /Team/ }));
    await cy.page.getByRole('heading', { name: 'Your team: Valdor' }).waitFor();
    await axe(cy, 'team panel (phone)');
    await fitsWidth(cy);
    await shot(cy, 't05-team-panel-phone', true);

    // --- Policy: Ben (defence) drafts it, Ana signs it under the form.
    await host.page.getByRole('button', { name: 'Next phase now' }).click();
    await phaseIs([host, ana, ben], /Turn 1 of 3 · Policy/);
    await ben.page.locator('.sealed').getByRole('button', { name: 'Save as a draft for your head of government' }).click();
    const policyDraft = ana.page.locator('.sealed').getByRole('article').filter({ hasText: /^Policy: / });
    await policyDraft.waitFor({ timeout: 15_000 });
    await policyDraft.getByRole('button', { name: 'Sign: seal this policy' }).click();
    await expect.poll(async () => (await ana.page.getByRole('status').filter({ hasText: 'Sealed:' }).count()) > 0
      || !/Policy/.test((await ana.page.locator('.topbar .phase').textContent()) ?? ''), { timeout: 10_000 }).toBe(true);
    await tablesFit(cy, 360);

    // --- The record names who drafted and who signed; replay and debrief show it.
    host.page.once('dialog', (d) => void d.accept());
    await host.page.getByRole('button', { name: 'End the match' }).click();
    await ana.page.getByRole('heading', { name: 'The match is over' }).waitFor({ timeout: 30_000 });
    const file = await (await fetch(`${server.url}/api/matches/${code}`)).json() as MatchFile;
    const id = (nick: string) => file.people!.find((p) => p.nickname === nick)!.id;
    const sent = file.actions.find((a) => a.type === 'propose' && 'by' in a && a.by === 'valdor');
    expect(sent && 'signed' in sent && sent.signed).toEqual({ drafter: id('Ben Moss'), signer: id('Ana Lark') });
    expect(sent && sent.note).toBe('Their farms for our factories.');
    expect(file.people!.find((p) => p.nickname === 'Cy Reed')).toMatchObject({ nation: 'valdor', roles: ['foreign'] });

    await ben.page.goto(`${server.url}/replay/${code}?turn=1&phase=policy`);
    await ben.page.getByRole('tab', { name: 'This year' }).click();
    await expect.poll(() => ben.page.locator('#replay-signed').textContent(), { timeout: 20_000 }).toMatch(/Valdor, a proposal: drafted by Ben Moss \(defence minister, trade minister\), signed by Ana Lark \(head of government\)/);
    await axe(ben, 'replay with team decisions');
    await ben.page.locator('#replay-signed').scrollIntoViewIfNeeded();
    await shot(ben, 't05b-replay-signed');
    await cy.page.goto(`${server.url}/debrief/${code}`);
    const team = cy.page.getByRole('article', { name: /Valdor/ }).filter({ hasText: 'How they decided' });
    await team.waitFor({ timeout: 20_000 });
    expect(await team.getByRole('list', { name: 'The Valdor team' }).textContent()).toMatch(/Ana Lark, Head of government: drafted 0, signed 2.*Ben Moss, Defence minister, Trade minister: drafted 2, signed 0.*Cy Reed, Foreign minister: drafted 0, signed 0/);
    expect(await team.textContent()).toContain('valdor-team-only 8812');
    expect(await cy.page.getByRole('button', { name: 'Download the people sheet (CSV)' }).count()).toBe(1);
    await axe(cy, 'debrief with teams (phone)');
    await tablesFit(cy, 360);
    await fitsWidth(cy);
    await team.scrollIntoViewIfNeeded();
    await shot(cy, 't06-debrief-team-phone');
    noProblems(people);
  }, 300_000);
});
