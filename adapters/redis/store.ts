import type { BreakerConfig, BudgetConfig, PolicyStore, StoreEvent, StoreEventName } from '../../src/store-types.js';
import { Backend } from './backend.js';
import { RedisBreaker } from './breaker.js';
import { RedisBudget } from './budget.js';
import { linkTo, type RedisClientLike, type Subscription } from './client.js';
import { Listeners } from './events.js';
import { RedisGate } from './gate.js';
import { channelOf, checkName, resolveOptions, type RedisStoreOptions, type ResolvedRedisStoreOptions } from './options.js';
import { unref } from './timers.js';

/** Another process changed a shared gate or breaker, or took the budget below capacity or filled it, and this process now knows it. */
export interface RedisStoreUpdate {
  readonly operation: 'gate' | 'breaker' | 'budget';
  readonly name: string;
  /** A gate's: the host it holds ('' for the name-wide gate). */
  readonly scope?: string;
}

export interface RedisPolicyStore extends PolicyStore {
  /** This process's name in the fleet. */
  readonly processId: string;
  /** Whether local state answers because Redis failed or was too slow (between `fallback` and `recovered`). */
  readonly degraded: boolean;
  budget(name: string, options: BudgetConfig): RedisBudget;
  breaker(name: string, options: BreakerConfig): RedisBreaker;
  gate(name: string): RedisGate;
  on(event: StoreEventName, listener: (event: StoreEvent) => void): () => void;
  on(event: 'update', listener: (event: RedisStoreUpdate) => void): () => void;
  /**
   * Resolves once the store listens to the fleet (its subscriber subscribed, or failed to) and every
   * call to Redis it has started so far has settled (each within `timeoutMs`).
   */
  idle(): Promise<void>;
  /** Sends the budget refills gathered so far now (they otherwise go at most every `flushIntervalMs`). */
  flush(): Promise<void>;
  /**
   * Leaves the fleet: sends pending refills, withdraws this process's breaker reports, stops the
   * store's timers and closes its subscriber connection. The app's client stays open (it is the app's).
   */
  close(): Promise<void>;
}

type Events = { fallback: StoreEvent; recovered: StoreEvent; update: RedisStoreUpdate };

/** A message on the store's channel, as the scripts publish it. */
interface Message {
  t?: unknown;
  n?: unknown;
  ms?: unknown;
  s?: unknown;
  g?: unknown;
  p?: unknown;
  full?: unknown;
}

class RedisStore implements RedisPolicyStore {
  readonly #options: ResolvedRedisStoreOptions;
  readonly #backend: Backend;
  readonly #events = new Listeners<Events>();
  readonly #budgets = new Map<string, RedisBudget>();
  readonly #gates = new Map<string, RedisGate>();
  readonly #breakers = new Map<string, RedisBreaker>();
  readonly #subscription: Subscription;
  readonly #stopReady: () => void;
  readonly #heartbeat: ReturnType<typeof setInterval>;
  /** Settles once the subscriber first subscribed (or failed to): until then, messages may be missed. */
  readonly #listening: Promise<void>;
  readonly #heard: () => void;
  #degraded = false;
  #closed = false;

  constructor(client: RedisClientLike, options: RedisStoreOptions | undefined) {
    const link = linkTo(client);
    this.#options = resolveOptions(options);
    this.#backend = new Backend(link, this.#options.timeoutMs, {
      down: (operation, error) => this.#down(operation, error),
      up: () => this.#up(),
    });
    let heard = (): void => undefined;
    this.#listening = new Promise<void>((resolve) => (heard = resolve));
    this.#heard = heard;
    this.#subscription = link.subscribe(channelOf(this.#options.prefix), {
      message: (text) => this.#dispatch(text),
      // (Re)subscribed: whatever was published while the subscriber was away is read again.
      ready: () => {
        void this.#resync();
        heard();
      },
      // The subscriber reconnects by itself; the app's own client is what says whether Redis is up.
      error: () => heard(),
    });
    // The app's client is back: if the store fell back meanwhile, read shared state again.
    this.#stopReady = link.onReady(() => {
      if (this.#degraded) void this.#resync();
    });
    this.#heartbeat = setInterval(() => {
      for (const breaker of this.#breakers.values()) void breaker.sync();
    }, this.#options.heartbeatMs);
    unref(this.#heartbeat);
  }

  get processId(): string {
    return this.#options.processId;
  }

  get degraded(): boolean {
    return this.#degraded;
  }

  budget(name: string, options: BudgetConfig): RedisBudget {
    checkName('budget', name);
    let budget = this.#budgets.get(name);
    if (!budget) {
      budget = new RedisBudget(name, options, this.#backend, this.#options, () => this.#events.emit('update', { operation: 'budget', name }));
      this.#budgets.set(name, budget);
    }
    return budget;
  }

  breaker(name: string, options: BreakerConfig): RedisBreaker {
    checkName('breaker', name);
    let breaker = this.#breakers.get(name);
    if (!breaker) {
      breaker = new RedisBreaker(
        name,
        options,
        this.#backend,
        this.#options,
        () => this.#degraded,
        () => this.#events.emit('update', { operation: 'breaker', name }),
      );
      this.#breakers.set(name, breaker);
    }
    return breaker;
  }

  gate(name: string): RedisGate {
    checkName('gate', name);
    let gate = this.#gates.get(name);
    if (!gate) {
      gate = new RedisGate(name, this.#backend, this.#options, (scope) => this.#events.emit('update', { operation: 'gate', name, scope }));
      this.#gates.set(name, gate);
    }
    return gate;
  }

  on(event: StoreEventName, listener: (event: StoreEvent) => void): () => void;
  on(event: 'update', listener: (event: RedisStoreUpdate) => void): () => void;
  on(event: StoreEventName | 'update', listener: ((event: StoreEvent) => void) | ((event: RedisStoreUpdate) => void)): () => void {
    if (event !== 'fallback' && event !== 'recovered' && event !== 'update') {
      throw new TypeError(`faultline: redisStore has no event ${String(event)} (fallback, recovered, update)`);
    }
    if (typeof listener !== 'function') throw new TypeError('faultline: redisStore.on(event, listener) needs a function');
    return this.#events.on(event, listener as (payload: StoreEvent | RedisStoreUpdate) => void);
  }

  async idle(): Promise<void> {
    await this.#listening;
    await this.#backend.idle();
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#budgets.values()].map((budget) => budget.flush()));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#heard();
    clearInterval(this.#heartbeat);
    this.#stopReady();
    this.#subscription.close();
    // Last words, each bounded by timeoutMs like every call.
    await Promise.all([this.flush(), ...[...this.#breakers.values()].map((breaker) => breaker.leave())]);
    for (const budget of this.#budgets.values()) budget.close();
    this.#backend.close();
    this.#events.clear();
  }

  #down(operation: string, error: unknown): void {
    if (this.#degraded || this.#closed) return;
    this.#degraded = true;
    this.#events.emit('fallback', { operation, error });
  }

  #up(): void {
    if (!this.#degraded) return;
    this.#degraded = false;
    this.#events.emit('recovered', { operation: 'connect' });
    void this.#resync();
  }

  /** Reads shared state again and hands Redis what piled up locally while it was away. */
  async #resync(): Promise<void> {
    if (this.#closed) return;
    await Promise.all([
      ...[...this.#gates.values()].map((gate) => gate.sync()),
      ...[...this.#breakers.values()].map((breaker) => breaker.sync()),
      ...[...this.#budgets.values()].map((budget) => budget.sync()),
    ]);
  }

  #dispatch(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return; // not ours
    }
    if (typeof message !== 'object' || message === null || typeof message.n !== 'string') return;
    if (message.t === 'gate') {
      // This process already holds its own close, with its own jitter.
      if (message.p === this.#options.processId) return;
      this.#gates.get(message.n)?.receive(typeof message.s === 'string' ? message.s : '', Number(message.ms));
    } else if (message.t === 'budget' && (message.full === 0 || message.full === 1)) {
      this.#budgets.get(message.n)?.receive(message.full === 1);
    } else if (message.t === 'breaker' && (message.s === 'open' || message.s === 'closed')) {
      this.#breakers.get(message.n)?.receive({ state: message.s, gen: Number(message.g) || 0, ms: Math.max(0, Number(message.ms) || 0) });
    }
  }
}

/**
 * A PolicyStore shared by every process that uses the same Redis and `prefix`: one Retry-After
 * gate, one retry budget and one circuit breaker per policy name, through the app's own ioredis or
 * node-redis client. No request waits on Redis longer than `timeoutMs`: when Redis is slow or down,
 * local state answers and `fallback` fires; `recovered` fires when Redis answers again.
 */
export function redisStore(client: RedisClientLike, options?: RedisStoreOptions): RedisPolicyStore {
  return new RedisStore(client, options);
}
