import { useState } from 'preact/hooks';
import type { GameState, NationId } from '../../../shared/types.ts';
import { useMatch, nameIn } from '../match.ts';
import { Term } from '../Term.tsx';
import { NoteField, decide } from '../journal.tsx';

// The sealed policy of the year: guns (defence) against butter (investment), and an optional coercive
// demand. It may be changed until the phase ends.

export function PolicyForm({ s, me }: { s: GameState; me: NationId }) {
  const { st, conn } = useMatch();
  const chosen = st.priv?.policy ?? null;
  const mine = s.nations.find((n) => n.id === me)!;
  const [defence, setDefence] = useState<number | null>(null);
  const [demand, setDemand] = useState('');
  const value = defence ?? chosen?.defence ?? mine.lastDefence ?? 30;
  const noteId = `policy-note-${s.turn}`;
  const submit = (e: Event) => {
    e.preventDefault();
    void decide(conn, 'policy', { defence: value, demand: demand || null }, noteId);
  };
  return (
    <form class="sealed" aria-labelledby="policy-title" onSubmit={submit}>
      <h2 id="policy-title">Your sealed policy for this year</h2>
      <p>Split your output between <Term k="defence-share">defence</Term> (guns) and investment (butter). Others see your choice only when crises strike.</p>
      <div class="slider-row">
        <label for="defence">Defence {value}% · investment {100 - value}%</label>
        <output for="defence">{value}%</output>
      </div>
      <input id="defence" type="range" min={0} max={100} step={5} value={value} aria-valuetext={`${value} percent to defence`}
        onInput={(e) => setDefence(Number(e.currentTarget.value))} />
      <div class="field">
        <label for="demand">Coercive demand (optional)</label>
        <select id="demand" value={demand} onChange={(e) => setDemand(e.currentTarget.value)}>
          <option value="">No demand</option>
          {s.nations.filter((n) => n.id !== me).map((n) => <option key={n.id} value={n.id}>Make a demand of {n.name}</option>)}
        </select>
      </div>
      <p class="muted">A <Term k="coercive-demand">demand</Term> backed by your army may start a crisis, and allies owe no help to a member who provoked it.</p>
      <NoteField id={noteId} />
      <div class="row" style="margin-top:.5rem">
        <button class="btn primary" type="submit">{chosen ? 'Change my sealed policy' : 'Seal my policy'}</button>
        {chosen ? <span role="status">Sealed: {chosen.defence}% defence{chosen.demand ? `, demand of ${nameIn(s, chosen.demand)}` : ''}.</span> : null}
      </div>
    </form>
  );
}
