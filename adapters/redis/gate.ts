import type { SharedGate } from '../../src/store-types.js';
import type { Backend } from './backend.js';
import { channelOf, keyOf, type ResolvedRedisStoreOptions } from './options.js';
import { GATE_CLOSE } from './scripts.js';

/** The spread added to a gate's end in each process: this share of the delay… */
const JITTER_SHARE = 0.1;
/** …but never more than this: a long Retry-After needs no long spread. */
const MAX_JITTER_MS = 1_000;
/** setTimeout's ceiling, and more than any server-given delay a policy accepts. */
const MAX_DELAY_MS = 2_147_483_647;
/** The scope of a gate closed without a host: it holds every request under the name. */
const NAME_WIDE = '';

/** One closed gate, on this process's clock. */
interface Closed {
  /** When it opens, before jitter. */
  until: number;
  jitterMs: number;
}

function checkScope(scope: unknown): string {
  if (scope === undefined) return NAME_WIDE;
  if (typeof scope !== 'string' || scope.length > 300) {
    throw new TypeError(`faultline: redisStore gate scope must be a host (a string of ≤ 300 characters), got ${typeof scope}`);
  }
  return scope;
}

/**
 * The Retry-After gates of one policy name, shared by the fleet: one per host that said "wait"
 * (and a name-wide one for calls without a URL). `waitMs` reads only what this process knows (no
 * I/O, and nothing at all while no gate is closed); closing one tells Redis, which publishes the
 * delay to every process; a process that starts while a gate is closed reads them all once, when
 * it first uses the name. Each process adds its own small jitter to the end, so the fleet does not
 * come back in lockstep.
 */
export class RedisGate implements SharedGate {
  readonly #name: string;
  readonly #key: string;
  readonly #channel: string;
  readonly #backend: Backend;
  readonly #options: ResolvedRedisStoreOptions;
  readonly #onUpdate: (scope: string) => void;
  /** The gates this process knows closed, by scope (expired ones are dropped as they are read). */
  readonly #closed = new Map<string, Closed>();

  constructor(name: string, backend: Backend, options: ResolvedRedisStoreOptions, onUpdate: (scope: string) => void) {
    this.#name = name;
    this.#key = keyOf(options.prefix, name, 'gates');
    this.#channel = channelOf(options.prefix);
    this.#backend = backend;
    this.#options = options;
    this.#onUpdate = onUpdate;
    void this.sync();
  }

  waitMs(now: number, scope?: string): number {
    if (this.#closed.size === 0) return 0;
    if (scope === undefined) {
      let longest = 0;
      for (const [key, closed] of this.#closed) {
        const left = closed.until + closed.jitterMs - now;
        if (left > longest) longest = left;
        else if (left <= 0) this.#closed.delete(key);
      }
      return Math.ceil(longest);
    }
    return Math.max(this.#left(NAME_WIDE, now), scope === NAME_WIDE ? 0 : this.#left(scope, now));
  }

  close(delayMs: number, now: number, scope?: string): void {
    if (typeof delayMs !== 'number' || Number.isNaN(delayMs) || delayMs < 0) {
      throw new TypeError(`faultline: redisStore gate.close(delayMs) needs a number >= 0, got ${String(delayMs)}`);
    }
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError(`faultline: redisStore gate.close(delayMs, now) needs a finite now, got ${String(now)}`);
    }
    const key = checkScope(scope);
    const delay = Math.min(Math.ceil(delayMs), MAX_DELAY_MS);
    if (delay === 0) return;
    this.#extend(key, now, delay);
    void this.#tell([[key, delay]]);
  }

  /** A delay published by another process: it started when Redis took it, about now here. */
  receive(scope: string, delayMs: number): void {
    if (typeof scope !== 'string' || !Number.isFinite(delayMs) || delayMs <= 0) return;
    const delay = Math.min(delayMs, MAX_DELAY_MS);
    const now = this.#options.now();
    if (this.#extend(scope, now, delay)) this.#onUpdate(scope);
  }

  /**
   * Reads the shared gates, and gives Redis what this process closed while Redis was away (the
   * script keeps the longer of the two).
   */
  async sync(): Promise<void> {
    const now = this.#options.now();
    const pairs: [string, number][] = [];
    for (const [scope, closed] of this.#closed) {
      const left = Math.ceil(closed.until - now);
      if (left > 0) pairs.push([scope, left]);
    }
    await this.#tell(pairs);
  }

  async #tell(pairs: readonly (readonly [string, number])[]): Promise<void> {
    const args: (string | number)[] = [this.#channel, this.#name, this.#options.processId];
    for (const [scope, delay] of pairs) args.push(scope, delay);
    const reply = await this.#backend.run('gate', GATE_CLOSE, [this.#key], args);
    if (!reply.ok || !Array.isArray(reply.value)) return;
    const told = new Map(pairs);
    const open = reply.value as unknown[];
    for (let i = 0; i + 1 < open.length; i += 2) {
      const scope = String(open[i]);
      const left = Number(open[i + 1]);
      // Closed for longer than this process said (by a process whose message it missed).
      if (left > (told.get(scope) ?? 0)) this.receive(scope, left);
    }
  }

  #left(scope: string, now: number): number {
    const closed = this.#closed.get(scope);
    if (closed === undefined) return 0;
    const left = closed.until + closed.jitterMs - now;
    return left > 0 ? Math.ceil(left) : 0;
  }

  /** Moves a scope's end later (never earlier); a new end gets a new jitter. True when it moved. */
  #extend(scope: string, now: number, delay: number): boolean {
    const until = now + delay;
    const closed = this.#closed.get(scope);
    if (closed !== undefined && until <= closed.until) return false;
    this.#closed.set(scope, { until, jitterMs: this.#options.random() * Math.min(delay * JITTER_SHARE, MAX_JITTER_MS) });
    return true;
  }
}
