import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosError } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFaultline, withFaultline } from '../adapters/axios.js';
import { NetworkError, ServerError, ServiceUnavailableError, TimeoutError, isFaultlineError } from '../src/errors.js';
import { axiosHarness } from './helpers/http-harness.js';
import { closeAllServers, startServer } from './helpers/http-server.js';
import { describeHttpAdapter, rejection } from './helpers/http-suite.js';

describeHttpAdapter(axiosHarness);

describe('faultline/axios specifics', () => {
  afterEach(closeAllServers);
  const FAST = { baseDelayMs: 5, maxDelayMs: 40 };

  it('removeFaultline takes the interceptors out again', async () => {
    const server = await startServer([{ status: 503 }]);
    const api = withFaultline(axios.create({ baseURL: server.url }), { retry: FAST });
    expect(removeFaultline(api)).toBe(true);
    expect(removeFaultline(api)).toBe(false);
    const error: unknown = await api.get('/x').catch((e: unknown) => e);
    expect(isFaultlineError(error)).toBe(false);
    expect((error as AxiosError).response?.status).toBe(503);
    expect(server.received).toHaveLength(1);
  });

  it('installing twice replaces the first install instead of nesting retries', async () => {
    const server = await startServer([{ status: 503 }]);
    const api = withFaultline(withFaultline(axios.create({ baseURL: server.url }), { retry: FAST }), { retry: { ...FAST, maxAttempts: 2 } });
    const error = await rejection(api.get('/x'));
    expect(error.attempts).toBe(2);
    expect(server.received).toHaveLength(2);
  });

  it('interceptors added later apply exactly once to the final response', async () => {
    const server = await startServer([{ status: 503 }, { body: { items: [1, 2] } }]);
    const api = withFaultline(axios.create({ baseURL: server.url }), { retry: FAST });
    api.interceptors.response.use((response) => response.data as never);
    const data: unknown = await api.get('/items');
    expect(data).toEqual({ items: [1, 2] });
  });

  it("honours the caller's axios timeout per attempt", async () => {
    const server = await startServer([{ stall: true }]);
    const api = withFaultline(axios.create({ baseURL: server.url, timeout: 200 }), { retry: { ...FAST, maxAttempts: 2 } });
    const error = await rejection(api.get('/stall'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.received).toHaveLength(2);
  });

  it('keeps the AxiosError as cause', async () => {
    const server = await startServer([{ status: 500, body: { code: 1, error: 'boom' } }]);
    const api = withFaultline(axios.create({ baseURL: server.url }), { retry: FAST });
    const error = await rejection(api.post('/x', { a: 1 }));
    expect(error).toBeInstanceOf(ServerError);
    expect((error.cause as AxiosError).isAxiosError).toBe(true);
    expect((error.cause as AxiosError).response?.data).toEqual({ code: 1, error: 'boom' });
  });

  it("reads a streamed error body (responseType 'stream') only up to maxErrorBodyBytes", async () => {
    const server = await startServer([{ status: 503, endless: true }]);
    const api = withFaultline(axios.create({ baseURL: server.url, responseType: 'stream' }), {
      retry: { maxAttempts: 1 },
      maxErrorBodyBytes: 2048,
    });
    const error = await rejection(api.get('/huge'));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(typeof (error.cause as AxiosError).response?.data).toBe('string');
  });

  it('works on the default axios export too', async () => {
    const server = await startServer([{ status: 503 }, { body: 'ok' }]);
    withFaultline(axios, { retry: FAST });
    try {
      const response = await axios.get(`${server.url}/x`);
      expect(response.data).toBe('ok');
    } finally {
      removeFaultline(axios);
    }
  });
});

describe('faultline/axios: the first attempt runs under the policy', () => {
  afterEach(closeAllServers);

  // It used to go out before the policy saw it, bounded only by axios' own `timeout`.
  it.each([
    ['deadlineMs alone', { deadlineMs: 500 }, 'DEADLINE_EXCEEDED'],
    ['deadlineMs inside a longer attemptTimeoutMs', { deadlineMs: 500, attemptTimeoutMs: 3_000 }, 'DEADLINE_EXCEEDED'],
    ['attemptTimeoutMs', { attemptTimeoutMs: 300, retry: { maxAttempts: 1 } }, 'ATTEMPT_TIMEOUT'],
  ])('a stalled first attempt ends at %s, as with fetch and ky', { timeout: 20_000 }, async (_name, options, code) => {
    const server = await startServer([{ stall: true }]);
    const api = withFaultline(axios.create({ baseURL: server.url }), options);
    const started = performance.now();
    const error = await rejection(api.get('/stall'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe(code);
    // Without the policy's bound the call would hang for good: any end well before the test's own
    // timeout shows the bound, whatever the machine's load.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(server.received).toHaveLength(1);
  });
});

/** A server announcing 100 bytes of JSON that sends six, then drops the connection; counts requests. */
async function startCutServer(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":', () => setTimeout(() => req.socket.destroy(), 10));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('faultline/axios: bodies', () => {
  afterEach(closeAllServers);
  const FAST = { baseDelayMs: 5, maxDelayMs: 40 };

  it('a 200 whose connection drops mid-body is a NetworkError, retried for a GET and not for a POST', async () => {
    const server = await startCutServer();
    try {
      const api = withFaultline(axios.create({ baseURL: server.url }), { retry: { ...FAST, maxAttempts: 3 } });
      const get = await rejection(api.get('/x'));
      expect(get).toBeInstanceOf(NetworkError);
      expect(get).toMatchObject({ code: 'ECONNRESET', retry: 'idempotent', attempts: 3 });
      expect(server.count()).toBe(3);
      const post = await rejection(api.post('/x', { a: 1 }));
      expect(post).toBeInstanceOf(NetworkError);
      expect(post.attempts).toBe(1);
      expect(server.count()).toBe(4);
    } finally {
      await server.close();
    }
  });

  // follow-redirects destroys the socket on its idle timeout; axios' native transport (maxRedirects: 0) would not.
  it.each([['follow-redirects', {}], ['the native transport', { maxRedirects: 0 }]])("axios' own timeout running out while a body stalls is a TimeoutError, not a reset (%s)", async (_name, transport) => {
    const server = await startServer([{ stallBody: '{"items":[' }]);
    const api = withFaultline(axios.create({ baseURL: server.url, timeout: 300, ...transport }), { retry: { ...FAST, maxAttempts: 2 } });
    const error = await rejection(api.get('/slow-body'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'ETIMEDOUT', attempts: 2 });
    expect(server.received).toHaveLength(2);
  });

  it('reads an endless error body only up to maxErrorBodyBytes (default responseType)', { timeout: 10_000 }, async () => {
    const server = await startServer([{ status: 500, endless: true }]);
    const api = withFaultline(axios.create({ baseURL: server.url }), { retry: { maxAttempts: 1 }, maxErrorBodyBytes: 2048 });
    const error = await rejection(api.get('/huge'));
    expect(error).toBeInstanceOf(ServerError);
    const data = (error.cause as AxiosError).response?.data;
    expect(typeof data).toBe('string');
    expect((data as string).length).toBeGreaterThan(0);
    expect((data as string).length).toBeLessThanOrEqual(2048);
  });

  it('leaves success bodies as axios makes them: JSON, text, arraybuffer, encodings, BOM, transformResponse once', async () => {
    const json = '{"items":[1,2]}';
    const server = await startServer((request) => ({
      body: request.url === '/cafe' ? 'café' : request.url === '/bom' ? `\uFEFF${json}` : json,
      headers: { 'content-type': request.url === '/cafe' ? 'text/plain' : 'application/json' },
    }));
    const api = withFaultline(axios.create({ baseURL: server.url }), { retry: FAST });
    expect((await api.get('/json')).data).toEqual({ items: [1, 2] });
    expect((await api.get('/bom')).data).toEqual({ items: [1, 2] });
    expect((await api.get('/json', { responseType: 'text' })).data).toBe(json);
    const bytes: unknown = (await api.get('/json', { responseType: 'arraybuffer' })).data;
    expect(Buffer.isBuffer(bytes) && (bytes as Buffer).toString('utf8')).toBe(json);
    expect((await api.get('/cafe', { responseType: 'text' })).data).toBe('café');
    expect((await api.get('/cafe', { responseType: 'text', responseEncoding: 'latin1' })).data).toBe(Buffer.from('café').toString('latin1'));
    let transforms = 0;
    const data: unknown = (
      await api.get('/json', {
        transformResponse: [(raw: unknown) => (transforms++, `<${String(raw)}>`)],
      })
    ).data;
    expect(data).toBe(`<${json}>`);
    expect(transforms).toBe(1);
  });

  it('still enforces maxContentLength on a success body', async () => {
    const server = await startServer([{ body: 'x'.repeat(10_000) }]);
    const api = withFaultline(axios.create({ baseURL: server.url, maxContentLength: 1_000 }), { retry: { maxAttempts: 1 } });
    const error = await rejection(api.get('/big'));
    expect((error.cause as AxiosError).message).toMatch(/maxContentLength/);
  });

  it('re-issued attempts see user interceptors; the final response goes through transformResponse and them once', async () => {
    const server = await startServer([{ status: 503, body: { down: true } }, { body: { ok: true } }]);
    const api = withFaultline(axios.create({ baseURL: server.url }), { retry: FAST });
    let requests = 0;
    const seen: unknown[] = [];
    api.interceptors.request.use((config) => (requests++, config));
    api.interceptors.response.use((response) => (seen.push(response.data), response));
    const response = await api.get('/x');
    expect(response.data).toEqual({ ok: true });
    expect(requests).toBe(2);
    // Once for the re-issued attempt, once for the final result.
    expect(seen).toEqual([{ ok: true }, { ok: true }]);
  });
});
