import type { Clock } from '../../src/clock.js';

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets pending promise callbacks run (several hops, so chained awaits settle too). */
export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/**
 * Virtual time for tests: timers fire only when the test advances the clock, in due order
 * (ties in creation order), with promise callbacks flushed between them.
 */
export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers: Timer[] = [];
  readonly random: () => number;
  /** Every delay ever passed to setTimeout, in order. */
  readonly requested: number[] = [];

  constructor(options: { now?: number; seed?: number; random?: () => number } = {}) {
    this.#now = options.now ?? 0;
    this.random = options.random ?? seededRandom(options.seed ?? 42);
  }

  now = (): number => this.#now;

  setTimeout = (callback: () => void, ms: number): unknown => {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.requested.push(ms);
    const timer: Timer = { id: this.#nextId++, due: this.#now + delay, callback };
    this.#timers.push(timer);
    return timer.id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  };

  /** Timers not yet fired or cleared. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Time until the next timer fires, or undefined when none is pending. */
  get nextDelay(): number | undefined {
    const next = this.#next();
    return next === undefined ? undefined : next.due - this.#now;
  }

  #next(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers) if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await flushMicrotasks();
    for (;;) {
      const next = this.#next();
      if (!next || next.due > target) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.due);
      next.callback();
      await flushMicrotasks();
    }
    this.#now = target;
    await flushMicrotasks();
  }

  /** Fires timers until none is left (at most `limit`, so a runaway loop fails instead of hanging). */
  async runAll(limit = 10_000): Promise<void> {
    await flushMicrotasks();
    for (let i = 0; i < limit; i++) {
      const next = this.#next();
      if (!next) return;
      await this.advance(Math.max(0, next.due - this.#now));
    }
    throw new Error(`FakeClock.runAll: still ${this.pending} timer(s) after ${limit} firings`);
  }
}
