import { classify } from './classify.js';
import { createError, type AttemptRecord, type FaultlineError } from './errors.js';
import { computeBackoff, DEFAULT_BACKOFF } from './backoff.js';
import { RetryBudget } from './budget.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { resolveClock } from './clock.js';
import { CHANNELS, publish } from './diagnostics.js';
import type {
  AttemptContext,
  CircuitBreakerLike,
  CircuitBreakerOptions,
  Clock,
  ExecuteOptions,
  GiveUpEvent,
  RetryBudgetLike,
  RetryOptions,
} from './retry-types.js';

export const DEFAULT_RETRY = Object.freeze({
  ...DEFAULT_BACKOFF,
  maxAttempts: 3,
  maxRetryAfterMs: 60_000,
  onRetryAfterTooLong: 'give-up' as const,
  idempotent: false,
  /** Server-given delays get up to +10%, so clients told the same Retry-After do not return in lockstep. */
  retryAfterJitter: 0.1,
});

export interface RetryPolicy {
  execute<T>(fn: (ctx: AttemptContext) => T | Promise<T>, overrides?: ExecuteOptions): Promise<T>;
  readonly options: Readonly<RetryOptions>;
  readonly budget: RetryBudgetLike | undefined;
  readonly circuitBreaker: CircuitBreakerLike | undefined;
}

const POLICY_BRAND = Symbol.for('faultline.retryPolicy');
const MAX_HISTORY = 100;

/** True for a policy made by any copy of the package. */
export function isRetryPolicy(value: unknown): value is RetryPolicy {
  return typeof value === 'object' && value !== null && (value as { [POLICY_BRAND]?: unknown })[POLICY_BRAND] === true;
}

/**
 * One-shot: runs `fn` under a fresh policy. A budget only limits retries across calls of one
 * policy: use `createRetryPolicy` for that. The one-shot's own budget is made only if a retry
 * needs it, so a call that succeeds at once costs no more than the loop.
 */
export function retry<T>(fn: (ctx: AttemptContext) => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  try {
    validate(options);
    // A snapshot, as a policy takes: changing the object mid-call does not change the call.
    const o = { ...options };
    const budget = o.budget === false ? undefined : (o.budget ?? (() => new RetryBudget()));
    return run(fn, o, resolveClock(o.clock), budget, breakerOf(o));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * A reusable policy: its budget (and optional circuit breaker) is shared by every `execute` call.
 * Throws a TypeError on invalid options. Calls reject with a FaultlineError (the last failure, with
 * `attempts`, `totalDelayMs`, `history`), except when a hook (shouldRetry, onRetry, onGiveUp) throws:
 * that is a bug in the caller's code, and the call rejects with what the hook threw.
 */
export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  validate(options);
  const frozen: Readonly<RetryOptions> = Object.freeze({ ...options });
  const clock = resolveClock(options.clock);
  const budget: RetryBudgetLike | undefined =
    options.budget === false ? undefined : (options.budget ?? new RetryBudget());
  const breaker = breakerOf(options);

  const policy: RetryPolicy = {
    options: frozen,
    budget,
    circuitBreaker: breaker,
    execute<T>(fn: (ctx: AttemptContext) => T | Promise<T>, overrides?: ExecuteOptions): Promise<T> {
      let merged: RetryOptions = frozen;
      if (overrides) {
        try {
          validate(overrides);
        } catch (error) {
          return Promise.reject(error);
        }
        merged = { ...frozen };
        for (const key in overrides) {
          const value = overrides[key as keyof ExecuteOptions];
          if (value !== undefined && Object.hasOwn(overrides, key)) (merged as Record<string, unknown>)[key] = value;
        }
      }
      return run(fn, merged, clock, budget, breaker);
    },
  };
  Object.defineProperty(policy, POLICY_BRAND, { value: true });
  return policy;
}

function breakerOf(options: RetryOptions): CircuitBreakerLike | undefined {
  const b = options.circuitBreaker;
  if (b === false || b === undefined) return undefined;
  return typeof (b as { admit?: unknown }).admit === 'function'
    ? (b as CircuitBreakerLike)
    : new CircuitBreaker({ clock: options.clock, ...(b as CircuitBreakerOptions) });
}

/** What `fn` gets when nothing can abort the attempt: the signal is made only if `fn` reads it. */
class DirectContext implements AttemptContext {
  #controller: AbortController | undefined;
  constructor(readonly attempt: number) {}
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: FaultlineError; canceled?: boolean; deadline?: boolean };

function canceledError(signal: AbortSignal): FaultlineError {
  return createError('canceled', { message: 'The operation was canceled.', cause: signal.reason });
}

/**
 * The loop. Per failure, in order: caller abort → reject at once; deadline passed → stop;
 * 'after-refresh' → onRefresh once, retry once (no budget, even past maxAttempts); semantics
 * ('never', 'idempotent' without `idempotent`) give the default verdict; maxAttempts; shouldRetry
 * may veto or force (forcing overrides the semantics, never cancellation, maxAttempts, Retry-After
 * limits, the deadline or the budget: a forced retry still spends budget, since the budget exists to
 * protect the service whoever decides); Retry-After beyond maxRetryAfterMs → give up or cap;
 * the delay must fit before the deadline; the budget must pay; then onRetry, sleep, next attempt.
 */
async function run<T>(
  fn: (ctx: AttemptContext) => T | Promise<T>,
  o: RetryOptions,
  clock: Clock,
  budget: RetryBudgetLike | (() => RetryBudgetLike) | undefined,
  breaker: CircuitBreakerLike | undefined,
): Promise<T> {
  if (typeof fn !== 'function') throw new TypeError('faultline retry: fn must be a function');
  const signal = o.signal;
  // Nothing to race an attempt against and no breaker to ask: the first attempt is a plain call
  // (the common case, and the hot path); the loop below starts only if it fails.
  const direct = signal === undefined && o.attemptTimeoutMs === undefined && o.deadlineMs === undefined;
  let first: Outcome<T> | undefined;
  if (direct && breaker === undefined) {
    try {
      const value = await fn(new DirectContext(1));
      if (typeof budget === 'object') budget.recordSuccess(false);
      return value;
    } catch (thrown) {
      first = { ok: false, error: classify(thrown, o.classify) };
    }
  }
  if (typeof budget === 'function') budget = budget();

  const deadlineAt = o.deadlineMs === undefined ? Infinity : clock.now() + o.deadlineMs;
  const maxRetryAfterMs = o.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs;
  const history: AttemptRecord[] = [];
  let limit = o.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  let totalDelayMs = 0;
  let refreshed = false;
  let spent = false;
  let previousDelay: number | undefined;
  let attempt = 0;

  const giveUp = (error: FaultlineError, reason: GiveUpEvent['reason'], attempts = attempt): FaultlineError => {
    error.attempts = attempts;
    error.totalDelayMs = totalDelayMs;
    error.history = history.slice();
    publish(CHANNELS.giveup, () => ({ attempts, reason, totalDelayMs, error: error.toJSON() }));
    o.onGiveUp?.({ attempts, error, reason });
    return error;
  };
  const record = (error: FaultlineError, delayMs: number): void => {
    const entry: { -readonly [K in keyof AttemptRecord]: AttemptRecord[K] } = { attempt, kind: error.kind, delayMs };
    if (error.code !== undefined) entry.code = error.code;
    if (error.status !== undefined) entry.status = error.status;
    history.push(entry);
    // An unbounded loop (maxAttempts: Infinity) must not grow the error without limit: keep the latest.
    if (history.length > MAX_HISTORY) history.shift();
  };

  for (;;) {
    let outcome: Outcome<T>;
    if (first) {
      attempt++;
      outcome = first;
      first = undefined;
    } else {
      if (signal?.aborted) throw giveUp(canceledError(signal), 'canceled');
      const rejection = breaker?.admit();
      if (rejection) throw giveUp(rejection, 'circuit-open');
      attempt++;
      outcome = direct ? await callDirect(fn, attempt, o) : await runAttempt(fn, attempt, o, clock, deadlineAt, signal);
    }
    if (outcome.ok) {
      budget?.recordSuccess(spent);
      breaker?.recordSuccess();
      return outcome.value;
    }
    const error = outcome.error;
    breaker?.recordFailure(error);
    if (outcome.canceled) throw giveUp(error, 'canceled');
    if (error.kind === 'canceled') throw giveUp(error, 'canceled');
    if (outcome.deadline) throw giveUp(error, 'deadline');

    if (error.retry === 'after-refresh' && o.onRefresh && !refreshed) {
      refreshed = true;
      record(error, 0);
      const refresh = await raceAbort(() => o.onRefresh?.(error), signal);
      if (refresh.status === 'aborted') throw giveUp(canceledError(signal as AbortSignal), 'canceled');
      if (refresh.status === 'failed') throw giveUp(classify(refresh.error, o.classify), 'not-retryable');
      // The one retry after a refresh is owed even on the last attempt.
      if (attempt >= limit) limit = attempt + 1;
      emitRetry(o, attempt, 0, error);
      continue;
    }

    let verdict =
      error.retry === 'always' || (error.retry === 'idempotent' && (o.idempotent ?? DEFAULT_RETRY.idempotent));
    if (attempt >= limit) throw giveUp(error, verdict ? 'max-attempts' : 'not-retryable');

    const retryAfter = error.retryAfterMs;
    let delayMs: number;
    let tooLong = false;
    if (retryAfter !== undefined) {
      if (retryAfter > maxRetryAfterMs) {
        tooLong = (o.onRetryAfterTooLong ?? DEFAULT_RETRY.onRetryAfterTooLong) === 'give-up';
        delayMs = tooLong ? retryAfter : maxRetryAfterMs;
      } else {
        const jittered = retryAfter * (1 + DEFAULT_RETRY.retryAfterJitter * clock.random());
        delayMs = Math.min(jittered, Math.max(retryAfter, maxRetryAfterMs));
      }
    } else {
      delayMs = computeBackoff(attempt, { ...o, kind: error.kind }, clock.random, previousDelay);
      previousDelay = delayMs;
    }

    if (o.shouldRetry) {
      const idempotent = o.idempotent ?? DEFAULT_RETRY.idempotent;
      const override = o.shouldRetry(error, { attempt, delayMs, idempotent });
      if (override === false && verdict) throw giveUp(error, 'vetoed');
      if (override === true) verdict = true;
    }
    if (!verdict) throw giveUp(error, 'not-retryable');
    if (tooLong) throw giveUp(error, 'retry-after-too-long');
    if (clock.now() + delayMs >= deadlineAt) throw giveUp(error, 'deadline');
    if (budget) {
      if (!budget.tryAcquire(error)) throw giveUp(error, 'budget');
      spent = true;
    }

    record(error, delayMs);
    emitRetry(o, attempt, delayMs, error);
    if (!(await sleep(delayMs, clock, signal))) throw giveUp(canceledError(signal as AbortSignal), 'canceled');
    totalDelayMs += delayMs;
  }
}

function emitRetry(o: RetryOptions, attempt: number, delayMs: number, error: FaultlineError): void {
  publish(CHANNELS.retry, () => ({ attempt, delayMs, error: error.toJSON() }));
  o.onRetry?.({ attempt, delayMs, error });
}

/** An attempt with no timeout, deadline or caller signal: its signal never aborts. */
async function callDirect<T>(fn: (ctx: AttemptContext) => T | Promise<T>, attempt: number, o: RetryOptions): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn(new DirectContext(attempt)) };
  } catch (thrown) {
    return { ok: false, error: classify(thrown, o.classify) };
  }
}

/**
 * One attempt, raced against the caller's abort, the attempt timeout and the deadline, so a `fn`
 * that ignores its signal still settles. Whatever happens first wins; every timer and listener is
 * removed when it settles.
 */
function runAttempt<T>(
  fn: (ctx: AttemptContext) => T | Promise<T>,
  attempt: number,
  o: RetryOptions,
  clock: Clock,
  deadlineAt: number,
  signal: AbortSignal | undefined,
): Promise<Outcome<T>> {
  return new Promise<Outcome<T>>((resolve) => {
    // The attempt's AbortController is made only when `fn` reads `signal`: most functions never
    // do, and creating one costs more than the rest of a successful attempt.
    let controller: AbortController | undefined;
    let aborted = false;
    let abortReason: unknown;
    const abort = (reason: unknown): void => {
      if (aborted) return;
      aborted = true;
      abortReason = reason;
      controller?.abort(reason);
    };
    const context: AttemptContext = {
      attempt,
      get signal(): AbortSignal {
        if (!controller) {
          controller = new AbortController();
          if (aborted) controller.abort(abortReason);
        }
        return controller.signal;
      },
    };
    let done = false;
    let timer: unknown;
    const finish = (outcome: Outcome<T>): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = (): void => {
      finish({ ok: false, error: canceledError(signal as AbortSignal), canceled: true });
      abort(signal?.reason);
    };
    const fail = (thrown: unknown): void => {
      if (done) return;
      if (signal?.aborted) return onAbort();
      finish({ ok: false, error: classify(thrown, o.classify) });
    };

    const now = clock.now();
    const attemptLimit = o.attemptTimeoutMs ?? Infinity;
    const deadlineLeft = deadlineAt - now;
    if (Number.isFinite(Math.min(attemptLimit, deadlineLeft))) {
      const byDeadline = deadlineLeft <= attemptLimit;
      timer = clock.setTimeout(
        () => {
          const error = byDeadline
            ? createError('timeout', { code: 'DEADLINE_EXCEEDED', message: `Deadline of ${String(o.deadlineMs)} ms exceeded.` })
            : createError('timeout', { code: 'ATTEMPT_TIMEOUT', message: `Attempt ${attempt} timed out after ${String(attemptLimit)} ms.` });
          timer = undefined;
          finish({ ok: false, error, deadline: byDeadline });
          abort(error);
        },
        Math.max(0, Math.min(attemptLimit, deadlineLeft)),
      );
    }
    signal?.addEventListener('abort', onAbort, { once: true });

    let result: T | Promise<T>;
    try {
      result = fn(context);
    } catch (thrown) {
      fail(thrown);
      return;
    }
    Promise.resolve(result).then((value) => finish({ ok: true, value }), fail);
  });
}

/** Resolves true after `ms`, false at once if `signal` aborts first; leaves nothing behind either way. */
function sleep(ms: number, clock: Clock, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const onAbort = (): void => {
      clock.clearTimeout(timer);
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type Raced = { status: 'done' } | { status: 'failed'; error: unknown } | { status: 'aborted' };

async function raceAbort(task: () => unknown, signal: AbortSignal | undefined): Promise<Raced> {
  if (signal?.aborted) return { status: 'aborted' };
  return new Promise<Raced>((resolve) => {
    let done = false;
    const finish = (r: Raced): void => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const onAbort = (): void => finish({ status: 'aborted' });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      Promise.resolve(task()).then(
        () => finish({ status: 'done' }),
        (error: unknown) => finish({ status: 'failed', error }),
      );
    } catch (error) {
      finish({ status: 'failed', error });
    }
  });
}

const NUMBERS = [
  'baseDelayMs',
  'rateLimitBaseDelayMs',
  'maxDelayMs',
  'maxRetryAfterMs',
] as const satisfies readonly (keyof RetryOptions)[];
const POSITIVE = ['deadlineMs', 'attemptTimeoutMs'] as const satisfies readonly (keyof RetryOptions)[];
const HOOKS = ['shouldRetry', 'onRetry', 'onGiveUp', 'onRefresh'] as const satisfies readonly (keyof RetryOptions)[];

function validate(o: RetryOptions): void {
  if (typeof o !== 'object' || o === null) throw new TypeError('faultline retry: options must be an object');
  const fail = (message: string): never => {
    throw new TypeError(`faultline retry: ${message}`);
  };
  if (
    o.maxAttempts !== undefined &&
    !(o.maxAttempts === Infinity || (Number.isInteger(o.maxAttempts) && o.maxAttempts >= 1))
  ) {
    fail(`maxAttempts must be an integer >= 1 (attempts, the first included), got ${String(o.maxAttempts)}`);
  }
  for (const key of NUMBERS) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) fail(`${key} must be a finite number >= 0, got ${String(v)}`);
  }
  for (const key of POSITIVE) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && v > 0 && !Number.isNaN(v))) fail(`${key} must be a number > 0, got ${String(v)}`);
  }
  if (o.jitter !== undefined && !['full', 'decorrelated', 'equal', 'none'].includes(o.jitter)) {
    fail(`jitter must be 'full', 'decorrelated', 'equal' or 'none', got ${String(o.jitter)}`);
  }
  if (o.onRetryAfterTooLong !== undefined && o.onRetryAfterTooLong !== 'cap' && o.onRetryAfterTooLong !== 'give-up') {
    fail(`onRetryAfterTooLong must be 'cap' or 'give-up', got ${String(o.onRetryAfterTooLong)}`);
  }
  for (const key of HOOKS) {
    if (o[key] !== undefined && typeof o[key] !== 'function') fail(`${key} must be a function`);
  }
  if (o.signal !== undefined && (typeof o.signal !== 'object' || o.signal === null || typeof o.signal.addEventListener !== 'function')) {
    fail('signal must be an AbortSignal');
  }
  const b = o.budget;
  if (b !== undefined && b !== false && typeof (b as { tryAcquire?: unknown } | null)?.tryAcquire !== 'function') {
    fail('budget must be a RetryBudget or false');
  }
}
