import { ValidationError } from '../../src/errors.js';

/** A minimal typed emitter: a throwing listener is reported asynchronously and never breaks the socket. */
export class Emitter<M> {
  readonly #listeners = new Map<keyof M, Set<(event: never) => void>>();

  on<K extends keyof M>(name: K, listener: (event: M[K]) => void): () => void {
    if (typeof listener !== 'function') throw new ValidationError({ message: `on('${String(name)}'): the listener must be a function` });
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  emit<K extends keyof M>(name: K, event: M[K]): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as (event: M[K]) => void)(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
