import type { Clock } from './clock.js';

/** How a raced task ended: its value, its failure, or why it was cut short (the abort's reason, or the time limit's). */
export type Raced<T> =
  | { readonly end: 'done'; readonly value: T }
  | { readonly end: 'failed'; readonly error: unknown }
  | { readonly end: 'aborted' | 'timeout'; readonly reason: unknown };

/**
 * Runs `task` raced against `ms` and the caller's `signal`, so a task that ignores its signal (or
 * never settles: a hook) still ends: whichever comes first wins, and every timer and listener is
 * removed then. A signal aborted already wins before the task starts. `timeoutReason` makes the
 * reason a timeout carries; `cut` hears the reason whenever the race, not the task, ended it.
 */
export function race<T>(
  task: () => T | Promise<T>,
  ms: number,
  clock: Clock,
  signal: AbortSignal | undefined,
  timeoutReason?: () => unknown,
  cut?: (reason: unknown) => void,
): Promise<Raced<T>> {
  return new Promise<Raced<T>>((resolve) => {
    let done = false;
    let timer: unknown;
    const finish = (raced: Raced<T>): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(raced);
      if (raced.end === 'aborted' || raced.end === 'timeout') cut?.(raced.reason);
    };
    const onAbort = (): void => finish({ end: 'aborted', reason: signal?.reason });
    if (signal?.aborted) return onAbort();
    if (ms < Infinity) timer = clock.setTimeout(() => finish({ end: 'timeout', reason: timeoutReason?.() }), Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      Promise.resolve(task()).then(
        (value) => finish({ end: 'done', value }),
        (error: unknown) => finish({ end: 'failed', error }),
      );
    } catch (error) {
      finish({ end: 'failed', error });
    }
  });
}
