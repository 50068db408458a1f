import * as Phaser from 'phaser';
import type { MapDeps } from '../index.ts';

// First scene: reports which renderer Phaser chose, then hands over to the preloader.
export class Boot extends Phaser.Scene {
  #deps: MapDeps;
  constructor(deps: MapDeps) {
    super('Boot');
    this.#deps = deps;
  }
  create(): void {
    const renderer = this.game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
    this.game.canvas.setAttribute('data-renderer', renderer);
    this.#deps.bus.emit('map:ready', { renderer });
    this.scene.start('Preloader');
  }
}
