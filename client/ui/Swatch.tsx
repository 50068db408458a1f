import type { JSX } from 'preact';
import type { ScenarioNation } from '../../shared/types.ts';

// A small SVG swatch of a nation's colour and pattern (the map draws the same patterns), so colour is
// never the only cue.

const INK = '#1d232b';

function marks(pattern: ScenarioNation['pattern']): JSX.Element[] {
  const out: JSX.Element[] = [];
  switch (pattern) {
    case 'stripes': for (let i = -24; i < 24; i += 6) out.push(<line x1={i} y1={24} x2={i + 24} y2={0} stroke={INK} stroke-width={2} />); break;
    case 'dots': for (let x = 4; x < 24; x += 8) for (let y = 4; y < 24; y += 8) out.push(<circle cx={x} cy={y} r={2} fill={INK} />); break;
    case 'grid': for (let i = 6; i < 24; i += 6) out.push(<line x1={i} y1={0} x2={i} y2={24} stroke={INK} stroke-width={1.5} />, <line x1={0} y1={i} x2={24} y2={i} stroke={INK} stroke-width={1.5} />); break;
    case 'waves': for (let y = 5; y < 24; y += 7) out.push(<path d={`M0 ${y} q3 -4 6 0 t6 0 t6 0 t6 0`} stroke={INK} fill="none" stroke-width={1.8} />); break;
    case 'checks': for (let x = 0; x < 24; x += 6) for (let y = 0; y < 24; y += 6) if (((x + y) / 6) % 2 === 0) out.push(<rect x={x} y={y} width={6} height={6} fill={INK} fill-opacity={0.55} />); break;
    case 'cross': for (let x = 6; x < 24; x += 12) for (let y = 6; y < 24; y += 12) out.push(<line x1={x - 3} y1={y} x2={x + 3} y2={y} stroke={INK} stroke-width={2} />, <line x1={x} y1={y - 3} x2={x} y2={y + 3} stroke={INK} stroke-width={2} />); break;
    case 'zigzag': for (let y = 6; y < 24; y += 8) out.push(<polyline points={`0,${y} 4,${y - 4} 8,${y} 12,${y - 4} 16,${y} 20,${y - 4} 24,${y}`} stroke={INK} fill="none" stroke-width={1.8} />); break;
    default: break;
  }
  return out;
}

export function Swatch({ pattern, color, size = 24 }: { pattern: ScenarioNation['pattern'] | string; color: string; size?: number }) {
  return (
    <svg class="swatch" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x={0} y={0} width={24} height={24} fill={color} />
      {marks(pattern as ScenarioNation['pattern'])}
    </svg>
  );
}
