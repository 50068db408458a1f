import { useEffect, useRef, useState } from 'preact/hooks';
import type { NationId } from '../../../shared/types.ts';
import { mapData, type MapData } from '../../view/mapModel.ts';
import type { MapApi } from '../../game/index.ts';
import { useMatch } from '../match.ts';
import { NationDetails } from './NationDetails.tsx';
import { MapLegend } from './MapLegend.tsx';

// The map: Phaser (loaded only now, after joining, in its own chunk) draws into a container this
// component owns; the DOM around it has nation buttons for keyboard selection, the selected nation's
// details, the legend and zoom. Map and panels talk through the typed bus.

export function MapView({ selected, onSelect, labelScale = 1 }: { selected: NationId | null; onSelect: (n: NationId | null) => void; labelScale?: number }) {
  const m = useMatch();
  const { rules: s, me, st, scenario, bus } = m;
  const canvas = useRef<HTMLDivElement>(null);
  const api = useRef<MapApi | null>(null);
  const [renderer, setRenderer] = useState('loading');
  const [failure, setFailure] = useState('');
  const data = useRef<MapData | null>(null);
  data.current = s ? mapData(scenario, s, me, selected, st.meta?.extra ?? {}) : null;

  useEffect(() => { bus.emit('model:update', { version: st.version }); });
  useEffect(() => bus.on('nation:select', (e) => { if (e.source === 'map') onSelect(e.nation); }), [onSelect]);
  useEffect(() => {
    let alive = true;
    const off = bus.on('map:ready', (e) => setRenderer(e.renderer));
    void import('../../game/index.ts').then((g) => {
      if (!alive || !canvas.current) return;
      api.current = g.mountMap(canvas.current, () => data.current, bus, { labelScale });
    }).catch((e: unknown) => {
      setRenderer('failed');
      setFailure(`The map could not start (${String(e)}). The panels still work.`);
    });
    return () => { alive = false; off(); api.current?.destroy(); api.current = null; };
  }, []);

  const pick = (id: NationId | null) => { onSelect(id); bus.emit('nation:select', { nation: id, source: 'panel' }); };
  return (
    <section class="mapwrap" aria-label="Map of the sea" data-renderer={renderer}>
      <div class="mapcanvas" ref={canvas} />
      <div class="map-nations" role="group" aria-label="Select a nation on the map" title="Pick a nation (or click it on the map) for its details">
        {s?.nations.map((n) => (
          <button key={n.id} type="button" aria-pressed={selected === n.id ? 'true' : 'false'} onClick={() => pick(selected === n.id ? null : n.id)}>
            {n.name}{n.id === me ? ' (you)' : ''}
          </button>
        ))}
      </div>
      {failure ? <p class="error map-failure">{failure}</p> : null}
      {selected ? <NationDetails nation={selected} onClose={() => pick(null)} /> : null}
      <MapLegend />
      <div class="row map-zoom">
        <button class="btn small" type="button" aria-label="Zoom in" onClick={() => api.current?.zoom(1.25)}>+</button>
        <button class="btn small" type="button" aria-label="Zoom out" onClick={() => api.current?.zoom(0.8)}>{'\u2212'}</button>
        <button class="btn small" type="button" aria-label="Fit the map" onClick={() => bus.emit('map:fit', {})}>Fit</button>
      </div>
    </section>
  );
}
