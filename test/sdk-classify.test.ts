/**
 * What classify() makes of the exact value each real official SDK rejects (or resolves) with,
 * for every scenario test/sdk-observed.test.ts pins: the SDK is driven against a loopback server
 * (the same scripted answers), and its settlement goes straight into `classify(value, { provider })`.
 *
 * Status, Retry-After and request id are asserted wherever the SDK left them recoverable, and
 * as absent where it did not; no provider answers `unknown` for an SDK error whose status or
 * code is known, and a provider never answers worse than no provider at all.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudbase } from '../catalog/cloudbase/index.js';
import { cloudbaseResult } from '../catalog/cloudbase/result.js';
import { easemob } from '../catalog/easemob/index.js';
import { leancloud } from '../catalog/leancloud/index.js';
import { parse } from '../catalog/parse/index.js';
import type { Code } from '../src/catalog-types.js';
import { classify } from '../src/classify.js';
import { classify as classifyFull } from '../src/index.js';
import type { FaultlineError } from '../src/errors.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';
import type { Provider } from '../src/provider.js';
import { browserLikeXhr } from './helpers/browser-xhr.js';
import { useLoopbackOnly } from './helpers/loopback-only.js';
import { refusedUrl, reply, startSdkServer, type Answer, type SdkServer } from './helpers/sdk-server.js';
import { settle } from './helpers/shape.js';

const guard = useLoopbackOnly();

interface Expected {
  kind: ErrorKind;
  retry: RetrySemantics;
  code?: Code;
  status?: number;
  retryAfterMs?: number;
}

/**
 * classify(value, { provider }) gives exactly this kind, retry, code, status and Retry-After (a
 * field not given must be absent), names the provider, and is never worse than no provider.
 */
function expectClassified(value: unknown, provider: Provider, expected: Expected): FaultlineError {
  const error = classify(value, { provider });
  const { kind, retry, code, status, retryAfterMs } = error;
  expect({ kind, retry, code, status, retryAfterMs }).toEqual({ code: undefined, status: undefined, retryAfterMs: undefined, ...expected });
  expect(error.provider).toBe(provider.name);
  expect(error.kind).not.toBe('unknown');
  return error;
}

async function rejectionOf(call: () => Promise<unknown>): Promise<unknown> {
  const settled = await settle(call());
  expect(settled.rejected, 'the SDK call should reject').toBe(true);
  return settled.value;
}

const HTML_5XX = [
  [502, 'unavailable', 'idempotent'],
  [503, 'unavailable', 'always'],
  [504, 'timeout', 'idempotent'],
] as const;

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('leancloud-storage: classify(AV.Error, { provider: leancloud })', () => {
  let AV: any;
  let nodeRequest: unknown;
  let server: SdkServer;
  const find = (): Promise<unknown> => new AV.Query('Todo').find();
  const rejected = (answer: Answer): Promise<unknown> => {
    server.answer(answer);
    return rejectionOf(find);
  };

  beforeAll(async () => {
    server = await startSdkServer();
    AV = (await import('leancloud-storage')).default;
    nodeRequest = ((await import('@leancloud/platform-adapters-node')) as any).request;
    AV.init({ appId: 'faultline-test-app', appKey: 'app-key-secret', serverURL: server.url });
  });
  afterAll(() => server.close());

  it.each([
    [101, 404, 'not_found', 'never'],
    [140, 403, 'quota_exceeded', 'never'],
    [1, 500, 'internal', 'idempotent'],
    [155, 429, 'rate_limited', 'always'],
  ] as const)('code %i in a JSON body (HTTP %i): the code, and the status read back from the message', async (code, status, kind, retry) => {
    const e = await rejected(reply.json(status, { code, error: 'text' }, { 'retry-after': '7', 'x-request-id': 'req-1' }));
    const error = expectClassified(e, leancloud, { kind, retry, code, status });
    // Retry-After and the request id never reach the AV.Error: only the plug keeps them.
    expect(error.requestId).toBeUndefined();
    expect(error.request).toEqual({ method: 'GET', url: `${server.url}/1.1/classes/Todo` });
  });

  it.each(HTML_5XX)('HTTP %i HTML page, code -1: the status from the message', async (status, kind, retry) => {
    expectClassified(await rejected(reply.html(status, { 'retry-after': '30' })), leancloud, { kind, retry, code: status, status });
  });

  it('HTTP 503 empty body, code -1: unavailable', async () => {
    expectClassified(await rejected(reply.empty(503)), leancloud, { kind: 'unavailable', retry: 'always', code: 503, status: 503 });
  });

  it('connections lost before the headers or mid-body: the errno it carries as `code`', async () => {
    expectClassified(await rejected(reply.resetBeforeHeaders()), leancloud, { kind: 'network', retry: 'idempotent', code: 'ECONNRESET' });
    expectClassified(await rejected(reply.resetMidBody(200)), leancloud, { kind: 'network', retry: 'idempotent', code: 'ECONNRESET' });
  });

  it('a refused connection: never sent, so any request may retry', async () => {
    AV.setServerURLs(await refusedUrl());
    try {
      expectClassified(await rejectionOf(find), leancloud, { kind: 'network', retry: 'always', code: 'ECONNREFUSED' });
    } finally {
      AV.setServerURLs(server.url);
    }
  });

  it('its own timeout, code -1 "Timeout [N/A …]": a timeout', async () => {
    AV.setRequestTimeout(100);
    try {
      expectClassified(await rejected(reply.stall()), leancloud, { kind: 'timeout', retry: 'idempotent', code: 'ETIMEDOUT' });
    } finally {
      AV.setRequestTimeout(undefined);
    }
  });

  it('keepErrorRawMessage(true): the code, no status', async () => {
    AV.keepErrorRawMessage(true);
    try {
      expectClassified(await rejected(reply.json(403, { code: 140, error: 'Exceeded.' })), leancloud, { kind: 'quota_exceeded', retry: 'never', code: 140 });
    } finally {
      AV.keepErrorRawMessage(false);
    }
  });

  describe('through AV.setAdapters({ request }) answers', () => {
    afterAll(() => AV.setAdapters({ request: nodeRequest }));

    it('ok:false with a code: that code and the status', async () => {
      AV.setAdapters({ request: async () => ({ ok: false, status: 429, headers: {}, data: { code: 155, error: 'Too many' } }) });
      expectClassified(await rejectionOf(find), leancloud, { kind: 'rate_limited', retry: 'always', code: 155, status: 429 });
    });

    it('a rejection carrying `response`: an unknown string code, and the status decides', async () => {
      AV.setAdapters({ request: async () => Promise.reject(Object.assign(new Error('x'), { response: { status: 503, data: { code: 'FL', error: 'y' } } })) });
      expectClassified(await rejectionOf(find), leancloud, { kind: 'unavailable', retry: 'always', code: 'FL', status: 503 });
    });

    it('`text` on an ok:false answer without a code: code -1, the status decides', async () => {
      AV.setAdapters({ request: async () => ({ ok: false, status: 502, headers: {}, data: {}, text: '<html>502</html>' }) });
      expectClassified(await rejectionOf(find), leancloud, { kind: 'unavailable', retry: 'idempotent', code: 502, status: 502 });
    });
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('parse: classify(ParseError, { provider: parse })', () => {
  let Parse: any;
  let server: SdkServer;
  const find = (): Promise<unknown> => new Parse.Query('Todo').find();
  const rejected = (answer: Answer, call = find): Promise<unknown> => {
    server.answer(answer);
    return rejectionOf(call);
  };

  beforeAll(async () => {
    server = await startSdkServer();
    Parse = (await import('parse/node')).default;
    Parse.initialize('faultline-app-id', 'js-key');
    Parse.serverURL = `${server.url}/parse`;
    vi.spyOn(Math, 'random').mockReturnValue(0); // Parse's own retry delay: none
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it.each([
    [209, 400, 'session_expired', 'after-refresh'],
    [101, 404, 'not_found', 'never'],
    [155, 429, 'rate_limited', 'always'],
  ] as const)('code %i (HTTP %i): that code; the status is gone', async (code, status, kind, retry) => {
    expectClassified(await rejected(reply.json(status, { code, error: 'text' }, { 'retry-after': '7' })), parse, { kind, retry, code });
  });

  it('parse-server’s rate limiter, 429 {code: 100, "Too many requests"}: a rate limit, not a connection failure', async () => {
    const e = await rejected(reply.json(429, { code: 100, error: 'Too many requests' }, { 'retry-after': '7' }));
    expectClassified(e, parse, { kind: 'rate_limited', retry: 'always', code: 100, status: 429 });
    expect(classifyFull(e).kind).toBe('rate_limited'); // recognised by the full entry without naming the provider
  });

  it('a 4xx whose body is not JSON: the answer was not the API’s', async () => {
    expectClassified(await rejected(reply.html(429)), parse, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
  });

  it.each(HTML_5XX)('HTTP %i HTML page (after Parse’s own 5 tries): the answer was not the API’s', async (status) => {
    expectClassified(await rejected(reply.html(status)), parse, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
  });

  it('HTTP 503 {code: 1}: the code', async () => {
    expectClassified(await rejected(reply.json(503, { code: 1, error: 'Internal server error.' })), parse, { kind: 'internal', retry: 'idempotent', code: 1 });
  });

  it('HTTP 503 empty body: the answer was not the API’s', async () => {
    expectClassified(await rejected(reply.empty(503)), parse, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
  });

  it('connections lost ("fetch failed", "terminated", no code): 100 ConnectionFailed', async () => {
    expectClassified(await rejected(reply.resetBeforeHeaders()), parse, { kind: 'network', retry: 'idempotent', code: 100 });
    expectClassified(await rejected(reply.resetMidBody(200)), parse, { kind: 'network', retry: 'idempotent', code: 100 });
    expectClassified(await rejected(reply.resetMidBody(503)), parse, { kind: 'network', retry: 'idempotent', code: 100 });
  });

  it('a refused connection (100 "XMLHttpRequest failed: Unable to connect…"): never sent', async () => {
    Parse.serverURL = `${await refusedUrl()}/parse`;
    try {
      expectClassified(await rejectionOf(find), parse, { kind: 'network', retry: 'always', code: 'ECONNREFUSED' });
    } finally {
      Parse.serverURL = `${server.url}/parse`;
    }
  });

  // A hung Parse query: Parse has no timeout of its own, and a cancelled query resolves with [] —
  // nothing to classify (pinned in sdk-observed.test.ts).

  it('a save on HTTP 503 HTML, with and without idempotency: the answer was not the API’s', async () => {
    const save = (): Promise<unknown> => new Parse.Object('Todo').save({ a: 1 });
    expectClassified(await rejected(reply.html(503), save), parse, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
    Parse.idempotency = true;
    try {
      expectClassified(await rejected(reply.html(503), save), parse, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
    } finally {
      Parse.idempotency = false;
    }
  });

  it('a repeated X-Parse-Request-Id (159 DUPLICATE_REQUEST): the first write was applied, a conflict', async () => {
    expectClassified(await rejected(reply.json(400, { code: 159, error: 'Duplicate request' })), parse, { kind: 'conflict', retry: 'never', code: 159 });
  });

  it('RESTController.ajax rejecting {code: 155}: the ParseError it becomes is a rate limit', async () => {
    const controller = Parse.CoreManager.getRESTController();
    const ajax = controller.ajax;
    controller.ajax = async () => Promise.reject(Object.assign(new Error('mine'), { code: 155 }));
    try {
      expectClassified(await rejectionOf(find), parse, { kind: 'rate_limited', retry: 'always', code: 155 });
    } finally {
      controller.ajax = ajax;
    }
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('@cloudbase/node-sdk: classify(TcbError | Node error, { provider: cloudbase })', () => {
  let tcb: any;
  let app: any;
  let server: SdkServer;
  const get = (): Promise<unknown> => app.database().collection('todos').get();
  const rejected = (answer: Answer, call = get): Promise<unknown> => {
    server.answer(answer);
    return rejectionOf(call);
  };
  const init = (serviceUrl: string, extra: Record<string, unknown> = {}): unknown =>
    tcb.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', serviceUrl, timeout: 200, ...extra });

  beforeAll(async () => {
    server = await startSdkServer();
    tcb = (await import('@cloudbase/node-sdk')).default;
    app = init(`${server.url}/admin`);
  });
  afterAll(() => server.close());

  it.each([
    ['DATABASE_TIMEOUT', 'timeout', 'idempotent'],
    ['ACCESS_TOKEN_EXPIRED', 'session_expired', 'after-refresh'],
  ] as const)('HTTP 200 {code: %s}: the code and the server’s request id', async (code, kind, retry) => {
    const error = expectClassified(await rejected(reply.json(200, { code, message: 'm', requestId: 'srv-2' })), cloudbase, { kind, retry, code });
    expect(error.requestId).toBe('srv-2');
  });

  it.each([
    ['EXCEED_TOKEN_QUOTA_LIMIT', 429, 'rate_limited', 'always'],
    ['ACCESS_TOKEN_EXPIRED', 401, 'unauthenticated', 'never'],
  ] as const)('%s in an HTTP %i body (never read): TcbError {code: status} is that status, not unknown', async (code, status, kind, retry) => {
    const e = await rejected(reply.json(status, { code, message: 'from body', requestId: 'srv-3' }, { 'retry-after': '7' }));
    const error = expectClassified(e, cloudbase, { kind, retry, code: status, status });
    expect(error.request?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\?env=faultline-env-1a2b&seqId=/);
    // No worse than no provider (core's fallback on a numeric code that is an HTTP status).
    expect(classify(e).kind).toBe(kind);
  });

  it('callFunction on HTTP 429: a rate limit', async () => {
    const call = (): Promise<unknown> => app.callFunction({ name: 'f', data: { a: 1 } });
    expectClassified(await rejected(reply.json(429, { code: 'EXCEED_REQUEST_LIMIT', message: 'x' }), call), cloudbase, { kind: 'rate_limited', retry: 'always', code: 429, status: 429 });
  });

  it.each(HTML_5XX)('HTTP %i HTML page, a bare SyntaxError from inside the SDK: the answer was not the API’s', async (status) => {
    const e = await rejected(reply.html(status));
    expect(e).toBeInstanceOf(SyntaxError);
    expectClassified(e, cloudbase, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
  });

  it('a SyntaxError that did not come from the SDK is not read as CloudBase’s', () => {
    let thrown: unknown;
    try {
      JSON.parse('<html>');
    } catch (error) {
      thrown = error;
    }
    expect(classify(thrown, { provider: cloudbase }).kind).toBe('unknown');
  });

  it('HTTP 503 empty body: TcbError 503', async () => {
    expectClassified(await rejected(reply.empty(503)), cloudbase, { kind: 'unavailable', retry: 'always', code: 503, status: 503 });
  });

  it('connections lost: Node’s ECONNRESET', async () => {
    expectClassified(await rejected(reply.resetBeforeHeaders()), cloudbase, { kind: 'network', retry: 'idempotent', code: 'ECONNRESET' });
    expectClassified(await rejected(reply.resetMidBody(200)), cloudbase, { kind: 'network', retry: 'idempotent', code: 'ECONNRESET' });
  });

  it('a refused connection: never sent', async () => {
    const refused = init(`${await refusedUrl()}/admin`) as any;
    expectClassified(await rejectionOf(() => refused.database().collection('todos').get()), cloudbase, { kind: 'network', retry: 'always', code: 'ECONNREFUSED' });
  });

  it('its own timeout, ESOCKETTIMEDOUT: a timeout', async () => {
    expectClassified(await rejected(reply.stall()), cloudbase, { kind: 'timeout', retry: 'idempotent', code: 'ESOCKETTIMEDOUT' });
  });

  it('HTTP 503 with `retries: 2` (sent once): TcbError 503', async () => {
    const retrying = init(`${server.url}/admin`, { retries: 2 }) as any;
    expectClassified(await rejected(reply.empty(503), () => retrying.database().collection('todos').get()), cloudbase, { kind: 'unavailable', retry: 'always', code: 503, status: 503 });
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('@cloudbase/js-sdk: its resolved results through cloudbaseResult(), its rejections through classify()', () => {
  let sdk: any;
  let app: any;
  let server: SdkServer;
  const get = (): Promise<unknown> => app.database().collection('todos').get();
  async function settled(answer: Answer, call = get): Promise<{ rejected: boolean; value: any }> {
    server.answer(answer);
    return (await settle(call())) as { rejected: boolean; value: any };
  }
  /** The typed error cloudbaseResult() throws for a resolved result. */
  function thrownBy(result: unknown): unknown {
    try {
      cloudbaseResult(result);
    } catch (error) {
      return error;
    }
    throw new Error('cloudbaseResult() did not throw');
  }

  beforeAll(async () => {
    server = await startSdkServer();
    sdk = (await import('@cloudbase/js-sdk')).default;
    app = sdk.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', timeout: 150 });
    app.registerHost(server.url.slice('http://'.length), 'http');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('a success passes through cloudbaseResult() as it is', async () => {
    const { rejected, value } = await settled(reply.json(200, { data: { list: [{ _id: 'a' }] } }));
    expect(rejected).toBe(false);
    expect(cloudbaseResult(value)).toBe(value);
  });

  it.each([
    ['DATABASE_TIMEOUT', 200, 'timeout', 'idempotent'],
    ['DATABASE_TIMEOUT', 500, 'timeout', 'idempotent'],
    ['EXCEED_TOKEN_QUOTA_LIMIT', 429, 'quota_exceeded', 'never'],
    ['ACCESS_TOKEN_EXPIRED', 401, 'session_expired', 'after-refresh'],
  ] as const)('%s in an HTTP %i body RESOLVES: the code, the status and Retry-After from the raw Response, the server’s request id', async (code, status, kind, retry) => {
    const { rejected, value } = await settled(reply.json(status, { code, message: 'from body', requestId: 'srv-1' }, { 'retry-after': '7' }));
    expect(rejected).toBe(false);
    const thrown = thrownBy(value);
    expect(thrown).toBe(classify(thrown)); // a FaultlineError already
    const error = expectClassified(value, cloudbase, { kind, retry, code, status, retryAfterMs: 7000 });
    expect([error.requestId, error.message]).toEqual(['srv-1', `cloudbase ${code}, HTTP ${status}: from body`]);
    expect((thrown as FaultlineError).kind).toBe(kind);
  });

  it.each(HTML_5XX)('HTTP %i HTML page RESOLVES {data: []}: indistinguishable from an empty result (only the plug sees it)', async (status) => {
    const { rejected, value } = await settled(reply.html(status));
    expect(rejected).toBe(false);
    expect(cloudbaseResult(value)).toEqual({ data: [], requestId: expect.any(String) });
  });

  it('HTTP 503 empty body, the SDK’s own TypeError: the answer was not the API’s', async () => {
    const { rejected, value } = await settled(reply.empty(503));
    expect(rejected).toBe(true);
    expectClassified(value, cloudbase, { kind: 'unavailable', retry: 'idempotent', code: 'NON_JSON_RESPONSE' });
  });

  it('a TypeError of the same text from the app’s own code is not read as CloudBase’s', () => {
    let thrown: unknown;
    try {
      void (null as unknown as { list: unknown }).list;
    } catch (error) {
      thrown = error;
    }
    expect(classify(thrown, { provider: cloudbase }).kind).toBe('unknown');
  });

  it('connections lost: fetch’s TypeError with undici’s cause', async () => {
    for (const answer of [reply.resetBeforeHeaders(), reply.resetMidBody(200)]) {
      const { rejected, value } = await settled(answer);
      expect(rejected).toBe(true);
      expectClassified(value, cloudbase, { kind: 'network', retry: 'idempotent', code: 'UND_ERR_SOCKET' });
    }
  });

  it('a refused connection: never sent', async () => {
    const other = sdk.init({ env: 'faultline-env-refused', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', timeout: 150 });
    other.registerHost((await refusedUrl()).slice('http://'.length), 'http');
    expectClassified(await rejectionOf(() => other.database().collection('todos').get()), cloudbase, { kind: 'network', retry: 'always', code: 'ECONNREFUSED' });
  });

  it('its own timeout ("请求在0.15s内未完成，已中断"): a timeout', async () => {
    const { rejected, value } = await settled(reply.stall());
    expect(rejected).toBe(true);
    const error = expectClassified(value, cloudbase, { kind: 'timeout', retry: 'idempotent', code: 'ETIMEDOUT' });
    expect(error.requestId).toBe(server.received[0]!.headers['x-request-id']);
  });

  it('callFunction with an error body (HTTP 429) RESOLVES {code, message, requestId}: the code (the status is gone)', async () => {
    const call = (): Promise<unknown> => app.callFunction({ name: 'f', data: { a: 1 } });
    const { rejected, value } = await settled(reply.json(429, { code: 'FUNCTION_EXCEED_RESOURCE_LIMIT', message: 'limit' }), call);
    expect(rejected).toBe(false);
    expect((thrownBy(value) as FaultlineError).kind).toBe('rate_limited');
    expectClassified(value, cloudbase, { kind: 'rate_limited', retry: 'always', code: 'FUNCTION_EXCEED_RESOURCE_LIMIT' });
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('easemob-websdk: classify(its error, { provider: easemob })', () => {
  const g = globalThis as Record<string, unknown>;
  const xhr = browserLikeXhr({ timeoutCapMs: 150 });
  const saved: Record<string, unknown> = {};
  let EC: any;
  let server: SdkServer;
  const connection = (apiUrl = server.url): any => new EC.connection({ appKey: 'faultline#app', isHttpDNS: false, apiUrl, url: 'ws://127.0.0.1:9/websocket' });
  const login = (conn = connection()): Promise<unknown> => conn.open({ user: 'alice', pwd: 'secret-pwd' });
  const rejected = (answer: Answer, call: () => Promise<unknown> = login): Promise<unknown> => {
    server.answer(answer);
    return rejectionOf(call);
  };

  beforeAll(async () => {
    for (const key of ['self', 'window', 'navigator', 'XMLHttpRequest', 'request']) saved[key] = g[key];
    Object.assign(g, { self: globalThis, window: { WebSocket: class {} }, XMLHttpRequest: xhr.XMLHttpRequest });
    Object.defineProperty(g, 'navigator', { value: { userAgent: 'node', onLine: true }, configurable: true, writable: true });
    server = await startSdkServer();
    EC = (await import('easemob-websdk')).default;
    EC.logger.setLevel(5);
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete g[key];
      else Object.defineProperty(g, key, { value, configurable: true, writable: true });
    }
    await server.close();
  });

  it.each([
    ['reach_limit', 'This request has reached api limit', 'rate_limited', 'always'],
    // A quota (the community edition's limit): never retried, though the SDK says "Server is busy."
    ['resource_limited', 'You have exceeded the limit of the community edition', 'quota_exceeded', 'never'],
  ] as const)('HTTP 429 %s ("Server is busy."): the error name read from the response text', async (code, description, kind, retry) => {
    const e = await rejected(reply.json(429, { error: code, error_description: description, exception: 'x' }, { 'retry-after': '7' }));
    expectClassified(e, easemob, { kind, retry, code, status: 429 });
  });

  it('HTTP 429 "…reached the maximum limit" (MAX_LIMIT): reach_limit', async () => {
    const e = await rejected(reply.json(429, { error: 'reach_limit', error_description: 'The request has reached the maximum limit' }));
    expectClassified(e, easemob, { kind: 'rate_limited', retry: 'always', code: 'reach_limit', status: 429 });
  });

  it('HTTP 401 expired token: session_expired (refresh once), not unauthenticated', async () => {
    const e = await rejected(reply.json(401, { error: 'unauthorized', error_description: 'Unable to authenticate due to expired access token' }));
    expectClassified(e, easemob, { kind: 'session_expired', retry: 'after-refresh', code: 'unauthorized', status: 401 });
  });

  it('HTTP 503 empty body: unavailable', async () => {
    expectClassified(await rejected(reply.empty(503)), easemob, { kind: 'unavailable', retry: 'always', code: 503, status: 503 });
  });

  it.each([
    ['reset before headers', reply.resetBeforeHeaders()],
    ['reset mid-body', reply.resetMidBody(200)],
  ])('%s (REQUEST_UNKNOWN, httpCode 0): a network error', async (_scenario, answer) => {
    expectClassified(await rejected(answer), easemob, { kind: 'network', retry: 'idempotent', code: 'ERR_NETWORK' });
  });

  it('a refused connection (REQUEST_UNKNOWN): a network error', async () => {
    const refused = connection(await refusedUrl());
    expectClassified(await rejectionOf(() => login(refused)), easemob, { kind: 'network', retry: 'idempotent', code: 'ERR_NETWORK' });
  });

  it('its own 15 s timeout (REQUEST_TIMEOUT): a timeout', async () => {
    expectClassified(await rejected(reply.stall()), easemob, { kind: 'timeout', retry: 'idempotent', code: 'ETIMEDOUT' });
  });

  it('a REST call after login (a plain object, no extraInfo): the error name from the response text', async () => {
    const conn = connection();
    Object.assign(conn, { token: 'tok', user: 'alice' });
    Object.assign(conn.context, { accessToken: 'tok', userId: 'alice', orgName: 'faultline', appName: 'app' });
    const e = await rejected(reply.json(429, { error: 'reach_limit', error_description: 'This request has reached api limit' }), () => conn.getContacts());
    expectClassified(e, easemob, { kind: 'rate_limited', retry: 'always', code: 'reach_limit' });
    const empty = await rejected(reply.empty(503), () => conn.getContacts());
    expectClassified(empty, easemob, { kind: 'unavailable', retry: 'always', code: 503, status: 503 });
  });

  describe('outside a browser (globalThis.request, wx.request’s contract)', () => {
    beforeAll(() => {
      delete g.window;
    });
    afterAll(() => {
      g.window = { WebSocket: class {} };
      delete g.request;
    });

    it('a 429 keeps its headers there: Retry-After honoured', async () => {
      g.request = (options: any) =>
        setImmediate(() => options.success({ statusCode: 429, data: { error: 'reach_limit', error_description: 'This request has reached api limit' }, header: { 'Retry-After': '7' } }));
      expectClassified(await rejected(reply.stall()), easemob, { kind: 'rate_limited', retry: 'always', code: 'reach_limit', status: 429, retryAfterMs: 7000 });
    });

    it.each(['request:fail timeout', 'request:fail'])('fail({errMsg: %j}): a network error (the SDK drops the timeout)', async (errMsg) => {
      g.request = (options: any) => setImmediate(() => options.fail({ errMsg }));
      expectClassified(await rejected(reply.stall()), easemob, { kind: 'network', retry: 'idempotent', code: 'ERR_NETWORK' });
    });
  });
});

it('made no connection beyond loopback but the CloudBase SDKs’ metadata probe', () => {
  expect(new Set(guard.blocked.map((b) => b.host))).toEqual(new Set(['metadata.tencentyun.com']));
});
