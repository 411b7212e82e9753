/** One listener list per event name; `on` returns the unsubscribe function, as everywhere in faultline. */
export class Listeners<Events extends Record<string, unknown>> {
  readonly #lists = new Map<keyof Events, Set<(event: never) => void>>();

  on<Name extends keyof Events>(name: Name, listener: (event: Events[Name]) => void): () => void {
    let list = this.#lists.get(name);
    if (!list) this.#lists.set(name, (list = new Set()));
    const entry = listener as (event: never) => void;
    list.add(entry);
    return () => {
      list.delete(entry);
    };
  }

  emit<Name extends keyof Events>(name: Name, event: Events[Name]): void {
    const list = this.#lists.get(name);
    if (!list) return;
    for (const listener of [...list]) {
      try {
        (listener as (event: Events[Name]) => void)(event);
      } catch {
        // A listener's bug must not break the store's bookkeeping half-way.
      }
    }
  }

  clear(): void {
    this.#lists.clear();
  }
}
