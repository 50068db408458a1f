import type { ScenarioNation } from '../../shared/types.ts';

// Small SVG swatches of each nation's colour and pattern, for the DOM (the map draws the same patterns).

const NS = 'http://www.w3.org/2000/svg';

export function patternSvg(pattern: ScenarioNation['pattern'], color: string, size = 24): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const add = (tag: string, attrs: Record<string, string | number>) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    svg.appendChild(el);
  };
  add('rect', { x: 0, y: 0, width: 24, height: 24, fill: color });
  const ink = '#1d232b';
  switch (pattern) {
    case 'stripes': for (let i = -24; i < 24; i += 6) add('line', { x1: i, y1: 24, x2: i + 24, y2: 0, stroke: ink, 'stroke-width': 2 }); break;
    case 'dots': for (let x = 4; x < 24; x += 8) for (let y = 4; y < 24; y += 8) add('circle', { cx: x, cy: y, r: 2, fill: ink }); break;
    case 'grid': for (let i = 6; i < 24; i += 6) { add('line', { x1: i, y1: 0, x2: i, y2: 24, stroke: ink, 'stroke-width': 1.5 }); add('line', { x1: 0, y1: i, x2: 24, y2: i, stroke: ink, 'stroke-width': 1.5 }); } break;
    case 'waves': for (let y = 5; y < 24; y += 7) add('path', { d: `M0 ${y} q3 -4 6 0 t6 0 t6 0 t6 0`, stroke: ink, fill: 'none', 'stroke-width': 1.8 }); break;
    case 'checks': for (let x = 0; x < 24; x += 6) for (let y = 0; y < 24; y += 6) if (((x + y) / 6) % 2 === 0) add('rect', { x, y, width: 6, height: 6, fill: ink, 'fill-opacity': 0.55 }); break;
    case 'cross': for (let x = 6; x < 24; x += 12) for (let y = 6; y < 24; y += 12) { add('line', { x1: x - 3, y1: y, x2: x + 3, y2: y, stroke: ink, 'stroke-width': 2 }); add('line', { x1: x, y1: y - 3, x2: x, y2: y + 3, stroke: ink, 'stroke-width': 2 }); } break;
    case 'zigzag': for (let y = 6; y < 24; y += 8) add('polyline', { points: `0,${y} 4,${y - 4} 8,${y} 12,${y - 4} 16,${y} 20,${y - 4} 24,${y}`, stroke: ink, fill: 'none', 'stroke-width': 1.8 }); break;
    default: break;
  }
  return svg;
}
