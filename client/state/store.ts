// A tiny observable store: the network layer writes, panels subscribe and re-render.

export type Listener<T> = (value: T, previous: T) => void;

export class Store<T extends object> {
  #value: T;
  #listeners = new Set<Listener<T>>();
  constructor(initial: T) {
    this.#value = initial;
  }
  get(): T {
    return this.#value;
  }
  set(patch: Partial<T>): void {
    const previous = this.#value;
    this.#value = { ...previous, ...patch };
    for (const l of [...this.#listeners]) l(this.#value, previous);
  }
  subscribe(l: Listener<T>): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
}
