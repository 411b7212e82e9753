import { createError, type FaultlineError } from '../../src/errors.js';

export const e503 = (init: { retryAfterMs?: number } = {}): FaultlineError =>
  createError('unavailable', { status: 503, code: 503, ...init });
export const e500 = (): FaultlineError => createError('internal', { status: 500, code: 500 });
export const e404 = (): FaultlineError => createError('not_found', { status: 404, code: 101 });
export const e429 = (retryAfterMs?: number): FaultlineError =>
  createError('rate_limited', retryAfterMs === undefined ? { status: 429 } : { status: 429, retryAfterMs });
export const eExpired = (): FaultlineError => createError('session_expired', { status: 401, code: 209 });

/** A fn that throws the given failures in order, then returns `value`; `calls` counts attempts. */
export function script<T = string>(failures: readonly unknown[], value?: T) {
  const state = {
    calls: 0,
    signals: [] as AbortSignal[],
    fn: ({ signal }: { attempt: number; signal: AbortSignal }): T => {
      state.calls++;
      state.signals.push(signal);
      if (state.calls <= failures.length) {
        const failure = failures[state.calls - 1];
        throw typeof failure === 'function' ? (failure as () => unknown)() : failure;
      }
      return (value ?? 'ok') as T;
    },
  };
  return state;
}

/** A fn that always throws a fresh error from `make`. */
export function always(make: () => unknown) {
  const state = {
    calls: 0,
    fn: (): never => {
      state.calls++;
      throw make();
    },
  };
  return state;
}

/** Observes a promise without awaiting it, so a test can ask whether it settled yet. */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}
