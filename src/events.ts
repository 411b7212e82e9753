/**
 * One event style for the policy, the breaker and the socket: `on(name, listener)` returns the
 * function that unsubscribes. A listener's exception is reported asynchronously and never changes
 * the outcome of what it observes. Events of policies and breakers are mirrored on Node's
 * diagnostics_channel (CHANNELS) for APMs that subscribe without configuring anything;
 * the module is reached through `process.getBuiltinModule` (no static `node:` import, so browsers
 * and bundlers see nothing), and a message is built only when someone subscribes.
 */
export const CHANNELS = {
  retry: 'faultline:retry',
  giveUp: 'faultline:giveup',
  stateChange: 'faultline:breaker',
} as const;

export class Emitter<M> {
  readonly #listeners = new Map<keyof M, Set<(event: never) => void>>();
  /** Whether this emitter's events go to diagnostics_channel too (policies' and breakers'). */
  readonly #mirrored: boolean;

  constructor(mirrored = false) {
    this.#mirrored = mirrored;
  }

  on<K extends keyof M>(name: K, listener: (event: M[K]) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError(`faultline: on('${String(name)}') needs a function, got ${typeof listener}`);
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  /**
   * Tells the listeners, then the diagnostics channel (if anyone subscribes): plain data there, the
   * event with `extra` and its error as the redacted `toJSON()`, never the live error object.
   */
  emit<K extends keyof M>(name: K, event: M[K], extra?: object): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as (event: M[K]) => void)(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    try {
      const channel = this.#mirrored ? channelOf(CHANNELS[name as keyof typeof CHANNELS]) : undefined;
      if (channel?.hasSubscribers) channel.publish({ ...event, ...extra, error: (event as { error?: { toJSON(): unknown } }).error?.toJSON() });
    } catch {
      // Observability must not change the outcome of the call it observes.
    }
  }
}

interface Channel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
}

let channel: ((name: string) => Channel) | null | undefined;

/** Node's channel of that name, reached without a static import (browsers and bundlers see nothing); null where there is none. */
function channelOf(name: string): Channel | undefined {
  if (channel === undefined) {
    const mod = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:diagnostics_channel') as
      | { channel?: (name: string) => Channel }
      | undefined;
    channel = typeof mod?.channel === 'function' ? mod.channel.bind(mod) : null;
  }
  return channel?.(name);
}
