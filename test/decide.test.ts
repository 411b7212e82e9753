import { describe, expect, it } from 'vitest';
import { decide, type DecideOptions, type DecideState, type Decision } from '../src/decide.js';
import { createError, type FaultlineError } from '../src/errors.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';

/*
 * decide() as a table: no timers, no sockets, no loop. Each row is one failure, the state of the
 * call (or socket) when it happened and the options, and the decision it must give. Both modes,
 * every give-up reason.
 */

const error = (kind: ErrorKind, retry?: RetrySemantics, more: { retryAfterMs?: number; closeCode?: number } = {}): FaultlineError =>
  createError(kind, { ...(retry ? { retry } : {}), ...more });

const request: DecideOptions = {
  maxAttempts: 3,
  deadlineMs: undefined,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  onRetryAfterTooLong: 'give-up',
  canRefresh: false,
  shouldRetry: undefined,
};
const socket: DecideOptions = { ...request, maxAttempts: Infinity, maxDelayMs: 30_000, onRetryAfterTooLong: 'cap', kickLoopMaxCloses: 3 };
const state = (more: Partial<DecideState> = {}): DecideState => ({
  mode: 'request',
  attempt: 1,
  elapsedMs: 0,
  backoffMs: 100,
  random: 0,
  idempotent: false,
  refreshed: false,
  ...more,
});
const reconnect = (more: Partial<DecideState> = {}): DecideState => state({ mode: 'reconnect', idempotent: true, backoffMs: 1000, ...more });

const stop = (reason: string): Decision => ({ action: 'stop', reason } as Decision);
const retryAfter = (delayMs: number, serverDelay = false): Decision => ({ action: 'retry', delayMs, serverDelay });

interface Row {
  readonly name: string;
  readonly error: FaultlineError;
  readonly state: DecideState;
  readonly options: DecideOptions;
  readonly decision: Decision;
}

const rows: Row[] = [
  // --- request mode: every give-up reason ---
  { name: 'a caller abort is canceled', error: error('network', 'always'), state: state({ aborted: true }), options: request, decision: stop('canceled') },
  { name: 'a cancel error is canceled', error: error('canceled'), state: state(), options: request, decision: stop('canceled') },
  { name: 'the breaker refused', error: error('unavailable', 'always', { retryAfterMs: 5000 }), state: state({ circuitOpen: true }), options: request, decision: stop('circuit-open') },
  { name: 'the deadline passed during the attempt', error: error('timeout'), state: state({ deadlineHit: true, idempotent: true }), options: request, decision: stop('deadline') },
  { name: "'never' is not retryable", error: error('not_found'), state: state(), options: request, decision: stop('not-retryable') },
  { name: "'idempotent' for a request that is not", error: error('internal'), state: state(), options: request, decision: stop('not-retryable') },
  { name: "'after-refresh' without a hook", error: error('session_expired'), state: state(), options: request, decision: stop('not-retryable') },
  { name: "'after-refresh' once refreshed", error: error('session_expired'), state: state({ refreshed: true }), options: { ...request, canRefresh: true }, decision: stop('not-retryable') },
  { name: 'maxAttempts reached on a retryable error', error: error('unavailable'), state: state({ attempt: 3 }), options: request, decision: stop('max-attempts') },
  { name: 'maxAttempts reached on a non-retryable one says why it stopped first', error: error('not_found'), state: state({ attempt: 3 }), options: request, decision: stop('not-retryable') },
  {
    name: 'shouldRetry vetoes',
    error: error('unavailable'),
    state: state(),
    options: { ...request, shouldRetry: () => false },
    decision: stop('vetoed'),
  },
  { name: 'a Retry-After beyond the limit gives up', error: error('rate_limited', undefined, { retryAfterMs: 120_000 }), state: state(), options: request, decision: stop('retry-after-too-long') },
  { name: 'a delay that cannot fit before the deadline', error: error('unavailable'), state: state({ elapsedMs: 950 }), options: { ...request, deadlineMs: 1000 }, decision: stop('deadline') },
  { name: 'the budget refused', error: error('unavailable'), state: state({ budgetRefused: true }), options: request, decision: stop('budget') },

  // --- request mode: retries ---
  { name: "'always' retries after the backoff", error: error('unavailable'), state: state(), options: request, decision: retryAfter(100) },
  { name: "'idempotent' retries an idempotent request", error: error('internal'), state: state({ idempotent: true }), options: request, decision: retryAfter(100) },
  { name: "'after-refresh' with a hook refreshes, even on the last attempt", error: error('session_expired'), state: state({ attempt: 3 }), options: { ...request, canRefresh: true }, decision: { action: 'refresh' } },
  { name: 'shouldRetry forces past the semantics', error: error('not_found'), state: state(), options: { ...request, shouldRetry: () => true }, decision: retryAfter(100) },
  { name: 'but never past maxAttempts', error: error('not_found'), state: state({ attempt: 3 }), options: { ...request, shouldRetry: () => true }, decision: stop('not-retryable') },
  { name: "the server's delay, plus up to 10% jitter", error: error('rate_limited', undefined, { retryAfterMs: 2000 }), state: state({ random: 0.5 }), options: request, decision: retryAfter(2100, true) },
  { name: "the jitter never pushes a delay past the limit", error: error('rate_limited', undefined, { retryAfterMs: 59_000 }), state: state({ random: 0.99 }), options: request, decision: retryAfter(60_000, true) },
  { name: "'cap' sleeps the limit instead of giving up", error: error('rate_limited', undefined, { retryAfterMs: 120_000 }), state: state(), options: { ...request, onRetryAfterTooLong: 'cap' }, decision: retryAfter(60_000, true) },
  { name: 'unlimited attempts keep going', error: error('unavailable'), state: state({ attempt: 10_000 }), options: { ...request, maxAttempts: Infinity }, decision: retryAfter(100) },

  // --- reconnect mode ---
  { name: 'socket: a dropped connection reconnects after the backoff', error: error('connection_closed', undefined, { closeCode: 1006 }), state: reconnect(), options: socket, decision: retryAfter(1000) },
  { name: "socket: 'idempotent' reconnects (reopening is safe)", error: error('timeout', undefined), state: reconnect(), options: socket, decision: retryAfter(1000) },
  { name: 'socket: an unrecognised error without a close code (a URL provider that threw) reconnects', error: error('unknown'), state: reconnect(), options: socket, decision: retryAfter(1000) },
  { name: 'socket: what the service says is final stops', error: error('session_replaced', undefined, { closeCode: 4111 }), state: reconnect(), options: socket, decision: stop('not-retryable') },
  { name: 'socket: an unknown close code the catalog marks final stops', error: error('unknown', undefined, { closeCode: 1004 }), state: reconnect(), options: socket, decision: stop('not-retryable') },
  { name: 'socket: refresh once', error: error('session_expired', undefined, { closeCode: 4112 }), state: reconnect(), options: { ...socket, canRefresh: true }, decision: { action: 'refresh' } },
  { name: 'socket: refreshed already', error: error('session_expired', undefined, { closeCode: 4112 }), state: reconnect({ refreshed: true }), options: { ...socket, canRefresh: true }, decision: stop('not-retryable') },
  { name: 'socket: maxAttempts if the user set one', error: error('connection_closed'), state: reconnect({ attempt: 5 }), options: { ...socket, maxAttempts: 5 }, decision: stop('max-attempts') },
  { name: 'socket: a flapping network never stops by default', error: error('connection_closed', undefined, { closeCode: 1006 }), state: reconnect({ attempt: 1000, kicks: 0 }), options: socket, decision: retryAfter(1000) },
  { name: 'socket: the kick-loop guard', error: error('connection_closed', undefined, { closeCode: 4000 }), state: reconnect({ kicks: 3 }), options: socket, decision: stop('kick-loop') },
  { name: 'socket: the guard turned off', error: error('connection_closed', undefined, { closeCode: 4000 }), state: reconnect({ kicks: 30 }), options: { ...socket, kickLoopMaxCloses: 0 }, decision: retryAfter(1000) },
  { name: 'socket: a breaker that refuses is waited out, never a reason to stop', error: error('unavailable', 'always', { retryAfterMs: 5000 }), state: reconnect({ circuitOpen: true }), options: socket, decision: retryAfter(5000) },
  { name: 'socket: a budget that refuses means waiting about the longest delay', error: error('connection_closed'), state: reconnect({ budgetRefused: true, random: 0 }), options: socket, decision: retryAfter(15_000) },
  { name: 'socket: a long server delay is capped, not a reason to stop', error: error('unavailable', 'always', { retryAfterMs: 120_000 }), state: reconnect(), options: socket, decision: retryAfter(60_000, true) },
  { name: 'socket: the app closed it', error: error('canceled'), state: reconnect(), options: socket, decision: stop('canceled') },
];

describe('decide(): one ranked decision for requests and sockets', () => {
  it.each(rows)('$name', ({ error: e, state: s, options, decision }) => {
    expect(decide(e, s, options)).toEqual(decision);
  });

  it('covers every give-up reason', () => {
    const reasons = new Set(rows.map((r) => r.decision).filter((d): d is Extract<Decision, { action: 'stop' }> => d.action === 'stop').map((d) => d.reason));
    expect([...reasons].sort()).toEqual(['budget', 'canceled', 'circuit-open', 'deadline', 'kick-loop', 'max-attempts', 'not-retryable', 'retry-after-too-long', 'vetoed'].sort());
  });

  it('is pure: the same inputs give the same decision, and nothing is touched', () => {
    const e = error('unavailable', undefined, { retryAfterMs: 1000 });
    const s = Object.freeze(state({ random: 0.3 }));
    const o = Object.freeze({ ...request });
    expect(decide(e, s, o)).toEqual(decide(e, s, o));
    expect(e.attempts).toBeUndefined();
  });
});
