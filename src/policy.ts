import { Backoff } from './backoff.js';
import { resolveBudget, retryCost, RetryBudget } from './budget.js';
import { classify, type ClassifyOptions } from './classify.js';
import { resolveClock, sleep, type Clock } from './clock.js';
import { BREAKER_DEFAULTS, LIMITS, REFRESH_TIMEOUT_MS, RETRY_DEFAULTS } from './constants.js';
import { decide, type DecideOptions, type Decision, type GiveUpReason } from './decide.js';
import { createError, withAttempts, type AttemptRecord, type FaultlineError } from './errors.js';
import { Emitter } from './events.js';
import { bool, count, fn as func, ms, object, oneOf, positive, signal as abortSignal, text, validate, type Rule } from './options.js';
import type {
  AttemptContext,
  ExecuteOptions,
  PolicyEvents,
  ResolvedRetryOptions,
  RetryOptions,
  RetryPolicy,
} from './policy-types.js';
import type { BreakerConfig, BudgetConfig, SharedBreaker, SharedBudget, SharedGate } from './store-types.js';

const POLICY_BRAND = Symbol.for('faultline.retryPolicy');

/** True for a policy made by any copy of the package. */
export function isRetryPolicy(value: unknown): value is RetryPolicy {
  return typeof value === 'object' && value !== null && (value as { [POLICY_BRAND]?: unknown })[POLICY_BRAND] === true;
}

const optional = (rule: Rule): Rule => [(v) => v === false || rule[0](v), `${rule[1]} or false`];

const CALL_RULES: { readonly [K in keyof ExecuteOptions]-?: Rule } = {
  signal: abortSignal,
  idempotent: bool,
  deadlineMs: positive,
  attemptTimeoutMs: positive,
  onRefresh: func,
  classify: object,
  shouldRetry: func,
  onRetry: func,
  onGiveUp: func,
};

const RULES: { readonly [K in keyof RetryOptions]-?: Rule } = {
  ...CALL_RULES,
  maxAttempts: count,
  baseDelayMs: ms,
  rateLimitBaseDelayMs: ms,
  maxDelayMs: ms,
  jitter: oneOf('full', 'decorrelated', 'equal', 'none'),
  maxRetryAfterMs: ms,
  onRetryAfterTooLong: oneOf('cap', 'give-up'),
  budget: optional(object),
  circuitBreaker: optional(object),
  store: object,
  name: text,
  clock: object,
};

/** The per-call view the loop reads: the policy's options with the call's overrides on top. */
interface CallOptions extends ResolvedRetryOptions, DecideOptions {}

function callOptions(base: ResolvedRetryOptions, overrides: ExecuteOptions | undefined, validated = false): CallOptions {
  const o: Record<string, unknown> = { ...base };
  if (overrides) {
    if (!validated) validate('execute', overrides, CALL_RULES);
    for (const key in CALL_RULES) {
      const value = (overrides as Record<string, unknown>)[key];
      if (value !== undefined) o[key] = value;
    }
  }
  o.canRefresh = o.onRefresh !== undefined;
  return o as unknown as CallOptions;
}

/**
 * A reusable policy: its budget (and optional breaker and Retry-After gate) serve every call. Throws
 * a TypeError on invalid options. Calls reject with a FaultlineError (a copy of the last failure
 * carrying `attempts`, `totalDelayMs`, `history`), except when a hook (shouldRetry, onRetry,
 * onGiveUp) throws: that is a bug in the caller's code, and the call rejects with what it threw.
 */
export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  validate('retry', options, RULES);
  const clock = resolveClock(options.clock);
  const name = options.name ?? options.classify?.provider?.name ?? 'default';
  const shared = options.budget !== undefined && options.budget !== false && typeof (options.budget as SharedBudget).tryAcquire === 'function';
  const budgetConfig: BudgetConfig | false =
    options.budget === false ? false : shared ? (options.budget as SharedBudget).config : resolveBudget(options.budget as object, 'retry.budget');
  const resolved: ResolvedRetryOptions = Object.freeze({
    maxAttempts: options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
    rateLimitBaseDelayMs: options.rateLimitBaseDelayMs ?? RETRY_DEFAULTS.rateLimitBaseDelayMs,
    maxDelayMs: options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    jitter: options.jitter ?? RETRY_DEFAULTS.jitter,
    maxRetryAfterMs: options.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs,
    onRetryAfterTooLong: options.onRetryAfterTooLong ?? RETRY_DEFAULTS.onRetryAfterTooLong,
    idempotent: options.idempotent ?? RETRY_DEFAULTS.idempotent,
    deadlineMs: options.deadlineMs,
    attemptTimeoutMs: options.attemptTimeoutMs,
    signal: options.signal,
    shouldRetry: options.shouldRetry,
    onRetry: options.onRetry,
    onGiveUp: options.onGiveUp,
    onRefresh: options.onRefresh,
    classify: options.classify,
    name,
    budget: budgetConfig,
  });
  const base = callOptions(resolved, undefined);
  const store = options.store;
  const events = new Emitter<PolicyEvents>(true);
  const breaker = breakerOf(options, name);
  const gate: SharedGate | undefined = store?.gate(name);
  // Made when first needed: a policy whose calls all succeed at once never builds it.
  let budget: SharedBudget | undefined = shared ? (options.budget as SharedBudget) : undefined;
  const budgetOf = (): SharedBudget | undefined =>
    budgetConfig === false ? undefined : (budget ??= store ? store.budget(name, budgetConfig) : new RetryBudget(budgetConfig));

  const engine: Engine = { clock, events, breaker, gate, budget: budgetOf, budgetConfig };
  const policy: RetryPolicy = {
    options: resolved,
    clock,
    circuitBreaker: breaker,
    get budget() {
      return budgetOf();
    },
    get direct() {
      return breaker === undefined && (gate === undefined || gate.waitMs(clock.now()) <= 0);
    },
    succeeded() {
      if (budgetConfig !== false) budgetOf()?.recordSuccess(false);
    },
    on: (event, listener) => events.on(event, listener),
    execute<T>(fn: (context: AttemptContext) => T | Promise<T>, overrides?: ExecuteOptions): Promise<T> {
      try {
        if (typeof fn !== 'function') throw new TypeError(`faultline: execute(fn) needs a function, got ${typeof fn}`);
        if (overrides) validate('execute', overrides, CALL_RULES);
      } catch (error) {
        return Promise.reject(error);
      }
      // The call's complete options are built only when the loop needs them.
      let o: CallOptions | undefined = overrides ? undefined : base;
      const options = (): CallOptions => (o ??= callOptions(resolved, overrides, true));
      // Nothing to race an attempt against and nothing to ask first: the first attempt is a plain
      // call (the common case, and the hot path); the loop starts only if it fails. A caller's
      // signal alone is raced cheaply (firstSignalled).
      const signal = overrides?.signal ?? resolved.signal;
      if ((overrides?.attemptTimeoutMs ?? resolved.attemptTimeoutMs) === undefined && (overrides?.deadlineMs ?? resolved.deadlineMs) === undefined && policy.direct) {
        return signal === undefined ? first(engine, fn, options) : firstSignalled(engine, fn, options, signal);
      }
      return run(engine, fn, options(), undefined, clock.now());
    },
    recover<T>(error: FaultlineError, fn: (context: AttemptContext) => T | Promise<T>, overrides?: ExecuteOptions, startedAt?: number): Promise<T> {
      try {
        return run(engine, fn, overrides ? callOptions(resolved, overrides) : base, error, startedAt ?? clock.now());
      } catch (thrown) {
        return Promise.reject(thrown);
      }
    },
  };
  Object.defineProperty(policy, POLICY_BRAND, { value: true });
  return policy;
}

/** One-shot: runs `fn` under a fresh policy (its budget only limits this call's retries). */
export function retry<T>(fn: (context: AttemptContext) => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  try {
    return createRetryPolicy(options).execute(fn);
  } catch (error) {
    return Promise.reject(error);
  }
}

function breakerOf(options: RetryOptions, name: string): SharedBreaker | undefined {
  const b = options.circuitBreaker;
  if (b === undefined || b === false) return undefined;
  if (typeof (b as SharedBreaker).admit === 'function') return b as SharedBreaker;
  if (!options.store) {
    throw new TypeError("faultline: retry.circuitBreaker options need a `store`; otherwise pass an instance: new CircuitBreaker(options) from 'faultline/breaker'");
  }
  return options.store.breaker(name, resolveBreakerConfig(b as Partial<BreakerConfig>, 'retry.circuitBreaker'));
}

/** A breaker's options with the defaults applied: what a store makes its breaker from. */
export function resolveBreakerConfig(options: Partial<BreakerConfig> | undefined, component = 'circuitBreaker'): BreakerConfig {
  const o = validate(component, options, { failureThreshold: count, halfOpenAfterMs: positive, quorum: positive });
  return Object.freeze({
    failureThreshold: o.failureThreshold ?? BREAKER_DEFAULTS.failureThreshold,
    halfOpenAfterMs: o.halfOpenAfterMs ?? BREAKER_DEFAULTS.halfOpenAfterMs,
    quorum: o.quorum ?? BREAKER_DEFAULTS.quorum,
  });
}

interface Engine {
  readonly clock: Clock;
  readonly events: Emitter<PolicyEvents>;
  readonly breaker: SharedBreaker | undefined;
  readonly gate: SharedGate | undefined;
  readonly budget: () => SharedBudget | undefined;
  readonly budgetConfig: BudgetConfig | false;
}

/** What `fn` gets when nothing can abort the attempt: the signal is made only if `fn` reads it. */
class DirectContext implements AttemptContext {
  #controller: AbortController | undefined;
  constructor(readonly attempt: number) {}
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }
}

async function first<T>(engine: Engine, fn: (context: AttemptContext) => T | Promise<T>, options: () => CallOptions): Promise<T> {
  const startedAt = engine.clock.now();
  let value: T;
  try {
    value = await fn(new DirectContext(1));
  } catch (thrown) {
    const o = options();
    return run(engine, fn, o, classify(thrown, o.classify), startedAt);
  }
  if (engine.budgetConfig !== false) engine.budget()?.recordSuccess(false);
  return value;
}

/**
 * The host a call goes to, when its classify options carry the request's URL (the HTTP adapters
 * pass it): a server's Retry-After holds the requests to that server, not every host the policy
 * serves. Read only when a gate is closed or being closed (an adapter may build its URL on demand).
 */
function scopeOf(o: CallOptions): string | undefined {
  const url = o.classify?.url;
  if (typeof url !== 'string' || url === '') return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined; // a relative URL: the name-wide gate
  }
}

/** How long this call must wait at the gate: nothing to read when no gate of the policy is closed. */
function gateWait(gate: SharedGate | undefined, o: CallOptions, now: number): number {
  if (gate === undefined || gate.waitMs(now) <= 0) return 0;
  return gate.waitMs(now, scopeOf(o));
}

/**
 * The first attempt when only the caller's signal can end it: a plain call raced against the
 * signal, with no loop state and no complete options built unless it fails. An abort settles the
 * call at once, even if `fn` ignores its signal; the listener goes when the attempt settles.
 */
function firstSignalled<T>(engine: Engine, fn: (context: AttemptContext) => T | Promise<T>, options: () => CallOptions, signal: AbortSignal): Promise<T> {
  const startedAt = engine.clock.now();
  if (signal.aborted) return run(engine, fn, options(), undefined, startedAt);
  const failed = (thrown: unknown): Promise<T> => {
    const o = options();
    return run(engine, fn, o, signal.aborted ? canceledError(signal) : classify(thrown, o.classify), startedAt);
  };
  let result: T | Promise<T>;
  try {
    result = fn({ attempt: 1, signal });
  } catch (thrown) {
    return failed(thrown);
  }
  // Aborted while `fn` ran: a listener added now would never hear it.
  if (signal.aborted) return failed(signal.reason);
  return new Promise<T>((resolve) => {
    let done = false;
    // Whichever comes first, the outcome or the abort, settles the call and removes the listener.
    const claim = (): boolean => {
      if (done) return false;
      done = true;
      signal.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = (): void => void (claim() && resolve(failed(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(result).then(
      (value) => {
        if (!claim()) return;
        if (engine.budgetConfig !== false) engine.budget()?.recordSuccess(false);
        resolve(value);
      },
      (thrown: unknown) => void (claim() && resolve(failed(thrown))),
    );
  });
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: FaultlineError; aborted?: boolean; deadlineHit?: boolean };

const canceledError = (signal: AbortSignal): FaultlineError => createError('canceled', { message: 'The operation was canceled.', cause: signal.reason });

/**
 * The loop: attempt, then on each failure one `decide()` — the policy's rules live there, not here.
 * `error` is a first failure the caller already saw (attempt 1), or undefined to begin with an attempt.
 */
async function run<T>(engine: Engine, fn: (context: AttemptContext) => T | Promise<T>, o: CallOptions, error: FaultlineError | undefined, startedAt: number): Promise<T> {
  const { clock, events, breaker, gate } = engine;
  const deadlineAt = o.deadlineMs === undefined ? Infinity : startedAt + o.deadlineMs;
  const history: AttemptRecord[] = [];
  let backoff: Backoff | undefined;
  let attempt = error ? 1 : 0;
  let refreshed = false;
  let spent = false;
  let totalDelayMs = 0;

  const giveUp = (failure: FaultlineError, reason: GiveUpReason): FaultlineError => {
    const out = withAttempts(failure, attempt, totalDelayMs, history);
    const event = { attempts: attempt, error: out, reason };
    events.emit('giveUp', event, () => ({ attempts: attempt, reason, totalDelayMs, error: out.toJSON() }));
    o.onGiveUp?.(event);
    return out;
  };
  const record = (failure: FaultlineError, delayMs: number): void => {
    history.push({ attempt, kind: failure.kind, code: failure.code, status: failure.status, delayMs });
    // An unbounded loop (maxAttempts: Infinity) must not grow the error without limit: keep the latest.
    if (history.length > LIMITS.history) history.shift();
  };

  for (;;) {
    let flags: { aborted?: boolean; deadlineHit?: boolean; circuitOpen?: boolean } = {};
    if (error === undefined) {
      // Another client (another process, with a shared store) was told to wait: so are we. Read
      // again after each sleep: another process may have extended the gate meanwhile.
      for (let wait = gateWait(gate, o, clock.now()); wait > 0; wait = gateWait(gate, o, clock.now())) {
        const gated = createError('rate_limited', { code: 'RETRY_AFTER_GATE', message: `Waiting out a Retry-After the service gave (${Math.ceil(wait)} ms left)`, retryAfterMs: wait });
        if (clock.now() + wait >= deadlineAt) throw giveUp(gated, 'deadline');
        if (!(await sleep(wait, clock, o.signal))) throw giveUp(canceledError(o.signal as AbortSignal), 'canceled');
      }
      const refusal = o.signal?.aborted ? undefined : breaker?.admit();
      if (o.signal?.aborted) [error, flags] = [canceledError(o.signal), { aborted: true }];
      else if (refusal) [error, flags] = [refusal, { circuitOpen: true }];
      else {
        attempt++;
        const outcome = await runAttempt(fn, attempt, o, clock, deadlineAt);
        if (outcome.ok) {
          if (engine.budgetConfig !== false) engine.budget()?.recordSuccess(spent);
          breaker?.recordSuccess();
          return outcome.value;
        }
        [error, flags] = [outcome.error, outcome];
      }
    }
    const failure: FaultlineError = error;
    if (!flags.circuitOpen) breaker?.recordFailure(failure);
    backoff ??= new Backoff(o, clock.random);
    const state = {
      mode: 'request' as const,
      attempt,
      elapsedMs: clock.now() - startedAt,
      backoffMs: backoff.next(failure.kind),
      random: clock.random(),
      idempotent: o.idempotent,
      refreshed,
      ...flags,
    };
    let decision: Decision = decide(failure, state, o);
    // What the service said, not what the breaker says: its own refusal (CIRCUIT_OPEN, with the
    // time left open) must not close the gate, or one process's open view holds the whole fleet.
    if (gate && !flags.circuitOpen && (failure.kind === 'rate_limited' || (failure.kind === 'unavailable' && failure.retryAfterMs !== undefined))) {
      gate.close(failure.retryAfterMs ?? (decision.action === 'retry' ? decision.delayMs : state.backoffMs), clock.now(), scopeOf(o));
    }
    const budget = decision.action === 'retry' ? engine.budget() : undefined;
    if (budget) {
      if (await budget.tryAcquire(retryCost(budget.config, failure))) spent = true;
      else decision = decide(failure, { ...state, budgetRefused: true }, o);
    }
    if (decision.action === 'stop') throw giveUp(failure, decision.reason);

    const delayMs = decision.action === 'retry' ? decision.delayMs : 0;
    record(failure, delayMs);
    const event = { attempt, delayMs, error: failure };
    events.emit('retry', event, () => ({ attempt, delayMs, error: failure.toJSON() }));
    o.onRetry?.(event);
    error = undefined;
    if (decision.action === 'refresh') {
      refreshed = true;
      const left = deadlineAt - clock.now();
      const bound = Math.min(left, o.attemptTimeoutMs ?? REFRESH_TIMEOUT_MS);
      const refresh = await bounded(() => (o.onRefresh as (e: FaultlineError) => unknown)(failure), bound, clock, o.signal);
      if (refresh === 'aborted') throw giveUp(canceledError(o.signal as AbortSignal), 'canceled');
      if (refresh === 'timeout') {
        const timeout = createError('timeout', { code: 'REFRESH_TIMEOUT', message: `onRefresh did not settle within ${Math.round(bound)} ms`, cause: failure });
        throw giveUp(timeout, bound === left ? 'deadline' : 'not-retryable');
      }
      if (refresh !== 'done') throw giveUp(classify(refresh.error, o.classify), 'not-retryable');
      continue;
    }
    // Even a zero delay yields to the event loop: timers (an AbortSignal.timeout) get their turn.
    if (!(await sleep(delayMs, clock, o.signal))) throw giveUp(canceledError(o.signal as AbortSignal), 'canceled');
    totalDelayMs += delayMs;
  }
}

/**
 * One attempt, raced against the caller's abort, the attempt timeout and the deadline, so a `fn`
 * that ignores its signal still settles. Whatever happens first wins; every timer and listener is
 * removed when it settles. With only a caller's signal, the attempt uses it as is.
 */
function runAttempt<T>(fn: (context: AttemptContext) => T | Promise<T>, attempt: number, o: CallOptions, clock: Clock, deadlineAt: number): Promise<Outcome<T>> {
  return new Promise<Outcome<T>>((resolve) => {
    const signal = o.signal;
    const limit = Math.min(o.attemptTimeoutMs ?? Infinity, deadlineAt - clock.now());
    const timed = limit < Infinity;
    // The attempt's own AbortController is made only when it can time out and `fn` reads `signal`.
    let controller: AbortController | undefined;
    let reason: unknown;
    let done = false;
    let timer: unknown;
    const context: AttemptContext = timed
      ? {
          attempt,
          get signal(): AbortSignal {
            if (!controller) {
              controller = new AbortController();
              if (reason !== undefined) controller.abort(reason);
              else if (signal?.aborted) controller.abort(signal.reason);
            }
            return controller.signal;
          },
        }
      : signal
        ? { attempt, signal }
        : new DirectContext(attempt);
    const finish = (outcome: Outcome<T>, abortWith?: unknown): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
      if (abortWith !== undefined) {
        reason = abortWith;
        controller?.abort(abortWith);
      }
    };
    const onAbort = (): void => finish({ ok: false, error: canceledError(signal as AbortSignal), aborted: true }, signal?.reason);
    const fail = (thrown: unknown): void => {
      if (signal?.aborted) onAbort();
      else finish({ ok: false, error: classify(thrown, o.classify as ClassifyOptions | undefined) });
    };
    if (timed) {
      const byDeadline = deadlineAt - clock.now() <= (o.attemptTimeoutMs ?? Infinity);
      timer = clock.setTimeout(() => {
        timer = undefined;
        const error = byDeadline
          ? createError('timeout', { code: 'DEADLINE_EXCEEDED', message: `Deadline of ${String(o.deadlineMs)} ms exceeded.` })
          : createError('timeout', { code: 'ATTEMPT_TIMEOUT', message: `Attempt ${attempt} timed out after ${String(o.attemptTimeoutMs)} ms.` });
        finish({ ok: false, error, deadlineHit: byDeadline }, error);
      }, Math.max(0, limit));
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

type Settled = 'done' | 'aborted' | 'timeout' | { error: unknown };

/** Runs a hook within `ms`, the caller's abort winning: a hook that never settles cannot hang the call. */
export function bounded(task: () => unknown, ms: number, clock: Clock, signal: AbortSignal | undefined): Promise<Settled> {
  if (signal?.aborted) return Promise.resolve('aborted');
  return new Promise<Settled>((resolve) => {
    let done = false;
    const finish = (result: Settled): void => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish('aborted');
    const timer = ms < Infinity ? clock.setTimeout(() => finish('timeout'), Math.max(0, ms)) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      Promise.resolve(task()).then(
        () => finish('done'),
        (error: unknown) => finish({ error }),
      );
    } catch (error) {
      finish({ error });
    }
  });
}
