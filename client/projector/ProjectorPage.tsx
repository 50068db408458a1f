import { useEffect, useState } from 'preact/hooks';
import { Connection } from '../net/connection.ts';
import { EventBus } from '../game/bus.ts';
import { Deps, useMatch } from '../ui/match.ts';
import { announce } from '../ui/live.ts';
import { JoinQr, joinLink } from '../ui/lobby/JoinQr.tsx';
import { MapView } from '../ui/game/MapView.tsx';
import { Clock } from '../ui/game/Clock.tsx';
import { phaseLine } from '../view/format.ts';
import { Standings, TreatyNetwork, NewsBoard } from './boards.tsx';
import './projector.css';

// The projector page (/projector/<code>#key=…), opened from the teacher's console in a new window: the
// public state only (it joins with the projector key and may not act). In the lobby the room code and
// the join QR; then the map, the treaty network, the timer, the news and the standings, in type that
// reads from the back of a room.

function Board() {
  const { st, rules: s, scenario } = useMatch();
  const [selected, setSelected] = useState<string | null>(null);
  const meta = st.meta;
  if (!meta) return <div class="projector-wait"><h1>Entente</h1><p role="status">{st.error ?? 'Connecting to the match\u2026'}</p></div>;
  if (!meta.started) {
    return (
      <div class="projector-lobby">
        <div>
          <h1>Join the match</h1>
          <p class="projector-code" aria-label={`Room code ${meta.code.split('').join(' ')}`}>{meta.code}</p>
          <p class="projector-link">{joinLink(meta.code)}</p>
          <p>{scenario.title} · {meta.players.filter((p) => p.nation && !p.host).length} of {meta.seats} nations taken</p>
        </div>
        <JoinQr code={meta.code} size={380} />
      </div>
    );
  }
  return (
    <div class="projector-game">
      <header class="projector-top">
        <span class="projector-phase">{s ? phaseLine(s.turn, s.turns, s.over ? 'over' : s.phase) : ''}</span>
        <Clock />
        {meta.paused ? <strong>Paused</strong> : null}
        <span class="projector-join">Join: {meta.code}</span>
      </header>
      <MapView selected={selected} onSelect={setSelected} labelScale={1.8} />
      <aside class="projector-side" aria-label="The sea at a glance">
        <Standings />
        <TreatyNetwork />
        <NewsBoard />
      </aside>
    </div>
  );
}

export function ProjectorPage({ code }: { code: string }) {
  const [deps] = useState(() => ({ conn: new Connection(announce), bus: new EventBus() }));
  useEffect(() => {
    document.title = `Entente \u00b7 projector ${code}`;
    document.documentElement.dataset.screen = 'projector';
    const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
    void deps.conn.watch(code, key).catch(() => undefined);
  }, []);
  return <Deps.Provider value={deps}><Board /></Deps.Provider>;
}
