import type { ClassifyOptions } from '../../src/classify.js';
import { HTTP_DEFAULTS } from '../../src/constants.js';
import type { FaultlineError } from '../../src/errors.js';
import { fn, integer, object, validate, type Rule } from '../../src/options.js';
import { createRetryPolicy, isRetryPolicy } from '../../src/policy.js';
import type { RetryOptions, RetryPolicy } from '../../src/policy-types.js';
import { isProvider, type Provider } from '../../src/provider.js';

/** Options every HTTP adapter takes. `Req` is what the adapter hands to `onRefresh`. */
export interface HttpOptions<Req> {
  /** The service (`import { leancloud } from 'faultline/catalog/leancloud'`): its codes, its 2xx error bodies, its idempotency header. */
  provider?: Provider;
  /** Retry options, or a policy to share (its budget, breaker and gate then serve every client using it). */
  retry?: RetryOptions | RetryPolicy;
  /**
   * Adds one key per logical request to POST/PATCH (the same on every attempt), which makes them
   * retryable. `true` uses the provider's header (Parse: `X-Parse-Request-Id`), else
   * `Idempotency-Key`; a string names the header.
   */
  idempotencyKey?: boolean | string;
  /** For session-expired errors: refresh, and return headers the single retry should carry. */
  onRefresh?: (error: FaultlineError, request: Req) => Record<string, string> | void | Promise<Record<string, string> | void>;
  /** How far an error body is read (the rest is discarded). Default 64 KiB. */
  maxErrorBodyBytes?: number;
  /** How long faultline waits for an error body once the headers arrived. Default 5,000 ms. */
  errorBodyTimeoutMs?: number;
  /** Per attempt; overrides the policy's. */
  attemptTimeoutMs?: number;
  /** Across all attempts and delays; overrides the policy's. */
  deadlineMs?: number;
}

/** What `onRefresh` gets from the fetch and ky adapters. */
export interface HttpRequestInfo {
  readonly method: string;
  readonly url: string;
  /** The headers the next attempt sends (setting them here works too). */
  readonly headers: Headers;
}

/** An adapter's options, checked and completed once. */
export interface Resolved {
  readonly policy: RetryPolicy;
  readonly provider: Provider | undefined;
  readonly maxBody: number;
  readonly bodyTimeoutMs: number;
  /** The header `idempotencyKey` adds, if any. */
  readonly keyHeader: string | undefined;
  /** The policy's classify options (detection candidates, text), under the adapter's provider. */
  readonly classify: ClassifyOptions;
  /** Whether the policy can abort an attempt on its own (a timeout or a deadline). */
  readonly canTimeOut: boolean;
}

const providerRule: Rule = [isProvider, "a provider value (import { leancloud } from 'faultline/catalog/leancloud')"];
const headerName: Rule = [(v) => typeof v === 'boolean' || (typeof v === 'string' && /^[!#$%&'*+.^_`|~\w-]+$/.test(v)), 'a boolean or a header name'];
const positiveOrInfinite: Rule = [(v) => typeof v === 'number' && v > 0, 'a number > 0'];

/** Validates and completes an adapter's options; throws a TypeError naming the bad one. */
export function resolveOptions(options: HttpOptions<never>, adapter: string): Resolved {
  const o = validate(adapter, options, {
    provider: providerRule,
    retry: object,
    idempotencyKey: headerName,
    onRefresh: fn,
    maxErrorBodyBytes: integer,
    errorBodyTimeoutMs: positiveOrInfinite,
    attemptTimeoutMs: positiveOrInfinite,
    deadlineMs: positiveOrInfinite,
  });
  const policy = isRetryPolicy(o.retry) ? o.retry : createRetryPolicy({ ...o.retry, classify: { ...o.retry?.classify, provider: o.provider } });
  const key = o.idempotencyKey;
  const provider = o.provider ?? policy.options.classify?.provider;
  return {
    policy,
    provider,
    maxBody: o.maxErrorBodyBytes ?? HTTP_DEFAULTS.maxErrorBodyBytes,
    bodyTimeoutMs: o.errorBodyTimeoutMs ?? HTTP_DEFAULTS.errorBodyTimeoutMs,
    keyHeader: !key ? undefined : typeof key === 'string' ? key : (provider?.idempotencyHeader ?? 'Idempotency-Key'),
    classify: { ...policy.options.classify, provider },
    canTimeOut: (o.attemptTimeoutMs ?? o.deadlineMs ?? policy.options.attemptTimeoutMs ?? policy.options.deadlineMs) !== undefined,
  };
}
