/**
 * `faultline/axios`: typed errors and safe retries for an axios instance.
 *
 *   const api = withFaultline(axios.create({ baseURL }), { provider: 'leancloud' });
 *   removeFaultline(api); // takes the interceptors out again
 *
 * Install it before your own interceptors: its request interceptor then runs last (nearest the
 * network) and its response interceptor first, so it sees raw responses and errors. Interceptors
 * added later also see each retried attempt; the final result goes through them once more,
 * taken from the raw response, so `response => response.data` still applies exactly once.
 */
import type { AxiosError, AxiosInstance, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { detectFromRequestHeaders, detectFromUrl } from '../src/detect.js';
import type { ExecuteOptions } from '../src/retry-types.js';
import { hasBusinessCode, isOneShotBody, readErrorBody, truncateText } from './http/body.js';
import { addIdempotencyKey, isIdempotentRequest, keyHeaderOf } from './http/method.js';
import { resolveOptions, type HttpOptions } from './http/options.js';

export type { HttpOptions } from './http/options.js';

export type AxiosFaultlineOptions = HttpOptions<InternalAxiosRequestConfig>;

/**
 * The config key marking a request as ours. Its value is a class instance, which axios' config
 * merge keeps by identity, so an attempt's raw outcome can be picked up past later interceptors.
 */
const MARK = '__faultline';

class Mark {
  declare response?: AxiosResponse;
  declare error?: unknown;
  declare readonly start: number;
  declare readonly provider: string | undefined;
  declare readonly inner: boolean;
  constructor(start: number, provider: string | undefined, inner: boolean) {
    Object.assign(this, { start, provider, inner });
  }
}

type Config = InternalAxiosRequestConfig & { [MARK]?: Mark };

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

/**
 * Installs a request and a response interceptor on `instance` (replacing ones installed earlier)
 * and returns it. A failed request is handed to the retry policy, which re-issues it through
 * `instance.request` until it succeeds or the policy gives up with a FaultlineError. Honours the
 * caller's `signal` (during backoff too) and axios' `timeout` (per attempt).
 */
export function withFaultline<T extends AxiosInstance>(instance: T, options: AxiosFaultlineOptions = {}): T {
  if (typeof instance?.request !== 'function' || typeof instance.interceptors?.response?.use !== 'function') {
    throw new TypeError('faultline/axios: withFaultline expects an axios instance');
  }
  const { policy, maxBody } = resolveOptions(options, 'axios');
  const attemptTimeoutMs = options.attemptTimeoutMs ?? policy.options.attemptTimeoutMs;
  const deadlineMs = options.deadlineMs ?? policy.options.deadlineMs;
  removeFaultline(instance);

  // axios has read the body already; a stream (responseType 'stream') is read up to maxBody.
  const bound = async (error: unknown): Promise<unknown> => {
    const response = (error as AxiosError | undefined)?.response;
    if (response) {
      const data: unknown = response.data;
      if (typeof data === 'string') response.data = truncateText(data, maxBody);
      else if (isOneShotBody(data)) response.data = await readErrorBody(data, maxBody);
    }
    return error;
  };
  const business = (response: AxiosResponse, mark: Mark | undefined): unknown =>
    mark?.provider === 'cloudbase' && hasBusinessCode(response?.data)
      ? { status: response.status, headers: response.headers, body: response.data }
      : undefined;

  const run = (config: Config, mark: Mark, first: unknown): Promise<AxiosResponse> => {
    const method = (config.method ?? 'get').toUpperCase();
    const keyHeader = keyHeaderOf(options.idempotencyKey, mark.provider);
    const oneShot = isOneShotBody(config.data);
    const signal = config.signal as AbortSignal | undefined;
    const overrides: ExecuteOptions = {
      signal: typeof signal?.addEventListener === 'function' ? signal : undefined,
      idempotent: !oneShot && isIdempotentRequest(method, config.headers, keyHeader),
      classify: { provider: mark.provider, method, url: instance.getUri(config), requestHeaders: config.headers },
      // The first attempt ran before the policy saw the request: count its time against the deadline.
      deadlineMs: deadlineMs === undefined ? undefined : Math.max(1, deadlineMs - (Date.now() - mark.start)),
    };
    if (oneShot) overrides.shouldRetry = () => false;
    const refresh = options.onRefresh;
    if (refresh) {
      overrides.onRefresh = async (error) => {
        const extra = await refresh(error, config);
        if (extra) for (const [name, value] of Object.entries(extra)) config.headers.set(name, value);
      };
    }
    return policy.execute(async (ctx) => {
      if (ctx.attempt === 1) throw await bound(first);
      const attempt = new Mark(mark.start, mark.provider, true);
      const next: Config = { ...config, signal: ctx.signal, [MARK]: attempt };
      let result: unknown;
      try {
        result = await instance.request(next);
      } catch (error) {
        // Failed before reaching our response interceptor (a request interceptor threw): no raw outcome.
        if (attempt.error === undefined) throw error;
      }
      if (attempt.error !== undefined) throw await bound(attempt.error);
      const response = attempt.response ?? (result as AxiosResponse);
      const failure = business(response, attempt);
      if (failure) throw failure;
      return response;
    }, overrides);
  };

  const requestId = instance.interceptors.request.use((config: Config) => {
    if (config[MARK]) return config;
    const provider =
      options.provider ?? detectFromUrl(config.url) ?? detectFromUrl(config.baseURL) ?? detectFromRequestHeaders(config.headers);
    config[MARK] = new Mark(Date.now(), provider, false);
    addIdempotencyKey(config.method ?? 'get', config.headers, keyHeaderOf(options.idempotencyKey, provider));
    if (attemptTimeoutMs !== undefined && !(config.timeout && config.timeout <= attemptTimeoutMs)) config.timeout = attemptTimeoutMs;
    // Without it axios reports its timeout as ECONNABORTED, the errno of a dropped connection.
    config.transitional = { ...config.transitional, clarifyTimeoutError: true };
    // An open circuit fails fast; half-open lets the request through as a probe.
    if (policy.circuitBreaker?.state === 'open') {
      const rejection = policy.circuitBreaker.admit();
      if (rejection) throw rejection;
    }
    return config;
  });

  const responseId = instance.interceptors.response.use(
    (response: AxiosResponse) => {
      const config = response.config as Config | undefined;
      const mark = config?.[MARK];
      if (!config || !mark) return response;
      if (mark.inner) {
        mark.response = response;
        return response;
      }
      const failure = business(response, mark);
      if (failure) return run(config, mark, failure);
      // Successes that never reach the policy still refill its budget and close its breaker.
      policy.budget?.recordSuccess(false);
      policy.circuitBreaker?.recordSuccess();
      return response;
    },
    (error: unknown) => {
      const config = (error as AxiosError | undefined)?.config as Config | undefined;
      const mark = config?.[MARK];
      if (!config || !mark) throw error;
      if (!mark.inner) return run(config, mark, error);
      mark.error = error;
      throw error;
    },
  );
  installed.set(instance, [requestId, responseId]);
  return instance;
}
