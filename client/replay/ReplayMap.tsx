import { useEffect, useRef, useState } from 'preact/hooks';
import type { NationId } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import type { EventBus } from '../game/bus.ts';
import type { MapApi } from '../game/index.ts';
import { crisisMarkers, mapData, type MapData } from '../view/mapModel.ts';
import { positionLabel, stateAt, type Replay } from './model.ts';

// The live game's Phaser map, read-only, at the replay's position. "First frame": the canvas shows the
// regions (a good share of its pixels differ from the sea), checked on animation frames once Phaser is
// ready; the viewer then replays the rest of the match.

let probe: CanvasRenderingContext2D | null = null;

function canvasShowsLand(box: HTMLElement): boolean {
  const c = box.querySelector('canvas');
  if (!probe) {
    const el = document.createElement('canvas');
    el.width = el.height = 48;
    probe = el.getContext('2d', { willReadFrequently: true });
  }
  const g = probe;
  if (!c || !g || !c.width) return false;
  try { g.drawImage(c, 0, 0, 48, 48); } catch { return true; } // cannot read it back: take Phaser's word
  const px = g.getImageData(0, 0, 48, 48).data;
  let land = 0;
  for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - 0xcf) + Math.abs(px[i + 1]! - 0xe3) + Math.abs(px[i + 2]! - 0xee) > 60) land++;
  return land > (48 * 48) / 20;
}

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
    const drawn = (force: boolean) => {
      const check = (tries: number) => {
        if (!alive) return;
        if (!force && box.current && !canvasShowsLand(box.current) && tries < 600) { requestAnimationFrame(() => check(tries + 1)); return; }
        performance.mark('replay-first-frame');
        document.body.dataset.replayFirstFrame = String(Math.round(performance.now()));
        setReady(true);
        onDrawn();
      };
      requestAnimationFrame(() => check(0));
    };
    const offReady = bus.on('map:ready', (e) => { performance.mark('replay-map-ready'); setRenderer(e.renderer); drawn(false); });
    const offSelect = bus.on('nation:select', (e) => { if (e.source === 'map') onSelect(e.nation); });
    void import('../game/index.ts').then((m) => {
      if (alive && box.current) api.current = m.mountMap(box.current, () => data.current, bus);
    }).catch((e: unknown) => {
      setRenderer('failed');
      setFailure(`The map could not start (${String(e)}). The panels still work.`);
      drawn(true);
    });
    return () => { alive = false; offReady(); offSelect(); api.current?.destroy(); };
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
