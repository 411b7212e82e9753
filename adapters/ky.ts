/**
 * `faultline/ky`: typed errors and safe retries for a ky instance (ky 1 and ky 2).
 *
 *   const api = withFaultline(ky.create({ prefixUrl }), { provider: parse });
 *   await api.get('classes/Post').json(); // failures are FaultlineErrors, ky's HTTPError as `cause`
 */
import type { KyInstance, Options, ResponsePromise } from 'ky';
import { classify, type ClassifyOptions } from '../src/classify.js';
import { createError, isFaultlineError, varyError, type FaultlineError } from '../src/errors.js';
import { isOneShotBody } from './http/body.js';
import { engineFetch, type CallHints, type FaultlineRequestInit, type FetchLike } from './http/fetch-engine.js';
import { resolveOptions, type HttpOptions, type HttpRequestInfo } from './http/options.js';
import { readKyError } from './ky/reader.js';

export type { HttpOptions, HttpRequestInfo } from './http/options.js';

export type KyFaultlineOptions = HttpOptions<HttpRequestInfo>;

/** What withFaultline needs of a ky instance: ky 1's and ky 2's both qualify. */
export interface KyLike {
  extend(options: never): unknown;
}

/** The call's hints ride in the options ky hands its `fetch` unread (ky passes options it does not know to fetch). */
const HINTS = 'faultline';
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'] as const;
const BODY_METHODS = ['json', 'text', 'formData', 'arrayBuffer', 'blob', 'bytes'] as const;
/** The URL prefix options of ky 1 (`prefixUrl`) and ky 2 (`prefix`, `baseUrl`). */
const PREFIXES = ['prefixUrl', 'prefix', 'baseUrl'] as const;

type Hinted = FaultlineRequestInit & { [HINTS]?: CallHints };
type Call = (input: unknown, options?: Options) => ResponsePromise;
const noop = (): void => undefined;

/**
 * Returns an extended instance whose calls run under the retry policy, inside ky's `fetch` option,
 * with ky's own retry off. ky's `timeout` (10 s by default) stays ky's: it bounds the whole call,
 * every attempt and wait included, and the policy starts no retry that cannot end within it; a
 * per-attempt bound is faultline's `attemptTimeoutMs`. Every failure of a call — an HTTP error (its
 * `cause` is ky's HTTPError, whose response holds the error body up to `maxErrorBodyBytes`), a
 * network error, ky's timeout, a body read through the call's `.json()`/`.text()`/… that breaks
 * off — rejects with a FaultlineError. Body methods used on the call read the body inside the
 * attempt, so a read cut off mid-body is retried like any other failure.
 */
export function withFaultline<K extends KyLike>(instance: K, options: KyFaultlineOptions = {}): K {
  if (typeof (instance as { extend?: unknown } | null)?.extend !== 'function') {
    throw new TypeError('faultline/ky: withFaultline expects a ky instance');
  }
  const resolved = resolveOptions(options, 'ky');
  const failures = new WeakMap<Response, FaultlineError>();
  const context: ClassifyOptions = { ...resolved.classify, readers: [readKyError] };
  const typed = (error: unknown): FaultlineError => (isFaultlineError(error) ? error : classify(error, context));

  const extended = (instance as unknown as KyInstance).extend((parent) => {
    const inner = (parent.fetch as FetchLike | undefined) ?? globalThis.fetch.bind(globalThis);
    const timeout = parent.timeout === undefined ? 10_000 : parent.timeout || undefined;
    const fetch = engineFetch(() => inner, options, resolved, {
      keepResponse: true,
      rebuild: true,
      failures,
      hints: (init) => (init as Hinted | undefined)?.[HINTS],
      callTimeoutMs: timeout,
    });
    const own: Options = {
      retry: 0,
      fetch,
      hooks: {
        beforeError: [
          // ky 1 passes the HTTPError; ky 2 passes { error } and runs its other errors through here too.
          ((arg: unknown) => {
            const error = arg instanceof Error ? arg : (arg as { error: unknown }).error;
            const response = (error as { response?: unknown }).response;
            const fault = (response instanceof Response && failures.get(response)) || typed(error);
            // ky throws what the hook returns: the typed error, with ky's HTTPError as its cause.
            return error instanceof Error && error.name === 'HTTPError' ? varyError(fault, fault.kind, { cause: error }) : fault;
          }) as never,
        ],
      },
    };
    // fetch refuses a URL with credentials, and Request() would throw a TypeError quoting them:
    // strip them, and fail each call with a typed error instead.
    for (const key of PREFIXES) {
      const prefix = (parent as Record<string, unknown>)[key];
      const stripped = typeof prefix === 'string' ? prefix.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, '$1') : prefix;
      if (stripped === prefix) continue;
      (own as Record<string, unknown>)[key] = stripped;
      (own.hooks ??= {}).beforeRequest = [
        ((arg: unknown) => {
          const request = arg instanceof Request ? arg : (arg as { request: Request }).request;
          throw createError('configuration', {
            message: `faultline/ky: ${key} carries credentials (user:password@), which fetch refuses; send them in a header`,
            request: { method: request.method, url: request.url },
          });
        }) as never,
      ];
    }
    return own;
  });
  return typedInstance(extended, typed) as unknown as K;
}

/**
 * The extended instance behind a thin front: each call carries its hints (one-shot body; whether
 * a body method reads through the call), and every rejection — the call's and its body methods' —
 * is a FaultlineError.
 */
function typedInstance(ky: KyInstance, typed: (error: unknown) => FaultlineError): KyInstance {
  const front = (call: Call): Call => (input, options) => {
    const hints: CallHints = { oneShot: isOneShotBody(options?.body) };
    // A call's own `timeout` is ky's bound for that call.
    if (options?.timeout !== undefined) hints.timeout = options.timeout;
    return decorate(call(input, { ...options, [HINTS]: hints } as Options), hints, typed);
  };
  const api = Object.assign(front(ky as Call), ky) as unknown as Record<string, unknown>;
  for (const method of METHODS) api[method] = front(ky[method] as Call);
  api.extend = (options: never) => typedInstance(ky.extend(options), typed);
  return api as unknown as KyInstance;
}

function decorate(promise: ResponsePromise, hints: CallHints, typed: (error: unknown) => FaultlineError): ResponsePromise {
  const out = promise.then(undefined, (error: unknown) => {
    throw typed(error);
  }) as ResponsePromise;
  const source = promise as unknown as Record<string, unknown>;
  const target = out as unknown as Record<string, unknown>;
  for (const type of BODY_METHODS) {
    const read = source[type];
    if (typeof read !== 'function') continue;
    target[type] = (...args: unknown[]) => {
      // Called before ky sends (it waits a tick for this): the engine reads the body inside the attempt.
      hints.read = true;
      // The call's failure is reported by the promise returned here.
      out.catch(noop);
      return (read as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
        throw typed(error);
      });
    };
  }
  return out;
}
