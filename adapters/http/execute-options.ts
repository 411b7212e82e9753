import type { ClassifyOptions } from '../../src/classify.js';
import type { ExecuteOptions } from '../../src/policy-types.js';
import { isIdempotentRequest, type HeaderAccess } from './method.js';
import type { HttpOptions, Resolved } from './options.js';

/** What an adapter knows of one logical request, to hand the policy. */
export interface RequestFacts<Req> {
  readonly method: string;
  readonly headers: HeaderAccess;
  /** The body can be sent once only (a stream): never repeat it, whatever the error. */
  readonly oneShot: boolean;
  readonly signal: AbortSignal | undefined;
  readonly classify: ClassifyOptions;
  /** What `onRefresh` receives. */
  readonly request: Req;
}

/**
 * The policy's per-call options for one HTTP request: idempotency from the method and key, the
 * caller's signal, the adapter's timeouts, and the refresh hook whose headers the retry carries.
 * Shared by every HTTP adapter so they decide alike.
 */
export function executeOptions<Req>(options: HttpOptions<Req>, resolved: Resolved, facts: RequestFacts<Req>): ExecuteOptions {
  const overrides: ExecuteOptions = {
    signal: facts.signal,
    idempotent: !facts.oneShot && isIdempotentRequest(facts.method, facts.headers, [resolved.keyHeader, resolved.provider?.idempotencyHeader]),
    classify: facts.classify,
    attemptTimeoutMs: options.attemptTimeoutMs,
    deadlineMs: options.deadlineMs,
  };
  // The engine would repeat 'always' errors (503) for any method; a consumed stream cannot be sent twice.
  if (facts.oneShot) overrides.shouldRetry = () => false;
  const refresh = options.onRefresh;
  if (refresh) {
    overrides.onRefresh = async (error) => {
      const extra = await refresh(error, facts.request);
      if (extra) for (const [name, value] of Object.entries(extra)) facts.headers.set(name, value);
    };
  }
  return overrides;
}
