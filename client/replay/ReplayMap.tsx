import { useEffect, useRef, useState } from 'preact/hooks';
import type { NationId } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import type { EventBus } from '../game/bus.ts';
import type { MapApi } from '../game/index.ts';
import { crisisMarkers, mapData, type MapData } from '../view/mapModel.ts';
import { positionLabel, stateAt, type Replay } from './model.ts';

// The live game's Phaser map, read-only, at the replay's position. "First frame": the map scene's first
// render after it drew the regions (its `map:drawn`), once the browser has had a frame to show it; the
// viewer then replays the rest of the match. (Reading the canvas back on every animation frame to look
// for land cost a WebGL readback each time, about 200 ms in all before the first frame on this machine.)

export function ReplayMap({ r, pos, selected, onSelect, bus, onDrawn }: { r: Replay; pos: number; selected: NationId | null; onSelect: (n: NationId | null) => void; bus: EventBus; onDrawn: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const api = useRef<MapApi | null>(null);
  const [renderer, setRenderer] = useState('loading');
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState('');
  const scenario = getScenario(r.file.scenario)!;
  const s = stateAt(r, pos);
  const data = useRef<MapData | null>(null);
  data.current = mapData(scenario, s, null, selected);

  useEffect(() => { bus.emit('model:update', { version: pos }); }, [pos, selected]);
  useEffect(() => {
    let alive = true;
    const drawn = () => {
      requestAnimationFrame(() => {
        if (!alive) return;
        performance.mark('replay-first-frame');
        document.body.dataset.replayFirstFrame = String(Math.round(performance.now()));
        setReady(true);
        onDrawn();
      });
    };
    const offReady = bus.on('map:ready', (e) => { performance.mark('replay-map-ready'); setRenderer(e.renderer); });
    const offDrawn = bus.on('map:drawn', drawn);
    const offSelect = bus.on('nation:select', (e) => { if (e.source === 'map') onSelect(e.nation); });
    void import('../game/index.ts').then((m) => {
      if (alive && box.current) api.current = m.mountMap(box.current, () => data.current, bus);
    }).catch((e: unknown) => {
      setRenderer('failed');
      setFailure(`The map could not start (${String(e)}). The panels still work.`);
      drawn();
    });
    return () => { alive = false; offReady(); offDrawn(); offSelect(); api.current?.destroy(); };
  }, []);
  const label = positionLabel(r, pos);
  return (
    <section class="mapwrap replay-map" aria-label="Map of the match at this moment" aria-describedby="replay-map-caption" data-renderer={renderer} data-ready={ready ? 'true' : undefined}>
      <div class="map-canvas" id="replay-map" ref={box} />
      {failure ? <p class="error">{failure}</p> : null}
      <p class="visually-hidden" id="replay-map-caption">{label}. {s.treaties.length} treaties in force. {crisisMarkers(s).map((c) => c.label).join('; ')}</p>
      <div class="map-zoom row">
        <button class="btn small" type="button" aria-label="Zoom in" onClick={() => api.current?.zoom(1.25)}>+</button>
        <button class="btn small" type="button" aria-label="Zoom out" onClick={() => api.current?.zoom(0.8)}>{'\u2212'}</button>
        <button class="btn small" type="button" aria-label="Fit the map" onClick={() => bus.emit('map:fit', {})}>Fit</button>
      </div>
    </section>
  );
}
