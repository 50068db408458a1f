import * as Phaser from 'phaser';
import type { EventBus } from './bus.ts';
import type { MapData } from '../view/mapModel.ts';
import { Boot } from './scenes/Boot.ts';
import { Preloader } from './scenes/Preloader.ts';
import { MapScene } from './scenes/MapScene.ts';
import { idleLoop } from './idle.ts';

// The Phaser game factory: mounted into a DOM container after joining. WebGL where available (Phaser
// AUTO falls back to Canvas); if creating a WebGL game throws, we retry with Canvas. The canvas has the
// device's pixel ratio (its size in device pixels, shown at 1/ratio), so lines and labels are sharp on
// a phone; the scene works in device pixels and keeps labels a fixed size in CSS pixels.

export interface MapApi {
  destroy(): void;
  zoom(factor: number): void;
}

export interface MapDeps {
  bus: EventBus;
  data: () => MapData | null;
  /** Device pixels per CSS pixel of the canvas. */
  dpr: number;
  /** Tell the loop something is about to change on screen. */
  poke: () => void;
  /** Label size factor (the projector shows them larger, for the back of the room). */
  labelScale: number;
}

export function mountMap(parent: HTMLElement, data: () => MapData | null, bus: EventBus, options: { labelScale?: number } = {}): MapApi {
  const dpr = Math.min(3, Math.max(1, globalThis.devicePixelRatio || 1));
  let poke = () => {};
  const deps: MapDeps = { bus, data, dpr, poke: () => poke(), labelScale: options.labelScale ?? 1 };
  const size = () => ({ w: Math.max(1, parent.clientWidth || 800), h: Math.max(1, parent.clientHeight || 500) });
  const { w, h } = size();
  const make = (type: number) => new Phaser.Game({
    type,
    parent,
    backgroundColor: '#cfe3ee',
    scale: { mode: Phaser.Scale.NONE, width: Math.round(w * dpr), height: Math.round(h * dpr), zoom: 1 / dpr },
    render: { antialias: true, preserveDrawingBuffer: true },
    banner: false,
    audio: { noAudio: true },
    scene: [new Boot(deps), new Preloader(deps), new MapScene(deps)],
  });
  let game: Phaser.Game;
  try {
    game = make(Phaser.AUTO);
  } catch {
    game = make(Phaser.CANVAS);
  }
  game.canvas?.setAttribute('aria-hidden', 'true');
  const busy = () => {
    const scene = game.scene.getScene('Map') as MapScene | null;
    return !scene || !game.scene.isActive('Map') || scene.animating();
  };
  const idle = idleLoop(game, parent, busy);
  poke = idle.poke;
  const offs = [bus.on('model:update', idle.poke), bus.on('nation:select', idle.poke), bus.on('map:fit', idle.poke)];
  const ro = new ResizeObserver(() => {
    const s = size();
    idle.poke();
    game.scale.resize(Math.round(s.w * dpr), Math.round(s.h * dpr));
  });
  ro.observe(parent);
  return {
    destroy: () => { ro.disconnect(); idle.stop(); offs.forEach((f) => f()); game.destroy(true); },
    zoom: (f) => {
      idle.poke();
      (game.scene.getScene('Map') as MapScene | null)?.zoomBy(f);
    },
  };
}
