import * as Phaser from 'phaser';
import type { MapDeps } from '../index.ts';
import { buildMap, type MapModel } from '../../../shared/rules/index.ts';
import { REVISIONIST } from '../../../shared/types.ts';
import { hexCenter, hexCorners, mapPixelSize, regionCenter, type MapData } from '../../view/mapModel.ts';
import { MapLabels } from './MapLabels.ts';

// The live map: hex regions coloured by owner with a pattern glyph and labels (colour is never the only
// cue), treaty links between capitals (solid alliances, dashed partnerships, thicker with ties), crisis
// markers with attacker and target and an animated outcome. Drag to pan, wheel or buttons to zoom.

const SIZE = 20;
const INK = 0x1d232b;
const REV_COLOR = 0x4a4a4a;
const hex = (c: string): number => Number.parseInt(c.replace('#', ''), 16) || 0x888888;

export class MapScene extends Phaser.Scene {
  #deps: MapDeps;
  #model!: MapModel;
  #land!: Phaser.GameObjects.Graphics;
  #marks!: Phaser.GameObjects.Graphics;
  #links!: Phaser.GameObjects.Graphics;
  #select!: Phaser.GameObjects.Graphics;
  #labels!: MapLabels;
  #crisisObjects: Phaser.GameObjects.GameObject[] = [];
  #outcomes = new Map<string, string>();
  #key = '';
  #data: MapData | null = null;
  #drag: { x: number; y: number; sx: number; sy: number; moved: boolean } | null = null;
  #hover: string | null = null;
  #tip: Phaser.GameObjects.Text | null = null;
  #off: (() => void)[] = [];

  constructor(deps: MapDeps) {
    super('Map');
    this.#deps = deps;
  }

  create(): void {
    const data = this.#deps.data()!;
    this.#model = buildMap(data.scenario);
    this.#land = this.add.graphics();
    this.#marks = this.add.graphics();
    this.#links = this.add.graphics();
    this.#select = this.add.graphics();
    this.#labels = new MapLabels(this, this.#deps.dpr, SIZE, this.#deps.labelScale);
    this.#off.push(this.#deps.bus.on('model:update', () => this.redraw()));
    this.#off.push(this.#deps.bus.on('nation:select', () => this.redraw(true)));
    this.#off.push(this.#deps.bus.on('map:fit', () => this.fit()));
    this.events.once('shutdown', () => this.#off.forEach((f) => f()));
    this.events.once('destroy', () => { this.#off.forEach((f) => f()); this.#labels.destroy(); });
    this.scale.on('resize', () => this.fit());
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.#drag = { x: p.x, y: p.y, sx: this.cameras.main.scrollX, sy: this.cameras.main.scrollY, moved: false };
    });
    this.input.addPointer(1); // two fingers: pinch to zoom
    let pinch: number | null = null;
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const a = this.input.pointer1;
      const b = this.input.pointer2;
      if (a?.isDown && b?.isDown) {
        const d = Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
        if (pinch && d > 0) this.zoomBy(d / pinch);
        pinch = d;
        if (this.#drag) this.#drag.moved = true;
        return;
      }
      pinch = null;
      if (this.#drag && p.isDown) {
        const cam = this.cameras.main;
        const dx = p.x - this.#drag.x;
        const dy = p.y - this.#drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 6) this.#drag.moved = true;
        if (this.#drag.moved) {
          cam.scrollX = this.#drag.sx - dx / cam.zoom;
          cam.scrollY = this.#drag.sy - dy / cam.zoom;
        }
        return;
      }
      // Hover: a small label at the pointer (name and reputation); a click or tap opens the details.
      const owner = this.ownerAt(p.worldX, p.worldY);
      const nat = owner && owner !== REVISIONIST ? this.#data?.nations.find((n) => n.id === owner) : undefined;
      if (!nat) {
        this.#hover = null;
        this.#tip?.setVisible(false);
        return;
      }
      if (!this.#tip) {
        this.#tip = this.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '13px', color: '#ffffff', backgroundColor: '#1d232b', padding: { x: 6, y: 4 } })
          .setScrollFactor(0).setDepth(1000).setResolution(this.#deps.dpr).setScale(this.#deps.dpr);
      }
      if (this.#hover !== nat.id) {
        this.#hover = nat.id;
        this.#tip.setText(`${nat.name} \u00b7 reputation ${nat.reputation} \u00b7 click for details`);
      }
      this.#tip.setPosition(Math.min(p.x + 14, this.scale.width - this.#tip.displayWidth - 4), Math.max(4, p.y - 30 * this.#deps.dpr)).setVisible(true);
    });
    this.input.on('gameout', () => { this.#hover = null; this.#tip?.setVisible(false); });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const moved = this.#drag?.moved;
      this.#drag = null;
      if (moved) { this.#labels.layout(); return; }
      const owner = this.ownerAt(p.worldX, p.worldY);
      this.#deps.bus.emit('nation:select', { nation: owner && owner !== REVISIONIST ? owner : null, source: 'map' });
    });
    this.input.on('wheel', (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => this.zoomBy(dy > 0 ? 0.9 : 1.1));
    this.redraw(true);
    this.fit();
  }

  zoomBy(f: number): void {
    const cam = this.cameras.main;
    const dpr = this.#deps.dpr;
    cam.setZoom(Phaser.Math.Clamp(cam.zoom * f, 0.3 * dpr, 4 * dpr));
    this.#labels.layout();
  }

  /** A tween is running (a crisis pulsing, an outcome bursting): the loop must not sleep. */
  animating(): boolean {
    return this.tweens.getTweens().length > 0;
  }

  /** Frame the regions in play (a small match does not need the whole sea). */
  fit(): void {
    if (!this.#data) return;
    const inPlay = new Set(this.#data.regions.map((r) => r.id));
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const c of this.#model.cells) {
      if (!inPlay.has(c.region)) continue;
      const p = hexCenter(c.col, c.row, SIZE);
      x0 = Math.min(x0, p.x - SIZE); x1 = Math.max(x1, p.x + SIZE);
      y0 = Math.min(y0, p.y - SIZE * 2.4); y1 = Math.max(y1, p.y + SIZE);
    }
    if (!Number.isFinite(x0)) {
      const full = mapPixelSize(this.#data.scenario, SIZE);
      x0 = 0; y0 = 0; x1 = full.width; y1 = full.height;
    }
    const cam = this.cameras.main;
    const w = this.scale.width;
    const h = this.scale.height;
    cam.setZoom(Math.max(0.3 * this.#deps.dpr, Math.min(w / (x1 - x0), h / (y1 - y0)) * 0.94));
    cam.centerOn((x0 + x1) / 2, (y0 + y1) / 2);
    this.#labels.layout();
  }

  ownerAt(x: number, y: number): string | null {
    let best: { d: number; region: string } | null = null;
    for (const c of this.#model.cells) {
      const p = hexCenter(c.col, c.row, SIZE);
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d < SIZE * SIZE && (!best || d < best.d)) best = { d, region: c.region };
    }
    if (!best) return null;
    return this.#data?.regions.find((r) => r.id === best!.region)?.owner ?? null;
  }

  redraw(force = false): void {
    const data = this.#deps.data();
    if (!data) return;
    const key = JSON.stringify([data.regions, data.links, data.crises, data.selected, data.me, data.nations]);
    if (!force && key === this.#key) return;
    this.#key = key;
    this.#data = data;
    const colorOf = new Map(data.nations.map((n) => [n.id, n]));
    const owner = new Map(data.regions.map((r) => [r.id, r.owner]));

    // Land: one hex per cell, fill by owner, a pattern glyph per cell.
    this.#land.clear();
    this.#marks.clear();
    for (const c of this.#model.cells) {
      const o = owner.get(c.region);
      const nat = o ? colorOf.get(o) : undefined;
      const { x, y } = hexCenter(c.col, c.row, SIZE);
      const pts = hexCorners(x, y, SIZE - 0.5).map((p) => new Phaser.Math.Vector2(p.x, p.y));
      this.#land.fillStyle(o === REVISIONIST ? REV_COLOR : nat ? hex(nat.color) : 0xe8e4da, o && (nat || o === REVISIONIST) ? 1 : 0.5);
      this.#land.fillPoints(pts, true);
      this.#land.lineStyle(1, 0xffffff, 0.45);
      this.#land.strokePoints(pts, true);
      this.glyph(o === REVISIONIST ? 'revisionist' : nat?.pattern ?? 'solid', x, y);
    }

    // Selected nation: a heavy outline around its cells.
    this.#select.clear();
    const sel = data.selected;
    if (sel) {
      this.#select.lineStyle(3, INK, 1);
      for (const c of this.#model.cells) {
        if (owner.get(c.region) !== sel) continue;
        const { x, y } = hexCenter(c.col, c.row, SIZE);
        this.#select.strokePoints(hexCorners(x, y, SIZE - 2).map((p) => new Phaser.Math.Vector2(p.x, p.y)), true);
      }
    }

    // Treaty links between capitals.
    this.#links.clear();
    const capital = (nation: string) => {
      const r = data.regions.find((x) => x.owner === nation && x.capital) ?? data.scenario.regions.find((x) => x.owner === nation && x.capital);
      return r ? regionCenter(data.scenario, r.id, SIZE) : null;
    };
    for (const l of data.links) {
      // Canonical order, so the side-by-side offset is the same whoever proposed the treaty.
      const [first, second] = l.a < l.b ? [l.a, l.b] : [l.b, l.a];
      const a0 = capital(first);
      const b0 = capital(second);
      if (!a0 || !b0) continue;
      // Alliances and partnerships between the same capitals run side by side, never on top of each other.
      const len = Math.hypot(b0.x - a0.x, b0.y - a0.y) || 1;
      const off = l.dashed ? 4 : -4;
      const nx = (-(b0.y - a0.y) / len) * off;
      const ny = ((b0.x - a0.x) / len) * off;
      const a = { x: a0.x + nx, y: a0.y + ny };
      const b = { x: b0.x + nx, y: b0.y + ny };
      const width = 1.5 + l.weight * 1.3;
      if (l.dashed) {
        this.#links.lineStyle(width + 2, 0xffffff, 0.8);
        this.dashed(a, b, 10, 7);
        this.#links.lineStyle(width, 0x0a5c8a, 1);
        this.dashed(a, b, 10, 7);
      } else {
        this.#links.lineStyle(width + 2, 0xffffff, 0.8);
        this.#links.lineBetween(a.x, a.y, b.x, b.y);
        this.#links.lineStyle(width, INK, l.noticeGiven ? 0.45 : 1);
        this.#links.lineBetween(a.x, a.y, b.x, b.y);
      }
    }

    // Crisis markers, with an animated outcome when it changes.
    for (const o of this.#crisisObjects) o.destroy();
    this.#crisisObjects = [];
    const perTarget = new Map<string, number>();
    const crisisLabels: { id: string; x: number; y: number; text: string }[] = [];
    for (const m of data.crises) {
      const c = regionCenter(data.scenario, m.region, SIZE);
      const nth = perTarget.get(m.region) ?? 0;
      perTarget.set(m.region, nth + 1);
      c.x += nth * SIZE * 1.6;
      const y = c.y - SIZE * 1.2 - nth * SIZE * 0.9;
      const ring = this.add.circle(c.x, y, 11, m.outcome === 'held' ? 0x1b6e3a : 0xa3261b, 1).setStrokeStyle(2, 0xffffff);
      const mark = this.add.text(c.x, y, m.outcome === 'held' ? '\u2713' : '!', { fontFamily: 'system-ui, sans-serif', fontSize: '15px', fontStyle: 'bold', color: '#ffffff' }).setOrigin(0.5);
      crisisLabels.push({ id: m.id, x: c.x, y, text: `${m.attackerName} \u2192 ${data.nations.find((n) => n.id === m.target)?.name ?? m.target}` });
      this.#crisisObjects.push(ring, mark);
      const prev = this.#outcomes.get(m.id);
      this.#outcomes.set(m.id, m.outcome);
      if (m.outcome === 'pending') {
        // A few pulses, then still: an idle map lets its loop sleep (client/game/idle.ts).
        this.tweens.add({ targets: ring, scale: 1.25, duration: 600, yoyo: true, repeat: 4 });
      } else if (prev !== m.outcome) {
        const burst = this.add.circle(c.x, c.y, SIZE, m.outcome === 'held' ? 0x1b6e3a : 0xa3261b, 0.5);
        this.#crisisObjects.push(burst);
        this.tweens.add({ targets: burst, scale: 3, alpha: 0, duration: 1400, ease: 'Cubic.easeOut' });
        this.tweens.add({ targets: [ring, mark], scale: { from: 0.3, to: 1 }, duration: 500, ease: 'Back.easeOut' });
      }
    }
    this.#labels.build(data, crisisLabels);
  }

  dashed(a: { x: number; y: number }, b: { x: number; y: number }, dash: number, gap: number): void {
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    for (let d = 0; d < len; d += dash + gap) {
      const e = Math.min(len, d + dash);
      this.#links.lineBetween(a.x + ux * d, a.y + uy * d, a.x + ux * e, a.y + uy * e);
    }
  }

  glyph(pattern: string, x: number, y: number): void {
    const g = this.#marks;
    const s = SIZE * 0.42;
    g.lineStyle(2, INK, 0.55);
    g.fillStyle(INK, 0.55);
    switch (pattern) {
      case 'stripes': g.lineBetween(x - s, y + s, x + s, y - s); g.lineBetween(x - s * 0.2, y + s, x + s, y - s * 0.2); break;
      case 'dots': g.fillCircle(x, y, 2.6); break;
      case 'grid': g.strokeRect(x - s * 0.6, y - s * 0.6, s * 1.2, s * 1.2); break;
      case 'waves': g.beginPath(); g.arc(x - s * 0.5, y, s * 0.5, Math.PI, 0); g.strokePath(); g.beginPath(); g.arc(x + s * 0.5, y, s * 0.5, 0, Math.PI); g.strokePath(); break;
      case 'checks': g.fillRect(x - s * 0.5, y - s * 0.5, s * 0.5, s * 0.5); g.fillRect(x, y, s * 0.5, s * 0.5); break;
      case 'cross': g.lineBetween(x - s * 0.6, y, x + s * 0.6, y); g.lineBetween(x, y - s * 0.6, x, y + s * 0.6); break;
      case 'zigzag': g.strokePoints([new Phaser.Math.Vector2(x - s, y + 2), new Phaser.Math.Vector2(x - s / 2, y - 3), new Phaser.Math.Vector2(x, y + 2), new Phaser.Math.Vector2(x + s / 2, y - 3), new Phaser.Math.Vector2(x + s, y + 2)], false); break;
      case 'revisionist': g.lineStyle(2, 0xffffff, 0.7); g.lineBetween(x - s / 2, y - s / 2, x + s / 2, y + s / 2); g.lineBetween(x - s / 2, y + s / 2, x + s / 2, y - s / 2); break;
      default: break;
    }
  }
}
