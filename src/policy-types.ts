import type { BackoffOptions, Jitter } from './backoff.js';
import type { RetryBudgetOptions } from './budget.js';
import type { ClassifyOptions } from './classify.js';
import type { Clock } from './clock.js';
import type { GiveUpReason } from './decide.js';
import type { FaultlineError } from './errors.js';
import type { BreakerConfig, BudgetConfig, PolicyStore, SharedBreaker, SharedBudget } from './store-types.js';

/** What `fn` receives on each attempt. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Aborted when the caller aborts, the attempt times out or the deadline passes. */
  readonly signal: AbortSignal;
}

export interface RetryDecisionContext {
  readonly attempt: number;
  /** The delay the policy would sleep before the next attempt. */
  readonly delayMs: number;
  readonly idempotent: boolean;
}

export interface RetryEvent {
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: FaultlineError;
}

export interface GiveUpEvent {
  readonly attempts: number;
  /** The error the call rejects with (carrying `attempts`, `totalDelayMs`, `history`). */
  readonly error: FaultlineError;
  readonly reason: GiveUpReason;
}

export interface PolicyEvents {
  /** A failure that will be retried: the next attempt starts after `delayMs`. */
  retry: RetryEvent;
  /** The loop stopped: the call rejects with `error`. */
  giveUp: GiveUpEvent;
}

export type { GiveUpReason, Jitter };

export interface RetryOptions extends BackoffOptions {
  /** Attempts in all, the first included. Default 3; Infinity allowed. */
  maxAttempts?: number;
  /** Longest server-given delay (Retry-After) honoured. Default 60,000 ms. */
  maxRetryAfterMs?: number;
  /** A longer one: reject at once ('give-up', default), or sleep maxRetryAfterMs ('cap'). */
  onRetryAfterTooLong?: 'cap' | 'give-up';
  /** Across all attempts and delays. */
  deadlineMs?: number;
  /** Per attempt: aborts that attempt's signal and fails it with TimeoutError 'ATTEMPT_TIMEOUT'. */
  attemptTimeoutMs?: number;
  signal?: AbortSignal;
  /** Whether errors whose retry is 'idempotent' may be retried. Default false. */
  idempotent?: boolean;
  /** Return true to force a retry, false to veto one, undefined to keep the policy's decision. */
  shouldRetry?: (error: FaultlineError, context: RetryDecisionContext) => boolean | undefined;
  /** Per-call hook, beside `policy.on('retry')`. */
  onRetry?: (event: RetryEvent) => void;
  /** Per-call hook, beside `policy.on('giveUp')`. */
  onGiveUp?: (event: GiveUpEvent) => void;
  /** For 'after-refresh' errors: awaited once (within the deadline or attempt timeout), then the call is retried once. */
  onRefresh?: (error: FaultlineError) => unknown;
  /** The retry budget: options for the policy's own, an instance to share, or false to turn it off. */
  budget?: RetryBudgetOptions | SharedBudget | false;
  /** Opt-in circuit breaker: an instance (`new CircuitBreaker()` from `faultline/breaker`), or with a `store`, options for the store's. */
  circuitBreaker?: SharedBreaker | Partial<BreakerConfig> | false;
  /** Where the budget, breaker and Retry-After gate live: local by default, a fleet's with `redisStore()`. */
  store?: PolicyStore;
  /**
   * The name under which a store keeps this policy's state. Default: the provider's name, else
   * 'default'. A store's Retry-After gate is kept per name and host (the URL's host, when the
   * adapter passes it): a 429 from one server holds the requests to that server only.
   */
  name?: string;
  clock?: Partial<Clock>;
  /** Passed to classify() for whatever `fn` throws. */
  classify?: ClassifyOptions;
}

/** Per-call options of `policy.execute(fn, options)`. */
export type ExecuteOptions = Pick<
  RetryOptions,
  'signal' | 'idempotent' | 'deadlineMs' | 'attemptTimeoutMs' | 'onRefresh' | 'classify' | 'shouldRetry' | 'onRetry' | 'onGiveUp'
>;

/** A policy's options with every default applied, frozen. */
export interface ResolvedRetryOptions {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly rateLimitBaseDelayMs: number;
  readonly maxDelayMs: number;
  readonly jitter: Jitter;
  readonly maxRetryAfterMs: number;
  readonly onRetryAfterTooLong: 'cap' | 'give-up';
  readonly idempotent: boolean;
  readonly deadlineMs: number | undefined;
  readonly attemptTimeoutMs: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly shouldRetry: RetryOptions['shouldRetry'];
  readonly onRetry: RetryOptions['onRetry'];
  readonly onGiveUp: RetryOptions['onGiveUp'];
  readonly onRefresh: RetryOptions['onRefresh'];
  readonly classify: ClassifyOptions | undefined;
  readonly name: string;
  readonly budget: BudgetConfig | false;
}

export interface RetryPolicy {
  /** Runs `fn` until it succeeds or the policy gives up with a FaultlineError. */
  execute<T>(fn: (context: AttemptContext) => T | Promise<T>, options?: ExecuteOptions): Promise<T>;
  /**
   * Carries on a call whose first attempt the caller made itself (an adapter's plain first call)
   * and saw fail with `error`, from attempt 2 on. `startedAt` (clock time) counts toward the deadline.
   */
  recover<T>(error: FaultlineError, fn: (context: AttemptContext) => T | Promise<T>, options?: ExecuteOptions, startedAt?: number): Promise<T>;
  /**
   * Whether a call may start with a plain first attempt right now: no breaker to ask, no
   * Retry-After gate of the policy closed (for any host). When true the caller makes the attempt, reports a success with
   * `succeeded()` and a failure with `recover()`.
   */
  readonly direct: boolean;
  /** A plain first attempt succeeded (refills the budget). */
  succeeded(): void;
  on<K extends keyof PolicyEvents>(name: K, listener: (event: PolicyEvents[K]) => void): () => void;
  readonly options: ResolvedRetryOptions;
  readonly budget: SharedBudget | undefined;
  readonly circuitBreaker: SharedBreaker | undefined;
  readonly clock: Clock;
}
