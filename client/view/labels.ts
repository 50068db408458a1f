// Map label placement, without Phaser: every label is a box (in CSS pixels, around an anchor) with
// candidate positions tried in order; a label is placed at the first position where it overlaps no label
// placed before it. Required labels (capitals) search farther out; optional ones (stats, region names)
// are hidden when no position is free. So labels never overlap, whatever the scenario and the zoom.

export interface LabelRequest {
  id: string;
  /** Anchor point (CSS px, any origin). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Lower places first. */
  priority: number;
  optional: boolean;
  /** Preferred offsets of the box centre from the anchor (CSS px); the default is centred, then around. */
  prefer?: { dx: number; dy: number }[];
}

export interface PlacedLabel { id: string; x: number; y: number; w: number; h: number; visible: boolean }

export interface Rect { x: number; y: number; w: number; h: number }

/** Boxes (centre x, y and size) that overlap, with a small gap kept between them. */
export function overlaps(a: Rect, b: Rect, gap = 1): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + gap * 2 && Math.abs(a.y - b.y) * 2 < a.h + b.h + gap * 2;
}

function candidates(r: LabelRequest): { dx: number; dy: number }[] {
  const out = [...(r.prefer ?? [{ dx: 0, dy: 0 }])];
  const rings = r.optional ? 2 : 8;
  for (let k = 1; k <= rings; k++) {
    const sx = (r.w / 2 + 4) * k;
    const sy = (r.h + 2) * k;
    out.push({ dx: 0, dy: -sy }, { dx: 0, dy: sy }, { dx: sx, dy: 0 }, { dx: -sx, dy: 0 }, { dx: sx, dy: -sy }, { dx: -sx, dy: -sy }, { dx: sx, dy: sy }, { dx: -sx, dy: sy });
  }
  return out;
}

/** `bounds` (the visible area): a label stays inside it when it can; a required one is placed anyway. */
export function placeLabels(requests: readonly LabelRequest[], bounds: { x0: number; y0: number; x1: number; y1: number } | null = null): PlacedLabel[] {
  const placed: Rect[] = [];
  const inside = (b: Rect) => !bounds || (b.x - b.w / 2 >= bounds.x0 && b.x + b.w / 2 <= bounds.x1 && b.y - b.h / 2 >= bounds.y0 && b.y + b.h / 2 <= bounds.y1);
  const out = new Map<string, PlacedLabel>();
  const order = [...requests].sort((a, b) => a.priority - b.priority);
  for (const r of order) {
    let spot: Rect | null = null;
    let outside: Rect | null = null;
    for (const c of candidates(r)) {
      const box = { x: r.x + c.dx, y: r.y + c.dy, w: r.w, h: r.h };
      // Slide it sideways into the visible area (a label at the edge of the map stays beside its place).
      if (bounds) box.x = Math.min(Math.max(box.x, bounds.x0 + r.w / 2), Math.max(bounds.x0 + r.w / 2, bounds.x1 - r.w / 2));
      if (placed.some((p) => overlaps(p, box))) continue;
      if (inside(box)) { spot = box; break; }
      outside ??= box;
    }
    if (!spot && !r.optional) spot = outside;
    if (spot) placed.push(spot);
    out.set(r.id, spot ? { id: r.id, ...spot, visible: true } : { id: r.id, x: r.x, y: r.y, w: r.w, h: r.h, visible: false });
  }
  return requests.map((r) => out.get(r.id)!);
}
