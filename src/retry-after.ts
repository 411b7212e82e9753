import type { HeadersInput } from './raw-fault.js';
import { getHeader } from './headers.js';

/** Epoch seconds are told apart from delta seconds by size: nothing waits 30 years. */
const EPOCH_SECONDS_THRESHOLD = 1e9;

function nonNegative(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.max(0, Math.ceil(ms)) : undefined;
}

function parseSeconds(value: string): number | undefined {
  const trimmed = value.trim();
  // RFC 9110 delta-seconds is 1*DIGIT; servers also send "1.5".
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** asctime, the third HTTP-date form: `Sun Nov  6 08:49:37 1994`, always GMT (RFC 9110 §5.6.7). */
const ASCTIME_RE = /^[a-z]{3} [a-z]{3} +\d{1,2} \d\d:\d\d:\d\d \d{4}$/i;

/** Epoch ms of an HTTP-date; Date.parse alone would read asctime in the local time zone, so it is told. */
function parseHttpDate(value: string): number {
  const trimmed = value.trim();
  return Date.parse(ASCTIME_RE.test(trimmed) ? `${trimmed} GMT` : trimmed);
}

/** Retry-After: delta-seconds or an HTTP-date. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const seconds = parseSeconds(value);
  if (seconds !== undefined) return nonNegative(seconds * 1000);
  if (!/[a-z]/i.test(value)) return undefined;
  const date = parseHttpDate(value);
  return Number.isNaN(date) ? undefined : nonNegative(date - now);
}

/** `RateLimit-Reset` / `X-RateLimit-Reset`: delta seconds, or epoch seconds when large. */
function parseReset(value: string, now: number): number | undefined {
  const seconds = parseSeconds(value);
  if (seconds === undefined) return undefined;
  return nonNegative(seconds >= EPOCH_SECONDS_THRESHOLD ? seconds * 1000 - now : seconds * 1000);
}

/**
 * The server's requested delay in ms, from the headers that carry one, most precise first:
 * `retry-after-ms`, `Retry-After`, `RateLimit-Reset`, `X-RateLimit-Reset`. Finite and ≥ 0, or undefined.
 */
export function retryAfterFromHeaders(headers: HeadersInput | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = getHeader(headers, 'retry-after-ms');
  if (ms !== undefined) {
    const n = parseSeconds(ms);
    if (n !== undefined) return nonNegative(n);
  }
  const retryAfter = getHeader(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const parsed = parseRetryAfter(retryAfter, now);
    if (parsed !== undefined) return parsed;
  }
  for (const name of ['ratelimit-reset', 'x-ratelimit-reset']) {
    const value = getHeader(headers, name);
    if (value !== undefined) {
      const parsed = parseReset(value, now);
      if (parsed !== undefined) return parsed;
    }
  }
  return undefined;
}
