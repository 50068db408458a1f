import type * as Phaser from 'phaser';

// A map left open must not keep a core busy: Phaser renders every animation frame by default. The loop
// sleeps once nothing has moved for a moment (no input, no new data, no tween running) and wakes on the
// next pointer, wheel, key, resize or data change. The canvas keeps its last frame while asleep
// (preserveDrawingBuffer).

const IDLE_MS = 1200;

export interface Idle {
  /** Something changed: render again for a while. */
  poke(): void;
  stop(): void;
}

export function idleLoop(game: Phaser.Game, parent: HTMLElement, busy: () => boolean): Idle {
  let last = performance.now();
  const poke = () => {
    last = performance.now();
    if (!game.loop.running) game.loop.wake(true);
  };
  const afterRender = () => {
    if (performance.now() - last > IDLE_MS && !busy()) {
      game.loop.sleep();
      parent.dataset.mapIdle = 'true';
    } else {
      delete parent.dataset.mapIdle;
    }
  };
  game.events.on('postrender', afterRender);
  const events = ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'touchstart', 'touchmove', 'keydown'] as const;
  for (const e of events) parent.addEventListener(e, poke, { capture: true, passive: true });
  return {
    poke,
    stop: () => {
      game.events.off('postrender', afterRender);
      for (const e of events) parent.removeEventListener(e, poke, { capture: true });
    },
  };
}
