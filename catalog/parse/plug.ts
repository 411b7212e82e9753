/**
 * `faultline/catalog/parse/plug`: faultline as the Parse SDK's transport.
 *
 *   const unplug = plugParse(Parse, { retry: { maxAttempts: 3 } });
 *
 * Every request then goes through one retry policy, and Parse's own retry loop (5 attempts on any
 * 5xx, creates included) no longer runs: a permanent 503 costs `maxAttempts` requests per call, not
 * 5 × maxAttempts. Parse sends every call as a POST (`_method: 'GET'` in the body for a read), so
 * the plug decides from the call's real method: reads are retried as reads; a create or a cloud
 * function only where the server cannot have acted (429, 503, a refused connection), or when it
 * carries an X-Parse-Request-Id (`Parse.idempotency = true`, or `idempotencyKey: true`), the same
 * on every attempt, by which parse-server dedupes. A body cut off mid-read fails its attempt, so a
 * read is tried again. The caller's catch gets faultline's typed error itself.
 */
import { classify, type ClassifyOptions } from '../../src/classify.js';
import type { FaultlineError } from '../../src/errors.js';
import { bool, validate } from '../../src/options.js';
import { isObj } from '../../src/raw-fault.js';
import { failureOf, isRepeatable, jsonOf, resolvePlug, sendOnce, type PlugOptions } from '../sdk-transport.js';
import { parse } from './index.js';

/** The slice of the SDK's CoreManager the plug uses (`Parse.CoreManager`). */
export interface ParseCoreManager {
  get(key: string): unknown;
  getRESTController(): ParseRESTController;
  setRESTController(controller: ParseRESTController): void;
}

/** What `Parse.CoreManager.setRESTController()` takes. `options` are the SDK's own (see ParseRequestOptions). */
export interface ParseRESTController {
  request(method: string, path: string, data?: unknown, options?: object): Promise<unknown>;
  ajax(method: string, url: string, data?: unknown, headers?: Record<string, string>, options?: object): Promise<unknown>;
}

/** The request options the plug reads: `requestTask` (Parse's hook for `query.cancel()`) and `returnStatus`. */
interface ParseRequestOptions {
  requestTask?: (task: { abort(): void }) => void;
  returnStatus?: boolean;
}

export interface ParsePlugOptions extends PlugOptions {
  /**
   * Send an X-Parse-Request-Id with every create and update, one per call and the same on every
   * attempt, and retry them as parse-server (with `idempotencyOptions`) dedupes by it. Default:
   * what `Parse.idempotency` says at each call.
   */
  idempotencyKey?: boolean;
}

/** One logical call: what its attempts share. */
interface Call {
  /** The method Parse means (the request goes out as a POST). */
  readonly method: string;
  readonly requestId: string | undefined;
  /** Handed to Parse's requestTask: `query.cancel()` aborts the call, not just one attempt. */
  readonly controller: AbortController;
  /** The current attempt's signal (aborted by an attempt timeout). */
  signal?: AbortSignal;
  /** The typed error of the attempt that failed, before the SDK turns it into a ParseError. */
  error?: FaultlineError;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

function newRequestId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Plugs faultline into `Parse` (the SDK's default export, or anything with its `CoreManager`) and
 * returns the function that takes it out again. Process-wide, as Parse's own controller is.
 */
export function plugParse(Parse: { CoreManager: ParseCoreManager }, options?: ParsePlugOptions): () => void {
  const core = (Parse as { CoreManager?: ParseCoreManager } | null | undefined)?.CoreManager;
  if (typeof core?.getRESTController !== 'function' || typeof core.setRESTController !== 'function') {
    throw new TypeError('faultline: plugParse(Parse) needs the Parse SDK (an object with its CoreManager)');
  }
  const keyOption = validate('plugParse', options, { idempotencyKey: bool }).idempotencyKey;
  const { policy, provider, fetch } = resolvePlug('plugParse', options, parse);
  const base = core.getRESTController();
  const { request: stockRequest, ajax: stockAjax } = base;
  const calls = new WeakMap<object, Call>();

  /** Runs a call's attempts under the policy; a call the app cancelled ends as Parse ends it. */
  async function run<T>(call: Call, attempt: () => Promise<T>, idempotent: boolean, ctx: ClassifyOptions, canceled: () => T): Promise<T> {
    try {
      return await policy.execute(
        (context) => {
          call.signal = context.signal;
          call.error = undefined;
          return attempt();
        },
        { idempotent, classify: ctx, signal: call.controller.signal },
      );
    } catch (thrown) {
      if (call.controller.signal.aborted) return canceled();
      throw thrown;
    }
  }

  /** One attempt of the SDK's ajax(): what Parse's own sends, without its retry loop. */
  async function send(method: string, url: string, data: unknown, headers: Record<string, string> | undefined, options: ParseRequestOptions | undefined, call: Call): Promise<unknown> {
    const ctx = { provider, method: call.method, url };
    const fail = (error: FaultlineError): never => {
      call.error = error;
      throw error;
    };
    const h: Record<string, string> = { ...headers };
    if (typeof h['Content-Type'] !== 'string') h['Content-Type'] = 'text/plain'; // no CORS preflight
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    if (core?.get('IS_NODE') && node) h['User-Agent'] = `Parse/${String(core.get('VERSION'))} (NodeJS ${node})`;
    if (call.requestId) h['X-Parse-Request-Id'] = call.requestId;
    const custom = core?.get('REQUEST_HEADERS');
    if (isObj(custom)) for (const name in custom) h[name] = String(custom[name]);
    options?.requestTask?.(call.controller);
    // The call's (query.cancel()) and the attempt's (a policy timeout); older browsers lack any().
    const signal = call.signal && typeof AbortSignal.any === 'function' ? AbortSignal.any([call.controller.signal, call.signal]) : call.controller.signal;
    let answer;
    try {
      answer = await sendOnce(fetch(), url, { method, headers: h, body: typeof data === 'string' && data !== '' ? data : undefined, signal, redirect: 'manual' });
    } catch (thrown) {
      // Parse's own answer to query.cancel(): an empty result.
      if (call.controller.signal.aborted) return { response: { results: [] }, status: 0 };
      return fail(classify(thrown, ctx));
    }
    const { status } = answer;
    if (status >= 200 && status < 300) {
      try {
        return { status, response: jsonOf(answer, url, ctx), headers: exposedHeaders(answer.headers) };
      } catch (error) {
        return fail(error as FaultlineError);
      }
    }
    if (REDIRECTS.has(status)) return { status, location: answer.headers.get('location'), method: status === 303 ? 'GET' : method, dropBody: status === 303 };
    return fail(failureOf(answer, url, ctx));
  }

  const ajax: ParseRESTController['ajax'] = (method, url, data, headers, options) => {
    const call = isObj(options) ? calls.get(options) : undefined;
    if (call) return send(method, url, data, headers, options as ParseRequestOptions, call);
    // Called directly (ParseFile's uploads and deletes): a call of its own, by its own method.
    const own: Call = { method: method.toUpperCase(), requestId: undefined, controller: new AbortController() };
    const canceled = (): unknown => ({ response: { results: [] }, status: 0 });
    return run(own, () => send(method, url, data, headers, options as ParseRequestOptions | undefined, own), isRepeatable(method, undefined), { provider, method: own.method, url }, canceled);
  };

  const request: ParseRESTController['request'] = (method, path, data, options) => {
    const m = String(method).toUpperCase();
    const opts: ParseRequestOptions = { ...(options as ParseRequestOptions | undefined) };
    const keyed = (m === 'POST' || m === 'PUT') && (keyOption ?? core.get('IDEMPOTENCY') === true);
    const call: Call = { method: m, requestId: keyed ? newRequestId() : undefined, controller: new AbortController() };
    calls.set(opts, call);
    const attempt = (): Promise<unknown> =>
      stockRequest.call(base, method, path, data, opts).catch((thrown: unknown) => {
        // The SDK turned the attempt's typed error into a ParseError(code, message): take it back.
        throw call.error ?? thrown;
      });
    const canceled = (): unknown => (opts.returnStatus ? { results: [], _status: 0 } : { results: [] });
    return run(call, attempt, keyed || isRepeatable(m, data), { provider, method: m }, canceled);
  };

  // The stock request() calls the ajax of the SDK's own controller object, not of the registered
  // one: only replacing it there reaches every request.
  base.ajax = ajax;
  core.setRESTController({ ...(base as object), request, ajax });
  return () => {
    base.ajax = stockAjax;
    core.setRESTController(base);
  };
}

/** The response headers Parse hands on: those listed in Access-Control-Expose-Headers, as its own ajax does. */
function exposedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of (headers.get('access-control-expose-headers') ?? '').split(',')) {
    const value = name.trim() ? headers.get(name.trim()) : null;
    if (value !== null) out[name.trim()] = value;
  }
  return out;
}
