import { Backoff } from './backoff.js';
import { definedOnly, resolveBudget, retryCost, RetryBudget } from './budget.js';
import { classify } from './classify.js';
import { resolveClock, sleep, type Clock } from './clock.js';
import { BREAKER_DEFAULTS, LIMITS, REFRESH_TIMEOUT_MS, RETRY_DEFAULTS } from './constants.js';
import { decide, type DecideOptions, type GiveUpReason } from './decide.js';
import { createError, withAttempts, type AttemptRecord, type FaultlineError } from './errors.js';
import { Emitter } from './events.js';
import { bool, count, fn as func, ms, object, oneOf, positive, signal as abortSignal, text, validate, type Rule } from './options.js';
import { race } from './race.js';
import type { AttemptContext, ExecuteOptions, PolicyEvents, ResolvedRetryOptions, RetryOptions, RetryPolicy } from './policy-types.js';
import type { BreakerConfig, BudgetConfig, PolicyStore, SharedBreaker, SharedBudget, SharedGate } from './store-types.js';

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

type Attempt<T> = (context: AttemptContext) => T | Promise<T>;

/**
 * A policy's state: its options as given (validated), what it shares between calls, and what its
 * calls build when first needed — a policy whose calls all succeed at once builds none of it.
 */
interface Engine {
  readonly given: RetryOptions;
  readonly clock: Clock;
  readonly name: string;
  readonly store: PolicyStore | undefined;
  readonly breaker: SharedBreaker | undefined;
  readonly gate: SharedGate | undefined;
  readonly budgetConfig: BudgetConfig | false;
  budget: SharedBudget | undefined;
  resolved?: ResolvedRetryOptions;
  events?: Emitter<PolicyEvents>;
}

/** Validates `options` (a TypeError names the bad one) and sets up what every call of the policy shares. */
function engineOf(options: RetryOptions): Engine {
  validate('retry', options, RULES);
  const { store, budget } = options;
  const name = options.name ?? options.classify?.provider?.name ?? 'default';
  const shared = typeof (budget as SharedBudget | undefined)?.tryAcquire === 'function' ? (budget as SharedBudget) : undefined;
  return {
    given: options,
    clock: resolveClock(options.clock),
    name,
    store,
    breaker: breakerOf(options, name),
    gate: store?.gate(name),
    budgetConfig: budget === false ? false : (shared?.config ?? resolveBudget(budget as object | undefined, 'retry.budget')),
    budget: shared,
  };
}

const resolvedOf = (e: Engine): ResolvedRetryOptions =>
  (e.resolved ??= Object.freeze({ ...RETRY_DEFAULTS, ...definedOnly(e.given), name: e.name, budget: e.budgetConfig }) as ResolvedRetryOptions);

/** The policy's options with a call's overrides (validated already) on top: made when a call's loop starts. */
function callOptions(e: Engine, overrides: ExecuteOptions = {}): CallOptions {
  const o: Record<string, unknown> = { ...resolvedOf(e) };
  for (const key in CALL_RULES) if ((overrides as Record<string, unknown>)[key] !== undefined) o[key] = (overrides as Record<string, unknown>)[key];
  o.canRefresh = o.onRefresh !== undefined;
  return o as unknown as CallOptions;
}

const eventsOf = (e: Engine): Emitter<PolicyEvents> => (e.events ??= new Emitter<PolicyEvents>(true));

const budgetOf = (e: Engine): SharedBudget | undefined =>
  e.budgetConfig === false ? undefined : (e.budget ??= e.store ? e.store.budget(e.name, e.budgetConfig) : new RetryBudget(e.budgetConfig));

/** A call succeeded (`retried`: after retries the budget paid for). A policy's own budget not built yet is full: nothing to refill. */
const succeeded = (e: Engine, retried: boolean): void => void ((e.budget || e.store) && budgetOf(e)?.recordSuccess(retried));

/** No breaker to ask and no Retry-After gate of the policy closed (for any host): a call may start with a plain first attempt. */
const direct = (e: Engine): boolean => !e.breaker && !(e.gate && e.gate.waitMs(e.clock.now()) > 0);

/**
 * A reusable policy: its budget (and optional breaker and Retry-After gate) serve every call. Throws
 * a TypeError on invalid options. Calls reject with a FaultlineError (a copy of the last failure
 * carrying `attempts`, `totalDelayMs`, `history`), except when a hook (shouldRetry, onRetry,
 * onGiveUp) throws: that is a bug in the caller's code, and the call rejects with what it threw.
 */
export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const e = engineOf(options);
  const policy: RetryPolicy & { [POLICY_BRAND]: true } = {
    [POLICY_BRAND]: true,
    options: resolvedOf(e),
    clock: e.clock,
    circuitBreaker: e.breaker,
    get budget() {
      return budgetOf(e);
    },
    get direct() {
      return direct(e);
    },
    succeeded: () => succeeded(e, false),
    on: (event, listener) => eventsOf(e).on(event, listener),
    execute: (fn, overrides) => execute(e, fn, overrides),
    recover: (error, fn, overrides, startedAt) => execute(e, fn, overrides, error, startedAt),
  };
  return policy;
}

/** One-shot: runs `fn` under a fresh policy (its budget only limits this call's retries), built only as far as the call needs. */
export function retry<T>(fn: Attempt<T>, options: RetryOptions = {}): Promise<T> {
  try {
    return execute(engineOf(options), fn);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A call, or with `error` the rest of one whose plain first attempt the caller made (`policy.recover`). */
function execute<T>(e: Engine, fn: Attempt<T>, overrides?: ExecuteOptions, error?: FaultlineError, startedAt?: number): Promise<T> {
  try {
    if (typeof fn !== 'function') throw new TypeError(`faultline: execute(fn) needs a function, got ${typeof fn}`);
    if (overrides) validate('execute', overrides, CALL_RULES);
  } catch (thrown) {
    return Promise.reject(thrown);
  }
  const { given } = e;
  // Nothing to race an attempt against but the caller's signal, and nothing to ask first: the
  // first attempt is a plain call (the common case, and the hot path); the loop, and the call's
  // complete options, are made only if it fails.
  if (!error && (overrides?.attemptTimeoutMs ?? given.attemptTimeoutMs) === undefined && (overrides?.deadlineMs ?? given.deadlineMs) === undefined && direct(e)) {
    return first(e, fn, overrides, overrides?.signal ?? given.signal);
  }
  return run(e, fn, callOptions(e, overrides), error, startedAt ?? e.clock.now());
}

function breakerOf(options: RetryOptions, name: string): SharedBreaker | undefined {
  const b = options.circuitBreaker;
  if (!b || typeof (b as SharedBreaker).admit === 'function') return (b || undefined) as SharedBreaker | undefined;
  if (!options.store) {
    throw new TypeError("faultline: retry.circuitBreaker options need a `store`; otherwise pass an instance: new CircuitBreaker(options) from 'faultline/breaker'");
  }
  return options.store.breaker(name, resolveBreakerConfig(b as Partial<BreakerConfig>, 'retry.circuitBreaker'));
}

/** A breaker's options with the defaults applied: what a store makes its breaker from. */
export function resolveBreakerConfig(options: Partial<BreakerConfig> | undefined, component = 'circuitBreaker'): BreakerConfig {
  const { failureThreshold, halfOpenAfterMs, quorum } = { ...BREAKER_DEFAULTS, ...definedOnly(validate(component, options, { failureThreshold: count, halfOpenAfterMs: positive, quorum: positive })) };
  return Object.freeze({ failureThreshold, halfOpenAfterMs, quorum });
}

/**
 * What `fn` gets unless the caller's signal serves as is (an attempt with no time limit): a signal
 * of its own, made only if `fn` reads it, following the caller's, and aborted with the reason the
 * attempt was cut short for (its timeout error, or the caller's abort).
 */
class Context implements AttemptContext {
  declare readonly attempt: number;
  /** The caller's signal, which the attempt's follows. */
  readonly #caller: AbortSignal | undefined;
  #controller: AbortController | undefined;
  #reason: unknown;
  constructor(attempt: number, caller?: AbortSignal) {
    this.attempt = attempt;
    this.#caller = caller;
  }
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
      else if (this.#caller?.aborted) this.#controller.abort(this.#caller.reason);
    }
    return this.#controller.signal;
  }
  /** The attempt was cut short for `reason` (an abort's, or its timeout error). */
  cut(reason: unknown): void {
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}

/**
 * The first attempt as a plain call, with no loop state and no complete options built unless it
 * fails. A caller's signal is raced against it: an abort settles the call at once, even if `fn`
 * ignores its signal.
 */
function first<T>(e: Engine, fn: Attempt<T>, overrides: ExecuteOptions | undefined, signal: AbortSignal | undefined): Promise<T> {
  const ok = (value: T): T => (succeeded(e, false), value);
  // When the call began counts only toward a deadline, and a call with one never comes here.
  const loop = (error?: FaultlineError, thrown?: unknown): Promise<T> => {
    const o = callOptions(e, overrides);
    return run(e, fn, o, error ?? classify(thrown, o.classify), e.clock.now());
  };
  if (signal) {
    // Aborted before it began: the loop gives up without an attempt.
    if (signal.aborted) return run(e, fn, callOptions(e, overrides), undefined, e.clock.now());
    return race(() => fn({ attempt: 1, signal }), Infinity, e.clock, signal).then((raced) =>
      raced.end === 'done' ? ok(raced.value) : raced.end === 'failed' ? loop(undefined, raced.error) : loop(canceledError(signal)),
    );
  }
  let result: T | Promise<T>;
  try {
    result = fn(new Context(1));
  } catch (thrown) {
    return loop(undefined, thrown);
  }
  return Promise.resolve(result).then(ok, (thrown: unknown) => loop(undefined, thrown));
}

/**
 * The host a call goes to, when its classify options carry the request's URL (the HTTP adapters
 * pass it): a server's Retry-After holds the requests to that server, not every host the policy
 * serves. Read only when a gate is closed or being closed (an adapter may build its URL on demand).
 */
function scopeOf(o: CallOptions): string | undefined {
  try {
    return new URL(o.classify?.url as string).host || undefined;
  } catch {
    return undefined; // no URL, or a relative one: the name-wide gate
  }
}

/** How an attempt failed: its error, and what decide() needs to know of it. */
interface Failure {
  readonly error: FaultlineError;
  readonly aborted?: boolean;
  readonly deadlineHit?: boolean;
  readonly circuitOpen?: boolean;
}

const canceledError = (signal: AbortSignal | undefined): FaultlineError => createError('canceled', { message: 'The operation was canceled.', cause: signal?.reason });

/**
 * The loop: attempt, then on each failure one `decide()` — the policy's rules live there, not here.
 * `error` is a first failure the caller already saw (attempt 1), or undefined to begin with an attempt.
 */
async function run<T>(e: Engine, fn: Attempt<T>, o: CallOptions, error: FaultlineError | undefined, startedAt: number): Promise<T> {
  const { clock, breaker, gate } = e;
  const events = eventsOf(e);
  const signal = o.signal;
  const deadlineAt = startedAt + (o.deadlineMs ?? Infinity);
  const history: AttemptRecord[] = [];
  let failed: Failure | undefined = error && { error };
  let backoff: Backoff | undefined;
  let attempt = error ? 1 : 0;
  let refreshed = false;
  let spent = false;
  let totalDelayMs = 0;

  const giveUp = (failure: FaultlineError, reason: GiveUpReason): FaultlineError => {
    const out = withAttempts(failure, attempt, totalDelayMs, history);
    const event = { attempts: attempt, error: out, reason };
    events.emit('giveUp', event, { totalDelayMs });
    o.onGiveUp?.(event);
    return out;
  };
  const canceled = (): FaultlineError => giveUp(canceledError(signal), 'canceled');

  for (;;) {
    if (!failed) {
      // Another client (another process, with a shared store) was told to wait: so are we. Read
      // again after each sleep: another process may have extended the gate meanwhile.
      for (let wait: number; gate && gate.waitMs(clock.now()) > 0 && (wait = gate.waitMs(clock.now(), scopeOf(o))) > 0; ) {
        if (clock.now() + wait >= deadlineAt) {
          throw giveUp(createError('rate_limited', { code: 'RETRY_AFTER_GATE', message: `Waiting out a Retry-After the service gave (${Math.ceil(wait)} ms left)`, retryAfterMs: wait }), 'deadline');
        }
        if (!(await sleep(wait, clock, signal))) throw canceled();
      }
      const refusal = signal?.aborted ? undefined : breaker?.admit();
      if (signal?.aborted) failed = { error: canceledError(signal), aborted: true };
      else if (refusal) failed = { error: refusal, circuitOpen: true };
      else {
        const outcome = await runAttempt(fn, ++attempt, o, clock, deadlineAt);
        if ('value' in outcome) {
          succeeded(e, spent);
          breaker?.recordSuccess();
          return outcome.value;
        }
        failed = outcome;
      }
    }
    const failure = failed.error;
    if (!failed.circuitOpen) breaker?.recordFailure(failure);
    backoff ??= new Backoff(o, clock.random);
    const state = {
      mode: 'request' as const,
      attempt,
      elapsedMs: clock.now() - startedAt,
      backoffMs: backoff.next(failure.kind),
      random: clock.random(),
      idempotent: o.idempotent,
      refreshed,
      aborted: failed.aborted,
      deadlineHit: failed.deadlineHit,
      circuitOpen: failed.circuitOpen,
    };
    let decision = decide(failure, state, o);
    // What the service said, not what the breaker says: its own refusal (CIRCUIT_OPEN, with the
    // time left open) must not close the gate, or one process's open view holds the whole fleet.
    if (gate && !failed.circuitOpen && (failure.kind === 'rate_limited' || (failure.kind === 'unavailable' && failure.retryAfterMs !== undefined))) {
      gate.close(failure.retryAfterMs ?? (decision.action === 'retry' ? decision.delayMs : state.backoffMs), clock.now(), scopeOf(o));
    }
    const budget = decision.action === 'retry' ? budgetOf(e) : undefined;
    if (budget) {
      if (await budget.tryAcquire(retryCost(budget.config, failure))) spent = true;
      else decision = decide(failure, { ...state, budgetRefused: true }, o);
    }
    if (decision.action === 'stop') throw giveUp(failure, decision.reason);

    const delayMs = decision.action === 'retry' ? decision.delayMs : 0;
    history.push({ attempt, kind: failure.kind, code: failure.code, status: failure.status, delayMs });
    // An unbounded loop (maxAttempts: Infinity) must not grow the error without limit: keep the latest.
    if (history.length > LIMITS.history) history.shift();
    const event = { attempt, delayMs, error: failure };
    events.emit('retry', event);
    o.onRetry?.(event);
    failed = undefined;
    if (decision.action === 'refresh') {
      refreshed = true;
      const left = deadlineAt - clock.now();
      const bound = Math.min(left, o.attemptTimeoutMs ?? REFRESH_TIMEOUT_MS);
      const refresh = await race(() => (o.onRefresh as (e: FaultlineError) => unknown)(failure), bound, clock, signal);
      if (refresh.end === 'aborted') throw canceled();
      if (refresh.end === 'timeout') {
        throw giveUp(createError('timeout', { code: 'REFRESH_TIMEOUT', message: `onRefresh did not settle within ${Math.round(bound)} ms`, cause: failure }), bound === left ? 'deadline' : 'not-retryable');
      }
      if (refresh.end === 'failed') throw giveUp(classify(refresh.error, o.classify), 'not-retryable');
      continue;
    }
    // Even a zero delay yields to the event loop: timers (an AbortSignal.timeout) get their turn.
    if (!(await sleep(delayMs, clock, signal))) throw canceled();
    totalDelayMs += delayMs;
  }
}

/**
 * One attempt, raced against the caller's abort, the attempt timeout and the deadline, so a `fn`
 * that ignores its signal still settles. With only a caller's signal, the attempt uses it as is.
 */
async function runAttempt<T>(fn: Attempt<T>, attempt: number, o: CallOptions, clock: Clock, deadlineAt: number): Promise<Failure | { value: T }> {
  const signal = o.signal;
  const left = deadlineAt - clock.now();
  const limit = Math.min(o.attemptTimeoutMs ?? Infinity, left);
  const byDeadline = left <= (o.attemptTimeoutMs ?? Infinity);
  const context = limit < Infinity || !signal ? new Context(attempt, signal) : { attempt, signal };
  const timeout = (): FaultlineError =>
    createError(
      'timeout',
      byDeadline
        ? { code: 'DEADLINE_EXCEEDED', message: `Deadline of ${o.deadlineMs as number} ms exceeded.` }
        : { code: 'ATTEMPT_TIMEOUT', message: `Attempt ${attempt} timed out after ${o.attemptTimeoutMs as number} ms.` },
    );
  const raced = await race(() => fn(context), limit, clock, signal, timeout, (reason) => (context as Context).cut?.(reason));
  return raced.end === 'done' ? raced
    : raced.end === 'failed' ? { error: classify(raced.error, o.classify) }
    : raced.end === 'aborted' ? { error: canceledError(signal), aborted: true }
    : { error: raced.reason as FaultlineError, deadlineHit: byDeadline };
}
