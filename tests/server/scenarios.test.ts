import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCENARIOS } from '../../shared/scenarios/index.ts';
import { parseMatchFile } from '../../shared/matchFile.ts';
import { buildHistory, buildDebrief } from '../../shared/history/index.ts';
import { simulate } from '../../shared/bots/simulate.ts';
import { bootServer, createMatch, leaveAll, waitFor, type TestServer } from './helpers.ts';

// Every scenario, as a teacher would run it in a 45-minute class: 6 seats, all played by bots, the
// scenario's recommended turns and phase timers. The server runs its clocks 1/500th as fast (the test-only
// timer scale), so a match planned for about half an hour of play must end within that scaled time.

const SCALE = 0.002;
let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ timerScale: SCALE, botDelayMs: 5 });
});
afterAll(async () => {
  await server?.stop();
});

describe('each scenario at its 45-minute settings', () => {
  test('a 6-seat all-bot match ends in its planned time, and its debrief builds', async () => {
    // One after the other: five matches at once on a small machine would measure the CPU, not the clocks.
    for (const sc of SCENARIOS) {
      const plan = sc.classPlans['45'];
      const host = await createMatch(server.url, { scenario: sc.id, seats: 6, turns: plan.turns, hostName: 'Teacher', hostPlays: false, timers: plan.timers, seed: 7, guide: false });
      const st = host.room.state;
      expect(st.settings.scenario).toBe(sc.id);
      expect(st.settings.diplomacySeconds).toBe(plan.timers.diplomacy);
      const started = Date.now();
      expect((await host.ask('start')).type).toBe('accepted');
      const plannedMs = plan.turns * Object.values(plan.timers).reduce((a, b) => a + b, 0) * 1000 * SCALE;
      await waitFor(() => st.status === 'finished', `${sc.id} finished`, plannedMs + plan.turns * 5 * 250 + 10_000);
      const elapsed = Date.now() - started;
      expect(st.turn, sc.id).toBe(plan.turns);
      expect(st.scores.length, sc.id).toBe(6);
      // Bots end the sealed phases early, so the match takes no longer than its planned clock, plus a
      // margin for the server's own work, which is not scaled: per phase, six bots deciding and every action
      // saved (synchronous=FULL) and sent (up to ~1/4 s on a busy 2-core test machine). A phase that
      // waited on an unscaled timer, or stalled, would overrun this by far more.
      const margin = plan.turns * 5 * 250 + 2_000;
      expect(elapsed, `${sc.id}: ${elapsed} ms for a plan of ${plannedMs} ms`).toBeLessThanOrEqual(plannedMs + margin);
      const res = await fetch(`${server.url}/api/matches/${host.room.roomId}`);
      const parsed = parseMatchFile(await res.text());
      expect(parsed.ok, sc.id).toBe(true);
      if (!parsed.ok) return;
      // The live server's bots played exactly what the headless simulator plays from the same start.
      const sim = simulate({ scenario: sc.id, seed: 7, turns: plan.turns, players: parsed.file.players, interests: parsed.file.interests });
      expect(parsed.file.actions, sc.id).toEqual(sim.file.actions);
      const hist = buildHistory(parsed.file);
      expect(hist.ok, sc.id).toBe(true);
      if (!hist.ok) return;
      const d = buildDebrief(hist.history);
      expect(d.title).toBe(sc.title);
      expect(d.questions.length).toBeGreaterThan(0);
      expect(d.memos.length).toBe(6);
      await leaveAll(host);
    }
  }, 80_000);
});
