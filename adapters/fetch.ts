/**
 * `faultline/fetch`: a fetch-compatible function with typed errors and safe retries.
 *
 *   const fetch = createFetch({ provider: leancloud, idempotencyKey: true });
 *   const res = await fetch(url, init); // non-2xx throws a FaultlineError once the policy gives up
 */
import { bool, fn, validate } from '../src/options.js';
import { engineFetch, type FetchLike } from './http/fetch-engine.js';
import { resolveOptions, type HttpOptions, type HttpRequestInfo } from './http/options.js';

export type { HttpOptions, HttpRequestInfo } from './http/options.js';
export type { FetchLike, FaultlineRequestInit } from './http/fetch-engine.js';

export interface FetchOptions extends HttpOptions<HttpRequestInfo> {
  /** The fetch to wrap. Default: `globalThis.fetch`, looked up at call time (so test interceptors apply). */
  fetch?: FetchLike;
  /**
   * false: give up by returning the last Response instead of throwing, its whole body unread
   * (yours to read or cancel, as with any fetch Response; maxErrorBodyBytes bounds only what
   * faultline reads, from a clone). Default true.
   */
  throwHttpErrors?: boolean;
}

/**
 * Wraps fetch. The call resolves with fetch's own Response once its headers arrive, its body
 * unread, unless `readBody` (the option, or `readBody: true` in a call's init) asks for the body
 * to be read inside the attempt. A Request input with a body is cloned for each retry; an
 * `init.body` stream is sent once and never retried (a stream inside a Request cannot be told
 * apart: it is replayed from the clone).
 */
export function createFetch(options: FetchOptions = {}): FetchLike {
  const { fetch, throwHttpErrors = true } = validate('fetch', options, { fetch: fn, throwHttpErrors: bool });
  const resolved = resolveOptions(options, 'fetch');
  return engineFetch(() => fetch ?? globalThis.fetch, options, resolved, { keepResponse: !throwHttpErrors });
}
