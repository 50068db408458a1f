import { useState } from 'preact/hooks';
import { CRISIS_TYPES, REVISIONIST, type CrisisType } from '../../../shared/types.ts';
import { useMatch, nameIn } from '../match.ts';

// Inject a crisis: its kind, target, attacker (the revisionist power by default, or a nation of the
// match) and strength. Once the server accepted it, the console says what was queued.

const KIND: Record<CrisisType, string> = { incursion: 'An incursion', blockade: 'A blockade', invasion: 'An invasion' };

export function InjectForm() {
  const { rules: s, conn } = useMatch();
  const [crisis, setCrisis] = useState<CrisisType>('invasion');
  const [target, setTarget] = useState('');
  const [attacker, setAttacker] = useState(REVISIONIST);
  const [severity, setSeverity] = useState('50');
  const [queued, setQueued] = useState('');
  const [error, setError] = useState('');
  if (!s) return null;
  const tgt = s.nations.some((n) => n.id === target) ? target : s.nations[0]!.id;
  const att = attacker !== tgt && (attacker === REVISIONIST || s.nations.some((n) => n.id === attacker)) ? attacker : REVISIONIST;
  const strength = Math.max(1, Math.min(100, Math.round(Number(severity)) || 50));
  const inject = () => {
    setQueued('');
    setError('');
    const sentence = `${KIND[crisis]} of ${nameIn(s, tgt)} by ${nameIn(s, att).replace(/^the /, 'the ')}, strength ${strength}, strikes in the next crisis phase.`;
    conn.request('inject', { crisis, target: tgt, severity: strength, attacker: att }).then(() => setQueued(sentence), (e: Error) => setError(e.message));
  };
  return (
    <fieldset style="margin-top:.6rem">
      <legend>Inject a crisis</legend>
      <div class="row">
        <label for="inj-type">Type</label>
        <select id="inj-type" value={crisis} onChange={(e) => setCrisis(e.currentTarget.value as CrisisType)}>
          {CRISIS_TYPES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <label for="inj-target">Target</label>
        <select id="inj-target" value={tgt} onChange={(e) => setTarget(e.currentTarget.value)}>
          {s.nations.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
        </select>
        <label for="inj-attacker">Attacker</label>
        <select id="inj-attacker" value={att} onChange={(e) => setAttacker(e.currentTarget.value)}>
          <option value={REVISIONIST}>{s.revisionistName.replace(/^the /, 'The ')}</option>
          {s.nations.filter((n) => n.id !== tgt).map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
        </select>
        <label for="inj-sev">Strength</label>
        <input id="inj-sev" type="number" min={1} max={100} value={severity} style="width:5rem" onInput={(e) => setSeverity(e.currentTarget.value)} />
        <button class="btn" type="button" onClick={inject}>Inject</button>
      </div>
      <p role="status" id="inject-status">{queued ? `Queued: ${queued}` : ''}</p>
      {error ? <p class="error" role="alert">{error}</p> : null}
    </fieldset>
  );
}
