import { ROLE_INFO } from '../../shared/protocol/teams.ts';
import { useMatch } from '../ui/match.ts';
import { mySide, roleTitles } from '../view/team.ts';
import { signingLine } from './RoleStrip.tsx';

// The "Team" tab: my roles and what each lets me do, how the team decides, every member with their roles
// and whether they are here (a member away never drops the nation: the others play on), and the way into
// the team's own chat.

export function TeamPanel({ onChat }: { onChat: () => void }) {
  const { st, rules: s, me } = useMatch();
  const side = mySide(st);
  const team = side.team;
  if (!team || !s || !me) return <p>You play this nation on your own.</p>;
  const myId = st.playerId ?? '';
  const head = team.members.find((m) => m.roles.includes('head'));
  const nation = s.nations.find((n) => n.id === me)?.name ?? me;
  return (
    <>
      <h2>Your team: {nation}</h2>
      <section aria-labelledby="team-role">
        <h3 id="team-role">Your role{side.roles.length > 1 ? 's' : ''}</h3>
        <dl class="role-list">
          {side.roles.map((r) => <div key={r}><dt>{ROLE_INFO[r].title}</dt><dd>{ROLE_INFO[r].does}</dd></div>)}
        </dl>
        <p><strong>How your team decides: </strong>{signingLine(team.signing, head?.nickname, team.needed, team.members.length)}{' '}
          {side.alone ? 'Your own decisions are sent at once; you may also save one as a draft for the team to see first.' : 'Your decisions are saved as drafts the whole team sees, with the assessment.'}</p>
      </section>
      <section aria-labelledby="team-members">
        <h3 id="team-members">Members ({team.members.length})</h3>
        <ul class="members">
          {team.members.map((m) => (
            <li key={m.id}>
              <span><strong>{m.nickname}</strong>{m.id === myId ? ' (you)' : ''} <span class="muted">{roleTitles(m.roles)}</span></span>
              {m.connected ? <span class="badge ready">here</span> : <span class="badge">away</span>}
            </li>
          ))}
        </ul>
        <p class="muted">If someone drops out, the rest of you play on; a bot steps in only when nobody in the team is connected.</p>
      </section>
      <section aria-labelledby="team-talk">
        <h3 id="team-talk">Deliberate</h3>
        <p>Team chat is for your team only{st.meta?.teacherReads ? ' (and your teacher, who can read negotiations in this match)' : ''}: no other nation ever sees it.</p>
        <button class="btn" type="button" onClick={onChat}>Open team chat</button>
      </section>
    </>
  );
}
