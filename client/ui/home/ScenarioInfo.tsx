import type { Scenario } from '../../../shared/types.ts';

// The chosen scenario in a few lines, and the teacher's brief (learning goals, timing, what to watch for).

export function ScenarioInfo({ scenario }: { scenario: Scenario }) {
  const brief = scenario.brief;
  return (
    <div class="muted" aria-live="polite">
      <p style="margin:.2rem 0">{scenario.summary}</p>
      {scenario.lesson ? <p style="margin:.2rem 0"><strong>Lesson: </strong>{scenario.lesson}</p> : null}
      {brief ? (
        <details id="host-brief" style="margin:.3rem 0">
          <summary><strong>Teacher brief</strong></summary>
          <p style="margin:.3rem 0 .1rem"><strong>Learning goals</strong></p>
          <ul style="margin:0">{brief.goals.map((g) => <li key={g}>{g}</li>)}</ul>
          <p style="margin:.3rem 0 .1rem"><strong>Timing: </strong>{brief.timing}</p>
          <p style="margin:.3rem 0 .1rem"><strong>What to watch for</strong></p>
          <ul style="margin:0">{brief.watchFor.map((g) => <li key={g}>{g}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}
