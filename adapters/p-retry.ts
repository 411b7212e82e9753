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
import { classify } from '../src/classify.js';
import type { ClassifyOptions } from '../src/classify-types.js';
import { systemClock } from '../src/clock.js';
import type { FaultlineError } from '../src/errors.js';

export interface PRetryFaultlineOptions {
  /** Whether errors whose retry semantics are 'idempotent' may be retried (a GET, or a write with an idempotency key). Default false. */
  idempotent?: boolean;
  /** The provider whose catalog classify() consults first. */
  provider?: string;
  /** Further classify() options (method, url, requestHeaders); `provider` above wins. */
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

/** What fn threw → its FaultlineError, shared between the hooks and toFaultline(). */
const classified = new WeakMap<object, FaultlineError>();

/**
 * The typed view of whatever p-retry rejected with. Errors p-retry saw through `pRetryOptions`
 * come back as the same FaultlineError the hooks used, with `attempts` set.
 */
export function toFaultline(error: unknown, options?: ClassifyOptions): FaultlineError {
  if (typeof error === 'object' && error !== null) {
    const known = classified.get(error);
    if (known) return known;
  }
  return classify(error, options);
}

function typed(error: unknown, options: ClassifyOptions): FaultlineError {
  if (typeof error !== 'object' || error === null) return classify(error, options);
  let result = classified.get(error);
  if (!result) {
    result = classify(error, options);
    classified.set(error, result);
  }
  return result;
}

/** Resolves after `ms` or at once when `signal` aborts (p-retry then rejects with its reason). */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      systemClock.clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = systemClock.setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** p-retry 7 options whose retry decision comes from classify(). */
export function pRetryOptions(options: PRetryFaultlineOptions = {}): Options {
  const classifyOptions: ClassifyOptions = { ...options.classify, ...(options.provider ? { provider: options.provider } : {}) };
  const idempotent = options.idempotent ?? false;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const minTimeout = options.minTimeout ?? 100;
  const factor = options.factor ?? 2;
  const maxTimeout = options.maxTimeout ?? 20_000;

  return {
    retries: options.retries ?? 2,
    minTimeout,
    factor,
    maxTimeout,
    randomize: options.randomize ?? true,
    ...(options.maxRetryTime !== undefined ? { maxRetryTime: options.maxRetryTime } : {}),
    ...(options.signal ? { signal: options.signal } : {}),

    async onFailedAttempt(context) {
      const error = typed(context.error, classifyOptions);
      error.attempts = context.attemptNumber;
      await options.onFailedAttempt?.(error, context);
    },

    async shouldRetry(context) {
      const error = typed(context.error, classifyOptions);
      const verdict = error.retry === 'always' || (error.retry === 'idempotent' && idempotent);
      if (!verdict) return false;
      if (options.shouldRetry && (await options.shouldRetry(error, context)) === false) return false;
      const retryAfter = error.retryAfterMs;
      if (retryAfter !== undefined) {
        if (retryAfter > maxRetryAfterMs) return false;
        // p-retry sleeps at least this much next (randomize only multiplies by 1–2): top it up to
        // the server's delay plus a little jitter, never less.
        const pRetryMin = Math.min(minTimeout * factor ** context.retriesConsumed, maxTimeout);
        const target = retryAfter * (1 + 0.1 * Math.random());
        await wait(target - pRetryMin, options.signal);
      }
      return true;
    },
  };
}
