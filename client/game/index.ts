import * as Phaser from 'phaser';
import type { EventBus } from './bus.ts';
import type { MapData } from '../view/mapModel.ts';
import { Boot } from './scenes/Boot.ts';
import { Preloader } from './scenes/Preloader.ts';
import { MapScene } from './scenes/MapScene.ts';

// The Phaser game factory: mounted into a DOM container after joining. WebGL where available (Phaser
// AUTO falls back to Canvas); if creating a WebGL game throws, we retry with Canvas.

export interface MapApi {
  destroy(): void;
  zoom(factor: number): void;
}

export interface MapDeps {
  bus: EventBus;
  data: () => MapData | null;
}

export function mountMap(parent: HTMLElement, data: () => MapData | null, bus: EventBus): MapApi {
  const deps: MapDeps = { bus, data };
  const make = (type: number) => new Phaser.Game({
    type,
    parent,
    backgroundColor: '#cfe3ee',
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 500 },
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
  return {
    destroy: () => game.destroy(true),
    zoom: (f) => {
      const scene = game.scene.getScene('Map') as MapScene | null;
      scene?.zoomBy(f);
    },
  };
}
