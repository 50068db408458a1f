import { useState } from 'preact/hooks';

// What the map's lines and marks mean (closed by default on a phone, where space is short).

const sample = (dashed: boolean, width: number) => (
  <svg class="sample" width="40" height="12" aria-hidden="true">
    <line x1="2" y1="6" x2="38" y2="6" stroke={dashed ? '#0a5c8a' : '#1d232b'} stroke-width={width} stroke-dasharray={dashed ? '6 4' : undefined} />
  </svg>
);

export function MapLegend() {
  const [open, setOpen] = useState(() => !window.matchMedia('(max-width: 900px)').matches);
  return (
    <details class="map-legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary><strong>Legend</strong></summary>
      <div>{sample(false, 4)} Defensive alliance (solid)</div>
      <div>{sample(true, 3)} Strategic partnership (dashed, thicker with ties)</div>
      <div><span aria-hidden="true" style="color:#a3261b;font-weight:900">{'\u26a0'}</span> Crisis: attacker {'\u2192'} target</div>
      <div><span aria-hidden="true">{'\u2605'}</span> Capital · patterns tell nations apart</div>
    </details>
  );
}
