// Benchmark (not a test): time to the first frame of the replay viewer for a 40-turn, 8-nation match in
// headless Chromium, against the 1 s budget of issue 6. It builds the client into a temporary folder,
// boots the real server on a random port with a temporary DATA_DIR, simulates the match with the bots
// (shared/bots/simulate.ts), imports it through POST /api/matches, then opens /replay/<id> in a fresh
// browser context (cold cache) several times. "First frame" = the viewer's own mark: the match file
// fetched and replayed, the stats of the first position rendered, Phaser booted and the map scene drawn
// (two animation frames after the map reported ready), in ms since navigation start.
//
//   npm run bench:replay [-- --runs 5]
import { defaultPlayers } from '../shared/rules/index.ts';
import { getScenario } from '../shared/scenarios/index.ts';
import { simulate } from '../shared/bots/simulate.ts';
import { STRATEGIES, PERSONALITIES } from '../shared/types.ts';
import { writeMatchFile } from '../shared/matchFile.ts';
import { bootServer, buildClient, launchBrowser } from '../tests/e2e/helpers.ts';

const BUDGET_MS = 1000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;

const scenario = getScenario('amber-sea')!;
const players = defaultPlayers(scenario, 8).map((p, i) => ({ ...p, strategy: STRATEGIES[i % STRATEGIES.length]!, personality: PERSONALITIES[i % PERSONALITIES.length]! }));
const t0 = performance.now();
const { file } = simulate({ scenario: 'amber-sea', seed: 40, turns: 40, players });
const text = writeMatchFile(file);
console.log(`simulated a 40-turn, 8-nation match: ${file.actions.length} actions, ${(text.length / 1024).toFixed(0)} kB, in ${(performance.now() - t0).toFixed(0)} ms`);

console.log('building the client and starting the server...');
const server = await bootServer(await buildClient());
const { browser, cleanup } = await launchBrowser();
const times: number[] = [];
const linkTimes: number[] = [];
try {
  const res = await fetch(`${server.url}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  if (res.status !== 201) throw new Error(`import refused: ${res.status} ${await res.text()}`);
  const { id } = await res.json() as { id: string };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}/replay/${id}`);
    await page.waitForFunction(() => document.body.dataset.replayFirstFrame, undefined, { timeout: 30_000 });
    const ms = Number(await page.evaluate(() => document.body.dataset.replayFirstFrame));
    const renderer = await page.locator('.replay-map').getAttribute('data-renderer');
    times.push(ms);
    const marks = await page.evaluate(() => [
      ...performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`),
      ...performance.getEntriesByType('resource').filter((r) => /assets|api/.test(r.name)).map((r) => `${r.name.replace(/^.*\//, '')} ${Math.round((r as PerformanceResourceTiming).responseEnd)}`),
      `domContentLoaded ${Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd)}`,
    ]);
    if (process.argv.includes('--detail')) console.log(`    ${marks.join(' | ')}`);
    console.log(`  run ${i + 1}: first frame after ${ms} ms (renderer ${renderer})`);
    // The same match opened by a deep link into year 30 (a copied link).
    const linked = await context.newPage();
    await linked.goto(`${server.url}/replay/${id}?turn=30&phase=crisis`);
    await linked.waitForFunction(() => document.body.dataset.replayFirstFrame, undefined, { timeout: 30_000 });
    const linkMs = Number(await linked.evaluate(() => document.body.dataset.replayFirstFrame));
    linkTimes.push(linkMs);
    console.log(`         deep link ?turn=30&phase=crisis: first frame after ${linkMs} ms (${await linked.locator('#replay-position').textContent()})`);
    await context.close();
  }
} finally {
  await cleanup();
  await server.stop();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const worst = sorted[sorted.length - 1]!;
const linkMedian = [...linkTimes].sort((a, b) => a - b)[Math.floor(linkTimes.length / 2)]!;
console.log(`deep link into year 30 (warm cache, same context): median ${linkMedian} ms; budget ${BUDGET_MS} ms: ${linkMedian <= BUDGET_MS ? 'PASS' : 'MISS'}`);
console.log(`replay first frame, 40 turns x 8 nations, cold cache: median ${median} ms, worst ${worst} ms; budget ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'PASS' : 'MISS'}${worst > BUDGET_MS ? ` (worst run over budget)` : ''}`);
