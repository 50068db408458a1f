import type * as Phaser from 'phaser';
import { REVISIONIST } from '../../../shared/types.ts';
import { regionCenter, type MapData } from '../../view/mapModel.ts';
import { placeLabels, type LabelRequest } from '../../view/labels.ts';

// The map's text: a name and a line of stats at each capital, region names, and crisis labels. Labels
// keep one size in CSS pixels whatever the zoom (never under 11 px), and are placed so that none overlaps
// another (client/view/labels.ts): capitals and crises always show, stats and region names only where
// there is room. The placed boxes are written on the canvas (data-labels) for the end-to-end checks.

const FONT = 'system-ui, sans-serif';
export const LABEL_PX = { capital: 14, stats: 11, region: 11, crisis: 12 } as const;

/** Centre-to-centre distance of a capital's name and its stats line (their heights, halved, and a gap). */
const STATS_GAP = LABEL_PX.capital * 0.75 + LABEL_PX.stats * 0.75 + 4;

interface Item { req: LabelRequest; text: Phaser.GameObjects.Text; wx: number; wy: number }

export class MapLabels {
  #scene: Phaser.Scene;
  #dpr: number;
  #size: number;
  #items: Item[] = [];
  #scale: number;

  constructor(scene: Phaser.Scene, dpr: number, hexSize: number, scale = 1) {
    this.#scene = scene;
    this.#dpr = dpr;
    this.#size = hexSize;
    this.#scale = scale;
  }

  #text(content: string, px: number, style: Partial<Phaser.Types.GameObjects.Text.TextStyle>): Phaser.GameObjects.Text {
    return this.#scene.add.text(0, 0, content, { fontFamily: FONT, fontSize: `${Math.round(px * this.#scale)}px`, color: '#1d232b', stroke: '#ffffff', strokeThickness: 3, align: 'center', ...style })
      .setOrigin(0.5, 0.5).setResolution(this.#dpr * 1.5).setDepth(10);
  }

  /** New labels for new data (positions come with layout()). */
  build(data: MapData, crises: { id: string; x: number; y: number; text: string }[]): void {
    for (const i of this.#items) i.text.destroy();
    this.#items = [];
    const byId = new Map(data.nations.map((n) => [n.id, n]));
    const add = (id: string, content: string, px: number, wx: number, wy: number, priority: number, optional: boolean, style: Partial<Phaser.Types.GameObjects.Text.TextStyle>, prefer?: LabelRequest['prefer']) => {
      const text = this.#text(content, px, style);
      this.#items.push({ req: { id, x: 0, y: 0, w: text.width, h: text.height, priority, optional, prefer }, text, wx, wy });
    };
    for (const r of data.regions) {
      const c = regionCenter(data.scenario, r.id, this.#size);
      const nat = byId.get(r.owner);
      if (r.capital && nat) {
        add(`capital:${r.id}`, `\u2605 ${nat.name}${r.owner === data.me ? ' (you)' : ''}`, LABEL_PX.capital, c.x, c.y, 0, false, { fontStyle: 'bold', strokeThickness: 4 });
        add(`stats:${r.id}`, `econ ${nat.economy} \u00b7 mil ${nat.military} \u00b7 rep ${nat.reputation}`, LABEL_PX.stats, c.x, c.y, 2, true, {},
          [{ dx: 0, dy: STATS_GAP * this.#scale }, { dx: 0, dy: -STATS_GAP * this.#scale }]);
      } else {
        const owner = r.owner === REVISIONIST ? ` (${data.revisionistName.replace(/^the /, '')})` : '';
        add(`region:${r.id}`, `${r.name}${owner}`, LABEL_PX.region, c.x, c.y, 3, true, { fontStyle: 'italic' });
      }
    }
    for (const k of crises) add(`crisis:${k.id}`, k.text, LABEL_PX.crisis, k.x, k.y, 1, false, { fontStyle: 'bold', color: '#a3261b' }, [{ dx: 0, dy: -16 * this.#scale }]);
    this.layout();
  }

  /** Place every label for the camera's zoom: fixed CSS size, no overlaps. */
  layout(): void {
    const cam = this.#scene.cameras.main;
    const toCss = cam.zoom / this.#dpr;
    const reqs = this.#items.map((i) => ({ ...i.req, x: i.wx * toCss, y: i.wy * toCss }));
    // The visible area in the same CSS-px frame (the camera's centre is scroll + half its size).
    const cx = (cam.scrollX + cam.width / 2) * toCss;
    const cy = (cam.scrollY + cam.height / 2) * toCss;
    const hw = (cam.width / 2 / cam.zoom) * toCss;
    const hh = (cam.height / 2 / cam.zoom) * toCss;
    const placed = placeLabels(reqs, { x0: cx - hw + 2, y0: cy - hh + 2, x1: cx + hw - 2, y1: cy + hh - 2 });
    const shown: { id: string; x: number; y: number; w: number; h: number; px: number }[] = [];
    placed.forEach((p, n) => {
      const item = this.#items[n]!;
      item.text.setVisible(p.visible).setScale(1 / toCss).setPosition(p.x / toCss, p.y / toCss);
      if (!p.visible) return;
      // In CSS px, in the map's own frame (overlap checks need consistent positions, not the scroll).
      shown.push({ id: p.id, x: Math.round(p.x - p.w / 2), y: Math.round(p.y - p.h / 2), w: Math.round(p.w), h: Math.round(p.h), px: Number.parseFloat(String(item.text.style.fontSize)) });
    });
    const canvas = this.#scene.game.canvas;
    canvas.dataset.labels = JSON.stringify(shown);
    canvas.dataset.dpr = String(this.#dpr);
  }

  destroy(): void {
    for (const i of this.#items) i.text.destroy();
    this.#items = [];
  }
}
