import type { NationId } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { PHASE_INFO, winners } from '../../shared/rules/index.ts';
import { crisisMarkers } from '../view/mapModel.ts';
import { Swatch } from '../ui/Swatch.tsx';
import { chatAt, eventsAt, nameOf, positionLabel, reasonsAt, stateAt, statsAt, type Replay } from './model.ts';

// The replay's "Nations" panel (every nation's figures at this moment) and "This year" panel (crises,
// news or events so far, the reasons given, the negotiations if the host published them).

const COLUMNS: [string, string][] = [['Economy', 'Econ.'], ['Military', 'Mil.'], ['Stability', 'Stab.'], ['Reputation', 'Rep.'], ['Technology', 'Tech.'], ['Trust received', 'Trust'], ['Regions', 'Reg.'], ['Score', 'Score']];

export function NationsPanel({ r, pos, selected, onSelect }: { r: Replay; pos: number; selected: NationId | null; onSelect: (n: NationId | null) => void }) {
  const s = stateAt(r, pos);
  const rows = statsAt(r, pos);
  const colors = new Map(getScenario(r.file.scenario)!.nations.map((n) => [n.id, n]));
  const won = winners(s);
  return (
    <div class="stack">
      <div class="table-scroll" role="region" aria-label="Figures of every nation" tabIndex={0}>
        <table class="stats" id="replay-stats">
          <caption>Every nation at {positionLabel(r, pos)}</caption>
          <thead><tr><th scope="col">Nation</th>{COLUMNS.map(([full, short]) => <th key={full} scope="col" data-col={full}><abbr title={full}>{short}</abbr></th>)}</tr></thead>
          <tbody>
            {rows.map((n) => {
              const sc = colors.get(n.nation);
              return (
                <tr key={n.nation} data-nation={n.nation} class={n.nation === selected ? 'selected' : ''}>
                  <th scope="row">
                    <button class="linkish" type="button" aria-pressed={n.nation === selected ? 'true' : 'false'} aria-label={`${n.name}${n.player ? `, played by ${n.player}` : ', a bot'}: show on the map`}
                      onClick={() => onSelect(n.nation === selected ? null : n.nation)}>
                      {sc ? <Swatch pattern={sc.pattern} color={sc.color} size={16} /> : null} {n.name}
                    </button>
                    <span class="player muted">{n.player ?? 'bot'}</span>
                  </th>
                  <td data-col="Economy">{n.economy}</td><td data-col="Military">{n.military}</td><td data-col="Stability">{n.stability}</td>
                  <td data-col="Reputation">{n.reputation}</td><td data-col="Technology">{n.technology}</td><td data-col="Trust received">{n.trustReceived}</td>
                  <td data-col="Regions">{n.regions}</td><td data-col="Score">{n.score}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {s.over ? <p class="winner-line" id="replay-winner"><span aria-hidden="true">{'\u2605'} </span>{won.map((w) => nameOf(s, w)).join(' and ')} {won.length > 1 ? 'share first place' : 'won the match'}.</p> : null}
      <p class="muted small">Pressure of {s.revisionistName}: {s.pressure}. {s.over ? 'Final scores' : 'Scores are what each nation would score now'}, by each nation's own national interest.</p>
    </div>
  );
}

export function YearPanel({ r, pos }: { r: Replay; pos: number }) {
  const s = stateAt(r, pos);
  const events = eventsAt(r, pos);
  const reasons = reasonsAt(r, pos);
  const crises = crisisMarkers(s);
  const chat = chatAt(r, pos);
  const news = s.news.find((n) => n.turn === s.turn);
  return (
    <div class="stack">
      <h2>Year {s.turn}<span class="muted"> · {s.over ? 'the end' : PHASE_INFO[s.phase].title}</span></h2>
      <section aria-labelledby="y-crises">
        <h3 id="y-crises">Crises</h3>
        {crises.length ? <ul id="replay-crises">{crises.map((c) => <li key={c.id} class={`crisis outcome-${c.outcome}`}>{c.label}</li>)}</ul> : <p class="muted">No crisis so far this year.</p>}
      </section>
      <section aria-labelledby="y-news">
        <h3 id="y-news">{news ? 'News of the year' : 'What happened so far'}</h3>
        {news ? <ul id="replay-news">{news.lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : null}
        {!news && events.length ? <ul id="replay-events">{events.map((e, i) => <li key={i} class={e.private ? 'private' : ''}>{e.text}</li>)}</ul> : null}
        {!news && !events.length ? <p class="muted">Nothing yet: the year has just begun.</p> : null}
      </section>
      <section aria-labelledby="y-reasons">
        <h3 id="y-reasons">Reasons given</h3>
        {reasons.length ? <ul id="replay-reasons" class="reasons">{reasons.map((x) => <li key={x.index}><strong>{x.name}</strong><span class="muted"> {x.bot ? '(bot)' : '(journal)'} · {x.type}: </span>{x.note}</li>)}</ul>
          : <p class="muted">No reasons recorded yet this year.</p>}
      </section>
      <section aria-labelledby="y-neg">
        <h3 id="y-neg">Negotiations</h3>
        {r.published
          ? (chat.length ? <ul id="replay-chat" class="chatlog">{chat.map((l) => <li key={l.id}><strong>{l.fromName}</strong> to {l.to === 'all' ? 'everyone' : nameOf(s, l.to)}: {l.text}</li>)}</ul>
            : <p class="muted">No messages this year. Proposals and answers appear under "What happened".</p>)
          : <p class="muted" id="replay-private">The host kept this match{'\u2019'}s negotiations private: messages, proposals under discussion and players{'\u2019'} journals are not shown. Signed treaties and public events are.</p>}
      </section>
    </div>
  );
}
