import type { BudgetConfig, SharedBudget } from '../../src/store-types.js';
import type { Backend } from './backend.js';
import { channelOf, KEY_TTL_MS, keyOf, type ResolvedRedisStoreOptions } from './options.js';
import { unref } from './timers.js';
import { BUDGET_ACQUIRE, BUDGET_REFILL } from './scripts.js';

function checkConfig(name: string, config: BudgetConfig): BudgetConfig {
  if (typeof config !== 'object' || config === null) throw new TypeError(`faultline: redisStore.budget(${JSON.stringify(name)}) needs its options`);
  for (const field of ['capacity', 'retryCost', 'timeoutCost', 'successRefill'] as const) {
    const value = config[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`faultline: redisStore.budget.${field} must be a finite number >= 0, got ${String(value)}`);
    }
  }
  return config;
}

/** What this process knows of the fleet's bucket: refills are worth sending only while it is below capacity. */
type Level = 'unknown' | 'below' | 'full';

/**
 * One token bucket for the fleet, in one Redis key. Spending asks Redis (the failure path only).
 * Successes cost no round-trip: while the fleet's bucket is full (as it is whenever nothing failed
 * lately) they change nothing and nothing is sent; once some process spent, the fleet hears it and
 * each process sums its refills and sends them in one call at most every `flushIntervalMs`, until
 * the bucket is full again and the fleet hears that too. A retry that succeeded (not the hot path:
 * it paid round-trips already) gives its cost back at once. The local bucket mirrors the last
 * shared level and answers when Redis cannot.
 */
export class RedisBudget implements SharedBudget {
  readonly #key: string;
  readonly #config: BudgetConfig;
  readonly #backend: Backend;
  readonly #flushIntervalMs: number;
  readonly #name: string;
  readonly #channel: string;
  #level: Level = 'unknown';
  /** A refund is waiting: send it as soon as the call in flight is back, not after a flush interval. */
  #urgent = false;
  /** What this process believes the bucket holds: Redis's last answer plus refills not yet sent. */
  #tokens: number;
  /** Refills not yet sent to Redis. */
  #pending = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | undefined;
  #closed = false;

  readonly #onUpdate: () => void;

  /** `onUpdate`: the fleet's bucket went below capacity or was filled, by another process's doing. */
  constructor(name: string, config: BudgetConfig, backend: Backend, options: ResolvedRedisStoreOptions, onUpdate: () => void = () => undefined) {
    this.#config = checkConfig(name, config);
    this.#key = keyOf(options.prefix, name, 'budget');
    this.#name = name;
    this.#channel = channelOf(options.prefix);
    this.#backend = backend;
    this.#flushIntervalMs = options.flushIntervalMs;
    this.#tokens = this.#config.capacity;
    this.#onUpdate = onUpdate;
    void this.sync();
  }

  /** What a retry costs and a success gives back. */
  get config(): BudgetConfig {
    return this.#config;
  }

  /** Tokens this process believes the shared bucket holds (the local bucket when Redis is away). */
  get available(): number {
    return this.#tokens;
  }

  async tryAcquire(cost: number): Promise<boolean> {
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) {
      throw new TypeError(`faultline: redisStore budget.tryAcquire(cost) needs a finite number >= 0, got ${String(cost)}`);
    }
    const reply = await this.#backend.run('budget', BUDGET_ACQUIRE, [this.#key], [cost, this.#config.capacity, KEY_TTL_MS, this.#channel, this.#name]);
    if (reply.ok) {
      const [paid, tokens] = reply.value as [unknown, unknown];
      this.#mirror(Number(tokens));
      return Number(paid) === 1;
    }
    if (cost > this.#tokens) return false;
    this.#tokens -= cost;
    return true;
  }

  recordSuccess(retried: boolean): void {
    const amount = retried ? this.#config.retryCost : this.#config.successRefill;
    if (amount <= 0) return;
    const capacity = this.#config.capacity;
    this.#tokens = Math.min(capacity, this.#tokens + amount);
    // The fleet's bucket is full: nothing to give back, nothing to send (the hot path).
    if (this.#level === 'full') return;
    this.#pending = Math.min(capacity, this.#pending + amount);
    if (retried) {
      // A retry that succeeded gives its cost back at once, as a local bucket would: this call
      // already paid round-trips for its retry, and a fleet whose every call needs one retry must
      // not run its bucket dry while refunds wait for the next flush.
      this.#urgent = true;
      if (this.#flushing === undefined) void this.flush();
    } else if (this.#flushing === undefined) this.#schedule();
  }

  /** The fleet's bucket was filled (true) or taken below capacity (false) by some process. */
  receive(full: boolean): void {
    const before = this.#level;
    this.#level = full ? 'full' : 'below';
    if (full) this.#filled();
    if (before !== this.#level) this.#onUpdate();
  }

  /**
   * Reads the shared level (first use, after an outage, when the subscriber missed messages),
   * sending the refills gathered meanwhile.
   */
  async sync(): Promise<void> {
    const before = this.#level;
    await this.flush(true);
    if (before !== 'unknown' && before !== this.#level) this.#onUpdate();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#flushIntervalMs);
    unref(this.#timer);
  }

  /**
   * Sends the refills gathered so far in one call (`read`: even none, to learn the level).
   * Refills Redis could not take wait for the next flush.
   */
  flush(read = false): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#flushing === undefined && (read || this.#pending > 0)) {
      this.#flushing = this.#send().then((sent) => {
        this.#flushing = undefined;
        // Successes recorded while this call was out go in the next one. Refills Redis could not
        // take wait for it to come back (the store flushes then), not for a timer.
        if (!sent || this.#pending <= 0 || this.#closed) return;
        if (this.#urgent) void this.flush();
        else this.#schedule();
      });
    }
    return this.#flushing ?? Promise.resolve();
  }

  async #send(): Promise<boolean> {
    const amount = this.#pending;
    this.#pending = 0;
    this.#urgent = false;
    const reply = await this.#backend.run('budget', BUDGET_REFILL, [this.#key], [amount, this.#config.capacity, KEY_TTL_MS, this.#channel, this.#name]);
    if (reply.ok) {
      this.#mirror(Number(reply.value));
      return true;
    }
    this.#pending = Math.min(this.#config.capacity, this.#pending + amount);
    return false;
  }

  #mirror(shared: number): void {
    if (!Number.isFinite(shared)) return;
    if (shared >= this.#config.capacity) {
      this.#level = 'full';
      this.#filled();
      return;
    }
    this.#level = 'below';
    this.#tokens = Math.min(this.#config.capacity, shared + this.#pending);
  }

  /** Full: refills gathered but not sent have nothing left to fill. */
  #filled(): void {
    this.#pending = 0;
    this.#tokens = this.#config.capacity;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
