import type { NationId } from '../../shared/types.ts';

// Where each nation sits in a small treaty-network drawing (the debrief and the projector).

/** Lay nations out on a circle (a small SVG of `size` px). */
export function circleLayout(ids: readonly NationId[], size = 240, margin = 40): Map<NationId, { x: number; y: number }> {
  const out = new Map<NationId, { x: number; y: number }>();
  const r = size / 2 - margin;
  ids.forEach((id, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, ids.length);
    out.set(id, { x: Math.round((size / 2 + r * Math.cos(a)) * 10) / 10, y: Math.round((size / 2 + r * Math.sin(a)) * 10) / 10 });
  });
  return out;
}

