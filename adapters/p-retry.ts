/**
 * `faultline/p-retry`: options for p-retry 7 that decide from the typed error instead of retrying
 * everything. p-retry stays in charge of the loop and the backoff; faultline supplies the verdict
 * (retry semantics + idempotency), honours Retry-After, and gives you a typed error afterwards.
 *
 * ```ts
 * import pRetry from 'p-retry';
 * import { pRetryOptions, toFaultline } from 'faultline/p-retry';
 *
 * try {
 *   const todo = await pRetry(() => api.get('/classes/Todo/1'), pRetryOptions({ idempotent: true, provider: 'leancloud' }));
 * } catch (raw) {
 *   // p-retry rejects with what fn threw; toFaultline() gives the typed view (same instance p-retry saw).
 *   const error = toFaultline(raw);
 *   if (error.kind === 'not_found') …; console.warn(error.advice.zh, error.attempts);
 * }
 * ```
 *
 * Not covered by p-retry's model: 'after-refresh' errors are not retried here (use faultline's own
 * `retry`/`createRetryPolicy` with `onRefresh`), and there is no retry budget or circuit breaker.
 */
import type { Options, RetryContext } from 'p-retry';
import { classify, type ClassifyOptions } from '../src/classify.js';
import { sleep, systemClock } from '../src/clock.js';
import { RETRY_DEFAULTS } from '../src/constants.js';
import { decide } from '../src/decide.js';
import { withAttempts, type FaultlineError } from '../src/errors.js';
import type { Provider } from '../src/provider.js';

export interface PRetryFaultlineOptions {
  /** Whether errors whose retry semantics are 'idempotent' may be retried (a GET, or a write with an idempotency key). Default false. */
  idempotent?: boolean;
  /** The service whose codes classify() reads first. */
  provider?: Provider;
  /** Further classify() options (method, url, requestHeaders, providers); `provider` above wins. */
  classify?: ClassifyOptions;
  /** p-retry's `retries`: retries after the first attempt. Default 2 (3 attempts, like faultline's maxAttempts). */
  retries?: number;
  /** p-retry's backoff, passed through. Defaults: minTimeout 100, factor 2, maxTimeout 20,000, randomize true. */
  minTimeout?: number;
  maxTimeout?: number;
  factor?: number;
  randomize?: boolean;
  maxRetryTime?: number;
  signal?: AbortSignal;
  /** Longest Retry-After honoured; a longer one stops the retries. Default 60,000 ms. */
  maxRetryAfterMs?: number;
  /** An extra veto, asked only when faultline would retry: return false to stop. */
  shouldRetry?: (error: FaultlineError, context: RetryContext) => boolean | Promise<boolean>;
  /** Called on each failure with the typed error (p-retry's context is passed along). */
  onFailedAttempt?: (error: FaultlineError, context: RetryContext) => void | Promise<void>;
}

/** What fn threw → its FaultlineError and the attempt it failed at, shared between the hooks and toFaultline(). */
const classified = new WeakMap<object, { error: FaultlineError; attempts: number }>();

/**
 * The typed view of whatever p-retry rejected with. Errors p-retry saw through `pRetryOptions`
 * come back as the FaultlineError the hooks used, carrying the attempts made.
 */
export function toFaultline(error: unknown, options?: ClassifyOptions): FaultlineError {
  const known = typeof error === 'object' && error !== null ? classified.get(error) : undefined;
  return known ? withAttempts(known.error, known.attempts, 0, []) : classify(error, options);
}

function typed(error: unknown, options: ClassifyOptions, attempts: number): FaultlineError {
  if (typeof error !== 'object' || error === null) return classify(error, options);
  let entry = classified.get(error);
  if (!entry) classified.set(error, (entry = { error: classify(error, options), attempts }));
  entry.attempts = attempts;
  return entry.error;
}

/** p-retry 7 options whose retry decision is faultline's `decide()`: p-retry keeps the loop and the backoff. */
export function pRetryOptions(options: PRetryFaultlineOptions = {}): Options {
  const classifyOptions: ClassifyOptions = { ...options.classify, ...(options.provider ? { provider: options.provider } : {}) };
  const idempotent = options.idempotent ?? RETRY_DEFAULTS.idempotent;
  const minTimeout = options.minTimeout ?? RETRY_DEFAULTS.baseDelayMs;
  const factor = options.factor ?? 2;
  const maxTimeout = options.maxTimeout ?? RETRY_DEFAULTS.maxDelayMs;
  const rules = {
    // p-retry counts the attempts and sleeps its backoff; faultline gives the verdict.
    maxAttempts: Infinity,
    deadlineMs: undefined,
    maxDelayMs: maxTimeout,
    maxRetryAfterMs: options.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs,
    onRetryAfterTooLong: 'give-up' as const,
    // p-retry has no refresh step: 'after-refresh' errors are not retried here.
    canRefresh: false,
    shouldRetry: undefined,
  };

  return {
    retries: options.retries ?? RETRY_DEFAULTS.maxAttempts - 1,
    minTimeout,
    factor,
    maxTimeout,
    randomize: options.randomize ?? true,
    ...(options.maxRetryTime !== undefined ? { maxRetryTime: options.maxRetryTime } : {}),
    ...(options.signal ? { signal: options.signal } : {}),

    async onFailedAttempt(context) {
      // Typed (and its attempt recorded) on every failure, the last included: toFaultline() reads it.
      const error = typed(context.error, classifyOptions, context.attemptNumber);
      await options.onFailedAttempt?.(error, context);
    },

    async shouldRetry(context) {
      const error = typed(context.error, classifyOptions, context.attemptNumber);
      // p-retry sleeps at least this much next (randomize only multiplies it by 1–2).
      const pRetryMin = Math.min(minTimeout * factor ** context.retriesConsumed, maxTimeout);
      const state = { mode: 'request' as const, attempt: context.attemptNumber, elapsedMs: 0, backoffMs: pRetryMin, random: Math.random(), idempotent, refreshed: false };
      const decision = decide(error, state, rules);
      if (decision.action !== 'retry') return false;
      if (options.shouldRetry && (await options.shouldRetry(error, context)) === false) return false;
      // Top p-retry's delay up to the server's (plus the jitter decide() adds), never less.
      if (decision.serverDelay) await sleep(decision.delayMs - pRetryMin, systemClock, options.signal);
      return true;
    },
  };
}
