import type { FaultlineError } from '../../src/errors.js';
import { createRetryPolicy, isRetryPolicy, type RetryPolicy } from '../../src/retry.js';
import type { RetryOptions } from '../../src/retry-types.js';

/** Options every HTTP adapter takes. `Req` is what the adapter hands to `onRefresh`. */
export interface HttpOptions<Req> {
  /** The provider whose catalog is consulted first; else detected from host, headers and body. */
  provider?: string;
  /** Retry options, or a policy to share (its budget and breaker then serve every client using it). */
  retry?: RetryOptions | RetryPolicy;
  /**
   * Adds one key per logical request to POST/PATCH (the same on every attempt), which makes them
   * retryable. `true` uses `Idempotency-Key` (`X-Parse-Request-Id` for Parse); a string names the header.
   */
  idempotencyKey?: boolean | string;
  /** For session-expired errors: refresh, and return headers the single retry should carry. */
  onRefresh?: (error: FaultlineError, request: Req) => Record<string, string> | void | Promise<Record<string, string> | void>;
  /** How far an error body is read (the rest is discarded). Default 64 KiB. */
  maxErrorBodyBytes?: number;
  /** Per attempt; overrides the policy's. */
  attemptTimeoutMs?: number;
  /** Across all attempts and delays; overrides the policy's. */
  deadlineMs?: number;
}

/** What `onRefresh` gets from the fetch and ky adapters. */
export interface HttpRequestInfo {
  readonly method: string;
  readonly url: string;
  /** The headers the next attempt sends (a copy: setting them here works too). */
  readonly headers: Headers;
}

export const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface Resolved {
  policy: RetryPolicy;
  maxBody: number;
}

/** Validates the common options; throws a TypeError naming the bad one. */
export function resolveOptions(options: HttpOptions<never>, adapter: string): Resolved {
  const { maxErrorBodyBytes: max = DEFAULT_MAX_ERROR_BODY_BYTES, idempotencyKey: key, onRefresh } = options ?? {};
  const bad =
    typeof options !== 'object' || options === null
      ? 'options must be an object'
      : !(Number.isInteger(max) && max >= 0)
        ? 'maxErrorBodyBytes must be an integer >= 0'
        : !(key === undefined || typeof key === 'boolean' || (typeof key === 'string' && /^[!#$%&'*+.^_`|~\w-]+$/.test(key)))
          ? 'idempotencyKey must be a boolean or a header name'
          : onRefresh !== undefined && typeof onRefresh !== 'function'
            ? 'onRefresh must be a function'
            : undefined;
  if (bad) throw new TypeError(`faultline/${adapter}: ${bad}`);
  const policy = isRetryPolicy(options.retry) ? options.retry : createRetryPolicy(options.retry);
  return { policy, maxBody: max };
}
