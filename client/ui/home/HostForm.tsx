import { useState } from 'preact/hooks';
import { SCENARIOS } from '../../../shared/scenarios/index.ts';
import type { CreateOptions } from '../../../shared/protocol/messages.ts';
import { GUIDE_EXTRA_SECONDS } from '../../net/protocol.ts';
import { useDeps } from '../match.ts';
import { ScenarioInfo } from './ScenarioInfo.tsx';

// "Host a match": scenario, class length (a 45/90-minute plan fills turns and timers), seats, timers,
// the teacher's role and privacy settings, and the guided first turn.

type Timers = Required<NonNullable<CreateOptions['timers']>>;
const TIMER_FIELDS: { key: keyof Timers; label: string; min: number; max: number }[] = [
  { key: 'diplomacy', label: 'Diplomacy (s)', min: 10, max: 1800 },
  { key: 'policy', label: 'Policy (s)', min: 5, max: 600 },
  { key: 'crisis', label: 'Crisis calls (s)', min: 5, max: 600 },
  { key: 'resolution', label: 'Resolution (s)', min: 1, max: 120 },
  { key: 'news', label: 'News (s)', min: 1, max: 300 },
];
const int = (v: string, d: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(Number(v) || d)));

export function HostForm() {
  const { conn } = useDeps();
  const [scenarioId, setScenarioId] = useState(SCENARIOS[0]!.id);
  const scenario = SCENARIOS.find((x) => x.id === scenarioId) ?? SCENARIOS[0]!;
  const [lesson, setLesson] = useState<'45' | '90' | 'custom'>('45');
  const plan = (l: string, sc = scenario) => (l === '45' || l === '90' ? sc.classPlans?.[l] : undefined);
  const first = plan('45');
  const [seats, setSeats] = useState(scenario.defaults.seats);
  const [turns, setTurns] = useState(String(first?.turns ?? 8));
  const [timers, setTimers] = useState<Record<keyof Timers, string>>(() => {
    const t = first?.timers ?? { diplomacy: 240, policy: 60, crisis: 45, resolution: 8, news: 20 };
    return { diplomacy: String(t.diplomacy), policy: String(t.policy), crisis: String(t.crisis), resolution: String(t.resolution), news: String(t.news) };
  });
  const [hostName, setHostName] = useState('Teacher');
  const [plays, setPlays] = useState(false);
  const [reads, setReads] = useState(false);
  const [publish, setPublish] = useState(false);
  const [guide, setGuide] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const applyPlan = (l: string, sc = scenario) => {
    const p = plan(l, sc);
    if (!p) return;
    setTurns(String(p.turns));
    setTimers({ diplomacy: String(p.timers.diplomacy), policy: String(p.timers.policy), crisis: String(p.timers.crisis), resolution: String(p.timers.resolution), news: String(p.timers.news) });
  };
  const chooseScenario = (id: string) => {
    const sc = SCENARIOS.find((x) => x.id === id) ?? SCENARIOS[0]!;
    setScenarioId(sc.id);
    setSeats((n) => Math.min(sc.maxSeats, Math.max(sc.minSeats, n)));
    applyPlan(lesson, sc);
  };
  const custom = () => setLesson('custom');

  const submit = async (e: Event) => {
    e.preventDefault();
    const options: CreateOptions = {
      scenario: scenario.id, seats, turns: int(turns, 8, 1, 60), hostName: hostName.trim() || 'Teacher', hostPlays: plays,
      teacherReads: reads, publishNegotiations: publish, guide,
      timers: Object.fromEntries(TIMER_FIELDS.map((f) => [f.key, int(timers[f.key], f.min, f.min, f.max)])) as Timers,
    };
    setBusy(true);
    setError('');
    try {
      await conn.host(options);
    } catch (err) {
      setError(`Could not create the match: ${(err as Error).message}`);
      setBusy(false);
    }
  };

  const seatChoices = Array.from({ length: scenario.maxSeats - scenario.minSeats + 1 }, (_, i) => scenario.minSeats + i);
  return (
    <form class="card stack" aria-labelledby="host-title" onSubmit={submit}>
      <h2 id="host-title">Host a match</h2>
      <div class="field">
        <label for="host-scenario">Scenario</label>
        <select id="host-scenario" name="scenario" value={scenarioId} onChange={(e) => chooseScenario(e.currentTarget.value)}>
          {SCENARIOS.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
        </select>
      </div>
      <ScenarioInfo scenario={scenario} />
      <div class="field">
        <label for="host-lesson">Class length</label>
        <select id="host-lesson" name="lesson" value={lesson} onChange={(e) => { const l = e.currentTarget.value as typeof lesson; setLesson(l); applyPlan(l); }}>
          <option value="45">A 45-minute lesson</option>
          <option value="90">A 90-minute lesson</option>
          <option value="custom">My own settings</option>
        </select>
      </div>
      <div class="grid2">
        <div class="field">
          <label for="host-seats">Nations</label>
          <select id="host-seats" name="seats" value={String(seats)} onChange={(e) => setSeats(Number(e.currentTarget.value))}>
            {seatChoices.map((n) => <option key={n} value={String(n)}>{n} nations</option>)}
          </select>
        </div>
        <div class="field">
          <label for="host-turns">Turns (years)</label>
          <input id="host-turns" type="number" min={1} max={60} name="turns" value={turns} onInput={(e) => { setTurns(e.currentTarget.value); custom(); }} />
        </div>
      </div>
      <details>
        <summary>Phase timers</summary>
        <div class="grid3" style="margin-top:.4rem">
          {TIMER_FIELDS.map((f) => (
            <div class="field" key={f.key}>
              <label for={`timer-${f.key}`}>{f.label}</label>
              <input id={`timer-${f.key}`} type="number" min={f.min} max={f.max} value={timers[f.key]}
                onInput={(e) => { const v = e.currentTarget.value; setTimers((t) => ({ ...t, [f.key]: v })); custom(); }} />
            </div>
          ))}
        </div>
      </details>
      <div class="field">
        <label for="host-name">Your name</label>
        <input id="host-name" type="text" maxLength={16} name="hostName" value={hostName} onInput={(e) => setHostName(e.currentTarget.value)} />
      </div>
      <fieldset>
        <legend>Your role</legend>
        <div><input id="host-teacher" type="radio" name="hostrole" checked={!plays} onChange={() => setPlays(false)} /> <label for="host-teacher">Teacher only (run the match, do not play)</label></div>
        <div><input id="host-plays" type="radio" name="hostrole" checked={plays} onChange={() => setPlays(true)} /> <label for="host-plays">I play a nation too</label></div>
      </fieldset>
      <div><input id="host-guide" type="checkbox" checked={guide} onChange={(e) => setGuide(e.currentTarget.checked)} /> <label for="host-guide">Guided first turn (extra time in year 1)</label>
        <span class="muted" style="display:block;font-size:.9rem">The first year's diplomacy gets {GUIDE_EXTRA_SECONDS} more seconds while students read the guide.</span></div>
      <div><input id="host-reads" type="checkbox" checked={reads} onChange={(e) => setReads(e.currentTarget.checked)} /> <label for="host-reads">The teacher may read negotiations (students are told)</label></div>
      <div><input id="host-publish" type="checkbox" checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} /> <label for="host-publish">Share the negotiations and each student{'\u2019'}s decision-journal notes in the replay and the class debrief after the match (students are told)</label></div>
      <p id="host-error" class="error" role="alert">{error}</p>
      <button class="btn primary" type="submit" disabled={busy}>{busy ? 'Creating\u2026' : 'Create the match'}</button>
    </form>
  );
}
