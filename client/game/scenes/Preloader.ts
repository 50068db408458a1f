import * as Phaser from 'phaser';
import type { MapDeps } from '../index.ts';

// The map has no image assets: everything is drawn. The preloader waits until the first model is
// available (the state arrives just after joining), then starts the map.
export class Preloader extends Phaser.Scene {
  #deps: MapDeps;
  constructor(deps: MapDeps) {
    super('Preloader');
    this.#deps = deps;
  }
  create(): void {
    const text = this.add.text(20, 20, 'Drawing the map\u2026', { fontFamily: 'system-ui, sans-serif', fontSize: '18px', color: '#1d232b' });
    const tryStart = () => {
      if (this.#deps.data()) {
        text.destroy();
        this.scene.start('Map');
        return true;
      }
      return false;
    };
    if (!tryStart()) this.time.addEvent({ delay: 200, loop: true, callback: tryStart });
  }
}
