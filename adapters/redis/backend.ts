import type { RedisLink } from './client.js';
import { shaOf, type Script } from './scripts.js';

/** A script's answer, or the news that local state must answer instead. */
export type Reply = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

const FAILED: Reply = Object.freeze({ ok: false });

export interface BackendHealth {
  /** An operation could not use Redis (first one of an outage only). */
  down(operation: string, error: unknown): void;
  /** A command answered within the bound after an outage. */
  up(): void;
}

/**
 * Runs the store's scripts under one bound: every call settles within `timeoutMs`, with Redis's
 * answer or with `{ ok: false }`. A client that is not ready is not even asked (its offline queue
 * would run the command late, after the caller already went on from local state).
 */
export class Backend {
  readonly #link: RedisLink;
  readonly #timeoutMs: number;
  readonly #health: BackendHealth;
  readonly #inFlight = new Set<Promise<Reply>>();
  #closed = false;

  constructor(link: RedisLink, timeoutMs: number, health: BackendHealth) {
    this.#link = link;
    this.#timeoutMs = timeoutMs;
    this.#health = health;
  }

  close(): void {
    this.#closed = true;
  }

  /** Resolves once every call started so far (and any started meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  run(operation: string, script: Script, keys: readonly string[], args: readonly (string | number)[]): Promise<Reply> {
    const reply = this.#run(operation, script, keys, args);
    this.#inFlight.add(reply);
    void reply.then(() => this.#inFlight.delete(reply));
    return reply;
  }

  #run(operation: string, script: Script, keys: readonly string[], args: readonly (string | number)[]): Promise<Reply> {
    if (this.#closed) return Promise.resolve(FAILED);
    if (!this.#link.isReady()) {
      this.#health.down(operation, new Error('faultline: the Redis client is not connected'));
      return Promise.resolve(FAILED);
    }
    const strings = args.map(String);
    let command: Promise<unknown>;
    try {
      command = shaOf(script).then((sha) => this.#link.evalsha(sha, keys, strings)).catch((error: unknown) => {
        // Redis forgot the script (restart, SCRIPT FLUSH, another node): EVAL loads it again.
        if (String((error as { message?: unknown } | undefined)?.message ?? error).startsWith('NOSCRIPT')) {
          return this.#link.eval(script.source, keys, strings);
        }
        throw error;
      });
    } catch (error) {
      this.#health.down(operation, error);
      return Promise.resolve(FAILED);
    }
    return new Promise<Reply>((resolve) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        this.#health.down(operation, new Error(`faultline: Redis did not answer ${script.name} within ${this.#timeoutMs} ms`));
        resolve(FAILED);
      }, this.#timeoutMs);
      command.then(
        (value) => {
          if (settled) return; // too late: the caller went on without it
          settled = true;
          clearTimeout(timer);
          if (!this.#closed) this.#health.up();
          resolve({ ok: true, value });
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (!this.#closed) this.#health.down(operation, error);
          resolve(FAILED);
        },
      );
    });
  }
}
