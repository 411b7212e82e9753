import type { BreakerConfig, BudgetConfig, CircuitState } from 'faultline/redis';
import { createError } from '../../src/errors.js';
import type { Handlers, WorkerContext } from './fleet.js';

/**
 * A fleet child that calls a loopback HTTP server through its store with a minimal retry loop of
 * its own: the gate before every attempt, the breaker's admit, the budget for every retry. (The
 * policy engine replaces this loop: a scenario of its own plugs in the same way.)
 * config: { baseUrl, budget: BudgetConfig, breaker: BreakerConfig }
 */
export interface CallResult {
  readonly outcome: 'ok' | 'failed' | 'circuit-open';
  /** Requests this call sent. */
  readonly attempts: number;
}

export interface CallOptions {
  readonly path: string;
  readonly maxAttempts: number;
  /** Retries paid from a budget only this process uses, instead of the fleet's. */
  readonly budgetOfItsOwn?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function setup({ index, store, config }: WorkerContext): Handlers {
  const baseUrl = String(config.baseUrl);
  const shared = store.budget('api', config.budget as BudgetConfig);
  // A budget no other process uses: what each process would spend with local state only.
  const own = store.budget(`api-alone-${index}`, config.budget as BudgetConfig);
  const breaker = store.breaker('api', config.breaker as BreakerConfig);
  const gate = store.gate('api');

  /** Waits until the fleet's gate is open: the wait itself is the behaviour, so it is real time. */
  async function passGate(): Promise<void> {
    for (let wait = gate.waitMs(Date.now()); wait > 0; wait = gate.waitMs(Date.now())) await sleep(wait);
  }

  async function call({ path, maxAttempts, budgetOfItsOwn = false }: CallOptions): Promise<CallResult> {
    const budget = budgetOfItsOwn ? own : shared;
    for (let attempt = 1; ; attempt++) {
      if (breaker.admit()) return { outcome: 'circuit-open', attempts: attempt - 1 };
      await passGate();
      const response = await fetch(`${baseUrl}${path}`);
      await response.arrayBuffer();
      if (response.ok) {
        breaker.recordSuccess();
        budget.recordSuccess(attempt > 1);
        return { outcome: 'ok', attempts: attempt };
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 429 && retryAfter > 0) gate.close(retryAfter * 1000, Date.now());
      breaker.recordFailure(createError(response.status === 429 ? 'rate_limited' : 'unavailable', { status: response.status }));
      if (attempt >= maxAttempts || !(await budget.tryAcquire(5))) return { outcome: 'failed', attempts: attempt };
    }
  }

  /** Resolves once `ready()` holds: at once, or when the store hears news from the fleet. */
  function when<T>(ready: () => T | undefined): Promise<T> {
    const now = ready();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const check = (): void => {
        const value = ready();
        if (value === undefined) return;
        offUpdate();
        offState();
        resolve(value);
      };
      const offUpdate = store.on('update', check);
      const offState = breaker.on('stateChange', check);
    });
  }

  return {
    call,
    /** `count` calls one after another; resolves with the requests they sent. */
    async calls({ count, ...options }: CallOptions & { count: number }): Promise<number> {
      let attempts = 0;
      for (let i = 0; i < count; i++) attempts += (await call(options)).attempts;
      return attempts;
    },
    /** This child's gate wait, once it knows the gate is closed. */
    gated: () => when(() => {
      const wait = gate.waitMs(Date.now());
      return wait > 0 ? wait : undefined;
    }),
    breakerIs: ({ state }: { state: CircuitState }) => when(() => (breaker.state === state ? state : undefined)),
    state: () => ({ breaker: breaker.state }),
    idle: () => store.idle(),
  };
}
