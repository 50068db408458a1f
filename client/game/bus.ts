import type { NationId } from '../../shared/types.ts';

// The typed event bus between the DOM panels and the Phaser scenes. Neither side imports the other:
// the panels emit "select nation" and listen for "nation picked on the map", the map the reverse.

export interface BusEvents {
  /** The map (click, tap, keyboard) or a panel selected a nation; null clears the selection. */
  'nation:select': { nation: NationId | null; source: 'map' | 'panel' };
  /** New data to draw: the panels forward the model after every state change. */
  'model:update': { version: number };
  /** The Phaser game finished booting (the map scene is live). */
  'map:ready': { renderer: 'webgl' | 'canvas' };
  /** The map scene rendered its first frame: the regions are on the canvas. */
  'map:drawn': Record<string, never>;
  /** Ask the map to frame everything (after a resize or on the projector). */
  'map:fit': Record<string, never>;
}

type Handler<K extends keyof BusEvents> = (payload: BusEvents[K]) => void;

export class EventBus {
  #handlers = new Map<keyof BusEvents, Set<Handler<never>>>();
  on<K extends keyof BusEvents>(type: K, handler: Handler<K>): () => void {
    let set = this.#handlers.get(type);
    if (!set) this.#handlers.set(type, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }
  emit<K extends keyof BusEvents>(type: K, payload: BusEvents[K]): void {
    for (const h of [...(this.#handlers.get(type) ?? [])]) (h as Handler<K>)(payload);
  }
  clear(): void {
    this.#handlers.clear();
  }
}

export const bus = new EventBus();
