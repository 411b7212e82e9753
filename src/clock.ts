import type { Clock } from './retry-types.js';

/** setTimeout's delay is a signed 32-bit int: anything longer fires at once (the axios-retry bug). */
const MAX_TIMER_MS = 2_147_483_647;

/** A handle for a delay longer than one native timer can hold: re-armed in steps. */
interface LongTimer {
  current: unknown;
}

function isLongTimer(handle: unknown): handle is LongTimer {
  return typeof handle === 'object' && handle !== null && LONG_TIMERS.has(handle);
}
const LONG_TIMERS = new WeakSet<object>();

/**
 * The real clock. Timers are left ref'd on purpose: a pending retry is work the process still has
 * to do, so it must keep Node alive (an abort clears it).
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : ms === Infinity ? Infinity : 0;
    if (delay <= MAX_TIMER_MS) return globalThis.setTimeout(callback, delay);
    const handle: LongTimer = { current: undefined };
    LONG_TIMERS.add(handle);
    const due = Date.now() + delay;
    const arm = (): void => {
      const left = due - Date.now();
      handle.current =
        left <= MAX_TIMER_MS ? globalThis.setTimeout(callback, Math.max(0, left)) : globalThis.setTimeout(arm, MAX_TIMER_MS);
    };
    arm();
    return handle;
  },
  clearTimeout(handle) {
    const native = isLongTimer(handle) ? handle.current : handle;
    globalThis.clearTimeout(native as Parameters<typeof globalThis.clearTimeout>[0]);
  },
  random: () => Math.random(),
};

/**
 * Fills the gaps of a partial clock with the system one. Give `setTimeout` and `clearTimeout`
 * together: a fake timer cannot be cleared by the real `clearTimeout`.
 */
export function resolveClock(partial?: Partial<Clock>): Clock {
  if (!partial) return systemClock;
  return {
    now: partial.now ? partial.now.bind(partial) : systemClock.now,
    setTimeout: partial.setTimeout ? partial.setTimeout.bind(partial) : systemClock.setTimeout,
    clearTimeout: partial.clearTimeout ? partial.clearTimeout.bind(partial) : systemClock.clearTimeout,
    random: partial.random ? partial.random.bind(partial) : systemClock.random,
  };
}
