import type { FaultlineError } from './errors.js';
import type { ClassifyOptions } from './classify-types.js';

/** Time and randomness, injectable so tests are deterministic. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Uniform in [0, 1). */
  random(): number;
}

export type Jitter = 'full' | 'decorrelated' | 'equal' | 'none';

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
  readonly error: FaultlineError;
  /** Why the loop stopped. */
  readonly reason:
    | 'not-retryable'
    | 'max-attempts'
    | 'budget'
    | 'deadline'
    | 'retry-after-too-long'
    | 'circuit-open'
    | 'vetoed'
    | 'canceled';
}

export interface BackoffOptions {
  /** Base of the exponential backoff for transient errors. Default 100 ms. */
  baseDelayMs?: number;
  /** Base for `rate_limited` errors without Retry-After. Default 1,000 ms. */
  rateLimitBaseDelayMs?: number;
  /** Cap of any computed delay. Default 20,000 ms. */
  maxDelayMs?: number;
  /** Default 'full'. */
  jitter?: Jitter;
}

export interface RetryOptions extends BackoffOptions {
  /** Total attempts, the first included. Default 3. */
  maxAttempts?: number;
  /** Longest server-given delay (Retry-After) honoured. Default 60,000 ms. */
  maxRetryAfterMs?: number;
  /** What to do with a longer Retry-After: sleep `maxRetryAfterMs` ('cap') or reject at once ('give-up', default). */
  onRetryAfterTooLong?: 'cap' | 'give-up';
  /** Across all attempts and delays. */
  deadlineMs?: number;
  /** Per attempt: aborts that attempt's signal and fails it with a TimeoutError. */
  attemptTimeoutMs?: number;
  signal?: AbortSignal;
  /** Whether errors whose retry is 'idempotent' may be retried. Default false. */
  idempotent?: boolean;
  /** Return true to force a retry, false to veto one, undefined to keep the policy's decision. */
  shouldRetry?: (error: FaultlineError, context: RetryDecisionContext) => boolean | undefined;
  onRetry?: (event: RetryEvent) => void;
  onGiveUp?: (event: GiveUpEvent) => void;
  /** For 'after-refresh' errors: awaited once, then the call is retried once. */
  onRefresh?: (error: FaultlineError) => unknown;
  /** A shared RetryBudget, or false to turn the budget off. Default: one per policy. */
  budget?: RetryBudgetLike | false;
  /** Opt-in circuit breaker (an instance to share, or options for one of the policy's own). */
  circuitBreaker?: CircuitBreakerLike | CircuitBreakerOptions | false;
  clock?: Partial<Clock>;
  /** Passed to classify() for whatever `fn` throws. */
  classify?: ClassifyOptions;
}

/** Per-call overrides of `policy.execute(fn, overrides)`. */
export type ExecuteOptions = Pick<
  RetryOptions,
  'signal' | 'idempotent' | 'deadlineMs' | 'attemptTimeoutMs' | 'onRefresh' | 'classify' | 'shouldRetry' | 'onRetry' | 'onGiveUp'
>;

export interface RetryBudgetLike {
  /** Spends the cost of retrying after `error`; false when the budget cannot pay. */
  tryAcquire(error: FaultlineError): boolean;
  /** A call succeeded (after `retried` retries). */
  recordSuccess(retried: boolean): void;
  readonly available: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** Alternatively, a failure ratio over `windowSize` recent calls. */
  failureRatio?: number;
  windowSize?: number;
  /** How long the circuit stays open before one probe is let through. Default 30,000 ms. */
  halfOpenAfterMs?: number;
  clock?: Partial<Clock>;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerLike {
  readonly state: CircuitState;
  /** Throws nothing: returns a ServiceUnavailableError when the call must fail fast. */
  admit(): FaultlineError | undefined;
  recordSuccess(): void;
  recordFailure(error: FaultlineError): void;
}
