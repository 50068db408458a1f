import { ROLES, ROLE_INFO, type Role } from '../../shared/protocol/teams.ts';
import type { ScenarioNation } from '../../shared/types.ts';
import { resourceLine } from '../view/format.ts';
import { mePlayer, type PlayerView } from '../state/model.ts';
import { useMatch } from '../ui/match.ts';
import { Swatch } from '../ui/Swatch.tsx';
import { roleTitles } from '../view/team.ts';
import { MakeTeams } from './MakeTeams.tsx';

// The lobby of a match with teams: every nation with its team (members, roles, ready), room left, and
// "Join this team"; with "teams choose roles", a member takes a role. The teacher sees everyone who
// joined, makes teams, moves anyone, gives out roles and removes a student.

/** The role picker shows short names; the member's full roles are written beside their name. */
const SHORT: Record<Role, string> = { head: 'Head', foreign: 'Foreign', defence: 'Defence', trade: 'Trade' };

function MemberControls({ p, nations }: { p: PlayerView; nations: ScenarioNation[] }) {
  const { conn } = useMatch();
  const roleId = `role-${p.id}`;
  const moveId = `move-${p.id}`;
  return (
    <span class="row member-controls">
      {p.nation ? (
        <>
          <label class="visually-hidden" for={roleId}>Role of {p.name}</label>
          <select id={roleId} value={p.roles[0] ?? ''} onChange={(e) => conn.send('setRole', { player: p.id, role: e.currentTarget.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{SHORT[r]}</option>)}
          </select>
        </>
      ) : null}
      <label class="visually-hidden" for={moveId}>Move {p.name} to</label>
      <select id={moveId} value="" onChange={(e) => { if (e.currentTarget.value) conn.send('moveSeat', { player: p.id, nation: e.currentTarget.value }); }}>
        <option value="">{p.nation ? 'Move to\u2026' : 'Put on\u2026'}</option>
        {nations.filter((n) => n.id !== p.nation).map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
      </select>
      <button class="btn small danger" type="button" onClick={() => { if (confirm(`Remove ${p.name} from the match?`)) conn.send('kick', { player: p.id }); }}>Remove<span class="visually-hidden"> {p.name}</span></button>
    </span>
  );
}

function Member({ p, mine, host, nations }: { p: PlayerView; mine: boolean; host: boolean; nations: ScenarioNation[] }) {
  return (
    <li class="member">
      <span><strong>{p.name}</strong>{mine ? ' (you)' : ''} <span class="muted">{p.roles.length ? roleTitles(p.roles) : ''}</span>{' '}
        {p.ready ? <span class="badge ready">{'\u2713'} Ready</span> : null}{p.connected ? null : <span class="badge">away</span>}</span>
      {host && !p.host ? <MemberControls p={p} nations={nations} /> : null}
    </li>
  );
}

export function TeamLobby() {
  const { st, conn, scenario } = useMatch();
  const meta = st.meta!;
  const me = mePlayer(st);
  const size = meta.teamSize;
  const nations = scenario.nations.slice(0, meta.seats || scenario.defaults.seats);
  const students = meta.players.filter((p) => !(p.host && !p.nation));
  const loose = meta.players.filter((p) => !p.nation && !p.host);
  const canPlay = !!me && !(me.host && !meta.hostPlays);
  return (
    <>
      {st.isHost ? <MakeTeams /> : null}
      <section aria-labelledby="teams-title">
        <h2 id="teams-title">Teams of up to {size} ({students.length} {students.length === 1 ? 'player' : 'players'} here)</h2>
        {loose.length ? (
          <div class="card loose">
            <h3>Not in a team yet ({loose.length})</h3>
            <ul class="members">{loose.map((p) => <Member key={p.id} p={p} mine={p.id === me?.id} host={st.isHost} nations={nations} />)}</ul>
          </div>
        ) : null}
        <ul class="nations">
          {nations.map((n) => {
            const team = meta.players.filter((p) => p.nation === n.id).sort((a, b) => ROLES.indexOf(a.roles[0] ?? 'trade') - ROLES.indexOf(b.roles[0] ?? 'trade'));
            const mine = !!me && me.nation === n.id;
            const room = team.length < size;
            const others = mine && meta.rolesBy === 'teams' ? ROLES.filter((r) => !me!.roles.includes(r) && team.some((p) => p.roles.includes(r))) : [];
            return (
              <li key={n.id} class="card nation-card" style={`--c:${n.color}`} aria-label={n.name}>
                <h3><Swatch pattern={n.pattern} color={n.color} size={28} /> {n.name} <span class="muted team-count">({team.length} of {size})</span></h3>
                <p class="muted">{resourceLine(n.resources)}</p>
                {team.length ? <ul class="members">{team.map((p) => <Member key={p.id} p={p} mine={p.id === me?.id} host={st.isHost} nations={nations} />)}</ul>
                  : <p><span class="badge bot">Bot unless a team takes it</span></p>}
                {canPlay && !mine && room ? <button class="btn small" type="button" onClick={() => conn.send('pickSeat', { nation: n.id })}>Join the {n.name} team</button> : null}
                {others.length ? (
                  <div class="row" role="group" aria-label="Take a role">
                    {others.map((r) => <button key={r} class="btn small" type="button" onClick={() => conn.send('takeRole', { role: r })}>Be the {ROLE_INFO[r].title.toLowerCase()}</button>)}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
