import { useState } from 'preact/hooks';
import type { Connection } from '../net/connection.ts';
import type { EventBus } from '../game/bus.ts';

// Every match of the class at once: start, make teams, pause, resume, the next phase, end. Each is one host
// command per match on that match's connection; the line below says how many matches took it (and why
// one did not).

export interface Seat { id: string; conn: Connection; bus: EventBus }

export function ClassControls({ seats, code }: { seats: Seat[]; code: string }) {
  const [said, setSaid] = useState('');
  const metas = seats.map((s) => ({ s, meta: s.conn.store.value.meta, game: s.conn.store.value.game }));
  const lobby = metas.filter((x) => x.meta && !x.meta.started);
  const running = metas.filter((x) => x.meta?.started && !x.meta.over);
  const paused = running.filter((x) => x.meta!.paused);
  const teams = lobby.some((x) => (x.meta?.teamSize ?? 1) > 1);
  const over = metas.filter((x) => x.meta?.over).length;
  const all = (what: string, pick: typeof metas, send: (x: (typeof metas)[number]) => Promise<void>) => {
    setSaid('');
    void Promise.allSettled(pick.map(send)).then((rs) => {
      const bad = rs.flatMap((r, i) => (r.status === 'rejected' ? [`${pick[i]!.s.id}: ${(r.reason as Error).message}`] : []));
      setSaid(bad.length ? `${what} in ${pick.length - bad.length} of ${pick.length} matches. ${bad.join(' ')}` : `${what} in ${pick.length === 1 ? 'the match' : `all ${pick.length} matches`}.`);
    });
  };
  return (
    <section class="card class-controls" aria-labelledby="all-title">
      <h2 id="all-title">All matches</h2>
      <div class="row" role="group" aria-label="Every match at once">
        {lobby.length ? <button class="btn primary" type="button" onClick={() => all('Started', lobby, (x) => x.s.conn.request('start', {}))}>Start every match</button> : null}
        {teams ? <button class="btn" type="button" onClick={() => all('Teams made', lobby, (x) => x.s.conn.request('makeTeams', { mode: 'balanced' }))}>Make teams in every match</button> : null}
        <button class="btn" type="button" disabled={running.length === paused.length} onClick={() => all('Paused', running.filter((x) => !x.meta!.paused), (x) => x.s.conn.request('pause', {}))}>Pause all</button>
        <button class="btn" type="button" disabled={!paused.length} onClick={() => all('Resumed', paused, (x) => x.s.conn.request('resume', {}))}>Resume all</button>
        <button class="btn" type="button" disabled={!running.length || running.length === paused.length} onClick={() => all('Moved to the next phase', running.filter((x) => !x.meta!.paused), (x) => x.s.conn.request('advance', { phase: x.game!.phase }))}>Next phase in all</button>
        <button class="btn danger" type="button" disabled={!running.length && !lobby.length} onClick={() => { if (confirm('End every match of the class now?')) all('Ended', [...lobby, ...running], (x) => x.s.conn.request('endMatch', {})); }}>End all</button>
      </div>
      <p role="status" id="class-status">{said}</p>
      <p>{over === seats.length ? 'Every match is over: ' : `${over} of ${seats.length} matches over. `}
        <a href={`/class/${encodeURIComponent(code)}/debrief`}>The class debrief</a> compares them side by side: same start, different outcomes.</p>
    </section>
  );
}
