import type { ErrorKind } from './kinds.js';
import type { BackoffOptions, Jitter } from './retry-types.js';

export const DEFAULT_BACKOFF: Readonly<Required<BackoffOptions>> = Object.freeze({
  baseDelayMs: 100,
  rateLimitBaseDelayMs: 1_000,
  maxDelayMs: 20_000,
  jitter: 'full',
});

const JITTERS: readonly Jitter[] = ['full', 'decorrelated', 'equal', 'none'];

/** A usable non-negative finite number, else the fallback: bad options never produce NaN delays. */
function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** A random draw clamped into [0, 1): a misbehaving injected random cannot escape the range. */
function unit(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
}

/**
 * The delay before the attempt after `attempt` (1-based, the one that failed).
 * Exponential `base * 2^(attempt-1)` capped at `maxDelayMs`, then jittered. The exponent is clamped
 * before exponentiation, so attempt 10,000 gives the cap, not `Infinity * random` or NaN.
 * `rate_limited` errors use the larger `rateLimitBaseDelayMs`.
 * 'decorrelated' is AWS's "decorrelated jitter": uniform in [base, 3 × previous], capped; pass the
 * previous delay (the first retry uses base).
 */
export function computeBackoff(
  attempt: number,
  options: BackoffOptions & { kind?: ErrorKind },
  random: () => number,
  previousDelayMs?: number,
): number {
  const maxDelayMs = nonNegative(options.maxDelayMs, DEFAULT_BACKOFF.maxDelayMs);
  const base = Math.min(
    maxDelayMs,
    options.kind === 'rate_limited'
      ? nonNegative(options.rateLimitBaseDelayMs, DEFAULT_BACKOFF.rateLimitBaseDelayMs)
      : nonNegative(options.baseDelayMs, DEFAULT_BACKOFF.baseDelayMs),
  );
  const jitter = options.jitter !== undefined && JITTERS.includes(options.jitter) ? options.jitter : DEFAULT_BACKOFF.jitter;
  const n = Number.isFinite(attempt) && attempt >= 1 ? Math.floor(attempt) : 1;
  // 2^64 already exceeds any ratio maxDelayMs/base a double can express meaningfully.
  const ceiling = Math.min(maxDelayMs, base * 2 ** Math.min(n - 1, 64));

  let delay: number;
  switch (jitter) {
    case 'none':
      delay = ceiling;
      break;
    case 'equal':
      delay = ceiling / 2 + unit(random) * (ceiling / 2);
      break;
    case 'decorrelated': {
      const previous = nonNegative(previousDelayMs, base);
      const upper = Math.min(maxDelayMs, Math.max(base, previous * 3));
      delay = base + unit(random) * (upper - base);
      break;
    }
    default:
      delay = unit(random) * ceiling;
  }
  return Number.isFinite(delay) ? Math.min(Math.max(delay, 0), maxDelayMs) : maxDelayMs;
}
