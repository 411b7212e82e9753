import type { ErrorKind } from './kinds.js';

export type Jitter = 'full' | 'decorrelated' | 'equal' | 'none';

export interface BackoffOptions {
  /** Base of the exponential backoff for transient errors. */
  baseDelayMs?: number;
  /** Base for `rate_limited` errors that came without a server-given delay. */
  rateLimitBaseDelayMs?: number;
  /** Cap of any computed delay. */
  maxDelayMs?: number;
  jitter?: Jitter;
}

export type ResolvedBackoff = Readonly<Required<BackoffOptions>>;

/** A random draw clamped into [0, 1): a misbehaving injected random cannot escape the range. */
export function unit(random: () => number): number {
  const r = random();
  return r >= 0 ? Math.min(r, 1 - Number.EPSILON) : 0;
}

/**
 * The backoff of one call (or one socket's reconnect cycle), as a state object: each `next()` is the
 * delay before the following attempt. Exponential `base × 2^(n−1)` capped at `maxDelayMs`, then
 * jittered; the exponent is clamped, so attempt 10,000 gives the cap, not Infinity or NaN.
 * 'decorrelated' is AWS's: uniform in [base, 3 × previous], capped.
 */
export class Backoff {
  declare readonly options: ResolvedBackoff;
  declare readonly random: () => number;
  #failures = 0;
  #previous = 0;

  constructor(options: ResolvedBackoff, random: () => number) {
    this.options = options;
    this.random = random;
  }

  /** Failures counted since the start (or the last reset). */
  get failures(): number {
    return this.#failures;
  }

  /** The delay after one more failure of `kind`. */
  next(kind: ErrorKind): number {
    const { maxDelayMs, jitter } = this.options;
    const base = Math.min(maxDelayMs, kind === 'rate_limited' ? this.options.rateLimitBaseDelayMs : this.options.baseDelayMs);
    // 2^64 already exceeds any ratio maxDelayMs/base a double can express meaningfully.
    const ceiling = Math.min(maxDelayMs, base * 2 ** Math.min(this.#failures++, 64));
    const r = unit(this.random);
    const delay =
      jitter === 'none' ? ceiling
      : jitter === 'equal' ? ceiling / 2 + (r * ceiling) / 2
      : jitter === 'decorrelated' ? base + r * (Math.min(maxDelayMs, Math.max(base, (this.#previous || base) * 3)) - base)
      : r * ceiling;
    return (this.#previous = Math.min(Math.max(delay, 0), maxDelayMs));
  }

  /** Back to the first delay: a socket whose connection proved stable. */
  reset(): void {
    this.#failures = this.#previous = 0;
  }
}
