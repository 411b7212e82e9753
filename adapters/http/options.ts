import type { ClassifyOptions } from '../../src/classify.js';
import { HTTP_DEFAULTS } from '../../src/constants.js';
import type { FaultlineError } from '../../src/errors.js';
import { bool, fn, integer, object, validate, type Rule } from '../../src/options.js';
import { createRetryPolicy, isRetryPolicy } from '../../src/policy.js';
import type { RetryOptions, RetryPolicy } from '../../src/policy-types.js';
import { ownsHost } from '../../src/detect.js';
import { isProvider, type Provider } from '../../src/provider.js';
import type { ReadLimits } from './body.js';

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
  /** How long faultline waits for an error body once the headers arrived; what came by then is classified. Default 5,000 ms. */
  errorBodyTimeoutMs?: number;
  /**
   * Read every 2xx body inside the attempt (fetch, ky), so a body cut off mid-read fails the attempt
   * and is retried like any other failure; the Response you get is then read already (buffered).
   * Without it a call settles when the headers arrive and the body is yours to read: a read that
   * breaks off then rejects with fetch's own error, outside the policy. ky reads inside the attempt
   * by itself when you use its body methods on the call (`await api.get(url).json()`). axios always
   * reads the body inside the attempt (except `responseType: 'stream'`). Default false.
   */
  readBody?: boolean;
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
  /** How far faultline reads an error body, in bytes and in time. */
  readonly errorBody: ReadLimits;
  /** The header `idempotencyKey` adds, if any. */
  readonly keyHeader: string | undefined;
  /** The policy's classify options (detection candidates, text), under the adapter's provider. */
  readonly classify: ClassifyOptions;
  /** Whether the policy can abort an attempt on its own (a timeout or a deadline): then every attempt runs under it. */
  readonly canTimeOut: boolean;
  /**
   * The providers whose 2xx answers may be errors (CloudBase), among those the request may be
   * for: the given provider, or the detection candidates. Empty: a success is never read.
   */
  readonly errorBodies: readonly Provider[];
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
    readBody: bool,
    maxErrorBodyBytes: integer,
    errorBodyTimeoutMs: positiveOrInfinite,
    attemptTimeoutMs: positiveOrInfinite,
    deadlineMs: positiveOrInfinite,
  });
  const policy = isRetryPolicy(o.retry) ? o.retry : createRetryPolicy({ ...o.retry, classify: { ...o.retry?.classify, provider: o.provider } });
  const key = o.idempotencyKey;
  const provider = o.provider ?? policy.options.classify?.provider;
  const candidates = provider ? [provider] : (policy.options.classify?.detect?.candidates ?? []);
  return {
    policy,
    provider,
    errorBody: {
      bytes: o.maxErrorBodyBytes ?? HTTP_DEFAULTS.maxErrorBodyBytes,
      ms: o.errorBodyTimeoutMs ?? HTTP_DEFAULTS.errorBodyTimeoutMs,
      clock: policy.clock,
    },
    keyHeader: !key ? undefined : typeof key === 'string' ? key : (provider?.idempotencyHeader ?? 'Idempotency-Key'),
    classify: { ...policy.options.classify, provider },
    canTimeOut: (o.attemptTimeoutMs ?? o.deadlineMs ?? policy.options.attemptTimeoutMs ?? policy.options.deadlineMs) !== undefined,
    errorBodies: candidates.filter((p) => p.isErrorBody !== undefined),
  };
}

/**
 * The provider whose 2xx bodies must be read to know the call succeeded, for this URL: the given
 * provider, or a candidate that owns the host. Detection by host costs one scan of the URL, and
 * only where such a provider is among the candidates at all.
 */
export function errorBodyProvider(resolved: Resolved, url: () => string): Provider | undefined {
  const list = resolved.errorBodies;
  if (list.length === 0) return undefined;
  if (resolved.provider) return list[0];
  const href = url();
  return list.find((p) => ownsHost(p, href));
}
