import { BUDGET_DEFAULTS } from './constants.js';
import { ms, validate } from './options.js';
import type { BudgetConfig, SharedBudget } from './store-types.js';

export type RetryBudgetOptions = Partial<BudgetConfig>;

export function resolveBudget(options: RetryBudgetOptions | undefined, component = 'budget'): BudgetConfig {
  if (options === undefined) return BUDGET_DEFAULTS;
  const o = validate(component, options, { capacity: ms, retryCost: ms, timeoutCost: ms, successRefill: ms });
  return Object.freeze({ ...BUDGET_DEFAULTS, ...definedOnly(o) });
}

/** The options that were given: `{ capacity: undefined }` keeps the default. */
export function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in options) if (options[key] !== undefined) out[key] = options[key];
  return out;
}

/** The tokens a retry after `error` costs: timeouts hint at overload and cost more. */
export function retryCost(config: BudgetConfig, error: { readonly kind: string }): number {
  return error.kind === 'timeout' ? config.timeoutCost : config.retryCost;
}

/**
 * A token bucket in the style of the AWS SDK standard retry strategy: first attempts are free,
 * retries spend tokens, successes refill. During an outage the bucket drains and further failures
 * are not retried, so retries cannot multiply traffic; once calls succeed again it fills back up.
 * Share one instance between policies, adapters and sockets that talk to the same service (or give
 * them one store: `faultline/redis` shares it across processes).
 */
export class RetryBudget implements SharedBudget {
  declare readonly config: BudgetConfig;
  #tokens: number;

  constructor(options?: RetryBudgetOptions) {
    this.config = resolveBudget(options);
    this.#tokens = this.config.capacity;
  }

  get available(): number {
    return this.#tokens;
  }

  tryAcquire(cost: number): boolean {
    if (cost > this.#tokens) return false;
    this.#tokens -= cost;
    return true;
  }

  /** A successful retry refunds a retry's cost (a timeout retry keeps the difference: it errs on the safe side). */
  recordSuccess(retried: boolean): void {
    const { capacity, retryCost, successRefill } = this.config;
    this.#tokens = Math.min(capacity, this.#tokens + (retried ? retryCost : successRefill));
  }
}
