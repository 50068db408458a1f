import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CreateOptions } from '../../shared/protocol/messages.ts';
import type { NationId } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { EventBus } from '../game/bus.ts';
import { downloadFile, replayUrl } from '../archive/api.ts';
import { announce } from '../ui/live.ts';
import { forkTurn, lastPosition, makeReplay, queryFor, quickPosition, stateAt, type Replay } from './model.ts';
import type { Loaded } from './ReplayPage.tsx';
import { Transport } from './Transport.tsx';
import { ReplayMap } from './ReplayMap.tsx';
import { ReplayPanels } from './ReplayPanels.tsx';
import { ReplayCharts } from './ReplayCharts.tsx';
import { ForkDialog } from './ForkDialog.tsx';

// The viewer once the match is loaded: header (copy link, download, fork), transport, map and panels,
// charts. `pos` (a number of applied actions) is the one piece of state everything reads.

export function Viewer({ id, loaded, host }: { id: string; loaded: Loaded; host(options: CreateOptions): Promise<void> }) {
  const { file } = loaded;
  const scenario = getScenario(file.scenario)!;
  const bus = useMemo(() => new EventBus(), []);
  const [r, setR] = useState<Replay>(loaded.first);
  const [complete, setComplete] = useState(false);
  const [pos, setPos] = useState(loaded.startAt);
  const [selected, setSelected] = useState<NationId | null>(null);
  const [forking, setForking] = useState(false);
  const [copied, setCopied] = useState('');
  const [mapDrawn, setMapDrawn] = useState(false);
  const last = lastPosition(r);
  const go = (p: number) => setPos(Math.max(0, Math.min(last, p)));

  // The whole match, after the first frame is on screen: the timeline, moments and charts reach its end.
  useEffect(() => {
    if (!mapDrawn || complete) return;
    const t = setTimeout(() => {
      if (!loaded.whole) {
        const built = makeReplay(id, file, loaded.published, loaded.chat);
        if (built.ok) setR(built.replay);
      }
      setComplete(true);
    }, 30);
    return () => clearTimeout(t);
  }, [mapDrawn]);
  useEffect(() => { if (complete) history.replaceState(null, '', `${replayUrl(id)}${queryFor(r, pos)}`); }, [pos, complete]);
  useEffect(() => () => bus.clear(), []);

  const copy = async () => {
    const link = `${location.origin}${replayUrl(id)}${queryFor(r, pos)}`;
    try { await navigator.clipboard.writeText(link); setCopied('Link copied.'); } catch { window.prompt('Copy this link:', link); }
    setTimeout(() => setCopied(''), 3000);
  };
  const s = stateAt(r, pos);
  return (
    <div class="replay">
      <header class="replay-top">
        <div>
          <nav class="crumbs" aria-label="Breadcrumb"><a href="/">Entente</a> {'\u203a'} <a href="/matches">Match archive</a> {'\u203a'} Replay</nav>
          <h1 id="replay-title">Replay of {id}<span class="muted scenario-name"> · {scenario.title}</span></h1>
          {file.parent ? (
            <p class="family">What-if fork of <a href={replayUrl(file.parent.id)}>{file.parent.id}</a> from year {file.parent.turn}{' '}
              <button class="btn small" type="button" id="replay-fork-start" onClick={() => go(quickPosition(file, new URLSearchParams(`turn=${file.parent!.turn}`)) ?? 0)}>Go to year {file.parent.turn}, where it begins</button>
            </p>
          ) : null}
        </div>
        <div class="row actions">
          <button id="replay-copy" class="btn small" type="button" aria-label="Copy link to this moment of the replay" onClick={() => void copy()}>Copy link</button>
          <button id="replay-export" class="btn small" type="button" aria-label="Download the match file (JSON)" onClick={() => { downloadFile(file, id); announce('Match file downloaded.'); }}>Download</button>
          <button id="replay-fork" class="btn small primary" type="button" onClick={() => setForking(true)}>Fork from year {forkTurn(r, pos)}{'\u2026'}</button>
          <span role="status" class="copy-status" id="copy-status">{copied}</span>
        </div>
      </header>
      <Transport r={r} pos={pos} go={go} busy={!complete} />
      <div class="replay-main">
        <ReplayMap r={r} pos={pos} selected={selected} onSelect={setSelected} bus={bus} onDrawn={() => setMapDrawn(true)} />
        <ReplayPanels r={r} pos={pos} go={go} selected={selected} onSelect={(n) => { setSelected(n); bus.emit('nation:select', { nation: n, source: 'panel' }); }} />
      </div>
      <section class="replay-charts" aria-labelledby="charts-title">
        <h2 id="charts-title">Over the years</h2>
        <p class="muted">Year 0 is the start; each later point is the end of that year. The dashed vertical line is the year shown above.</p>
        {complete ? <ReplayCharts r={r} marker={s.over ? s.turn : Math.max(0, s.turn - 1)} /> : <div class="chart-grid" id="replay-charts"><p class="muted">Loading the charts{'\u2026'}</p></div>}
      </section>
      {forking ? <ForkDialog id={id} file={file} turn={forkTurn(r, pos)} host={host} onClose={() => { setForking(false); document.getElementById('replay-fork')?.focus(); }} /> : null}
    </div>
  );
}
