import { signal, type Signal } from '@preact/signals';

// The one store of the client: the network layer writes, components read. It is a signal, so a Preact
// component that reads `store.value` re-renders when it changes (keyed diffing keeps the DOM, focus,
// caret and scroll); code outside components (the map, announcements) subscribes.

export type Listener<T> = (value: T, previous: T) => void;

export class Store<T extends object> {
  readonly signal: Signal<T>;
  #listeners = new Set<Listener<T>>();
  constructor(initial: T) {
    this.signal = signal(initial);
  }
  get value(): T {
    return this.signal.value;
  }
  get(): T {
    return this.signal.peek();
  }
  set(patch: Partial<T>): void {
    const previous = this.signal.peek();
    const next = { ...previous, ...patch };
    this.signal.value = next;
    for (const l of [...this.#listeners]) l(next, previous);
  }
  subscribe(l: Listener<T>): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
}
