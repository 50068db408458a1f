import type { Interest } from '../../../shared/types.ts';
import { resourceLine } from '../../view/format.ts';
import { mePlayer } from '../../state/model.ts';
import { useMatch } from '../match.ts';
import { Swatch } from '../Swatch.tsx';
import { JoinQr, joinLink } from './JoinQr.tsx';
import { RoleCard } from './RoleCard.tsx';
import { ProjectorButton } from '../teacher/ProjectorButton.tsx';
import { RoleStrip, TeamLobby } from '../teamParts.tsx';

// The lobby: the room code large enough for a projector, the join link and a QR code, every nation with
// its colour, pattern, resources and holder, ready marks, bots marked; the host starts. With teams, the
// nations list is the team lobby (its own chunk): members and roles, and the teacher's "Make teams".

export function Lobby() {
  const { st, conn, scenario } = useMatch();
  const meta = st.meta!;
  const link = joinLink(meta.code);
  const me = mePlayer(st);
  const seats = meta.seats || st.game?.nations.length || scenario.defaults.seats;
  const nations = scenario.nations.slice(0, seats);
  const humans = meta.players.filter((p) => !p.bot && !(p.host && !meta.hostPlays && !p.nation));
  const canReady = !!me && (!!me.nation || (me.host && meta.hostPlays));
  return (
    <div class="lobby">
      <section class="card code-box" aria-labelledby="code-title">
        <div>
          <h1 id="code-title">Room code</h1>
          <div class="room-code" aria-label={`Room code ${meta.code.split('').join(' ')}`}>{meta.code}</div>
          <p>Join at <a href={link}>{link}</a></p>
          <p class="muted">{scenario.title}{st.game ? ` \u00b7 ${st.game.turns} turns` : ''} · {seats} nations</p>
          {st.isHost ? <ProjectorButton /> : null}
        </div>
        <JoinQr code={meta.code} />
      </section>
      {me?.nation && meta.teamSize > 1 ? <RoleStrip /> : null}
      {me?.nation ? <RoleCard scenario={scenario} nation={me.nation} seats={seats} interest={st.priv?.nation === me.nation ? (st.priv.interest as Interest | undefined) : undefined} /> : null}
      {meta.publishNegotiations ? <p class="banner">After the match, your negotiations and decision-journal notes will be shown in the replay and the class debrief.</p> : null}
      {meta.teamSize > 1 ? <TeamLobby /> : (
      <section aria-labelledby="nations-title">
        <h2 id="nations-title">Nations ({humans.length} {humans.length === 1 ? 'player' : 'players'} here)</h2>
        <ul class="nations">
          {nations.map((n) => {
            const holder = meta.players.find((p) => p.nation === n.id);
            const mine = !!me && me.nation === n.id;
            const canPick = !!me && !mine && !holder && !(me.host && !meta.hostPlays);
            return (
              <li key={n.id} class="card nation-card" style={`--c:${n.color}`} aria-label={n.name}>
                <h3><Swatch pattern={n.pattern} color={n.color} size={28} /> {n.name} <span class="muted" style="font-weight:400;font-size:.9rem">({n.pattern})</span></h3>
                <p class="muted">{resourceLine(n.resources)}</p>
                <p>{n.blurb}</p>
                <p class="row">
                  {holder ? (
                    <span><strong>{holder.name}</strong>{' '}
                      {holder.ready ? <span class="badge ready">{'\u2713'} Ready</span> : <span class="badge">Not ready</span>}
                      {holder.connected ? null : <span class="badge"> away</span>}
                    </span>
                  ) : <span class="badge bot">Bot unless someone takes it</span>}
                  {canPick ? <button class="btn small" type="button" onClick={() => conn.send('pickSeat', { nation: n.id })}>Play {n.name}</button> : null}
                  {st.isHost && holder && !holder.host ? (
                    <button class="btn small danger" type="button" onClick={() => { if (confirm(`Remove ${holder.name} from the match?`)) conn.send('kick', { player: holder.id }); }}>Remove {holder.name}</button>
                  ) : null}
                  {mine ? <strong>(you)</strong> : null}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
      )}
      <section class="card row" style="margin-top:1rem" aria-label="Your choices">
        {canReady ? (
          <button class={`btn ${me!.ready ? '' : 'primary'}`} type="button" aria-pressed={me!.ready ? 'true' : 'false'} onClick={() => conn.send('ready', { ready: !me!.ready, phase: 'lobby' })}>
            {me!.ready ? 'Ready \u2713 (press to undo)' : 'I\u2019m ready'}
          </button>
        ) : me?.host ? null : <p>{meta.teamSize > 1 ? 'Join a team above, or wait for your teacher to make teams.' : 'Pick a nation above.'}</p>}
        {st.isHost
          ? <button class="btn primary" type="button" onClick={() => conn.send('start', {})}>Start the match</button>
          : <p class="muted">The host starts the match when everyone is ready. Empty seats are played by bots.</p>}
        {st.error ? <p class="error" role="alert">{st.error}</p> : null}
      </section>
    </div>
  );
}
