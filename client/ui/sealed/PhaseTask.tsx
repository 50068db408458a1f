import { useMatch } from '../match.ts';
import { PolicyForm } from './PolicyForm.tsx';
import { CallCards } from './CallCards.tsx';

// The sealed choice the phase asks of me, at the top of the screen: the policy of the policy phase, or
// the calls of my allies in the crisis phase. Nobody sees them until the crisis phase reveals them.

export function PhaseTask() {
  const { rules: s, me } = useMatch();
  if (!s || !me || s.over) return null;
  if (s.phase === 'policy') return <PolicyForm key={`policy-${s.turn}`} s={s} me={me} />;
  if (s.phase === 'crisis') return <CallCards s={s} me={me} />;
  return null;
}
