import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { Connection } from '../net/connection.ts';
import { loadClass, type SavedClass } from '../net/classes.ts';
import { EventBus } from '../game/bus.ts';
import { announce } from '../ui/live.ts';
import { Deps } from '../ui/match.ts';
import { MatchScreen, screenFor } from '../ui/App.tsx';
import { JoinQr } from '../ui/lobby/JoinQr.tsx';
import { getScenario } from '../../shared/scenarios/index.ts';
import { classJoinLink } from './api.ts';
import { MatchTile } from './MatchTile.tsx';
import { ClassControls, type Seat } from './ClassControls.tsx';
import './classes.css';

// The class dashboard (/class/<code>): the teacher's one screen over every parallel match of the class.
// This browser holds the class (its secret is each match's host secret), so it joins every match as host,
// each on its own connection that never becomes the tab's saved seat. The class join code and QR for the
// students; pause, resume, advance all at once; each match's tile, projector, and its own lobby or console
// opened right here (and back).

function Visitor({ code }: { code: string }) {
  return (
    <div class="home stack class-page">
      <h1>Class {code}</h1>
      <p>This is a class code: students type it on the <a href="/">home page</a> to join one of the class{'\u2019'}s matches.</p>
      <p>This browser did not create the class, so it cannot run it. Once the matches are over, <a href={`/class/${encodeURIComponent(code)}/debrief`}>the class debrief</a> compares them side by side.</p>
    </div>
  );
}

function Dashboard({ saved }: { saved: SavedClass }) {
  const seats: Seat[] = useMemo(() => saved.matches.map((id) => ({ id, conn: new Connection(announce, { persist: false }), bus: new EventBus() })), [saved.code]);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    document.title = `Entente \u00b7 class ${saved.code}`;
    for (const s of seats) void s.conn.join(s.id, saved.hostName).catch((e: Error) => s.conn.store.set({ error: `Could not join match ${s.id}: ${e.message}` }));
  }, [saved.code]);
  const opened = seats.find((s) => s.id === open);
  const openedState = opened?.conn.store.value;
  const screen = opened && openedState?.meta ? screenFor(openedState) : 'class';
  useLayoutEffect(() => {
    document.documentElement.dataset.screen = screen;
    window.scrollTo(0, 0);
  }, [screen, open]);
  if (opened && openedState?.meta) {
    const back = () => setOpen(null);
    return (
      <Deps.Provider value={{ conn: opened.conn, bus: opened.bus }}>
        {screen === 'game' ? null : (
          <nav class="class-back row" aria-label="Class"><button class="btn small" type="button" onClick={back}>Back to the class dashboard</button><span>Match {opened.id} of class {saved.code}</span></nav>
        )}
        <MatchScreen st={openedState} onLeave={back} back="Back to the class" />
      </Deps.Provider>
    );
  }
  const first = seats[0]?.conn.store.value.meta;
  const scenario = getScenario(first?.scenario ?? 'amber-sea');
  const link = classJoinLink(saved.code);
  return (
    <div class="class-page">
      <section class="card code-box" aria-labelledby="class-title">
        <div>
          <h1 id="class-title">Class code</h1>
          <div class="room-code" aria-label={`Class code ${saved.code.split('').join(' ')}`}>{saved.code}</div>
          <p>Students join at <a href={link}>{link}</a> (or type the class code on the home page): each goes to the match with the most room.</p>
          <p class="muted">{scenario?.title ?? ''} · {seats.length} parallel matches from the same start{first && first.teamSize > 1 ? ` · teams of up to ${first.teamSize}` : ''}</p>
        </div>
        <JoinQr code={saved.code} link={link} />
      </section>
      <ClassControls seats={seats} code={saved.code} />
      <ul class="match-tiles">
        {seats.map((s, i) => (
          <Deps.Provider key={s.id} value={{ conn: s.conn, bus: s.bus }}>
            <MatchTile id={s.id} index={i} onOpen={() => setOpen(s.id)} />
          </Deps.Provider>
        ))}
      </ul>
    </div>
  );
}

export function ClassPage({ id }: { id: string }) {
  const code = id.toUpperCase();
  const saved = useMemo(() => loadClass(code), [code]);
  return saved ? <Dashboard saved={saved} /> : <Visitor code={code} />;
}
