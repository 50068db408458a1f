import type { Interest, Scenario } from '../../../shared/types.ts';
import { roleSheet } from '../../../shared/rules/roleSheet.ts';

// The role sheet of the student's nation: situation, neighbours, strengths, interest, exposure.

export function RoleCard({ scenario, nation, seats, interest }: { scenario: Scenario; nation: string; seats: number; interest: Interest | undefined }) {
  let r: ReturnType<typeof roleSheet>;
  try { r = roleSheet(scenario, nation, seats, interest); } catch { return null; }
  return (
    <section class="card role-sheet" id="role-sheet" aria-labelledby="role-title" style="margin-top:1rem">
      <h2 id="role-title">Your role: {r.name}</h2>
      <p>{r.situation}</p>
      <ul>
        <li><strong>Neighbours: </strong>{r.neighbours.length ? r.neighbours.join(', ') : 'none close by'}</li>
        <li><strong>Strongest resource: </strong>{r.strongest}; <strong>weakest: </strong>{r.weakest} (partners strong where you are weak gain you most)</li>
        {r.interest ? <li><strong>Your secret national interest: </strong>{r.interest}</li> : null}
        <li>{r.exposure}</li>
      </ul>
      <p class="muted">Keep your interest to yourself: it decides how your final score is weighted. You can read this again in the game{'\u2019'}s {'\u201c'}My nation{'\u201d'} tab.</p>
    </section>
  );
}
