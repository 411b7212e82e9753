import { MAX_TIMER_MS } from './constants.js';
import { race } from './race.js';

/** Time and randomness, injectable so tests are deterministic. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Uniform in [0, 1). */
  random(): number;
}

type Immediate = (callback: () => void) => unknown;
const { setImmediate: immediate, clearImmediate } = globalThis as { setImmediate?: Immediate; clearImmediate?: (handle: unknown) => void };

/** Handles of zero delays, which run as an immediate (a yield to the event loop, not the 1 ms a timer waits at least). */
const immediates = new WeakSet<object>();

/**
 * The real clock. Timers are left ref'd on purpose: a pending retry is work the process still has
 * to do, so it must keep Node alive (an abort clears it).
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const delay = ms > 0 ? ms : 0;
    if (delay === 0 && immediate) {
      const handle = immediate(callback) as object;
      immediates.add(handle);
      return handle;
    }
    // Longer than a 32-bit timer holds would fire at once (a bug retry libraries have shipped): the
    // options are bounded to it, and this keeps any other delay from wrapping around.
    return globalThis.setTimeout(callback, Math.min(delay, MAX_TIMER_MS));
  },
  clearTimeout(handle) {
    if (typeof handle === 'object' && handle !== null && immediates.has(handle)) return clearImmediate?.(handle);
    globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]);
  },
  random: () => Math.random(),
};

/**
 * Fills the gaps of a partial clock with the system one. Give `setTimeout` and `clearTimeout`
 * together: a fake timer cannot be cleared by the real `clearTimeout`.
 */
export function resolveClock(partial?: Partial<Clock>): Clock {
  if (!partial) return systemClock;
  const clock: Record<string, unknown> = { ...systemClock };
  for (const key in systemClock) {
    const own = partial[key as keyof Clock] as ((...args: never[]) => unknown) | undefined;
    if (own) clock[key] = own.bind(partial);
  }
  return clock as unknown as Clock;
}

/** Resolves true after `ms`, false at once if `signal` aborts first; leaves nothing behind either way. Zero still yields to the event loop. */
export function sleep(ms: number, clock: Clock, signal: AbortSignal | undefined): Promise<boolean> {
  return race(() => new Promise<never>(() => undefined), ms, clock, signal).then((raced) => raced.end === 'timeout');
}
