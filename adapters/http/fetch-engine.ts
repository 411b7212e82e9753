import { classifyRaw } from '../../src/classify.js';
import type { FaultlineError } from '../../src/errors.js';
import { parseBody, readHttp } from '../../src/raw-fault.js';
import { isOneShotBody, readErrorText } from './body.js';
import { executeOptions } from './execute-options.js';
import { addIdempotencyKey } from './method.js';
import type { HttpOptions, HttpRequestInfo, Resolved } from './options.js';
import { link } from './signal.js';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface EngineMode {
  /** Give up with the last non-2xx Response instead of throwing (ky; fetch with throwHttpErrors: false). */
  keepResponse: boolean;
  /**
   * Give up with a Response rebuilt from the error body read so far (at most maxErrorBodyBytes),
   * the original cancelled: for ky, whose HTTPError would otherwise hold an unread body nobody
   * cancels. Without it the kept Response is the original, its whole body left to the caller.
   */
  rebuild?: boolean;
  /** Filled with the error each returned Response stands for. */
  failures?: WeakMap<Response, FaultlineError>;
  /** Requests whose body the caller gave as a one-shot stream (a Request hides it). */
  oneShot?: WeakSet<Request>;
}

const noop = (): void => undefined;

/**
 * A fetch-compatible function that runs every call through the retry policy: translates each
 * Response/throw into classify() input, re-issues the request (a fresh clone per attempt) when the
 * policy says so, and reads no body on the success path (except CloudBase JSON, from a clone).
 */
export function engineFetch(
  getFetch: () => FetchLike,
  options: HttpOptions<HttpRequestInfo>,
  resolved: Resolved,
  mode: EngineMode,
): FetchLike {
  const { policy, maxBody, provider, keyHeader, canTimeOut: timed } = resolved;
  const isErrorBody = provider?.isErrorBody;
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = request?.url ?? String(input);
    const headers = new Headers(init?.headers ?? request?.headers);
    addIdempotencyKey(method, headers, keyHeader);
    const oneShot = isOneShotBody(init?.body) || (request !== undefined && mode.oneShot?.has(request) === true);
    const caller = init?.signal ?? request?.signal ?? undefined;
    const ctx = { ...resolved.classify, method, url, requestHeaders: headers };
    const overrides = executeOptions(options, resolved, { method, headers, oneShot, signal: caller, classify: ctx, request: { method, url, headers } });

    let last: Response | undefined;
    let lastError: FaultlineError | undefined;
    const discard = (): void => {
      void last?.body?.cancel().catch(noop);
      last = undefined;
    };
    try {
      return await policy.execute(async (attempt) => {
        discard();
        const signal = timed ? link(attempt.signal, caller) : caller;
        // A Request's body is used up by a send: each attempt gets a copy. Without a body it can go again as it is.
        const send = request && request.body !== null ? request.clone() : input;
        const response = await getFetch()(send, { ...init, headers, signal });
        const json = isErrorBody !== undefined && response.ok && /json/i.test(response.headers.get('content-type') ?? '');
        if (response.ok && !json) return response;
        // A caller who gets the Response (a CloudBase success, fetch's throwHttpErrors: false) gets it unread.
        const text = await readErrorText((json || (mode.keepResponse && !mode.rebuild) ? response.clone() : response).body, maxBody);
        const body = parseBody(text);
        if (response.ok && !isErrorBody?.(body)) return response;
        last = response;
        if (mode.rebuild && !response.ok) {
          try {
            last = new Response(text || null, { status: response.status, statusText: response.statusText, headers: response.headers });
          } catch {
            // An opaque answer (status 0) cannot be rebuilt: keep it, its body already cancelled.
          }
        }
        throw (lastError = classifyRaw(readHttp({}, { status: response.status, headers: response.headers, url }, body), ctx, response));
      }, overrides);
    } catch (error) {
      if (mode.keepResponse && last && !last.ok && lastError !== undefined && error === lastError) {
        mode.failures?.set(last, lastError);
        return last;
      }
      discard();
      throw error;
    }
  };
}
