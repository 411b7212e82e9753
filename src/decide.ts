import { RETRY_AFTER_JITTER } from './constants.js';
import type { FaultlineError } from './errors.js';

/** Why a loop stopped, or a socket stopped for good. */
export type GiveUpReason =
  | 'not-retryable'
  | 'max-attempts'
  | 'budget'
  | 'deadline'
  | 'retry-after-too-long'
  | 'circuit-open'
  | 'vetoed'
  | 'canceled'
  | 'kick-loop';

/**
 * What to do after a failure. `retry` carries the delay before the next attempt (a request's, or a
 * socket's reconnect); `refresh` asks for `onRefresh` to run, then one more attempt at once.
 */
export type Decision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly serverDelay: boolean }
  | { readonly action: 'refresh' }
  | { readonly action: 'stop'; readonly reason: GiveUpReason };

/** Where the call (or the socket's reconnect cycle) stands when `error` ends an attempt. */
export interface DecideState {
  /** 'request': a call that returns or rejects; 'reconnect': a socket that never gives up on a flaky network. */
  readonly mode: 'request' | 'reconnect';
  /** The attempt that failed, 1 for the first (a socket: attempts since its last stable connection). */
  readonly attempt: number;
  /** Milliseconds since the call began. */
  readonly elapsedMs: number;
  /** The backoff state's next delay, used when the server gave none. */
  readonly backoffMs: number;
  /** A draw in [0, 1): the jitter added to a server-given delay. */
  readonly random: number;
  /** The request may be repeated (its method, or an idempotency key). A reconnect always may. */
  readonly idempotent: boolean;
  /** The after-refresh retry was used already. */
  readonly refreshed: boolean;
  /** The caller aborted. */
  readonly aborted?: boolean;
  /** The attempt failed because the deadline passed. */
  readonly deadlineHit?: boolean;
  /** The circuit breaker refused the attempt (`error` is its CIRCUIT_OPEN error). */
  readonly circuitOpen?: boolean;
  /** The budget refused to pay for the retry this decision would make. */
  readonly budgetRefused?: boolean;
  /** A socket: consecutive closes with this error's application code before the connection became stable. */
  readonly kicks?: number;
}

/** The resolved options the rules read. */
export interface DecideOptions {
  readonly maxAttempts: number;
  readonly deadlineMs: number | undefined;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly onRetryAfterTooLong: 'cap' | 'give-up';
  /** Whether an `onRefresh` hook is there to run. */
  readonly canRefresh: boolean;
  /** May veto (false) or force (true) a retry; forcing overrides the semantics only. */
  readonly shouldRetry: ((error: FaultlineError, context: { readonly attempt: number; readonly delayMs: number; readonly idempotent: boolean }) => boolean | undefined) | undefined;
  /** A socket: closes with one application code before the connection is stable that stop it; 0 turns the guard off. */
  readonly kickLoopMaxCloses?: number;
}

const stop = (reason: GiveUpReason): Decision => ({ action: 'stop', reason });

/**
 * The one decision after a failure, for requests and sockets alike. Pure: the same inputs give the
 * same answer, and nothing is done here — the HTTP loop and the socket carry the decision out.
 * Ranked like the AWS SDK's retry strategy, first match wins:
 *
 *  1. aborted by the caller, or the error is a cancel          → stop 'canceled'
 *  2. the breaker refused                                      → request: stop 'circuit-open'; socket: wait it out
 *  3. the deadline passed                                      → stop 'deadline'
 *  4. 'after-refresh', a hook and no refresh yet               → refresh (then one more attempt, even past maxAttempts)
 *  5. the semantics say no ('never', 'idempotent' for a request that is not; a socket repeats
 *     'idempotent', and an unrecognised error without a close code, as reopening is safe)
 *  6. maxAttempts reached                                      → stop 'max-attempts' (or 'not-retryable' if 5 said no)
 *  7. shouldRetry vetoes (→ 'vetoed') or forces past 5         (requests)
 *  8. a socket's kick loop (the same application close right after every open) → stop 'kick-loop'
 *  9. a server-given delay beyond maxRetryAfterMs              → request: give up or cap; socket: cap
 * 10. the delay cannot fit before the deadline                 → stop 'deadline'
 * 11. the budget refused                                       → request: stop 'budget'; socket: wait the longest delay
 * otherwise                                                    → retry after the server's delay (+ up to 10%) or the backoff's.
 */
export function decide(error: FaultlineError, state: DecideState, options: DecideOptions): Decision {
  const socket = state.mode === 'reconnect';
  if (state.aborted || error.kind === 'canceled') return stop('canceled');
  if (state.circuitOpen) return socket ? retry(Math.max(error.retryAfterMs ?? 0, state.backoffMs), false) : stop('circuit-open');
  if (state.deadlineHit) return stop('deadline');
  if (error.retry === 'after-refresh') return options.canRefresh && !state.refreshed ? { action: 'refresh' } : stop('not-retryable');

  let verdict =
    error.retry === 'always' ||
    (error.retry === 'idempotent' && (socket || state.idempotent)) ||
    (socket && error.kind === 'unknown' && error.closeCode === undefined);
  if (state.attempt >= options.maxAttempts) return stop(verdict ? 'max-attempts' : 'not-retryable');

  const server = error.retryAfterMs;
  let delayMs = server === undefined ? state.backoffMs : server * (1 + RETRY_AFTER_JITTER * state.random);
  if (!socket && options.shouldRetry) {
    const override = options.shouldRetry(error, { attempt: state.attempt, delayMs, idempotent: state.idempotent });
    if (override === false && verdict) return stop('vetoed');
    if (override === true) verdict = true;
  }
  if (!verdict) return stop('not-retryable');
  if (socket && options.kickLoopMaxCloses && (state.kicks ?? 0) >= options.kickLoopMaxCloses) return stop('kick-loop');

  if (server !== undefined && server > options.maxRetryAfterMs) {
    if (!socket && options.onRetryAfterTooLong === 'give-up') return stop('retry-after-too-long');
    delayMs = options.maxRetryAfterMs;
  } else if (server !== undefined) {
    // The jitter never pushes a delay the server asked for past the limit, nor below what it asked.
    delayMs = Math.min(delayMs, Math.max(server, options.maxRetryAfterMs));
  }
  if (options.deadlineMs !== undefined && state.elapsedMs + delayMs >= options.deadlineMs) return stop('deadline');
  if (state.budgetRefused) return socket ? retry(options.maxDelayMs * (0.5 + state.random / 2), false) : stop('budget');
  return retry(delayMs, server !== undefined);
}

function retry(delayMs: number, serverDelay: boolean): Decision {
  return { action: 'retry', delayMs, serverDelay };
}
