import type { BudgetConfig, SharedBudget } from '../../src/store-types.js';
import type { Backend } from './backend.js';
import { KEY_TTL_MS, keyOf, type ResolvedRedisStoreOptions } from './options.js';
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

/**
 * One token bucket for the fleet, in one Redis key. Spending asks Redis (the failure path only);
 * refills are summed here and sent in one call at most every `flushIntervalMs`, so a success costs
 * no round-trip. The local bucket mirrors the last shared level and answers when Redis cannot.
 */
export class RedisBudget implements SharedBudget {
  readonly #key: string;
  readonly #config: BudgetConfig;
  readonly #backend: Backend;
  readonly #flushIntervalMs: number;
  /** What this process believes the bucket holds: Redis's last answer plus refills not yet sent. */
  #tokens: number;
  /** Refills not yet sent to Redis. */
  #pending = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | undefined;
  #closed = false;

  constructor(name: string, config: BudgetConfig, backend: Backend, options: ResolvedRedisStoreOptions) {
    this.#config = checkConfig(name, config);
    this.#key = keyOf(options.prefix, name, 'budget');
    this.#backend = backend;
    this.#flushIntervalMs = options.flushIntervalMs;
    this.#tokens = this.#config.capacity;
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
    const reply = await this.#backend.run('budget', BUDGET_ACQUIRE, [this.#key], [cost, this.#config.capacity, KEY_TTL_MS]);
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
    this.#pending = Math.min(capacity, this.#pending + amount);
    if (this.#flushing === undefined) this.#schedule();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#flushIntervalMs);
    unref(this.#timer);
  }

  /** Sends the refills gathered so far in one call. Refills Redis could not take wait for the next flush. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    this.#flushing ??= this.#send().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  async #send(): Promise<void> {
    const amount = this.#pending;
    if (amount <= 0) return;
    this.#pending = 0;
    const reply = await this.#backend.run('budget', BUDGET_REFILL, [this.#key], [amount, this.#config.capacity, KEY_TTL_MS]);
    if (reply.ok) {
      this.#mirror(Number(reply.value));
      // Successes recorded while this call was out go in the next one.
      if (this.#pending > 0) this.#schedule();
      return;
    }
    // Kept for when Redis is back (the store flushes then); not retried on a timer meanwhile.
    this.#pending = Math.min(this.#config.capacity, this.#pending + amount);
  }

  #mirror(shared: number): void {
    if (Number.isFinite(shared)) this.#tokens = Math.min(this.#config.capacity, shared + this.#pending);
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
