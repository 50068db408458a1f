import { useState } from 'preact/hooks';
import type { PlayerView } from '../../state/model.ts';
import { useMatch } from '../match.ts';

// Who plays what: late joiners waiting to be let in (a nation to give them, Admit or Turn away), and
// moving or removing a seated player. A disabled control says why.

function WaitingRow({ p, free }: { p: PlayerView; free: { id: string; name: string; bot: boolean }[] }) {
  const { conn } = useMatch();
  const [nation, setNation] = useState('');
  const pick = free.some((n) => n.id === nation) ? nation : free[0]?.id ?? '';
  const id = `admit-${p.id}`;
  return (
    <li class="row">
      <strong>{p.name}</strong>
      <label for={id}>gets</label>
      <select id={id} value={pick} onChange={(e) => setNation(e.currentTarget.value)} disabled={!free.length}>
        {free.map((n) => <option key={n.id} value={n.id}>{n.name}{n.bot ? ' (now a bot)' : ''}</option>)}
      </select>
      <button class="btn primary small" type="button" disabled={!pick} onClick={() => conn.send('admit', { player: p.id, nation: pick })}>Admit {p.name}</button>
      <button class="btn danger small" type="button" onClick={() => { if (confirm(`Turn ${p.name} away? That browser cannot come back into this match.`)) conn.send('kick', { player: p.id }); }}>Turn away</button>
      {free.length ? null : <span class="muted">Every nation has a student: move or remove one first.</span>}
    </li>
  );
}

export function SeatsForm() {
  const { st, rules: s, conn } = useMatch();
  const [player, setPlayer] = useState('');
  const [nation, setNation] = useState('');
  const meta = st.meta!;
  if (!s) return null;
  const waiting = meta.players.filter((p) => p.waiting);
  const seated = meta.players.filter((p) => !p.waiting && (!p.host || p.nation));
  const holder = (id: string) => meta.players.find((p) => p.nation === id && !p.bot);
  // A seat is free for a newcomer when no present student holds it (a bot may be playing it).
  const free = s.nations.filter((n) => !holder(n.id)).map((n) => ({ id: n.id, name: n.name, bot: !!meta.extra[n.id]?.bot }));
  const who = seated.some((p) => p.id === player) ? player : '';
  const to = s.nations.some((n) => n.id === nation) ? nation : '';
  const moveWhy = meta.started && !meta.paused ? 'Pause first to move a player.' : !who || !to ? 'Choose a player and a nation.' : '';
  return (
    <fieldset style="margin-top:.6rem">
      <legend>Seats</legend>
      <h3 style="margin-top:0">Waiting to be let in ({waiting.length})</h3>
      {waiting.length ? <ul class="waiting-list">{waiting.map((p) => <WaitingRow key={p.id} p={p} free={free} />)}</ul>
        : <p class="muted">Nobody is waiting. {meta.locked ? 'The match is closed to newcomers.' : 'Students who join now wait here until you let them in.'}</p>}
      <h3>Move or remove a player</h3>
      <div class="row">
        <label for="mv-player">Player</label>
        <select id="mv-player" value={who} onChange={(e) => setPlayer(e.currentTarget.value)}>
          <option value="">Choose{'\u2026'}</option>
          {seated.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <label for="mv-nation">to</label>
        <select id="mv-nation" value={to} onChange={(e) => setNation(e.currentTarget.value)}>
          <option value="">Choose{'\u2026'}</option>
          {s.nations.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
        </select>
        <button class="btn" type="button" disabled={!!moveWhy} aria-describedby="move-why" onClick={() => conn.send('moveSeat', { player: who, nation: to })}>Move</button>
        <button class="btn danger" type="button" disabled={!who} aria-describedby="move-why" onClick={() => { if (confirm('Remove this player from the match?')) conn.send('kick', { player: who }); }}>Remove player</button>
      </div>
      <p id="move-why" class="muted">{moveWhy || (who ? '' : 'Choose a player to remove.')}</p>
    </fieldset>
  );
}
