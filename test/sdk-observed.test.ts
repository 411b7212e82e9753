/**
 * What the real official SDKs hand an app when a request fails, observed against a loopback
 * server, and how each one lets a transport be plugged in. These assertions pin the SDKs'
 * behaviour, not faultline's: an SDK update that changes a shape a reader depends on fails here
 * first, loudly. The versions are the exact pins in package.json; docs/sdk-report.md explains every
 * shape and what a reader must take from it.
 *
 * No wall-clock waits: SDK timeouts are set small where an SDK has one, and each test waits for
 * the SDK's own settlement (or, for a hang, for the SDK's own exception).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserLikeXhr } from './helpers/browser-xhr.js';
import { useLoopbackOnly, type BlockedAttempt } from './helpers/loopback-only.js';
import { refusedUrl, reply, startSdkServer, type Answer, type SdkServer } from './helpers/sdk-server.js';
import { settle, shapeOf } from './helpers/shape.js';

const guard = useLoopbackOnly();

// Every observation, for the report: FAULTLINE_SDK_OBSERVATIONS=<file> writes them as JSON.
const observations: Record<string, Record<string, unknown>> = {};
const blockedBySdk: Record<string, string[]> = {};
function note(sdk: string, scenario: string, settled: { rejected: boolean; value: unknown }): void {
  (observations[sdk] ??= {})[scenario] = { settled: settled.rejected ? 'rejected' : 'resolved', value: shapeOf(settled.value, 4) };
}
afterAll(() => {
  const file = process.env.FAULTLINE_SDK_OBSERVATIONS;
  if (file) writeFileSync(file, JSON.stringify({ observations, blocked: blockedBySdk }, null, 1));
});

/** Collects the guard's refusals made while one SDK's describe block ran. */
function trackBlocked(sdk: string): () => BlockedAttempt[] {
  let from = 0;
  beforeAll(() => {
    from = guard.blocked.length;
  });
  afterAll(() => {
    blockedBySdk[sdk] = [...new Set(guard.blocked.slice(from).map((b) => `${b.via} ${b.host}:${b.port ?? ''}`))];
  });
  return () => guard.blocked.slice(from);
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  const settled = await settle(promise);
  if (!settled.rejected) throw new Error(`expected a rejection, got ${JSON.stringify(shapeOf(settled.value))}`);
  return settled.value;
}

const HTML_5XX = [502, 503, 504] as const;

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('leancloud-storage 4.15.2', () => {
  const blocked = trackBlocked('leancloud-storage');
  let AV: any;
  let nodeRequest: unknown;
  let server: SdkServer;
  let url: string;
  const find = (): Promise<unknown> => new AV.Query('Todo').find();
  async function observe(scenario: string, answer: Answer): Promise<any> {
    server.answer(answer);
    const settled = await settle(find());
    note('leancloud-storage', scenario, settled);
    expect(settled.rejected).toBe(true);
    return settled.value;
  }

  beforeAll(async () => {
    server = await startSdkServer();
    AV = (await import('leancloud-storage')).default;
    nodeRequest = ((await import('@leancloud/platform-adapters-node')) as any).request;
    // An app id not ending in -MdYXbMMI is a CN app, which must name its server; a serverURL also
    // switches off the app router (a GET to app-router.com).
    AV.init({ appId: 'faultline-test-app', appKey: 'app-key-secret', serverURL: server.url });
    url = `${server.url}/1.1/classes/Todo`;
  });
  afterAll(() => server.close());

  it('points at serverURL and phones nowhere else', async () => {
    server.answer(reply.json(200, { results: [] }));
    expect(await find()).toEqual([]);
    expect(server.received[0]).toMatchObject({ method: 'GET', url: '/1.1/classes/Todo?where=%7B%7D' });
    expect(server.received[0]!.headers).toMatchObject({ 'x-lc-id': 'faultline-test-app' });
    expect(server.received[0]!.headers['x-lc-sign']).toMatch(/^[0-9a-f]{32},\d+$/);
  });

  it.each([
    [101, 404, 'Object not found.'],
    [140, 403, 'Exceeded the maximum API request limit.'],
    [1, 500, 'Internal server error. No information available.'],
    [155, 429, 'Too many requests.'],
  ])('code %i in a JSON body (HTTP %i): code and text survive, the status only inside message', async (code, status, text) => {
    const e = await observe(`${code} (HTTP ${status})`, reply.json(status, { code, error: text }, { 'retry-after': '7', 'x-request-id': 'req-1' }));
    expect(e).toBeInstanceOf(AV.Error);
    expect(e.constructor).toBe(Error); // AV.Error's prototype says its constructor is Error
    expect({ code: e.code, rawMessage: e.rawMessage, message: e.message }).toEqual({
      code,
      rawMessage: text,
      message: `${text} [${status} GET ${url}]`,
    });
    // No status, headers (Retry-After, request id) or body besides the code and text.
    expect(Object.keys(e).sort()).toEqual(['code', 'rawMessage']);
  });

  it.each(HTML_5XX)('HTTP %i with an HTML page: code -1 and "undefined [status GET url]"', async (status) => {
    const e = await observe(`HTTP ${status} HTML page`, reply.html(status, { 'retry-after': '30' }));
    expect({ code: e.code, message: e.message }).toEqual({ code: -1, message: `undefined [${status} GET ${url}]` });
    expect('rawMessage' in e && e.rawMessage === undefined).toBe(true);
    expect(Object.keys(e).sort()).toEqual(['code', 'rawMessage']);
  });

  it('HTTP 503 with an empty body: the same code -1 "undefined [503 GET url]"', async () => {
    const e = await observe('HTTP 503 empty body', reply.empty(503, { 'retry-after': '3' }));
    expect({ code: e.code, message: e.message }).toEqual({ code: -1, message: `undefined [503 GET ${url}]` });
  });

  it('a connection lost before the headers: the Node errno as code, "socket hang up"', async () => {
    const e = await observe('reset before headers', reply.resetBeforeHeaders());
    expect({ code: e.code, rawMessage: e.rawMessage, message: e.message }).toEqual({
      code: 'ECONNRESET',
      rawMessage: 'socket hang up',
      message: `socket hang up [N/A GET ${url}]`,
    });
  });

  it('a connection lost mid-body: ECONNRESET "aborted"', async () => {
    const e = await observe('reset mid-body', reply.resetMidBody(200));
    expect({ code: e.code, rawMessage: e.rawMessage }).toEqual({ code: 'ECONNRESET', rawMessage: 'aborted' });
  });

  it('a refused connection: ECONNREFUSED with the address in the text', async () => {
    const refused = await refusedUrl();
    AV.setServerURLs(refused);
    try {
      const settled = await settle(find());
      note('leancloud-storage', 'refused connection', settled);
      const e = settled.value as any;
      expect(e.code).toBe('ECONNREFUSED');
      expect(e.rawMessage).toBe(`connect ECONNREFUSED ${refused.slice('http://'.length)}`);
      expect(e.message).toBe(`${e.rawMessage} [N/A GET ${refused}/1.1/classes/Todo]`);
    } finally {
      AV.setServerURLs(server.url);
    }
  });

  it('its own timeout (AV.setRequestTimeout): code -1 "Timeout", and the request is left running', async () => {
    AV.setRequestTimeout(100);
    try {
      const e = await observe('own timeout (100 ms)', reply.stall());
      expect({ code: e.code, rawMessage: e.rawMessage, message: e.message }).toEqual({
        code: -1,
        rawMessage: 'Timeout',
        message: `Timeout [N/A GET ${url}]`,
      });
    } finally {
      AV.setRequestTimeout(undefined);
    }
  });

  it('keepErrorRawMessage(true) leaves message as the server wrote it', async () => {
    AV.keepErrorRawMessage(true);
    try {
      const e = await observe('140 with keepErrorRawMessage', reply.json(403, { code: 140, error: 'Exceeded.' }));
      expect([e.code, e.message, e.rawMessage]).toEqual([140, 'Exceeded.', 'Exceeded.']);
    } finally {
      AV.keepErrorRawMessage(false);
    }
  });

  describe('transport hook: AV.setAdapters({ request })', () => {
    afterAll(() => AV.setAdapters({ request: nodeRequest }));

    it('gets (url with the query, { method, headers, data, onprogress }) and no AbortSignal', async () => {
      const calls: Array<{ url: string; options: any }> = [];
      AV.setAdapters({
        request: async (u: string, options: any) => {
          calls.push({ url: u, options });
          return { ok: true, status: 200, headers: {}, data: u.includes('classes/Todo?where') ? { results: [] } : { objectId: 'o1', createdAt: '2020-01-01T00:00:00.000Z' } };
        },
      });
      await find();
      await new AV.Object('Todo').save({ title: 'x' });
      expect(calls[0]!.url).toBe(`${url}?where=%7B%7D`);
      expect(calls[0]!.options).toMatchObject({ method: 'GET', data: undefined });
      expect(Object.keys(calls[0]!.options.headers).sort()).toEqual(['Content-Type', 'User-Agent', 'X-LC-Id', 'X-LC-Sign']);
      expect(calls[1]).toMatchObject({ url: `${url}?`, options: { method: 'POST', data: { title: 'x' } } });
      expect(calls.every((c) => !('signal' in c.options) || c.options.signal === undefined)).toBe(true);
    });

    it('a response with ok:false is read like the server’s: every field of `data` lands on the AV.Error', async () => {
      const carried = new Error('carried through');
      AV.setAdapters({ request: async () => ({ ok: false, status: 429, headers: { 'retry-after': '7' }, data: { code: 155, error: 'Too many', carried } }) });
      const e = await rejection(find());
      expect(e.carried).toBe(carried);
      expect({ code: e.code, message: e.message }).toEqual({ code: 155, message: `Too many [429 GET ${url}]` });
    });

    it('a rejection keeps only code and message: cause and other fields are dropped', async () => {
      const cause = new Error('root');
      AV.setAdapters({ request: async () => Promise.reject(Object.assign(new Error('boom'), { code: 'EBOOM', cause, status: 503 })) });
      const e = await rejection(find());
      expect({ code: e.code, rawMessage: e.rawMessage, cause: e.cause, status: e.status }).toEqual({ code: 'EBOOM', rawMessage: 'boom', cause: undefined, status: undefined });
    });

    it('a rejection carrying `response: { status, data }` is read like a response: data’s fields land on the error', async () => {
      const carried = new Error('carried through');
      AV.setAdapters({ request: async () => Promise.reject(Object.assign(new Error('x'), { response: { status: 503, data: { code: 'FL', error: 'y', carried } } })) });
      const e = await rejection(find());
      expect([e.code, e.message, e.carried]).toEqual(['FL', `y [503 GET ${url}]`, carried]);
    });

    it('`text` on a response is what fills message when the body has no code (the Node adapter never sets it)', async () => {
      AV.setAdapters({ request: async () => ({ ok: false, status: 502, headers: {}, data: {}, text: '<html>502</html>' }) });
      const e = await rejection(find());
      expect([e.code, e.message]).toEqual([-1, `<html>502</html> [502 GET ${url}]`]);
    });
  });

  it('made no connection beyond loopback', () => {
    expect(blocked()).toEqual([]);
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('parse 8.6.2', () => {
  const blocked = trackBlocked('parse');
  let Parse: any;
  let server: SdkServer;
  const find = (): Promise<unknown> => new Parse.Query('Todo').find();
  async function observe(scenario: string, answer: Answer, call: () => Promise<unknown> = find): Promise<any> {
    server.answer(answer);
    const settled = await settle(call());
    note('parse', scenario, settled);
    expect(settled.rejected).toBe(true);
    return settled.value;
  }

  beforeAll(async () => {
    server = await startSdkServer();
    Parse = (await import('parse/node')).default;
    Parse.initialize('faultline-app-id', 'js-key');
    Parse.serverURL = `${server.url}/parse`;
    // Parse's retry delay is Math.random() * 125 * 2^attempt: zero it, so retries take no time.
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('sends every call as POST; reads carry _method: "GET" and the keys in a text/plain body', async () => {
    server.answer(reply.json(200, { results: [] }));
    expect(await find()).toEqual([]);
    const [request] = server.received;
    expect(request).toMatchObject({ method: 'POST', url: '/parse/classes/Todo' });
    expect(request!.headers['content-type']).toBe('text/plain');
    expect(JSON.parse(request!.body)).toMatchObject({ where: {}, _method: 'GET', _ApplicationId: 'faultline-app-id', _JavaScriptKey: 'js-key', _ClientVersion: 'js8.6.2' });
  });

  it.each([
    [209, 400, 'Invalid session token'],
    [101, 404, 'Object not found.'],
    [155, 429, 'Request limit exceeded'],
    [100, 429, 'Too many requests'], // what parse-server's own rate limiter sends
  ])('code %i in a JSON body (HTTP %i): a ParseError with that code; status and headers gone', async (code, status, text) => {
    const e = await observe(`${code} (HTTP ${status})`, reply.json(status, { code, error: text }, { 'retry-after': '7', 'x-request-id': 'req-1' }));
    expect(e).toBeInstanceOf(Parse.Error);
    expect(e.constructor.name).toBe('ParseError');
    expect(Object.keys(e)).toEqual(['message', 'code']); // message is redefined as an own enumerable property
    expect([e.code, e.message]).toEqual([code, text]);
    expect(server.received).toHaveLength(1); // 4xx are not retried
  });

  it('a 4xx whose body is not JSON: a code-less ParseError carrying JSON.parse’s message', async () => {
    const e = await observe('HTTP 429 HTML page', reply.html(429, { 'retry-after': '7' }));
    expect(e.code).toBeUndefined();
    expect(e.message).toMatch(/^Unexpected token '<', .* is not valid JSON$/s);
  });

  it.each(HTML_5XX)('HTTP %i with an HTML page: tried 5 times, then a code-less ParseError (JSON.parse’s message)', async (status) => {
    const e = await observe(`HTTP ${status} HTML page`, reply.html(status));
    expect(server.received).toHaveLength(5); // REQUEST_ATTEMPT_LIMIT
    expect(e.code).toBeUndefined();
    expect(e.message).toMatch(/is not valid JSON$/);
  });

  it('HTTP 503 with a JSON code: tried 5 times, then that code', async () => {
    const e = await observe('HTTP 503 JSON code 1', reply.json(503, { code: 1, error: 'Internal server error.' }));
    expect(server.received).toHaveLength(5);
    expect([e.code, e.message]).toEqual([1, 'Internal server error.']);
  });

  it('HTTP 503 with an empty body: tried 5 times, then "Unexpected end of JSON input", no code', async () => {
    const e = await observe('HTTP 503 empty body', reply.empty(503, { 'retry-after': '3' }));
    expect(server.received).toHaveLength(5);
    expect([e.code, e.message]).toEqual([undefined, 'Unexpected end of JSON input']);
  });

  it('a connection lost before the headers: not retried, a code-less ParseError "fetch failed" (the cause is dropped)', async () => {
    const e = await observe('reset before headers', reply.resetBeforeHeaders());
    expect(server.received).toHaveLength(1);
    expect([e.code, e.message, e.cause]).toEqual([undefined, 'fetch failed', undefined]);
  });

  it('a connection lost mid-body: "terminated", no code; on a 5xx only after 5 tries', async () => {
    const e = await observe('reset mid-body (200)', reply.resetMidBody(200));
    expect([e.code, e.message]).toEqual([undefined, 'terminated']);
    const again = await observe('reset mid-body (503)', reply.resetMidBody(503));
    expect(server.received).toHaveLength(5);
    expect(again.message).toBe('terminated');
  });

  it('a refused connection: code 100, "XMLHttpRequest failed: \\"Unable to connect to the Parse API\\"", not retried', async () => {
    Parse.serverURL = `${await refusedUrl()}/parse`;
    try {
      const settled = await settle(find());
      note('parse', 'refused connection', settled);
      const e = settled.value as any;
      expect([e.code, e.message]).toEqual([100, 'XMLHttpRequest failed: "Unable to connect to the Parse API"']);
    } finally {
      Parse.serverURL = `${server.url}/parse`;
    }
  });

  it('has no timeout of its own; cancelling a hung query RESOLVES it with [] (an abort reads as an empty result)', async () => {
    server.answer(reply.stall());
    const query = new Parse.Query('Todo');
    const pending = query.find();
    await server.requests(1);
    query.cancel();
    const settled = await settle(pending);
    note('parse', 'hung request, then query.cancel()', settled);
    expect(settled).toEqual({ rejected: false, value: [] });
  });

  it('retries a create (POST) on 5xx even without idempotency; with it, every try carries one X-Parse-Request-Id (no _RequestId in the body)', async () => {
    await observe('save on HTTP 503 (idempotency off)', reply.html(503), () => new Parse.Object('Todo').save({ a: 1 }));
    expect(server.received).toHaveLength(5);
    expect(server.received.every((r) => r.headers['x-parse-request-id'] === undefined)).toBe(true);
    Parse.idempotency = true;
    try {
      await observe('save on HTTP 503 (idempotency on)', reply.html(503), () => new Parse.Object('Todo').save({ a: 1 }));
      const ids = new Set(server.received.map((r) => r.headers['x-parse-request-id']));
      expect(server.received).toHaveLength(5);
      expect(ids.size).toBe(1);
      expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(server.received.some((r) => r.body.includes('_RequestId'))).toBe(false);
    } finally {
      Parse.idempotency = false;
    }
  });

  describe('transport hooks', () => {
    it('global fetch is what it calls, at call time', async () => {
      const realFetch = globalThis.fetch;
      const seen: string[] = [];
      globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
        seen.push(`${init?.method} ${String(input)}`);
        return realFetch(input, init);
      }) as typeof fetch;
      try {
        server.answer(reply.json(200, { results: [] }));
        await find();
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(seen).toEqual([`POST ${server.url}/parse/classes/Todo`]);
    });

    it('RESTController.ajax (mutated in place) gets (method, url, body string, headers, options); its rejection becomes a new ParseError(code, message)', async () => {
      const controller = Parse.CoreManager.getRESTController();
      const ajax = controller.ajax;
      const mine = Object.assign(new Error('mine'), { code: 155, extra: 1 });
      const calls: unknown[][] = [];
      controller.ajax = async (...args: unknown[]) => {
        calls.push(args);
        throw mine;
      };
      try {
        const e = await rejection(find());
        expect(e).not.toBe(mine);
        expect([e.constructor.name, e.code, e.message, e.extra]).toEqual(['ParseError', 155, 'mine', undefined]);
        expect(calls[0]!.slice(0, 4)).toEqual(['POST', `${server.url}/parse/classes/Todo`, expect.stringContaining('"_method":"GET"'), {}]);
      } finally {
        controller.ajax = ajax;
      }
    });

    it('a controller whose request() rejects hands that very object to the caller (find and save)', async () => {
      const base = Parse.CoreManager.getRESTController();
      const mine = Object.assign(new Error('mine'), { code: 155 });
      Parse.CoreManager.setRESTController({ ...base, request: (...args: unknown[]) => base.request(...args).catch(() => Promise.reject(mine)) });
      try {
        server.answer(reply.json(429, { code: 155, error: 'x' }));
        expect(await rejection(find())).toBe(mine);
        expect(await rejection(new Parse.Object('Todo').save({ a: 1 }))).toBe(mine);
      } finally {
        Parse.CoreManager.setRESTController(base);
      }
    });
  });

  it('made no connection beyond loopback', () => {
    expect(blocked()).toEqual([]);
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('@cloudbase/node-sdk 3.18.3', () => {
  const blocked = trackBlocked('@cloudbase/node-sdk');
  let tcb: any;
  let app: any;
  let server: SdkServer;
  const get = (): Promise<unknown> => app.database().collection('todos').get();
  async function observe(scenario: string, answer: Answer, call: () => Promise<unknown> = get): Promise<any> {
    server.answer(answer);
    const settled = await settle(call());
    note('@cloudbase/node-sdk', scenario, settled);
    expect(settled.rejected).toBe(true);
    return settled.value;
  }
  const requestUrl = (): string => `${server.url}${server.received[0]!.url}`;

  beforeAll(async () => {
    server = await startSdkServer();
    tcb = (await import('@cloudbase/node-sdk')).default;
    // serviceUrl replaces https://<env>.<region>.tcb-api.tencentcloudapi.com/admin; the SDK appends ?env=…&seqId=….
    app = tcb.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', serviceUrl: `${server.url}/admin`, timeout: 200 });
  });
  afterAll(() => server.close());

  it('POSTs to serviceUrl with env and seqId in the query, a TC3 signature, the action in the body', async () => {
    server.answer(reply.json(200, { requestId: 'srv-1', data: { list: [] } }));
    expect(await get()).toEqual({ data: [], requestId: 'srv-1' });
    const [request] = server.received;
    expect(request!.method).toBe('POST');
    expect(request!.url).toMatch(/^\/admin\?env=faultline-env-1a2b&seqId=[0-9a-f]+_\d+$/);
    expect(request!.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDfaultline\//);
    expect(JSON.parse(request!.body)).toMatchObject({ action: 'database.getDocument', collectionName: 'todos', envName: 'faultline-env-1a2b' });
  });

  it.each(['DATABASE_TIMEOUT', 'ACCESS_TOKEN_EXPIRED'])('HTTP 200 with code %s: a TcbError with code, message and the server’s requestId', async (code) => {
    const e = await observe(`${code} (HTTP 200)`, reply.json(200, { code, message: `${code} text`, requestId: 'srv-2' }));
    expect(e.constructor.name).toBe('TcbError');
    expect(Object.keys(e).sort()).toEqual(['code', 'requestId']);
    expect([e.code, e.message, e.requestId]).toEqual([code, `${code} text`, 'srv-2']);
  });

  it.each([
    ['EXCEED_TOKEN_QUOTA_LIMIT', 429, 'Too Many Requests'],
    ['ACCESS_TOKEN_EXPIRED', 401, 'Unauthorized'],
  ])('%s in the body of an HTTP %i: the body is never read; TcbError {code: status, "status text | [url]", requestId: ""}', async (code, status, text) => {
    const e = await observe(`${code} (HTTP ${status})`, reply.json(status, { code, message: 'from body', requestId: 'srv-3' }, { 'retry-after': '7', 'x-request-id': 'req-1' }));
    expect(e.constructor.name).toBe('TcbError');
    expect([e.code, e.message, e.requestId]).toEqual([status, `${status} ${text} | [${requestUrl()}]`, '']);
  });

  it('callFunction fails the same way (HTTP 429 → TcbError code 429)', async () => {
    const e = await observe('callFunction HTTP 429', reply.json(429, { code: 'EXCEED_REQUEST_LIMIT', message: 'x' }), () => app.callFunction({ name: 'f', data: { a: 1 } }));
    expect([e.constructor.name, e.code]).toEqual(['TcbError', 429]);
  });

  it.each(HTML_5XX)('HTTP %i with an HTML page: a bare SyntaxError from JSON.parse; no status anywhere', async (status) => {
    const e = await observe(`HTTP ${status} HTML page`, reply.html(status));
    expect(e).toBeInstanceOf(SyntaxError);
    expect(Object.keys(e)).toEqual([]);
    expect(e.message).toMatch(/is not valid JSON$/);
  });

  it('HTTP 503 with an empty body: TcbError code 503 "503 Service Unavailable | [url]"', async () => {
    const e = await observe('HTTP 503 empty body', reply.empty(503, { 'retry-after': '3' }));
    expect([e.constructor.name, e.code, e.message]).toEqual(['TcbError', 503, `503 Service Unavailable | [${requestUrl()}]`]);
  });

  it('connections lost: Node’s own errors (ECONNRESET "socket hang up" / "aborted"), unwrapped', async () => {
    const before = await observe('reset before headers', reply.resetBeforeHeaders());
    expect([before.constructor.name, before.code, before.message]).toEqual(['Error', 'ECONNRESET', 'socket hang up']);
    const mid = await observe('reset mid-body', reply.resetMidBody(200));
    expect([mid.code, mid.message]).toEqual(['ECONNRESET', 'aborted']);
  });

  it('a refused connection: Node’s ECONNREFUSED error as is', async () => {
    const refused = tcb.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', serviceUrl: `${await refusedUrl()}/admin`, timeout: 200 });
    const settled = await settle(refused.database().collection('todos').get());
    note('@cloudbase/node-sdk', 'refused connection', settled);
    expect(settled.value).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1' });
  });

  it('its own timeout (config.timeout): Error ESOCKETTIMEDOUT "request timeout", with a malformed url', async () => {
    const e = await observe('own timeout (200 ms)', reply.stall());
    expect(Object.keys(e).sort()).toEqual(['code', 'connecting', 'hasConnected', 'reusedSocket', 'url']);
    expect([e.code, e.message, e.hasConnected]).toEqual(['ESOCKETTIMEDOUT', 'request timeout', true]);
    // `${req.protocol}://${req.host}${req.path}`: protocol already ends in ':' and host has no port.
    expect(e.url).toBe(`http:://127.0.0.1${server.received[0]!.url}`);
  });

  it('`retries` retries network errors only: a 503 is not tried again', async () => {
    const retrying = tcb.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', serviceUrl: `${server.url}/admin`, retries: 2 });
    await observe('HTTP 503 with retries: 2', reply.empty(503), () => retrying.database().collection('todos').get());
    expect(server.received).toHaveLength(1);
  });

  it('asks the Tencent Cloud metadata host on init and on every request (not cached after a failure)', () => {
    const attempts = blocked().filter((b) => b.host === 'metadata.tencentyun.com');
    expect(attempts.length).toBeGreaterThan(server.received.length); // 2 per request, plus 1 per init
    expect(new Set(blocked().map((b) => `${b.host}:${b.port}`))).toEqual(new Set(['metadata.tencentyun.com:80']));
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('@cloudbase/js-sdk 3.7.0 (in Node)', () => {
  const blocked = trackBlocked('@cloudbase/js-sdk');
  let cloudbase: any;
  let app: any;
  let server: SdkServer;
  const get = (): Promise<unknown> => app.database().collection('todos').get();
  async function observe(scenario: string, answer: Answer, call: () => Promise<unknown> = get): Promise<{ rejected: boolean; value: any }> {
    server.answer(answer);
    const settled = await settle(call());
    note('@cloudbase/js-sdk', scenario, settled);
    return settled as { rejected: boolean; value: any };
  }

  beforeAll(async () => {
    server = await startSdkServer();
    cloudbase = (await import('@cloudbase/js-sdk')).default;
    app = cloudbase.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', timeout: 150 });
    // registerHost points both endpoints (CLOUD_API …/web, GATEWAY …/v1) at one host.
    app.registerHost(server.url.slice('http://'.length), 'http');
    vi.spyOn(console, 'log').mockImplementation(() => undefined); // its adapter logs "catch an error" for non-JSON bodies
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // and its timeout text
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('reads through the GATEWAY: GET /v1/database/…/documents with a client-made x-request-id and a TC3 signature', async () => {
    const { value } = await observe('HTTP 200 success', reply.json(200, { data: { list: [] } }));
    const [request] = server.received;
    expect(request!.method).toBe('GET');
    expect(request!.url).toBe('/v1/database/instances/(default)/databases/(default)/collections/todos/documents?offset=0&limit=100&');
    expect(request!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request!.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDfaultline\//);
    expect(value).toEqual({ data: [], requestId: request!.headers['x-request-id'] });
  });

  it.each([
    ['DATABASE_TIMEOUT', 200],
    ['DATABASE_TIMEOUT', 500],
    ['EXCEED_TOKEN_QUOTA_LIMIT', 429],
    ['ACCESS_TOKEN_EXPIRED', 401],
  ])('%s in the body of an HTTP %i: RESOLVES with {code, data: {code, message, requestId, list: []}, response, requestId}', async (code, status) => {
    const { rejected, value } = await observe(`${code} (HTTP ${status})`, reply.json(status, { code, message: 'from body', requestId: 'srv-1' }, { 'retry-after': '7' }));
    expect(rejected).toBe(false);
    expect(Object.keys(value).sort()).toEqual(['code', 'data', 'requestId', 'response']);
    expect(value.code).toBe(code);
    expect(value.data).toEqual({ code, message: 'from body', requestId: 'srv-1', list: [] });
    expect(value.requestId).toBe(server.received[0]!.headers['x-request-id']); // the client's id; the server's is data.requestId
    // statusCode and header are deleted; the raw Response (body already read) is the only place left.
    expect(value.response).toBeInstanceOf(Response);
    expect([value.response.status, value.response.headers.get('retry-after'), value.response.bodyUsed]).toEqual([status, '7', true]);
  });

  it.each(HTML_5XX)('HTTP %i with an HTML page: RESOLVES as an empty result, {data: [], requestId}', async (status) => {
    const { rejected, value } = await observe(`HTTP ${status} HTML page`, reply.html(status));
    expect(rejected).toBe(false);
    expect(value).toEqual({ data: [], requestId: server.received[0]!.headers['x-request-id'] });
  });

  it('HTTP 503 with an empty body: a TypeError from inside the SDK', async () => {
    const { rejected, value } = await observe('HTTP 503 empty body', reply.empty(503));
    expect(rejected).toBe(true);
    expect([value.constructor.name, value.message]).toEqual(['TypeError', "Cannot read properties of null (reading 'list')"]);
  });

  it('connections lost: fetch’s TypeError ("fetch failed" / "terminated") with undici’s cause, plus the client requestId', async () => {
    const before = await observe('reset before headers', reply.resetBeforeHeaders());
    expect(before.rejected).toBe(true);
    expect([before.value.constructor.name, before.value.message, before.value.cause?.code]).toEqual(['TypeError', 'fetch failed', 'UND_ERR_SOCKET']);
    expect(Object.keys(before.value)).toEqual(['requestId']);
    const mid = await observe('reset mid-body', reply.resetMidBody(200));
    expect([mid.rejected, mid.value.message, mid.value.cause?.code]).toEqual([true, 'terminated', 'UND_ERR_SOCKET']);
  });

  it('a refused connection: TypeError "fetch failed", cause ECONNREFUSED', async () => {
    const refused = (await refusedUrl()).slice('http://'.length);
    const other = cloudbase.init({ env: 'faultline-env-refused', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', timeout: 150 });
    other.registerHost(refused, 'http');
    const { rejected, value } = await observe('refused connection', reply.stall(), () => other.database().collection('todos').get());
    expect([rejected, value.message, value.cause?.code]).toEqual([true, 'fetch failed', 'ECONNREFUSED']);
  });

  it('its own timeout (init timeout, ≥ 100 ms): Error "请求在0.15s内未完成，已中断" with the client requestId', async () => {
    const { rejected, value } = await observe('own timeout (150 ms)', reply.stall());
    expect(rejected).toBe(true);
    expect([value.constructor.name, value.message, value.requestId]).toEqual(['Error', '请求在0.15s内未完成，已中断', server.received[0]!.headers['x-request-id']]);
  });

  it('callFunction with an error body (HTTP 429) RESOLVES with {code, message, requestId}', async () => {
    const { rejected, value } = await observe('callFunction HTTP 429', reply.json(429, { code: 'EXCEED_REQUEST_LIMIT', message: 'limit' }), () => app.callFunction({ name: 'f', data: { a: 1 } }));
    expect(rejected).toBe(false);
    expect(value).toEqual({ code: 'EXCEED_REQUEST_LIMIT', message: 'limit', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/v1/functions/f' });
  });

  describe('transport hook: cloudbase.useAdapters(...) with a subclass of the Node request class', () => {
    it('sees every request; what its fetch rejects with reaches the caller as the same object (requestId written onto it)', async () => {
      const base = cloudbase.platform.adapter;
      const seen: string[] = [];
      const mine = new Error('mine');
      class HookedRequest extends base.reqClass {
        constructor(config: unknown) {
          super(config);
          // NodeRequest's methods are instance fields: wrap them after super().
          const fetchThrough = (this as any).fetch;
          (this as any).fetch = async (options: { url: string; method?: string }) => {
            seen.push(`${options.method} ${options.url}`);
            if (options.url.includes('/collections/broken/')) throw mine;
            return fetchThrough(options);
          };
        }
      }
      const adapter = Object.defineProperties({}, Object.getOwnPropertyDescriptors(base)) as Record<string, unknown>;
      adapter.reqClass = HookedRequest;
      cloudbase.useAdapters({ isMatch: () => true, runtime: 'node-faultline', genAdapter: () => adapter });
      try {
        const hooked = cloudbase.init({ env: 'faultline-env-hooked', secretId: 'AKIDfaultline', secretKey: 'secret-key-value', timeout: 150 });
        hooked.registerHost(server.url.slice('http://'.length), 'http');
        server.answer(reply.json(200, { data: { list: [] } }));
        expect(await hooked.database().collection('todos').get()).toMatchObject({ data: [] });
        const e = await rejection(hooked.database().collection('broken').get());
        expect(e).toBe(mine);
        expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(seen[0]).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/database\/.*\/collections\/todos\/documents/);
        expect(server.received[0]!.headers.authorization).toMatch(/^TC3-HMAC-SHA256/); // signing survives the subclass
      } finally {
        cloudbase.useAdapters({ isMatch: () => true, runtime: base.runtime ?? 'node-adapter', genAdapter: () => base });
      }
    });
  });

  it('asks the Tencent Cloud metadata host (fetch to metadata.tencentyun.com:80)', () => {
    expect(new Set(blocked().map((b) => `${b.host}:${b.port}`))).toEqual(new Set(['metadata.tencentyun.com:80']));
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('easemob-websdk 4.21.1', () => {
  const blocked = trackBlocked('easemob-websdk');
  const g = globalThis as Record<string, unknown>;
  const xhr = browserLikeXhr({ timeoutCapMs: 150 });
  const saved: Record<string, unknown> = {};
  let EC: any;
  let server: SdkServer;
  const connection = (apiUrl = server.url): any =>
    // isHttpDNS: false, or it first asks rs.easemob.com (and IP fall-backs) for its REST and socket hosts.
    new EC.connection({ appKey: 'faultline#app', isHttpDNS: false, apiUrl, url: 'ws://127.0.0.1:9/websocket' });
  // Logging in by password is a REST call: POST {apiUrl}/{org}/{app}/token.
  const login = (conn = connection()): Promise<unknown> => conn.open({ user: 'alice', pwd: 'secret-pwd' });
  async function observe(scenario: string, answer: Answer, call: () => Promise<unknown> = login): Promise<any> {
    server.answer(answer);
    const settled = await settle(call());
    note('easemob-websdk', scenario, settled);
    expect(settled.rejected).toBe(true);
    return settled.value;
  }

  beforeAll(async () => {
    for (const key of ['self', 'window', 'navigator', 'XMLHttpRequest', 'request']) saved[key] = g[key];
    // Its UMD wrapper reads `self`; it picks XHR only when window.WebSocket exists (a browser).
    Object.assign(g, { self: globalThis, window: { WebSocket: class {} }, XMLHttpRequest: xhr.XMLHttpRequest });
    Object.defineProperty(g, 'navigator', { value: { userAgent: 'node', onLine: true }, configurable: true, writable: true });
    server = await startSdkServer();
    EC = (await import('easemob-websdk')).default;
    EC.logger.setLevel(5); // silent
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete g[key];
      else Object.defineProperty(g, key, { value, configurable: true, writable: true });
    }
    await server.close();
  });

  it('cannot even be loaded by Node without a `self` global', () => {
    const script = "try { require('easemob-websdk') } catch (e) { console.error(e.name + ': ' + e.message); process.exit(1) }";
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect([run.status, run.stderr.trim()]).toEqual([1, 'ReferenceError: self is not defined']);
  });

  it.each([
    ['reach_limit', 'This request has reached api limit'],
    ['resource_limited', 'You have exceeded the limit of the community edition'],
  ])('HTTP 429 %s: "Server is busy." everywhere; the error name only in the raw response text', async (error, description) => {
    const body = { error, error_description: description, exception: 'x' };
    const e = await observe(`HTTP 429 ${error}`, reply.json(429, body, { 'retry-after': '7' }));
    expect(e.constructor.name).toBe('e'); // the bundle's minified class
    expect(Object.keys(e)).toEqual(['type', 'message', 'data']);
    expect(e).toMatchObject({ type: EC.statusCode.WEBIM_CONNCTION_OPEN_ERROR, message: 'Server is busy.' });
    expect(e.data).toEqual({
      type: EC.statusCode.SERVER_BUSY,
      data: JSON.stringify(body),
      message: 'Server is busy.',
      extraInfo: { elapse: expect.any(Number), httpCode: 429, errDesc: 'Server is busy.', url: `${server.url}/faultline/app/token` },
    });
  });

  it('HTTP 429 "…reached the maximum limit": MAX_LIMIT, message = the raw text, errDesc = the description', async () => {
    const body = { error: 'reach_limit', error_description: 'The request has reached the maximum limit' };
    const e = await observe('HTTP 429 maximum limit', reply.json(429, body));
    expect(e.data).toEqual({ type: EC.statusCode.MAX_LIMIT, message: JSON.stringify(body), extraInfo: expect.objectContaining({ httpCode: 429, errDesc: body.error_description }) });
    expect(e.message).toBe(JSON.stringify(body));
  });

  it('HTTP 401 (expired token): AJAX_ERROR (17), message = the raw text, errDesc = the description', async () => {
    const body = { error: 'unauthorized', error_description: 'Unable to authenticate due to expired access token' };
    const e = await observe('HTTP 401 expired token', reply.json(401, body));
    expect(e.type).toBe(EC.statusCode.WEBIM_CONNCTION_OPEN_ERROR);
    expect(e.data).toMatchObject({ type: EC.statusCode.WEBIM_CONNCTION_AJAX_ERROR, data: JSON.stringify(body), message: JSON.stringify(body), extraInfo: { httpCode: 401, errDesc: body.error_description } });
  });

  it('HTTP 503 with an empty body: SERVER_BUSY with data ""', async () => {
    const e = await observe('HTTP 503 empty body', reply.empty(503));
    expect(e.data).toMatchObject({ type: EC.statusCode.SERVER_BUSY, data: '', message: 'Server is busy.', extraInfo: { httpCode: 503 } });
  });

  it.each(HTML_5XX)('HTTP %i with an HTML page: NEVER settles (JSON.parse throws inside its XHR handler)', async (status) => {
    server.answer(reply.html(status));
    let settled = false;
    const pending = login().finally(() => (settled = true));
    pending.catch(() => undefined);
    const thrown = await xhr.nextReportedError();
    await new Promise((resolve) => setImmediate(resolve));
    note('easemob-websdk', `HTTP ${status} HTML page`, { rejected: false, value: { neverSettles: true, thrownInXhrHandler: shapeOf(thrown) } });
    expect(thrown).toBeInstanceOf(SyntaxError);
    expect(settled).toBe(false);
  });

  it.each([
    ['reset before headers', reply.resetBeforeHeaders()],
    ['reset mid-body', reply.resetMidBody(200)],
  ])('%s: REQUEST_UNKNOWN (-2) "Request Unknow Error", httpCode 0, the XHR itself in data.xhr', async (scenario, answer) => {
    const e = await observe(scenario, answer);
    expect(e.type).toBe(EC.statusCode.WEBIM_CONNCTION_OPEN_ERROR);
    expect(Object.keys(e.data)).toEqual(['type', 'message', 'errorType', 'xhr', 'extraInfo']);
    expect(e.data).toMatchObject({ type: -2, message: 'Request Unknow Error', errorType: 'onerror', extraInfo: { httpCode: 0 } });
    expect(e.data.xhr).toBeInstanceOf(xhr.XMLHttpRequest);
  });

  it('a refused connection: the same REQUEST_UNKNOWN', async () => {
    const refused = connection(await refusedUrl());
    const settled = await settle(login(refused));
    note('easemob-websdk', 'refused connection', settled);
    expect((settled.value as any).data).toMatchObject({ type: -2, errorType: 'onerror', extraInfo: { httpCode: 0 } });
  });

  it('its own timeout is a fixed 15 s XHR timeout: REQUEST_TIMEOUT (-1) "Request Timeout"', async () => {
    const e = await observe('own timeout (15 s, capped here)', reply.stall());
    expect(e.data).toMatchObject({ type: -1, message: 'Request Timeout', errorType: 'timeout_error', extraInfo: { httpCode: 0 } });
    expect(e.data.xhr.requestedTimeout).toBe(15_000);
  });

  it('REST calls after login reject with a plain object, extraInfo (and so the status) removed', async () => {
    const conn = connection();
    // The state a successful login leaves (token and ids), set directly: no socket server is needed.
    Object.assign(conn, { token: 'tok', user: 'alice' });
    Object.assign(conn.context, { accessToken: 'tok', userId: 'alice', orgName: 'faultline', appName: 'app' });
    const body = { error: 'reach_limit', error_description: 'This request has reached api limit' };
    const e = await observe('getContacts on HTTP 429', reply.json(429, body), () => conn.getContacts());
    expect(server.received[0]).toMatchObject({ method: 'GET', url: '/faultline/app/users/alice/contacts/users' });
    expect(server.received[0]!.headers.authorization).toBe('Bearer tok');
    expect(e.constructor).toBe(Object);
    expect(e).toEqual({ type: EC.statusCode.SERVER_BUSY, data: JSON.stringify(body), message: 'Server is busy.' });
  });

  describe('transport hook outside a browser: the platform global’s request(options) (wx.request’s contract)', () => {
    const calls: any[] = [];
    beforeAll(() => {
      delete g.window; // no window.WebSocket: the SDK takes the mini-program path and calls globalThis.request
    });
    afterAll(() => {
      g.window = { WebSocket: class {} };
      delete g.request;
    });

    it('gets {url, method, data (a JSON string), header, timeout: 15000, success, fail, complete}; a 429 keeps the headers', async () => {
      g.request = (options: any) => {
        calls.push(options);
        setImmediate(() => options.success({ statusCode: 429, data: { error: 'reach_limit', error_description: 'This request has reached api limit' }, header: { 'Retry-After': '7' } }));
      };
      const e = await observe('globalThis.request: 429 reach_limit', reply.stall());
      expect(calls[0]).toMatchObject({ url: `${server.url}/faultline/app/token`, method: 'POST', timeout: 15_000, header: { 'Content-Type': 'application/json' } });
      expect(JSON.parse(calls[0].data)).toMatchObject({ grant_type: 'password', username: 'alice' });
      expect(e.data).toEqual({
        statusCode: 429,
        data: { error: 'reach_limit', error_description: 'This request has reached api limit' },
        header: { 'Retry-After': '7' },
        extraInfo: { elapse: expect.any(Number), httpCode: 429, errDesc: 'This request has reached api limit' },
        message: 'Server is busy.',
        type: EC.statusCode.SERVER_BUSY,
      });
    });

    it('fail({errMsg: "request:fail timeout"}) loses the timeout: AJAX_ERROR with message "{}"', async () => {
      g.request = (options: any) => setImmediate(() => options.fail({ errMsg: 'request:fail timeout' }));
      const e = await observe('globalThis.request: fail timeout', reply.stall());
      expect(e.data).toEqual({ type: EC.statusCode.WEBIM_CONNCTION_AJAX_ERROR, message: '{}', extraInfo: { elapse: expect.any(Number), httpCode: -1, errDesc: 'request:fail' } });
    });

    it('fail({errMsg: "request:fail"}): AJAX_ERROR, httpCode -1, a made-up body', async () => {
      g.request = (options: any) => setImmediate(() => options.fail({ errMsg: 'request:fail' }));
      const e = await observe('globalThis.request: fail', reply.stall());
      expect(e.data).toMatchObject({ type: EC.statusCode.WEBIM_CONNCTION_AJAX_ERROR, errMsg: 'request:fail', data: { error: 'request:fail', error_description: 'request:fail' }, extraInfo: { httpCode: -1 } });
    });
  });

  it('made no connection beyond loopback (with isHttpDNS: false)', () => {
    expect(blocked()).toEqual([]);
  });
});
