/**
 * `faultline/axios`: typed errors and safe retries for an axios instance.
 *
 *   const api = withFaultline(axios.create({ baseURL }), { provider: 'leancloud' });
 *   removeFaultline(api); // takes the interceptors out again
 *
 * Install it before your own interceptors: its request interceptor then runs last (nearest the
 * network) and hands the request an adapter that runs the retry policy around axios' own. The
 * first attempt goes straight to axios' adapter (inside the policy, so `attemptTimeoutMs` and
 * `deadlineMs` bound it like any other); later ones are re-issued through `instance.request`, so
 * interceptors added later see each retried attempt too. The final result is the raw outcome of
 * the attempt that settled it, transformed and intercepted once, so `response => response.data`
 * still applies exactly once.
 */
import { AxiosError, getAdapter } from 'axios';
import type { AxiosAdapter, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { classify, classifyRaw } from '../src/classify.js';
import { parseBody, readHttp } from '../src/raw-fault.js';
import { readAxiosError } from './axios/reader.js';
import { isOneShotBody, readErrorBody, truncateText } from './http/body.js';
import { executeOptions } from './http/execute-options.js';
import { addIdempotencyKey } from './http/method.js';
import { resolveOptions, type HttpOptions } from './http/options.js';

export type { HttpOptions } from './http/options.js';

export type AxiosFaultlineOptions = HttpOptions<InternalAxiosRequestConfig>;

/**
 * The config key marking a request as ours. Its value is a class instance, which axios' config
 * merge keeps by identity, so an attempt's raw outcome can be picked up past later interceptors.
 */
const MARK = '__faultline';

/** A logical request (its final error), or one re-issued attempt (its raw outcome). */
class Mark {
  declare response?: AxiosResponse;
  declare data?: unknown;
  declare error?: unknown;
  declare readonly inner: boolean;
  constructor(inner: boolean) {
    Object.assign(this, { inner });
  }
}

type Config = InternalAxiosRequestConfig & { [MARK]?: Mark };
type Adapters = Config['adapter'];

const installed = new WeakMap<AxiosInstance, readonly [request: number, response: number]>();

/** Ejects the interceptors `withFaultline` installed; false if there were none. */
export function removeFaultline(instance: AxiosInstance): boolean {
  const ids = installed.get(instance);
  if (!ids) return false;
  instance.interceptors.request.eject(ids[0]);
  instance.interceptors.response.eject(ids[1]);
  installed.delete(instance);
  return true;
}

/** Node's Buffer: only reached where axios' http adapter streams, and typed here so the published
 * declarations need no @types/node. */
interface NodeBytes extends Uint8Array {
  toString(encoding?: string): string;
}
const NodeBuffer = (globalThis as { Buffer?: { concat(chunks: readonly Uint8Array[]): NodeBytes } }).Buffer;

/** A success body read from a stream into what axios' http adapter would have made of it. */
async function buffer(response: AxiosResponse, config: Config): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of response.data as AsyncIterable<Uint8Array>) chunks.push(chunk);
  } catch (error) {
    response.data = undefined;
    // As axios reports a body that broke off (ECONNRESET 'aborted') or outgrew maxContentLength.
    throw (error as AxiosError)?.isAxiosError ? error : AxiosError.from(error, undefined, config, response.request, response);
  }
  const data = (NodeBuffer as NonNullable<typeof NodeBuffer>).concat(chunks);
  const encoding = config.responseEncoding;
  if (config.responseType === 'arraybuffer') return data;
  const text = data.toString(encoding);
  return !encoding || encoding === 'utf8' ? text.replace(/^\uFEFF/, '') : text;
}

/**
 * Installs a request and a response interceptor on `instance` (replacing ones installed earlier)
 * and returns it. A request runs under the retry policy until it succeeds or the policy gives up
 * with a FaultlineError. Honours the caller's `signal` (during backoff too) and axios' `timeout`
 * (per attempt).
 */
export function withFaultline<T extends AxiosInstance>(instance: T, options: AxiosFaultlineOptions = {}): T {
  if (typeof instance?.request !== 'function' || typeof instance.interceptors?.response?.use !== 'function') {
    throw new TypeError('faultline/axios: withFaultline expects an axios instance');
  }
  const resolved = resolveOptions(options, 'axios');
  const { policy, maxBody, provider, keyHeader, canTimeOut: timed } = resolved;
  const readers = [readAxiosError];
  const classifyBase = { ...resolved.classify, readers };
  removeFaultline(instance);

  /**
   * One attempt through axios' own adapter. Node's http adapter is asked for the body unread, so
   * an error body is read only up to maxBody (a 50 MB page costs 64 KiB) and a success body is
   * buffered the way axios would; other adapters (xhr, fetch) have read it already.
   */
  const send = async (config: Config, names: Adapters): Promise<AxiosResponse> => {
    const adapter: AxiosAdapter & { adapterName?: string } = getAdapter(names ?? instance.defaults.adapter, config);
    // data: URLs never touch the network, and axios shapes their bodies its own way.
    const streamed = adapter.adapterName === 'http' && NodeBuffer !== undefined && config.responseType !== 'stream' && !/^data:/i.test(config.url ?? '');
    try {
      const response = await adapter(streamed ? { ...config, responseType: 'stream' } : config);
      if (streamed) {
        response.config = config;
        response.data = await buffer(response, config);
      }
      return response;
    } catch (error) {
      const fault = error as AxiosError | undefined;
      if (streamed && fault?.config) fault.config = config;
      const response = fault?.response;
      if (response) {
        response.config = config;
        const data: unknown = response.data;
        // As readErrorBody() leaves it: parsed JSON when it parses whole, else text.
        response.data = typeof data === 'string' ? parseBody(truncateText(data, maxBody)) : await readErrorBody(data, maxBody);
      }
      throw error;
    }
  };

  /** A re-issued attempt: its raw outcome, before transformResponse and later interceptors. */
  const capture = async (config: Config, mark: Mark, names: Adapters): Promise<AxiosResponse> => {
    try {
      const response = await send(config, names);
      mark.data = response.data;
      return (mark.response = response);
    } catch (error) {
      throw (mark.error = error);
    }
  };

  const run = (config: Config, mark: Mark, names: Adapters): Promise<AxiosResponse> => {
    const method = (config.method ?? 'get').toUpperCase();
    const oneShot = isOneShotBody(config.data);
    const signal = config.signal as AbortSignal | undefined;
    const caller = typeof signal?.addEventListener === 'function' ? signal : undefined;
    const overrides = executeOptions(options, resolved, {
      method,
      headers: config.headers,
      oneShot,
      signal: caller,
      classify: {
        ...classifyBase,
        method,
        // Read on failure only: building the URL costs more than a successful call's other work.
        get url() {
          return instance.getUri(config);
        },
        requestHeaders: config.headers,
      },
      request: config,
    });
    const attempt = async (ctx: { attempt: number; signal: AbortSignal }): Promise<AxiosResponse> => {
      // The body is read inside the attempt (axios' adapters read it; the http one streams it to
      // us), so the attempt's signal, which follows the caller's while the attempt runs, is enough.
      // The one exception is responseType 'stream': its stream outlives the attempt, and a caller
      // who aborts after the response arrived destroys it themselves.
      const signal = timed ? ctx.signal : caller;
      let response: AxiosResponse;
      if (ctx.attempt === 1) {
        response = await send(signal === config.signal ? config : { ...config, signal }, names);
      } else {
        const inner = new Mark(true);
        let result: unknown;
        try {
          result = await instance.request({ ...config, signal, [MARK]: inner } as Config);
        } catch (error) {
          // Failed before reaching the adapter (a request interceptor threw): no raw outcome.
          if (!inner.response && inner.error === undefined) throw error;
        }
        if (inner.error !== undefined) throw inner.error;
        response = inner.response ? { ...inner.response, data: inner.data } : (result as AxiosResponse);
      }
      const body = provider?.isErrorBody ? parseBody(response.data) : undefined;
      if (body !== undefined && provider?.isErrorBody?.(body)) throw classifyRaw(readHttp({}, response as unknown as Record<string, unknown>, body), overrides.classify, response);
      return response;
    };
    return policy.execute(attempt, overrides).catch((error: unknown) => {
      throw (mark.error = error);
    });
  };

  const requestId = instance.interceptors.request.use((config: Config) => {
    if (config[MARK]) return config;
    const mark = (config[MARK] = new Mark(false));
    addIdempotencyKey(config.method ?? 'get', config.headers, keyHeader);
    // Without it axios reports its timeout as ECONNABORTED, the errno of a dropped connection.
    config.transitional = { ...config.transitional, clarifyTimeoutError: true };
    const names = config.adapter;
    // Re-issued attempts carry this adapter too, with their own mark.
    config.adapter = (c: Config) => (c[MARK] === mark ? run(c, mark, names) : capture(c, c[MARK] as Mark, names));
    return config;
  });

  const responseId = instance.interceptors.response.use(undefined, (error: unknown) => {
    const mark = ((error as AxiosError | undefined)?.config as Config | undefined)?.[MARK];
    // axios swaps a rejection for its own CanceledError once the caller's signal aborted: the
    // policy's error stands. Failures past the adapter (transformResponse) are typed too.
    throw !mark || mark.inner ? error : (mark.error ?? classify(error, classifyBase));
  });
  installed.set(instance, [requestId, responseId]);
  return instance;
}
