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
import { isIdempotentMethod } from './http/method.js';
import { engineFetch, type CallHints, type FaultlineRequestInit, type FetchLike } from './http/fetch-engine.js';
import { resolveOptions, type HttpOptions, type HttpRequestInfo, type Resolved } from './http/options.js';
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
  const front: Front = { typed, options, resolved, context };

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
  return typedInstance(extended, front) as unknown as K;
}

/** What the front needs to type a call's failures and to carry on a body read that broke off. */
interface Front {
  readonly typed: (error: unknown) => FaultlineError;
  readonly options: KyFaultlineOptions;
  readonly resolved: Resolved;
  readonly context: ClassifyOptions;
}

/**
 * The extended instance behind a thin front: each call that needs it carries hints (one-shot
 * body, its own timeout), and every rejection — the call's and its body methods' — is a
 * FaultlineError.
 */
function typedInstance(ky: KyInstance, front: Front): KyInstance {
  const wrap = (call: Call, method: string | undefined): Call => (input, options) => {
    const body = options?.body;
    let given = options;
    // Only a call with something to say carries hints (an options copy): most carry none.
    if ((body !== undefined && body !== null && isOneShotBody(body)) || options?.timeout !== undefined) {
      const hints: CallHints = { oneShot: isOneShotBody(body) };
      // A call's own `timeout` is ky's bound for that call.
      if (options?.timeout !== undefined) hints.timeout = options.timeout;
      given = { ...options, [HINTS]: hints } as Options;
    }
    return decorate(call(input, given), { call, input, options: given, method: (method ?? options?.method ?? 'get').toUpperCase() }, front);
  };
  const api = Object.assign(wrap(ky as Call, undefined), ky) as unknown as Record<string, unknown>;
  for (const method of METHODS) api[method] = wrap(ky[method] as Call, method);
  api.extend = (options: never) => typedInstance(ky.extend(options), front);
  return api as unknown as KyInstance;
}

/** One call as it was made, to make it again. */
interface Made {
  readonly call: Call;
  readonly input: unknown;
  readonly options: Options | undefined;
  readonly method: string;
}

/**
 * The call's promise, its failures typed, with ky's body methods. The first attempt's body is read
 * by ky as usual, at no extra cost; should that read break off (a dropped connection mid-body)
 * on a request that may be repeated, the policy carries on from attempt 2, each attempt one more
 * call whose body is read inside it.
 */
function decorate(promise: ResponsePromise, made: Made, front: Front): ResponsePromise {
  let answered: Response | undefined;
  const out = promise.then(
    (response) => (answered = response),
    (error: unknown) => {
      throw front.typed(error);
    },
  ) as ResponsePromise;
  const source = promise as unknown as Record<string, unknown>;
  const target = out as unknown as Record<string, unknown>;
  for (const type of BODY_METHODS) {
    const read = source[type] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (typeof read !== 'function') continue;
    target[type] = (...args: unknown[]) => {
      // The call's failure is reported by the promise returned here.
      out.catch(noop);
      return read(...args).catch((error: unknown) => {
        const fault = front.typed(error);
        // The call itself failed: the policy gave up on it already.
        if (answered === undefined) throw fault;
        return readAgain(made, type, args, fault, answered, front);
      });
    };
  }
  return out;
}

function readAgain(made: Made, type: string, args: unknown[], fault: FaultlineError, answered: Response, front: Front): Promise<unknown> {
  const hints: CallHints = { ...(made.options as { [HINTS]?: CallHints } | undefined)?.[HINTS], read: true, once: true };
  const options = { ...made.options, [HINTS]: hints } as Options;
  const context = { ...front.context, method: made.method, url: answered.url || undefined };
  return front.resolved.policy.recover(
    classifyAgain(fault, context),
    () => (made.call(made.input, options) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[type]?.(...args),
    {
      signal: made.options?.signal ?? undefined,
      // A write's answer broke off after the server acted on it; a one-shot body cannot be sent again.
      idempotent: isIdempotentMethod(made.method),
      ...(isOneShotBody(made.options?.body) && { shouldRetry: () => false }),
      classify: context,
      attemptTimeoutMs: front.options.attemptTimeoutMs,
      deadlineMs: front.options.deadlineMs,
    },
  );
}

/** The read's failure, with the request it belongs to when it did not say. */
function classifyAgain(fault: FaultlineError, context: ClassifyOptions): FaultlineError {
  return fault.request?.url !== undefined || context.url === undefined ? fault : classify(fault.cause, context);
}
