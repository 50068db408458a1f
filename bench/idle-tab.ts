// Benchmark (not a test): how busy a game tab left open on the map keeps the machine. A teacher hosts
// (the SDK), a student's page joins in headless Chromium, skips the guide and is left alone on the game
// screen during a long diplomacy phase. After the page settles, Chromium's own process times (CDP
// SystemInfo.getProcessInfo: browser, renderer, GPU and utility processes) are read twice, 20 s apart:
// their sum over the wall time is the share of one core the idle tab costs. Budget: 5 % of a core.
//
//   npm run bench:idle
import { createMatch, leaveAll } from '../tests/server/helpers.ts';
import { bootServer, buildClient, launchBrowser } from '../tests/e2e/helpers.ts';

const BUDGET = 0.05;
const WINDOW_MS = 20_000;

interface ProcessInfo { type: string; id: number; cpuTime: number }

console.log('building the client and starting the server...');
const server = await bootServer(await buildClient());
const { browser, cleanup } = await launchBrowser();
const host = await createMatch(server.url, { seats: 3, turns: 4, hostPlays: false, timers: { diplomacy: 1800 } });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/?code=${host.room.roomId}`);
  await page.getByLabel('Your nickname').fill('Idle Otter');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('heading', { name: 'Room code' }).waitFor({ timeout: 15_000 });
  await host.ask('start');
  await page.getByRole('button', { name: 'Skip the guide' }).click();
  await page.locator('.mapwrap canvas[data-labels]').waitFor({ timeout: 20_000 });
  // Settled: the map's loop has gone to sleep (client/game/idle.ts).
  await page.locator('.mapcanvas[data-map-idle=true]').waitFor({ timeout: 20_000 });
  const cdp = await browser.newBrowserCDPSession();
  const read = async (): Promise<ProcessInfo[]> => ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] }).processInfo;
  const before = await read();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const after = await read();
  const seconds = (performance.now() - t0) / 1000;
  const byType = new Map<string, number>();
  for (const p of after) {
    const was = before.find((b) => b.id === p.id)?.cpuTime ?? 0;
    byType.set(p.type, (byType.get(p.type) ?? 0) + Math.max(0, p.cpuTime - was));
  }
  const total = [...byType.values()].reduce((a, b) => a + b, 0) / seconds;
  const detail = [...byType].map(([t, c]) => `${t} ${((c / seconds) * 100).toFixed(1)} %`).join(', ');
  console.log(`idle game tab, ${seconds.toFixed(1)} s on the map: ${(total * 100).toFixed(1)} % of one core (${detail}); budget ${BUDGET * 100} %: ${total <= BUDGET ? 'PASS' : 'MISS'}`);
  await context.close();
} finally {
  await leaveAll(host);
  await cleanup();
  await server.stop();
}
