import type { HeadersInput } from './raw-fault.js';
import { getHeader } from './headers.js';

/** RFC 9110 delta-seconds is 1*DIGIT; servers also send "1.5". */
const seconds = (value: string | undefined): number | undefined => (value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined);

const delay = (ms: number): number | undefined => (Number.isFinite(ms) ? Math.max(0, Math.ceil(ms)) : undefined);

/** asctime, the third HTTP-date form: `Sun Nov  6 08:49:37 1994`, always GMT (RFC 9110 §5.6.7). */
const ASCTIME_RE = /^[a-z]{3} [a-z]{3} +\d{1,2} \d\d:\d\d:\d\d \d{4}$/i;

/** Retry-After: delta-seconds or an HTTP-date (Date.parse alone would read asctime in the local time zone, so it is told). */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const s = seconds(value);
  if (s !== undefined) return delay(s * 1000);
  if (!/[a-z]/i.test(value)) return undefined;
  const date = value.trim();
  return delay(Date.parse(ASCTIME_RE.test(date) ? `${date} GMT` : date) - now);
}

/**
 * The server's requested delay in ms, from the headers that carry one, most precise first:
 * `retry-after-ms`, `Retry-After`, `RateLimit-Reset`, `X-RateLimit-Reset`. Finite and ≥ 0, or undefined.
 */
export function retryAfterFromHeaders(headers: HeadersInput | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = seconds(getHeader(headers, 'retry-after-ms'));
  if (ms !== undefined) return delay(ms);
  const retryAfter = getHeader(headers, 'retry-after');
  let parsed = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, now);
  for (const name of ['ratelimit-reset', 'x-ratelimit-reset']) {
    const reset = seconds(getHeader(headers, name));
    // Epoch seconds are told apart from delta seconds by size: nothing waits 30 years.
    if (reset !== undefined) parsed ??= delay(reset >= 1e9 ? reset * 1000 - now : reset * 1000);
  }
  return parsed;
}
