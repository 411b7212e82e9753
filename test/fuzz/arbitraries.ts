/**
 * fast-check arbitraries of everything classify() is handed in the wild: provider bodies inside
 * every client's error shape, SDK errors, transport errors, close events, the Retry-After family,
 * prototype-pollution bodies and hostile objects. Secrets are planted in keyed slots throughout.
 */
import { AxiosError, CanceledError as AxiosCanceledError } from 'axios';
import fc from 'fast-check';
import { HTTPError } from 'ky';
import { errors as undici } from 'undici';
import type { FullClassifyOptions as ClassifyOptions } from '../../src/index.js';
import { SECRETS } from '../helpers/secrets.js';
import { bodyAsText, bodySpec, buildBody, CLOUDBASE_CODES, EASEMOB_CODES, LC_CODES, PARSE_CODES, type BodySpec } from './bodies.js';
import { cases, type FuzzCase } from './case.js';
import { buildHeaders, headersSpec, type HeadersSpec } from './headers.js';
import { hostile } from './hostile.js';
import { buildRequestHeaders, buildUrl, echo, echoSpec, requestHeaderSpec, urlSpec, withEcho, type UrlSpec } from './plant.js';

export { FuzzCase } from './case.js';
export { headersSpec, headerValueSpec, buildHeaders, buildHeaderValue, RETRY_HEADERS } from './headers.js';
export { hostile } from './hostile.js';

/** Names the full entry knows; any other is a TypeError (test/classify-property.test.ts). */
const PROVIDERS = [undefined, 'leancloud', 'parse', 'cloudbase', 'easemob'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

// --- classify options -------------------------------------------------------------------------

export const options: fc.Arbitrary<ClassifyOptions> = fc
  .record(
    {
      provider: fc.constantFrom(...PROVIDERS),
      url: urlSpec,
      method: fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 8 })),
      requestHeaders: requestHeaderSpec,
    },
    { requiredKeys: [] },
  )
  .map(({ provider, url, method, requestHeaders }) => {
    const out: { provider?: (typeof PROVIDERS)[number]; url?: string; method?: string; requestHeaders?: Record<string, string> } = {};
    if (provider !== undefined) out.provider = provider;
    if (url) out.url = buildUrl(url);
    if (method !== undefined) out.method = method;
    if (requestHeaders) out.requestHeaders = buildRequestHeaders(requestHeaders);
    return out;
  });

function withOptions(arb: fc.Arbitrary<FuzzCase>): fc.Arbitrary<FuzzCase> {
  return fc.tuple(arb, fc.option(options, { nil: undefined })).map(([c, o]) => (o ? c.withOptions(o) : c));
}

// --- HTTP failures: provider bodies inside each client's error shape --------------------------

type Container = 'shape' | 'shapeData' | 'axios' | 'axiosPlain' | 'ky' | 'response' | 'undiciResponse' | 'undiciRetry';

interface HttpSpec {
  container: Container;
  status: number;
  headers: HeadersSpec;
  body: BodySpec;
  asText: boolean;
  url: UrlSpec;
  method: (typeof METHODS)[number];
  requestHeaders: number[];
}

const anyStatus = fc.oneof(
  fc.constantFrom(400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504, 511, 524, 200, 204, 304),
  fc.integer({ min: 100, max: 599 }),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double(),
);

const httpSpec: fc.Arbitrary<HttpSpec> = fc.record({
  container: fc.constantFrom<Container>('shape', 'shapeData', 'axios', 'axiosPlain', 'ky', 'response', 'undiciResponse', 'undiciRetry'),
  status: anyStatus,
  headers: headersSpec,
  body: bodySpec,
  asText: fc.boolean(),
  url: urlSpec,
  method: fc.constantFrom(...METHODS),
  requestHeaders: requestHeaderSpec,
});

/** A Fetch Response only takes 200–599, and no body on 204/205/304. */
function fetchStatus(status: number): number {
  const s = Number.isInteger(status) ? Math.abs(status) % 400 + 200 : 503;
  return s === 204 || s === 205 || s === 304 ? 503 : s;
}

/** undici's ResponseError / RequestRetryError, as their constructors really read their arguments. */
type UndiciHttpError = new (message: string, status: number, extra: { headers: unknown; body?: unknown; data?: unknown }) => Error;

function buildHttp(spec: HttpSpec): unknown {
  const body = buildBody(spec.body);
  const payload = spec.asText ? bodyAsText(body) : body;
  const url = buildUrl(spec.url);
  const requestHeaders = buildRequestHeaders(spec.requestHeaders);
  const headers = buildHeaders(spec.headers);
  const config = {
    method: spec.method.toLowerCase(),
    url,
    headers: requestHeaders,
    data: JSON.stringify({ sessionToken: SECRETS.sessionToken }),
  };
  switch (spec.container) {
    case 'shape':
      return { status: spec.status, headers, body: payload };
    case 'shapeData':
      return { statusCode: spec.status, headers, data: payload };
    case 'axios': {
      const response = { status: spec.status, statusText: '', headers, data: payload, config };
      const code = spec.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
      return new AxiosError(`Request failed with status code ${spec.status}`, code, config as never, {}, response as never);
    }
    case 'axiosPlain':
      return { isAxiosError: true, name: 'AxiosError', message: 'Request failed', code: 'ERR_BAD_REQUEST', config, response: { status: spec.status, headers, data: payload } };
    case 'ky':
    case 'response': {
      const fetchHeaders = buildHeaders({ ...spec.headers, container: 'headers' }) as Headers;
      const response = new Response(bodyAsText(body), { status: fetchStatus(spec.status), headers: fetchHeaders });
      if (spec.container === 'response') return response;
      const request = new Request(url.replace(/^wss:/, 'https:'), { method: spec.method, headers: requestHeaders });
      const error = new HTTPError(response, request, {} as never);
      if (spec.asText) (error as unknown as { data: unknown }).data = body;
      return error;
    }
    case 'undiciResponse':
      return new (undici.ResponseError as unknown as UndiciHttpError)('Response Error', spec.status, { headers, body: payload });
    case 'undiciRetry':
      return new (undici.RequestRetryError as unknown as UndiciHttpError)('Request failed', spec.status, { headers, data: { count: 3 } });
  }
}

export const httpFailures: fc.Arbitrary<FuzzCase> = withOptions(cases('http', httpSpec, buildHttp));

// --- SDK errors ------------------------------------------------------------------------------

class ParseError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

class AVError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly rawMessage?: string,
  ) {
    super(message);
  }
}

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Invalid session token.', '请求过于频繁', ''));
const intCode = fc.oneof(fc.constantFrom(...LC_CODES, ...PARSE_CODES), fc.integer());
const upperCode = fc.oneof(fc.constantFrom(...CLOUDBASE_CODES), fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/), fc.string({ maxLength: 10 }));

type SdkSpec =
  | { t: 'parseError'; code: number; message: string; real: boolean }
  | { t: 'avError'; code: number; message: string; raw: number }
  | { t: 'cloudbaseThrown'; code: string; message: string; real: boolean }
  | { t: 'cloudbaseWrapper'; outer: string; inner: string | null; message: string; echo: number; key: 'msg' | 'message'; requestId: boolean; asString: boolean }
  | { t: 'easemobSdk'; type: number; message: string; httpCode: number | string; errDesc: 'json' | 'code' | 'text' | 'none'; body: BodySpec; code: string }
  | { t: 'imKick'; code: number; reason: string };

const sdkSpec: fc.Arbitrary<SdkSpec> = fc.oneof(
  fc.record({ t: fc.constant('parseError' as const), code: intCode, message: text, real: fc.boolean() }),
  fc.record({ t: fc.constant('avError' as const), code: intCode, message: text, raw: echoSpec }),
  fc.record({ t: fc.constant('cloudbaseThrown' as const), code: upperCode, message: text, real: fc.boolean() }),
  fc.record({
    t: fc.constant('cloudbaseWrapper' as const),
    outer: fc.oneof(fc.constant('OPERATION_FAIL'), upperCode),
    inner: fc.option(upperCode, { nil: null }),
    message: text,
    echo: echoSpec,
    key: fc.constantFrom('msg' as const, 'message' as const),
    requestId: fc.boolean(),
    asString: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('easemobSdk' as const),
    type: fc.integer({ min: 0, max: 1000 }),
    message: text,
    httpCode: fc.oneof(fc.constantFrom(400, 401, 403, 404, 429, 500, 503), fc.integer(), fc.string({ maxLength: 5 })),
    errDesc: fc.constantFrom('json' as const, 'code' as const, 'text' as const, 'none' as const),
    body: bodySpec,
    code: fc.oneof(fc.constantFrom(...EASEMOB_CODES), fc.string({ maxLength: 10 })),
  }),
  fc.record({ t: fc.constant('imKick' as const), code: fc.oneof(fc.constantFrom(4111, 4115, 4112, 4107, 4113), fc.integer()), reason: text }),
);

function buildSdk(spec: SdkSpec): unknown {
  switch (spec.t) {
    case 'parseError':
      return spec.real ? new ParseError(spec.code, spec.message) : { name: 'ParseError', code: spec.code, message: spec.message };
    case 'avError':
      return new AVError(spec.code, spec.message, spec.raw >= 0 ? JSON.stringify({ code: spec.code, error: echo(spec.raw) }) : undefined);
    case 'cloudbaseThrown':
      return spec.real ? Object.assign(new Error(spec.message), { code: spec.code, requestId: 'r-1' }) : { code: spec.code, message: spec.message, requestId: 'r-1' };
    case 'cloudbaseWrapper': {
      const msg = withEcho(`${spec.inner !== null ? `[${spec.inner}] ` : ''}${spec.message}`, spec.echo);
      const json = JSON.stringify({ code: spec.outer, [spec.key]: msg, ...(spec.requestId ? { requestId: 'req-9' } : {}) });
      return spec.asString ? json : new Error(json);
    }
    case 'easemobSdk': {
      const body = buildBody(spec.body);
      const errDesc = spec.errDesc === 'json' ? bodyAsText(body) : spec.errDesc === 'code' ? spec.code : spec.errDesc === 'text' ? String(spec.message) : undefined;
      const extraInfo = { httpCode: spec.httpCode, ...(errDesc !== undefined ? { errDesc } : {}) };
      return { type: spec.type, message: spec.message, extraInfo };
    }
    case 'imKick':
      return { cmd: 'session', op: 'closed', code: spec.code, reason: spec.reason, i: 1 };
  }
}

export const sdkErrors: fc.Arbitrary<FuzzCase> = withOptions(cases('sdk', sdkSpec, buildSdk));

// --- transport errors --------------------------------------------------------------------------

const ERRNOS = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EPROTO', 'EMFILE'];
const UNDICI = ['SocketError', 'ConnectTimeoutError', 'HeadersTimeoutError', 'BodyTimeoutError', 'RequestAbortedError', 'ClientDestroyedError', 'ClientClosedError', 'HeadersOverflowError', 'ResponseExceededMaxSizeError', 'InformationalError', 'AbortError'] as const;

type Leaf =
  | { t: 'errno'; code: string }
  | { t: 'undici'; which: number }
  | { t: 'aggregate'; codes: string[]; code: boolean }
  | { t: 'dom'; name: string }
  | { t: 'none' };

const errno = fc.oneof(fc.constantFrom(...ERRNOS), fc.stringMatching(/^E[A-Z]{2,10}$/));
const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({ t: fc.constant('errno' as const), code: errno }),
  fc.record({ t: fc.constant('undici' as const), which: fc.nat({ max: UNDICI.length - 1 }) }),
  fc.record({ t: fc.constant('aggregate' as const), codes: fc.array(errno, { maxLength: 3 }), code: fc.boolean() }),
  fc.record({ t: fc.constant('dom' as const), name: fc.constantFrom('AbortError', 'TimeoutError', 'NetworkError', 'SyntaxError') }),
  fc.constant({ t: 'none' as const }),
);

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code, errno: -111, syscall: 'connect', address: '127.0.0.1', port: 443 });
}

function buildLeaf(spec: Leaf): unknown {
  switch (spec.t) {
    case 'errno':
      return systemError(spec.code);
    case 'undici': {
      const Ctor = (undici as unknown as Record<string, new (message?: string) => Error>)[UNDICI[spec.which] as string] as new (message?: string) => Error;
      return new Ctor('other side closed');
    }
    case 'aggregate': {
      const error = new AggregateError(spec.codes.map(systemError), '');
      return spec.code && spec.codes[0] ? Object.assign(error, { code: spec.codes[0] }) : error;
    }
    case 'dom':
      return new DOMException('The operation was aborted.', spec.name);
    case 'none':
      return undefined;
  }
}

type TransportSpec =
  | { t: 'system'; code: string }
  | { t: 'fetchFailed'; depth: number; leaf: Leaf; cyclic: boolean }
  | { t: 'leaf'; leaf: Leaf }
  | { t: 'browserFetch'; message: string }
  | { t: 'abortReason'; timeout: boolean }
  | { t: 'axiosNet'; code: string; message: string; url: UrlSpec; headers: number[]; cause: Leaf; canceled: boolean }
  | { t: 'fetchError'; code: string; url: UrlSpec }
  | { t: 'gotError'; code: string; url: UrlSpec; headers: number[] }
  | { t: 'wsClose'; code: number; reason: string; echo: number; wasClean: boolean; event: boolean }
  | { t: 'wsError'; message: string }
  | { t: 'thrown'; v: string | number };

const transportSpec: fc.Arbitrary<TransportSpec> = fc.oneof(
  fc.record({ t: fc.constant('system' as const), code: errno }),
  fc.record({ t: fc.constant('fetchFailed' as const), depth: fc.integer({ min: 1, max: 8 }), leaf, cyclic: fc.boolean() }),
  fc.record({ t: fc.constant('leaf' as const), leaf }),
  fc.record({ t: fc.constant('browserFetch' as const), message: fc.constantFrom('Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed', 'network error') }),
  fc.record({ t: fc.constant('abortReason' as const), timeout: fc.boolean() }),
  fc.record({
    t: fc.constant('axiosNet' as const),
    code: fc.constantFrom('ERR_NETWORK', 'ECONNABORTED', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ERR_CANCELED', 'ERR_BAD_OPTION', 'ENOTFOUND'),
    message: fc.constantFrom('Network Error', 'timeout of 1000ms exceeded', 'canceled', 'socket hang up', 'x'),
    url: urlSpec,
    headers: requestHeaderSpec,
    cause: leaf,
    canceled: fc.boolean(),
  }),
  fc.record({ t: fc.constant('fetchError' as const), code: errno, url: urlSpec }),
  fc.record({ t: fc.constant('gotError' as const), code: errno, url: urlSpec, headers: requestHeaderSpec }),
  fc.record({
    t: fc.constant('wsClose' as const),
    code: fc.oneof(fc.constantFrom(1000, 1001, 1005, 1006, 1008, 1011, 1012, 1013, 4100, 4106, 4107, 4111, 4112, 4115, 3000, 4999), fc.integer({ min: 0, max: 70_000 })),
    reason: text,
    echo: echoSpec,
    wasClean: fc.boolean(),
    event: fc.boolean(),
  }),
  fc.record({ t: fc.constant('wsError' as const), message: fc.constantFrom('Unexpected server response: 401', 'getaddrinfo ENOTFOUND x', '') }),
  fc.record({ t: fc.constant('thrown' as const), v: fc.oneof(fc.constantFrom(...ERRNOS, 'AbortError', '{"code":"X","msg":"[Y] z"}'), fc.string({ maxLength: 20 }), fc.double(), fc.integer()) }),
);

function buildTransport(spec: TransportSpec): unknown {
  switch (spec.t) {
    case 'system':
      return systemError(spec.code);
    case 'fetchFailed': {
      const top = new TypeError('fetch failed', { cause: buildLeaf(spec.leaf) });
      let current: Error = top;
      for (let i = 1; i < spec.depth; i++) {
        const next = new TypeError('fetch failed', { cause: current.cause });
        (current as { cause?: unknown }).cause = next;
        current = next;
      }
      if (spec.cyclic) (current as { cause?: unknown }).cause = top;
      return top;
    }
    case 'leaf':
      return buildLeaf(spec.leaf);
    case 'browserFetch':
      return new TypeError(spec.message);
    case 'abortReason':
      return spec.timeout ? new DOMException('signal timed out', 'TimeoutError') : AbortSignal.abort().reason;
    case 'axiosNet': {
      const config = { method: 'get', url: buildUrl(spec.url), headers: buildRequestHeaders(spec.headers) };
      if (spec.canceled) return new AxiosCanceledError('canceled', config as never);
      const error = new AxiosError(spec.message, spec.code, config as never, {});
      const cause = buildLeaf(spec.cause);
      if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
      return error;
    }
    case 'fetchError': {
      const url = buildUrl(spec.url);
      return Object.assign(new Error(`request to ${url} failed, reason: connect ${spec.code} 127.0.0.1:443`), { name: 'FetchError', type: 'system', code: spec.code, errno: spec.code });
    }
    case 'gotError':
      return Object.assign(new Error(`connect ${spec.code}`), {
        name: 'RequestError',
        code: spec.code,
        options: { url: new URL(buildUrl(spec.url).replace(/^wss:/, 'https:')), headers: buildRequestHeaders(spec.headers, true) },
      });
    case 'wsClose': {
      const fields = { code: spec.code, reason: withEcho(spec.reason, spec.echo), wasClean: spec.wasClean };
      return spec.event ? Object.assign(new Event('close'), fields) : { type: 'close', ...fields };
    }
    case 'wsError':
      return Object.assign(new Event('error'), { message: spec.message, error: new Error(spec.message) });
    case 'thrown':
      return spec.v;
  }
}

export const transportErrors: fc.Arbitrary<FuzzCase> = withOptions(cases('transport', transportSpec, buildTransport));

// --- anything at all ---------------------------------------------------------------------------

const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Arbitrary values, and arbitrary values in the slots the readers look at. */
export const anyValues: fc.Arbitrary<FuzzCase> = withOptions(
  fc.oneof(
    cases('anything', anything, (v) => v),
    cases('slots', fc.record({ status: anything, statusCode: anything, headers: anything, body: anything, data: anything, code: anything, message: anything, name: anything, response: anything, cause: anything, errors: anything, reason: anything, wasClean: anything, extraInfo: anything, isAxiosError: anything, config: anything, request: anything }, { requiredKeys: [] }), (v) => v),
  ),
);

export const hostileValues: fc.Arbitrary<FuzzCase> = withOptions(hostile);

/** Every family, for a run that mixes them. */
export const allInputs: fc.Arbitrary<FuzzCase> = fc.oneof(httpFailures, sdkErrors, transportErrors, anyValues, hostileValues);
