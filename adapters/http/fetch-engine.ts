import { classify, classifyRaw, type ClassifyOptions } from '../../src/classify.js';
import { isFaultlineError, type FaultlineError } from '../../src/errors.js';
import type { ExecuteOptions } from '../../src/policy-types.js';
import { parseBody, readHttp } from '../../src/raw-fault.js';
import { buffered, isOneShotBody, readErrorText } from './body.js';
import { executeOptions } from './execute-options.js';
import { addIdempotencyKey, isIdempotentMethod } from './method.js';
import { errorBodyProvider, type HttpOptions, type HttpRequestInfo, type Resolved } from './options.js';
import { link } from './signal.js';

/** What the fetch adapter's calls take besides fetch's own: whether to read the body inside the attempt. */
export interface FaultlineRequestInit extends RequestInit {
  /** Read a 2xx body inside the attempt (see `HttpOptions.readBody`), for this call. */
  readBody?: boolean;
}

export type FetchLike = (input: RequestInfo | URL, init?: FaultlineRequestInit) => Promise<Response>;

/** What an adapter knows of one call that fetch's arguments do not say. */
export interface CallHints {
  /** The body is read through the faultline call (ky's `.json()`): read it inside the attempt. */
  read?: boolean;
  /** The caller's body was a one-shot stream (inside a Request it cannot be told apart). */
  oneShot?: boolean;
  /** The client's bound on this call (ky's per-call `timeout`), in place of `EngineMode.callTimeoutMs`; false: none. */
  timeout?: number | false;
  /** One attempt only, whatever its outcome: the adapter runs the loop around this call itself. */
  once?: boolean;
}

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
  /** The adapter's hints for one call, read from fetch's `init`. */
  hints?: (init: FaultlineRequestInit | undefined) => CallHints | undefined;
  /**
   * A bound the client itself puts on the whole call (ky's `timeout`, which runs around all the
   * attempts): retries and waits that cannot fit in it are not started.
   */
  callTimeoutMs?: number;
}

const noop = (): void => undefined;

interface Engine {
  readonly getFetch: () => FetchLike;
  readonly options: HttpOptions<HttpRequestInfo>;
  readonly resolved: Resolved;
  readonly mode: EngineMode;
}

/**
 * A fetch-compatible function that runs every call through the retry policy. The first attempt is
 * a plain call of fetch with the caller's own arguments: nothing is copied, detected or built
 * unless it fails (or the policy must watch it from the start: a timeout, a deadline, a breaker,
 * a closed Retry-After gate, an idempotency key to add). A failure — a throw, a non-2xx, a 2xx
 * whose body says error (CloudBase), a body read inside the attempt that breaks off — is
 * classified and handed to the policy, which re-issues the request (a fresh clone per attempt).
 */
export function engineFetch(getFetch: () => FetchLike, options: HttpOptions<HttpRequestInfo>, resolved: Resolved, mode: EngineMode): FetchLike {
  const engine: Engine = { getFetch, options, resolved, mode };
  const { policy, keyHeader, canTimeOut } = resolved;
  const plainSuccess = resolved.errorBodies.length === 0;
  return (input, init) => {
    const hints = mode.hints?.(init);
    const read = options.readBody === true || init?.readBody === true || hints?.read === true;
    const bound = hints?.timeout === undefined ? mode.callTimeoutMs : hints.timeout || undefined;
    const request = input instanceof Request ? input : undefined;
    if (canTimeOut || !policy.direct || (keyHeader !== undefined && !isIdempotentMethod(init?.method ?? request?.method ?? 'GET'))) {
      return open(engine, input, init, hints, read, bound).execute();
    }
    // A Request's body is used up by the send: a retry needs a copy, made before it is.
    const spare = request !== undefined && request.body !== null ? request.clone() : undefined;
    const startedAt = bound === undefined ? undefined : policy.clock.now();
    let call: OpenCall | undefined;
    const opened = (): OpenCall => (call ??= open(engine, input, init, hints, read, bound, spare, startedAt));
    return getFetch()(input, init).then(
      (response) => {
        if (response.ok && plainSuccess && !read) {
          policy.succeeded();
          return response;
        }
        return opened()
          .examine(response)
          .then(
            (ok) => (policy.succeeded(), ok),
            (error: FaultlineError) => opened().recover(error),
          );
      },
      (thrown: unknown) => opened().recover(thrown),
    );
  };
}

interface OpenCall {
  /** The whole call under the policy from its first attempt. */
  execute(): Promise<Response>;
  /** The call from its second attempt on, after the plain first one failed with `error` (classified here if it is not yet). */
  recover(error: unknown): Promise<Response>;
  /** The Response if the attempt succeeded (its body read whole when asked), else a FaultlineError classified from it. */
  examine(response: Response): Promise<Response>;
}

/**
 * One logical request once it needs more than a plain call: what its retries and its error need,
 * the request's facts (a Headers copy, the classify context) built when first needed.
 * `spare`: the Request to clone for each attempt when the original went out with its body.
 */
function open(
  engine: Engine,
  input: RequestInfo | URL,
  init: FaultlineRequestInit | undefined,
  hints: CallHints | undefined,
  read: boolean,
  bound: number | undefined,
  spare?: Request,
  startedAt?: number,
): OpenCall {
  const { resolved, mode, getFetch } = engine;
  const { policy } = resolved;
  const request = input instanceof Request ? input : undefined;
  const source = spare ?? (request && request.body !== null ? request : undefined);
  const url = request?.url ?? String(input);
  const caller = init?.signal ?? request?.signal ?? undefined;
  let facts: { method: string; headers: Headers; context: ClassifyOptions } | undefined;
  const known = (): NonNullable<typeof facts> => {
    if (!facts) {
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const headers = new Headers(init?.headers ?? request?.headers);
      facts = { method, headers, context: { ...resolved.classify, method, url, requestHeaders: headers } };
    }
    return facts;
  };
  /** The last failed answer: discarded before the next attempt, or handed back (keepResponse); and the Response it was classified from. */
  let last: Response | undefined;
  let lastSource: Response | undefined;
  const discard = (): void => {
    void last?.body?.cancel().catch(noop);
    last = lastSource = undefined;
  };
  const fail = (response: Response, body: unknown): FaultlineError => {
    lastSource = response;
    last ??= response;
    return classifyRaw(readHttp({}, { status: response.status, headers: response.headers, url }, body), known().context, response);
  };

  const examine = async (response: Response): Promise<Response> => {
    let text: string;
    try {
      if (response.ok) {
        const provider = errorBodyProvider(resolved, () => url);
        if (provider?.isErrorBody && /json/i.test(response.headers.get('content-type') ?? '')) {
          // A caller who gets the Response gets it unread.
          const body = parseBody(await readErrorText(response.clone().body, resolved.errorBody));
          if (provider.isErrorBody(body)) throw fail(response, body);
        }
        return read ? await buffered(response) : response;
      }
      text = await readErrorText((mode.keepResponse && !mode.rebuild ? response.clone() : response).body, resolved.errorBody);
    } catch (error) {
      throw isFaultlineError(error) ? error : classify(error, known().context);
    }
    if (mode.rebuild) {
      try {
        last = new Response(text || null, { status: response.status, statusText: response.statusText, headers: response.headers });
      } catch {
        // An opaque answer (status 0) cannot be rebuilt: keep it, its body already cancelled.
      }
    }
    throw fail(response, parseBody(text));
  };

  const attempt = async (context: { signal: AbortSignal }): Promise<Response> => {
    discard();
    const signal = resolved.canTimeOut || bound !== undefined ? link(context.signal, caller) : caller;
    return examine(await getFetch()(source ? source.clone() : input, { ...init, headers: known().headers, signal }));
  };

  const overrides = (): ExecuteOptions => {
    const { method, headers, context } = known();
    const o = executeOptions(engine.options, resolved, {
      method,
      headers,
      oneShot: isOneShotBody(init?.body) || hints?.oneShot === true,
      signal: caller,
      classify: context,
      request: { method, url, headers },
    });
    if (bound !== undefined) o.deadlineMs = Math.min(bound, o.deadlineMs ?? policy.options.deadlineMs ?? Infinity);
    // One attempt only: the adapter runs the loop around this call itself.
    if (hints?.once) o.shouldRetry = () => false;
    return o;
  };

  const settle = (outcome: Promise<Response>): Promise<Response> =>
    outcome.catch((error: unknown) => {
      // The policy gave up on the last answer: ky and throwHttpErrors: false get that answer back.
      if (mode.keepResponse && last !== undefined && !last.ok && isFaultlineError(error) && error.cause === lastSource) {
        mode.failures?.set(last, error);
        return last;
      }
      discard();
      throw error;
    });

  return {
    examine,
    execute() {
      addIdempotencyKey(known().method, known().headers, resolved.keyHeader);
      return settle(policy.execute(attempt, overrides()));
    },
    recover(error) {
      const fault = isFaultlineError(error) ? error : classify(error, known().context);
      return settle(hints?.once ? Promise.reject(fault) : policy.recover(fault, attempt, overrides(), startedAt));
    },
  };
}
