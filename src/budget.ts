import type { FaultlineError } from './errors.js';
import type { RetryBudgetLike } from './retry-types.js';

export interface RetryBudgetOptions {
  /** Tokens when full (and at start). Default 250. */
  capacity?: number;
  /** Tokens a retry spends. Default 5. */
  retryCost?: number;
  /** Tokens a retry after a timeout spends: timeouts hint at overload and cost the server most. Default 10. */
  timeoutCost?: number;
  /** Tokens a call that succeeded at the first attempt gives back. Default 1. */
  successRefill?: number;
}

export const DEFAULT_BUDGET: Readonly<Required<RetryBudgetOptions>> = Object.freeze({
  capacity: 250,
  retryCost: 5,
  timeoutCost: 10,
  successRefill: 1,
});

function option(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`RetryBudget: ${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/**
 * A token bucket in the style of the AWS SDK standard retry strategy: first attempts are free,
 * retries spend tokens, successes refill. During an outage the bucket drains and further failures
 * are not retried, so retries cannot multiply traffic; once calls succeed again it fills back up.
 *
 * Defaults (250/5/10/1) are half the AWS bucket: a permanent outage costs at most 50 extra attempts
 * before retries stop (1,000 calls → ≤ 1.05 attempts each; 300 calls → ≤ 1.17), while a 20% transient
 * failure rate keeps the bucket full (each refused-free retry that succeeds is refunded).
 * Share one instance between policies, adapters and sockets that talk to the same service.
 */
export class RetryBudget implements RetryBudgetLike {
  readonly capacity: number;
  readonly retryCost: number;
  readonly timeoutCost: number;
  readonly successRefill: number;
  #tokens: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.capacity = option(options.capacity, DEFAULT_BUDGET.capacity, 'capacity');
    this.retryCost = option(options.retryCost, DEFAULT_BUDGET.retryCost, 'retryCost');
    this.timeoutCost = option(options.timeoutCost, DEFAULT_BUDGET.timeoutCost, 'timeoutCost');
    this.successRefill = option(options.successRefill, DEFAULT_BUDGET.successRefill, 'successRefill');
    this.#tokens = this.capacity;
  }

  get available(): number {
    return this.#tokens;
  }

  /** The tokens a retry after `error` costs. */
  costOf(error: FaultlineError): number {
    return error.kind === 'timeout' ? this.timeoutCost : this.retryCost;
  }

  tryAcquire(error: FaultlineError): boolean {
    const cost = this.costOf(error);
    if (cost > this.#tokens) return false;
    this.#tokens -= cost;
    return true;
  }

  /**
   * A successful retry gives back what it spent (the interface does not say which error it paid for,
   * so `retryCost` is refunded — a timeout retry keeps the difference, which errs on the safe side).
   */
  recordSuccess(retried: boolean): void {
    this.#tokens = Math.min(this.capacity, this.#tokens + (retried ? this.retryCost : this.successRefill));
  }
}
