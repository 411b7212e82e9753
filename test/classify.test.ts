import { describe, expect, it } from 'vitest';
import { classify, classifyClose } from '../src/index.js';
import {
  AuthenticationError, CanceledError, ConfigurationError, ConnectionClosedError, NetworkError, NotFoundError,
  QuotaExceededError, RateLimitError, ServerError, ServiceUnavailableError, SessionExpiredError,
  SessionReplacedError, TimeoutError, UnknownError, isFaultlineError,
} from '../src/errors.js';
import { easemob } from '../catalog/easemob/full.js';


describe('classify: judgement calls', () => {
  it('Easemob 429 reach_limit is a rate limit, resource_limited a quota', () => {
    const rate = classify({ status: 429, body: { error: 'reach_limit', error_description: 'too fast' } }, { provider: 'easemob' });
    expect(rate).toBeInstanceOf(RateLimitError);
    expect(rate.retry).toBe('always');
    const quota = classify({ status: 429, body: { error: 'resource_limited', error_description: 'limit' } }, { provider: 'easemob' });
    expect(quota).toBeInstanceOf(QuotaExceededError);
    expect(quota.retryable).toBe(false);
    // Detected from the body shape when no provider is given.
    expect(classify({ status: 429, body: { error: 'resource_limited', exception: 'x' } }).kind).toBe('quota_exceeded');
  });

  it('Parse 429 + {code:100} stays a rate limit and keeps the body code', () => {
    const error = classify({ status: 429, body: { code: 100, error: 'Too many requests' } }, { provider: 'parse' });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe(100);
    expect(error.status).toBe(429);
    expect(error.provider).toBe('parse');
  });

  it('LeanCloud body code 504 is an archived app, not a gateway timeout', () => {
    const error = classify({ status: 403, body: { code: 504, error: 'app archived' } }, { provider: 'leancloud' });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.retryable).toBe(false);
    // A bare HTTP 504 without a body code is still a gateway timeout.
    expect(classify({ status: 504 }, { provider: 'leancloud' })).toBeInstanceOf(TimeoutError);
  });

  it('CloudBase 200 + DATABASE_TIMEOUT is a timeout error', () => {
    const error = classify({ status: 200, body: { code: 'DATABASE_TIMEOUT', message: 'db timeout', requestId: 'r1' } }, { provider: 'cloudbase' });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('DATABASE_TIMEOUT');
    expect(error.retry).toBe('idempotent');
    expect(error.requestId).toBe('r1');
  });

  it('4111/4115 stop, 4107/1006 reconnect', () => {
    for (const code of [4111, 4115]) {
      const error = classifyClose(code, 'kicked', { provider: 'leancloud' });
      expect(error).toBeInstanceOf(SessionReplacedError);
      expect(error.retry).toBe('never');
      expect(error.closeCode).toBe(code);
    }
    for (const code of [4107, 1006]) {
      const error = classifyClose(code, '', { provider: 'leancloud' });
      expect(error).toBeInstanceOf(ConnectionClosedError);
      expect(error.retry).toBe('always');
      expect(error.closeCode).toBe(code);
    }
    expect(classifyClose(4112, '', { provider: 'leancloud' })).toBeInstanceOf(SessionExpiredError);
    expect(classifyClose(1008).retry).toBe('never');
    // A close event object classifies like classifyClose.
    expect(classify({ code: 4111, reason: 'SESSION_CONFLICT', wasClean: true }, { provider: 'leancloud' }).kind).toBe('session_replaced');
    // Private-range codes no catalog knows reconnect, keeping the real code.
    const custom = classifyClose(4999);
    expect(custom.kind).toBe('connection_closed');
    expect(custom.closeCode).toBe(4999);
  });

  it('ECONNREFUSED was never sent; ECONNRESET may have been processed', () => {
    const refused = classify(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) }));
    expect(refused).toBeInstanceOf(NetworkError);
    expect(refused.retry).toBe('always');
    expect(refused.code).toBe('ECONNREFUSED');
    const reset = classify(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect(reset).toBeInstanceOf(NetworkError);
    expect(reset.retry).toBe('idempotent');
    // Node's happy-eyeballs AggregateError.
    const aggregate = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'connect failed');
    expect(classify(aggregate).retry).toBe('always');
  });
});

describe('classify: SDK error shapes', () => {
  it("Parse's ParseError", () => {
    class ParseError extends Error {
      code: number;
      constructor(code: number, message: string) {
        super(message);
        this.code = code;
      }
    }
    const error = classify(new ParseError(209, 'Invalid session token'));
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.provider).toBe('parse');
    expect(error.code).toBe(209);
  });

  it("LeanCloud's AVError-shaped errors", () => {
    const error = classify(Object.assign(new Error('Object not found.'), { code: 101, rawMessage: 'Object not found.' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.provider).toBe('leancloud');
  });

  it("CloudBase's OPERATION_FAIL wrapper is unwrapped to the real code", () => {
    const error = classify(new Error(JSON.stringify({ code: 'OPERATION_FAIL', msg: '[DATABASE_TIMEOUT] database request timed out' })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('DATABASE_TIMEOUT');
    expect(error.provider).toBe('cloudbase');
    expect(error.message).toContain('database request timed out');
  });

  it("Easemob's plain objects { type, message, extraInfo: { httpCode, errDesc } }", () => {
    const error = classify({ type: 504, message: 'too many', extraInfo: { httpCode: 429, errDesc: 'reach_limit' } });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.provider).toBe('easemob');
    expect(error.status).toBe(429);
    const plain = classify({ type: 1, message: 'server', extraInfo: { httpCode: 503, errDesc: 'Service Unavailable' } });
    expect(plain).toBeInstanceOf(ServiceUnavailableError);
  });

  it('axios errors with and without a response', () => {
    const withResponse = classify({
      isAxiosError: true,
      message: 'Request failed with status code 503',
      config: { method: 'get', url: '/1.1/classes/Post', baseURL: 'https://abc.lc-cn-n1-shared.com', headers: { 'X-LC-Id': 'app' } },
      response: { status: 503, headers: { 'retry-after': '2', 'x-request-id': 'req-9' }, data: '' },
    });
    expect(withResponse).toBeInstanceOf(ServiceUnavailableError);
    expect(withResponse.retryAfterMs).toBe(2000);
    expect(withResponse.requestId).toBe('req-9');
    expect(withResponse.request).toEqual({ method: 'GET', url: 'https://abc.lc-cn-n1-shared.com/1.1/classes/Post' });
    expect(withResponse.provider).toBe('leancloud');
    const noResponse = classify({ isAxiosError: true, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED', config: { method: 'post', url: 'http://127.0.0.1:1/x' } });
    expect(noResponse).toBeInstanceOf(NetworkError);
    expect(noResponse.retry).toBe('always');
    const timeout = classify({ isAxiosError: true, code: 'ECONNABORTED', message: 'timeout of 10ms exceeded', config: {} });
    expect(timeout.kind).toMatch(/timeout|network/);
    expect(classify({ isAxiosError: true, code: 'ERR_CANCELED', message: 'canceled', config: {} })).toBeInstanceOf(CanceledError);
  });

  it('an axios success whose body broke off is a dropped connection, not its status', () => {
    const config = { method: 'get', url: 'http://127.0.0.1:1/x' };
    const response = { status: 200, headers: { 'content-type': 'application/json' } };
    // axios' http adapter reading the body itself, and the same socket error wrapped by AxiosError.from().
    for (const shape of [
      { isAxiosError: true, code: 'ERR_BAD_RESPONSE', message: 'stream has been aborted', config, response },
      { isAxiosError: true, code: 'ECONNRESET', message: 'aborted', config, response, cause: Object.assign(new Error('aborted'), { code: 'ECONNRESET' }) },
    ]) {
      const error = classify(shape);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ code: 'ECONNRESET', retry: 'idempotent', status: undefined });
    }
    // An error status still decides when its body broke off.
    const busy = classify({ isAxiosError: true, code: 'ERR_BAD_RESPONSE', message: 'stream has been aborted', config, response: { status: 503, headers: {} } });
    expect(busy).toBeInstanceOf(ServiceUnavailableError);
  });

  it("ky's HTTPError (response + request)", () => {
    const response = new Response('{"code":101,"error":"Object not found."}', { status: 404, headers: { 'content-type': 'application/json' } });
    const request = new Request('https://api.example.com/1.1/classes/Post/1');
    const error = classify({ name: 'HTTPError', message: 'Request failed with status code 404', response, request, options: {} }, { provider: 'leancloud' });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.request?.method).toBe('GET');
  });

  it('DOMException AbortError and TimeoutError', () => {
    expect(classify(new DOMException('aborted', 'AbortError'))).toBeInstanceOf(CanceledError);
    expect(classify(new DOMException('timed out', 'TimeoutError'))).toBeInstanceOf(TimeoutError);
  });

  it('HTML error pages: 524 on a GET is retryable for idempotent requests', () => {
    const error = classify({ status: 524, body: '<!DOCTYPE html><html><head><title>A timeout occurred | Cloudflare</title></head><body>…</body></html>' });
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.retry).toBe('idempotent');
    expect(error.message).toContain('A timeout occurred');
  });

  it('HTTP statuses without a body', () => {
    expect(classify({ status: 401 })).toBeInstanceOf(AuthenticationError);
    expect(classify({ status: 500 })).toBeInstanceOf(ServerError);
    expect(classify({ status: 503 }).retry).toBe('always');
    expect(classify({ status: 502 }).retry).toBe('idempotent');
  });
});

describe('classify: Retry-After family', () => {
  const now = Date.now();
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'Retry-After': '0' }, 0],
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'ratelimit-reset': '7' }, 7000],
    [{ 'x-ratelimit-reset': String(Math.floor(now / 1000) + 3600) }, [3_590_000, 3_601_000]],
    [{ 'retry-after': new Date(now + 60_000).toUTCString() }, [55_000, 61_000]],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-5' }, undefined],
    [{ 'retry-after': new Date(now - 60_000).toUTCString() }, 0],
  ])('%j → %j', (headers, expected) => {
    const error = classify({ status: 429, headers });
    if (Array.isArray(expected)) {
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(expected[0]!);
      expect(error.retryAfterMs).toBeLessThanOrEqual(expected[1]!);
    } else expect(error.retryAfterMs).toBe(expected);
  });

  it('reads a Fetch Headers object', () => {
    const error = classify(new Response(null, { status: 503, headers: { 'Retry-After': '5' } }));
    expect(error.retryAfterMs).toBe(5000);
  });
});

describe('classify: anything else', () => {
  it.each([null, undefined, 0, 42, 'boom', true, Symbol('s'), () => 1, [], {}, new Error('plain')])('%s → UnknownError', (value) => {
    const error = classify(value);
    expect(isFaultlineError(error)).toBe(true);
    expect(error).toBeInstanceOf(UnknownError);
  });

  it('cyclic objects, hostile getters and own __proto__ keys', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.cause = cyclic;
    cyclic.self = cyclic;
    expect(classify(cyclic)).toBeInstanceOf(UnknownError);
    const hostile = new Proxy({}, { get() { throw new Error('nope'); }, has() { throw new Error('nope'); } });
    expect(classify(hostile)).toBeInstanceOf(UnknownError);
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "status": 404}');
    expect(classify(polluted).status).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a FaultlineError passes through unchanged', () => {
    const error = classify({ status: 503 });
    expect(classify(error)).toBe(error);
  });
});

describe('classify: Easemob rows that share an error string', () => {
  it('picks the row whose match the server message contains, and keys presence rows by error_description', () => {
    const rows = easemob.decisions.filter((r) => r.code === 'forbidden_op' && r.status === 403 && r.match !== undefined);
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThan(1);
    for (const row of rows) {
      const description = `can not do it, reason: user someone ${row.match} 1234`;
      const error = classify({ status: 403, body: { error: 'forbidden_op', error_description: description, exception: 'x' } });
      expect(error.kind).toBe(row.kind);
    }
    const presence = easemob.decisions.find((r) => r.code === 'too many queries');
    expect(presence).toBeDefined();
    const error = classify({ status: presence!.status!, body: { error_description: 'too many queries' } }, { provider: 'easemob' });
    expect(error.kind).toBe(presence!.kind);
  });
});
