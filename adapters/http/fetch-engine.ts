import { classify, classifyRaw, type ClassifyOptions } from '../../src/classify.js';
import { isFaultlineError, type FaultlineError } from '../../src/errors.js';
import type { ExecuteOptions } from '../../src/policy-types.js';
import type { Provider } from '../../src/provider.js';
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
  const readAlways = options.readBody === true;
  const plainSuccess = resolved.errorBodies.length === 0;
  return (input, init) => {
    const hints = mode.hints?.(init);
    const read = readAlways || init?.readBody === true || hints?.read === true;
    const bound = hints?.timeout === undefined ? mode.callTimeoutMs : hints.timeout || undefined;
    const request = input instanceof Request ? input : undefined;
    if (canTimeOut || !policy.direct || (keyHeader !== undefined && !isIdempotentMethod(init?.method ?? request?.method ?? 'GET'))) {
      return new Call(engine, input, init, hints, read, bound).execute();
    }
    // A Request's body is used up by the send: a retry needs a copy, made before it is.
    const spare = request !== undefined && request.body !== null ? request.clone() : undefined;
    const startedAt = bound === undefined ? undefined : policy.clock.now();
    return getFetch()(input, init).then(
      (response) => {
        if (response.ok && plainSuccess) {
          if (!read) {
            policy.succeeded();
            return response;
          }
          return buffered(response).then(
            (copy) => (policy.succeeded(), copy),
            (thrown: unknown) => {
              const call = new Call(engine, input, init, hints, read, bound, spare, startedAt);
              return call.recover(classify(thrown, call.context));
            },
          );
        }
        const call = new Call(engine, input, init, hints, read, bound, spare, startedAt);
        return call.examine(response).then(
          (ok) => (policy.succeeded(), ok),
          (error: FaultlineError) => call.recover(error),
        );
      },
      (thrown: unknown) => {
        const call = new Call(engine, input, init, hints, read, bound, spare, startedAt);
        return call.recover(classify(thrown, call.context));
      },
    );
  };
}

/** One logical request once it needs more than a plain call: what its retries and its error need. */
class Call {
  readonly #engine: Engine;
  readonly #input: RequestInfo | URL;
  readonly #init: FaultlineRequestInit | undefined;
  readonly #read: boolean;
  /** The Request to clone for each attempt (one with a body; a spare copy when the original went out). */
  readonly #source: Request | undefined;
  readonly #startedAt: number | undefined;
  /** The client's own bound on the whole call (ky's timeout), if any. */
  readonly #bound: number | undefined;
  readonly #method: string;
  readonly #url: string;
  readonly #headers: Headers;
  readonly #caller: AbortSignal | undefined;
  readonly #oneShot: boolean;
  readonly #once: boolean;
  readonly context: ClassifyOptions;
  #errorProvider: Provider | undefined | null = null;
  /** The last failed answer: discarded before the next attempt, or handed back (keepResponse). */
  #last: Response | undefined;
  /** The Response the last failure was classified from (its error's `cause`). */
  #lastSource: Response | undefined;

  constructor(
    engine: Engine,
    input: RequestInfo | URL,
    init: FaultlineRequestInit | undefined,
    hints: CallHints | undefined,
    read: boolean,
    bound: number | undefined,
    spare?: Request,
    startedAt?: number,
  ) {
    this.#engine = engine;
    this.#bound = bound;
    this.#input = input;
    this.#init = init;
    this.#read = read;
    this.#startedAt = startedAt;
    const request = input instanceof Request ? input : undefined;
    this.#source = spare ?? (request && request.body !== null ? request : undefined);
    this.#method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    this.#url = request?.url ?? String(input);
    this.#headers = new Headers(init?.headers ?? request?.headers);
    this.#caller = init?.signal ?? request?.signal ?? undefined;
    this.#oneShot = isOneShotBody(init?.body) || hints?.oneShot === true;
    this.#once = hints?.once === true;
    this.context = { ...engine.resolved.classify, method: this.#method, url: this.#url, requestHeaders: this.#headers };
  }

  /** The whole call under the policy from its first attempt. */
  execute(): Promise<Response> {
    addIdempotencyKey(this.#method, this.#headers, this.#engine.resolved.keyHeader);
    const overrides = this.#overrides();
    if (this.#once) overrides.shouldRetry = () => false;
    return this.#settle(this.#engine.resolved.policy.execute(this.#attempt, overrides));
  }

  /** The call from its second attempt on, after the plain first one failed with `error`. */
  recover(error: FaultlineError): Promise<Response> {
    if (this.#once) return this.#settle(Promise.reject(error));
    return this.#settle(this.#engine.resolved.policy.recover(error, this.#attempt, this.#overrides(), this.#startedAt));
  }

  #overrides(): ExecuteOptions {
    const { options, resolved } = this.#engine;
    const headers = this.#headers;
    const overrides = executeOptions(options, resolved, {
      method: this.#method,
      headers,
      oneShot: this.#oneShot,
      signal: this.#caller,
      classify: this.context,
      request: { method: this.#method, url: this.#url, headers },
    });
    const bound = this.#bound;
    if (bound !== undefined) overrides.deadlineMs = Math.min(bound, overrides.deadlineMs ?? resolved.policy.options.deadlineMs ?? Infinity);
    return overrides;
  }

  readonly #attempt = async (attempt: { signal: AbortSignal }): Promise<Response> => {
    this.#discard();
    const { resolved, getFetch } = this.#engine;
    const signal = resolved.canTimeOut || this.#bound !== undefined ? link(attempt.signal, this.#caller) : this.#caller;
    const send = this.#source ? this.#source.clone() : this.#input;
    return this.examine(await getFetch()(send, { ...this.#init, headers: this.#headers, signal }));
  };

  /**
   * The Response if the attempt succeeded (its body read whole when asked); otherwise a
   * FaultlineError classified from it: a non-2xx from its status, headers and as much of the
   * body as faultline reads (bounded in bytes and time); a 2xx whose body is a provider's error.
   */
  async examine(response: Response): Promise<Response> {
    const { resolved, mode } = this.#engine;
    let text: string;
    try {
      if (response.ok) {
        const provider = this.#provider();
        if (provider !== undefined && /json/i.test(response.headers.get('content-type') ?? '')) {
          // A caller who gets the Response gets it unread.
          const body = parseBody(await readErrorText(response.clone().body, resolved.errorBody));
          if (provider.isErrorBody?.(body)) {
            this.#lastSource = this.#last = response;
            throw classifyRaw(readHttp({}, { status: response.status, headers: response.headers, url: this.#url }, body), this.context, response);
          }
        }
        return this.#read ? await buffered(response) : response;
      }
      text = await readErrorText((mode.keepResponse && !mode.rebuild ? response.clone() : response).body, resolved.errorBody);
    } catch (error) {
      throw isFaultlineError(error) ? error : classify(error, this.context);
    }
    this.#lastSource = this.#last = response;
    if (mode.rebuild) {
      try {
        this.#last = new Response(text || null, { status: response.status, statusText: response.statusText, headers: response.headers });
      } catch {
        // An opaque answer (status 0) cannot be rebuilt: keep it, its body already cancelled.
      }
    }
    throw classifyRaw(readHttp({}, { status: response.status, headers: response.headers, url: this.#url }, parseBody(text)), this.context, response);
  }

  #provider(): Provider | undefined {
    if (this.#errorProvider === null) this.#errorProvider = errorBodyProvider(this.#engine.resolved, () => this.#url);
    return this.#errorProvider;
  }

  #settle(outcome: Promise<Response>): Promise<Response> {
    return outcome.catch((error: unknown) => {
      const { mode } = this.#engine;
      const last = this.#last;
      // The policy gave up on the last answer: ky and throwHttpErrors: false get that answer back.
      if (mode.keepResponse && last !== undefined && !last.ok && isFaultlineError(error) && error.cause === this.#lastSource) {
        mode.failures?.set(last, error);
        return last;
      }
      this.#discard();
      throw error;
    });
  }

  #discard(): void {
    void this.#last?.body?.cancel().catch(noop);
    this.#last = this.#lastSource = undefined;
  }
}
