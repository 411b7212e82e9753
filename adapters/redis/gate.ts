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

/**
 * A Retry-After gate shared by the fleet. `waitMs` reads only what this process knows (no I/O);
 * closing it tells Redis, which publishes the delay to every process; a process that starts while
 * the gate is closed reads it once, when it first uses the gate. Each process adds its own small
 * jitter to the end, so the fleet does not come back in lockstep.
 */
export class RedisGate implements SharedGate {
  readonly #name: string;
  readonly #key: string;
  readonly #channel: string;
  readonly #backend: Backend;
  readonly #options: ResolvedRedisStoreOptions;
  readonly #onUpdate: (waitMs: number) => void;
  /** When the gate opens, on this process's clock, before jitter. */
  #until = 0;
  #jitterMs = 0;

  constructor(name: string, backend: Backend, options: ResolvedRedisStoreOptions, onUpdate: (waitMs: number) => void) {
    this.#name = name;
    this.#key = keyOf(options.prefix, name, 'gate');
    this.#channel = channelOf(options.prefix);
    this.#backend = backend;
    this.#options = options;
    this.#onUpdate = onUpdate;
    void this.sync();
  }

  waitMs(now: number): number {
    const left = this.#until + this.#jitterMs - now;
    return left > 0 ? Math.ceil(left) : 0;
  }

  close(delayMs: number, now: number): void {
    if (typeof delayMs !== 'number' || Number.isNaN(delayMs) || delayMs < 0) {
      throw new TypeError(`faultline: redisStore gate.close(delayMs) needs a number >= 0, got ${String(delayMs)}`);
    }
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new TypeError(`faultline: redisStore gate.close(delayMs, now) needs a finite now, got ${String(now)}`);
    }
    const delay = Math.min(Math.ceil(delayMs), MAX_DELAY_MS);
    if (delay === 0) return;
    this.#extend(now, delay);
    void this.#tell(delay);
  }

  /** A delay published by another process: it started when Redis took it, about now here. */
  receive(delayMs: number): void {
    if (!Number.isFinite(delayMs) || delayMs <= 0) return;
    const delay = Math.min(delayMs, MAX_DELAY_MS);
    const now = this.#options.now();
    if (this.#extend(now, delay)) this.#onUpdate(this.waitMs(now));
  }

  /**
   * Reads the shared gate, and gives Redis what this process closed while Redis was away (the
   * script keeps the longer of the two).
   */
  async sync(): Promise<void> {
    const now = this.#options.now();
    const left = Math.max(0, Math.ceil(this.#until - now));
    await this.#tell(left);
  }

  async #tell(delay: number): Promise<void> {
    const reply = await this.#backend.run('gate', GATE_CLOSE, [this.#key], [delay, this.#channel, this.#name, this.#options.processId]);
    if (!reply.ok) return;
    const shared = Number(reply.value);
    // Closed for longer than this process knew (by a process whose message it missed).
    if (shared > delay) this.receive(shared);
  }

  /** Moves the end later (never earlier); a new end gets a new jitter. True when it moved. */
  #extend(now: number, delay: number): boolean {
    const until = now + delay;
    if (until <= this.#until) return false;
    this.#until = until;
    this.#jitterMs = this.#options.random() * Math.min(delay * JITTER_SHARE, MAX_JITTER_MS);
    return true;
  }
}
