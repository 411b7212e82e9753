import type { RetryPolicy } from '../../src/retry.js';

/** The attempt's signal, still tied to the caller's after the attempt settles (so a body read can be aborted). */
export function link(attempt: AbortSignal, caller: AbortSignal | undefined): AbortSignal {
  return caller && typeof AbortSignal.any === 'function' ? AbortSignal.any([attempt, caller]) : attempt;
}

/**
 * Whether the policy can abort an attempt on its own (a timeout or a deadline). Without one it
 * aborts an attempt only when the caller does, so the caller's signal serves, and the attempt's
 * own (a controller per call) need not be made.
 */
export function canTimeOut(options: { attemptTimeoutMs?: number; deadlineMs?: number }, policy: RetryPolicy): boolean {
  return (options.attemptTimeoutMs ?? options.deadlineMs ?? policy.options.attemptTimeoutMs ?? policy.options.deadlineMs) !== undefined;
}
