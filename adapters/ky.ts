/**
 * `faultline/ky`: typed errors and safe retries for a ky instance.
 *
 *   const api = withFaultline(ky.create({ prefixUrl }), { provider: 'parse' });
 *   await api.get('classes/Post').json(); // failures are FaultlineErrors, ky's HTTPError as `cause`
 */
import type { HTTPError, KyInstance } from 'ky';
import { classify } from '../src/classify.js';
import { createError, varyError, type FaultlineError } from '../src/errors.js';
import { isOneShotBody } from './http/body.js';
import { engineFetch, type FetchLike } from './http/fetch-engine.js';
import { resolveOptions, type HttpOptions, type HttpRequestInfo } from './http/options.js';

export type { HttpOptions, HttpRequestInfo } from './http/options.js';

export type KyFaultlineOptions = HttpOptions<HttpRequestInfo>;

/**
 * Returns `instance.extend(...)` with ky's own retry and timeout off: the policy drives the
 * attempts inside ky's `fetch` option (the instance's `timeout` becomes the per-attempt timeout),
 * and a `beforeError` hook turns ky's HTTPError into the FaultlineError of the last attempt.
 * An error response (the HTTPError's, or the one returned with `throwHttpErrors: false`) carries
 * its body up to `maxErrorBodyBytes`, the connection already released.
 * Network errors and timeouts reject with a FaultlineError directly. A per-call `retry` or
 * `timeout` passed to ky itself is ky's own, on top of the policy.
 */
export function withFaultline<K extends KyInstance>(instance: K, options: KyFaultlineOptions = {}): K {
  if (typeof (instance as { extend?: unknown } | null)?.extend !== 'function') {
    throw new TypeError('faultline/ky: withFaultline expects a ky instance');
  }
  const resolved = resolveOptions(options, 'ky');
  const failures = new WeakMap<Response, FaultlineError>();
  const oneShot = new WeakSet<Request>();
  return instance.extend((parent) => {
    const inner = (parent.fetch as FetchLike | undefined) ?? globalThis.fetch.bind(globalThis);
    const kyTimeout = parent.timeout === undefined ? (resolved.policy.options.attemptTimeoutMs ?? 10_000) : parent.timeout || undefined;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? kyTimeout;
    const engine = { ...resolved, canTimeOut: resolved.canTimeOut || attemptTimeoutMs !== undefined };
    // fetch refuses a URL with credentials, and Request() would throw a TypeError quoting them:
    // strip them, and fail each call with a typed error instead.
    const prefixUrl = String(parent.prefixUrl ?? '');
    const stripped = prefixUrl.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, '$1');
    return {
      ...(stripped !== prefixUrl && { prefixUrl: stripped }),
      retry: 0,
      timeout: false,
      fetch: engineFetch(() => inner, { ...options, attemptTimeoutMs }, engine, {
        keepResponse: true,
        rebuild: true,
        failures,
        oneShot,
      }),
      hooks: {
        beforeRequest: [
          (request, normalized) => {
            if (stripped !== prefixUrl) {
              throw createError('configuration', {
                message: 'faultline/ky: prefixUrl carries credentials (user:password@), which fetch refuses; send them in a header',
                request: { method: request.method, url: request.url },
              });
            }
            if (isOneShotBody(normalized.body)) oneShot.add(request);
          },
        ],
        beforeError: [
          (error: HTTPError) => {
            const fault = failures.get(error.response) ?? classify(error, resolved.classify);
            // ky rethrows whatever the hook returns: the typed error, with ky's HTTPError as its cause.
            return varyError(fault, fault.kind, { cause: error }) as unknown as HTTPError;
          },
        ],
      },
    };
  }) as K;
}
