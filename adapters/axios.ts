/**
 * `faultline/axios`: typed errors and safe retries for an axios instance.
 *
 *   const api = withFaultline(axios.create({ baseURL }), { provider: leancloud });
 *   removeFaultline(api); // puts the instance back as it was
 *
 * faultline sits at axios' adapter layer: it wraps the instance's `defaults.adapter` once, below
 * every interceptor, and adds no request interceptor (which would put each request on axios'
 * slower promise-chain path). The first attempt is a plain call of axios' own adapter; the retry
 * loop starts only if it fails. Later attempts are re-issued through `instance.request`, so the
 * interceptors (a request signer, say) see each retried attempt too. The final result is the raw
 * outcome of the attempt that settled it, transformed and intercepted once, so
 * `response => response.data` still applies exactly once.
 */
import { AxiosError, getAdapter } from 'axios';
import type { AxiosAdapter, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { classify, classifyRaw, type ClassifyOptions } from '../src/classify.js';
import { isFaultlineError, type FaultlineError } from '../src/errors.js';
import type { ExecuteOptions } from '../src/policy-types.js';
import { parseBody, readHttp } from '../src/raw-fault.js';
import { readAxiosError } from './axios/reader.js';
import { isOneShotBody, readErrorBody, truncateText } from './http/body.js';
import { executeOptions } from './http/execute-options.js';
import { addIdempotencyKey } from './http/method.js';
import { errorBodyProvider, resolveOptions, type HttpOptions, type Resolved } from './http/options.js';

export type { HttpOptions } from './http/options.js';

export type AxiosFaultlineOptions = Omit<HttpOptions<InternalAxiosRequestConfig>, 'readBody'>;

/**
 * The config key marking a re-issued attempt. Its value is a class instance, which axios' config
 * merge keeps by identity, so the attempt's raw outcome can be picked up past later interceptors.
 */
const MARK = '__faultline';

/** One re-issued attempt's raw outcome. */
class Attempt {
  declare response?: AxiosResponse;
  declare data?: unknown;
  declare error?: unknown;
}

type Config = InternalAxiosRequestConfig & { [MARK]?: Attempt };
type Adapters = Config['adapter'];

interface Installed {
  /** What `defaults.adapter` was before. */
  readonly adapter: Adapters;
  readonly interceptor: number;
}

const installed = new WeakMap<AxiosInstance, Installed>();
/** Each faultline adapter and the adapter it wraps: installing on an instance made from a wrapped one wraps the original, not ours. */
const wrapped = new WeakMap<object, Adapters>();

/** Takes faultline out of the instance again; false if it was not installed. */
export function removeFaultline(instance: AxiosInstance): boolean {
  const entry = installed.get(instance);
  if (!entry) return false;
  instance.defaults.adapter = entry.adapter;
  instance.interceptors.response.eject(entry.interceptor);
  installed.delete(instance);
  return true;
}

/** Node's Buffer: only reached where axios' http adapter streams, and typed here so the published
 * declarations need no @types/node. */
interface NodeBytes extends Uint8Array {
  toString(encoding?: string): string;
}
const NodeBuffer = (globalThis as { Buffer?: { concat(chunks: readonly Uint8Array[]): NodeBytes } }).Buffer;

/** The slice of a Node socket that axios' timeout works through. */
interface TimedSocket {
  on(event: 'timeout', listener: (this: TimedSocket) => void): unknown;
  destroy(): void;
}

/** Sockets whose idle timeout has fired, and those already watched for it (each once in its life). */
const timedOut = new WeakSet<TimedSocket>();
const watched = new WeakSet<TimedSocket>();
function onSocketTimeout(this: TimedSocket): void {
  timedOut.add(this);
  // As follow-redirects does; on axios' native transport nothing else would end a stalled body.
  this.destroy();
}

/** The slice of a Node Readable that a body is collected through. */
interface NodeReadable {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  once(event: 'end' | 'close', listener: () => void): unknown;
  once(event: 'error', listener: (error: unknown) => void): unknown;
  readonly readableEnded?: boolean;
}
/**
 * A success body read from a stream into what axios' http adapter would have made of it, through
 * events: one promise per body, not per chunk.
 */
function buffer(response: AxiosResponse, config: Config): Promise<AxiosResponse> {
  // axios' `timeout` is the socket's idle timeout, which destroys the socket: the body then
  // breaks off as 'aborted' (ECONNRESET), and axios itself reports a reset. Seen here, it is a timeout.
  const timeout = Number(config.timeout);
  const socket = timeout > 0 ? (response.request as { socket?: TimedSocket } | undefined)?.socket : undefined;
  if (socket && !watched.has(socket)) {
    watched.add(socket);
    socket.on('timeout', onSocketTimeout);
  }
  const stream = response.data as NodeReadable;
  response.config = config;
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const fail = (error: unknown): void => {
      response.data = undefined;
      reject(
        socket && timedOut.has(socket)
          ? new AxiosError(config.timeoutErrorMessage || `timeout of ${timeout}ms exceeded`, AxiosError.ETIMEDOUT, config, response.request)
          : // As axios reports a body that broke off (ECONNRESET 'aborted') or outgrew maxContentLength.
            (error as AxiosError)?.isAxiosError
            ? error
            : AxiosError.from(error, undefined, config, response.request, response),
      );
    };
    stream.on('data', (chunk) => void chunks.push(chunk));
    stream.once('error', fail);
    // Destroyed without an error (a socket torn down under it): as cut off as a reset.
    stream.once('close', () => stream.readableEnded || fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    stream.once('end', () => {
      const data = chunks.length === 1 ? (chunks[0] as NodeBytes) : (NodeBuffer as NonNullable<typeof NodeBuffer>).concat(chunks);
      const encoding = config.responseEncoding;
      if (config.responseType === 'arraybuffer') response.data = data;
      else {
        const text = data.toString(encoding);
        response.data = !encoding || encoding === 'utf8' ? text.replace(/^\uFEFF/, '') : text;
      }
      resolve(response);
    });
  });
}

/**
 * Puts faultline into `instance` (replacing an earlier install) and returns it. A request runs
 * under the retry policy until it succeeds or the policy gives up with a FaultlineError. Honours
 * the caller's `signal` (during backoff too) and axios' `timeout` (per attempt). A per-request
 * `adapter` in a config replaces faultline's for that request.
 */
export function withFaultline<T extends AxiosInstance>(instance: T, options: AxiosFaultlineOptions = {}): T {
  if (typeof instance?.request !== 'function' || typeof instance.interceptors?.response?.use !== 'function' || typeof instance.defaults !== 'object') {
    throw new TypeError('faultline/axios: withFaultline expects an axios instance');
  }
  const resolved = resolveOptions(options, 'axios');
  removeFaultline(instance);
  const current = instance.defaults.adapter;
  const base = (typeof current === 'function' && wrapped.get(current)) || current;
  const engine: Engine = { instance, options, resolved, base, context: { ...resolved.classify, readers: [readAxiosError] }, errors: new WeakMap() };
  const adapter = faultlineAdapter(engine);
  wrapped.set(adapter, base);
  instance.defaults.adapter = adapter;
  const interceptor = instance.interceptors.response.use(undefined, (error: unknown) => {
    if (isFaultlineError(error)) throw error;
    const config = (error as AxiosError | undefined)?.config as Config | undefined;
    // A re-issued attempt's own failure goes back to its attempt unchanged.
    if (config?.[MARK]) throw error;
    // axios swaps a rejection for its own CanceledError once the caller's signal aborted: the
    // policy's error stands. Failures past the adapter (transformResponse) are typed too.
    throw (config && engine.errors.get(config)) ?? classify(error, engine.context);
  });
  installed.set(instance, { adapter: current, interceptor });
  return instance;
}

interface Engine {
  readonly instance: AxiosInstance;
  readonly options: AxiosFaultlineOptions;
  readonly resolved: Resolved;
  /** The adapters axios would have used. */
  readonly base: Adapters;
  /** classify() options for errors that carry no request of ours. */
  readonly context: ClassifyOptions;
  /** The error each request's policy gave up with, by the config axios holds. */
  readonly errors: WeakMap<object, FaultlineError>;
}

function faultlineAdapter(engine: Engine): AxiosAdapter {
  const { policy, keyHeader, canTimeOut, errorBodies } = engine.resolved;
  return (config: Config) => {
    const attempt = config[MARK];
    if (attempt !== undefined) return capture(engine, config, attempt);
    if (canTimeOut || !policy.direct) return new Call(engine, config).execute();
    if (keyHeader !== undefined) addIdempotencyKey(config.method ?? 'get', config.headers, keyHeader);
    return send(engine, config).then(
      (response) => {
        if (errorBodies.length === 0) {
          policy.succeeded();
          return response;
        }
        const call = new Call(engine, config);
        const error = call.bodyError(response);
        if (error === undefined) policy.succeeded();
        return error === undefined ? response : call.recover(error);
      },
      (error: unknown) => new Call(engine, config).recover(error),
    );
  };
}

/**
 * One attempt through axios' own adapter. Node's http adapter is asked for the body unread, so an
 * error body is read only as far as faultline reads (64 KiB, 5 s by default) and a success body is
 * buffered the way axios would; other adapters (xhr, fetch) have read it already.
 */
function send(engine: Engine, config: Config): Promise<AxiosResponse> {
  let pending: Promise<AxiosResponse>;
  let streamed = false;
  try {
    const adapter: AxiosAdapter & { adapterName?: string } = getAdapter(engine.base, config);
    // data: URLs never touch the network, and axios shapes their bodies its own way.
    streamed = adapter.adapterName === 'http' && NodeBuffer !== undefined && config.responseType !== 'stream' && !/^data:/i.test(config.url ?? '');
    if (streamed) {
      // The http adapter reads responseType when called: the request's own config goes as it is,
      // not as a copy per request, and is itself again once the call has begun.
      const type = config.responseType;
      config.responseType = 'stream';
      try {
        pending = adapter(config);
      } finally {
        config.responseType = type;
      }
    } else {
      pending = adapter(config);
    }
  } catch (error) {
    pending = Promise.reject(error);
  }
  return pending.then(streamed ? (response) => buffer(response, config) : undefined, (error: unknown) => failed(engine, config, error));
}

/** An attempt's failure, its error body (if any) read as far as faultline reads. */
async function failed(engine: Engine, config: Config, error: unknown): Promise<never> {
  const fault = error as AxiosError | undefined;
  if (fault?.config) fault.config = config;
  const response = fault?.response;
  if (response) {
    response.config = config;
    const data: unknown = response.data;
    const limits = engine.resolved.errorBody;
    // As readErrorBody() leaves it: parsed JSON when it parses whole, else text.
    response.data = typeof data === 'string' ? parseBody(truncateText(data, limits.bytes)) : await readErrorBody(data, limits);
  }
  throw error;
}

/** A re-issued attempt: its raw outcome, before transformResponse and later interceptors. */
async function capture(engine: Engine, config: Config, attempt: Attempt): Promise<AxiosResponse> {
  try {
    const response = await send(engine, config);
    attempt.data = response.data;
    return (attempt.response = response);
  } catch (error) {
    throw (attempt.error = error);
  }
}

/** One logical request once it needs more than a plain call: what its retries and its error need. */
class Call {
  readonly #engine: Engine;
  readonly #config: Config;
  readonly #caller: AbortSignal | undefined;
  readonly context: ClassifyOptions;

  constructor(engine: Engine, config: Config) {
    this.#engine = engine;
    this.#config = config;
    const signal = config.signal as AbortSignal | undefined;
    this.#caller = typeof signal?.addEventListener === 'function' ? signal : undefined;
    this.context = { ...engine.context, method: (config.method ?? 'get').toUpperCase(), url: engine.instance.getUri(config), requestHeaders: config.headers };
  }

  /** The whole request under the policy from its first attempt. */
  execute(): Promise<AxiosResponse> {
    addIdempotencyKey(this.#config.method ?? 'get', this.#config.headers, this.#engine.resolved.keyHeader);
    return this.#settle(this.#engine.resolved.policy.execute(this.#attempt, this.#overrides()));
  }

  /** The request from its second attempt on, after the plain first one failed with `error`. */
  recover(error: unknown): Promise<AxiosResponse> {
    const fault = isFaultlineError(error) ? error : classify(error, this.context);
    return this.#settle(this.#engine.resolved.policy.recover(fault, this.#attempt, this.#overrides()));
  }

  /** A 2xx whose body is the provider's error (CloudBase), as that error. */
  bodyError(response: AxiosResponse): FaultlineError | undefined {
    const provider = errorBodyProvider(this.#engine.resolved, () => this.context.url ?? '');
    if (!provider?.isErrorBody) return undefined;
    const body = parseBody(response.data);
    return provider.isErrorBody(body) ? classifyRaw(readHttp({}, response as unknown as Record<string, unknown>, body), this.context, response) : undefined;
  }

  #overrides(): ExecuteOptions {
    const config = this.#config;
    return executeOptions(this.#engine.options, this.#engine.resolved, {
      method: this.context.method as string,
      headers: config.headers,
      oneShot: isOneShotBody(config.data),
      signal: this.#caller,
      classify: this.context,
      request: config,
    });
  }

  readonly #attempt = async (context: { attempt: number; signal: AbortSignal }): Promise<AxiosResponse> => {
    const { resolved, instance } = this.#engine;
    const config = this.#config;
    // The body is read inside the attempt (axios' adapters read it; the http one streams it to
    // us), so the attempt's signal, which follows the caller's while the attempt runs, is enough.
    // The one exception is responseType 'stream': its stream outlives the attempt, and a caller
    // who aborts after the response arrived destroys it themselves.
    const signal = resolved.canTimeOut ? context.signal : this.#caller;
    let response: AxiosResponse;
    if (context.attempt === 1) {
      response = await send(this.#engine, signal === config.signal ? config : { ...config, signal });
    } else {
      const attempt = new Attempt();
      let result: unknown;
      try {
        result = await instance.request({ ...config, signal, [MARK]: attempt } as Config);
      } catch (error) {
        // Failed before reaching the adapter (a request interceptor threw): no raw outcome.
        if (!attempt.response && attempt.error === undefined) throw error;
      }
      if (attempt.error !== undefined) throw attempt.error;
      response = attempt.response ? { ...attempt.response, data: attempt.data } : (result as AxiosResponse);
    }
    const error = this.bodyError(response);
    if (error !== undefined) throw error;
    return response;
  };

  #settle(outcome: Promise<AxiosResponse>): Promise<AxiosResponse> {
    return outcome.catch((error: unknown) => {
      if (isFaultlineError(error)) this.#engine.errors.set(this.#config, error);
      throw error;
    });
  }
}
