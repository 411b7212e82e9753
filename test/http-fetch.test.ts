import { afterEach, describe, expect, it } from 'vitest';
import { createFetch } from '../adapters/fetch.js';
import { CanceledError, NetworkError, ServerError, ServiceUnavailableError } from '../src/errors.js';
import { fetchHarness } from './helpers/http-harness.js';
import { closeAllServers, startServer } from './helpers/http-server.js';
import { describeHttpAdapter, rejection } from './helpers/http-suite.js';

describeHttpAdapter(fetchHarness);

describe('faultline/fetch specifics', () => {
  afterEach(closeAllServers);
  const FAST = { baseDelayMs: 5, maxDelayMs: 40 };

  it('does no extra work on success: the Response is the one fetch returned, body unread', async () => {
    const server = await startServer([{ body: { ok: true } }]);
    let inner: Response | undefined;
    const fetch = createFetch({
      fetch: async (input, init) => (inner = await globalThis.fetch(input, init)),
    });
    const response = await fetch(`${server.url}/ok`);
    expect(response).toBe(inner);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('throwHttpErrors: false gives up by returning the last Response, body intact', async () => {
    const server = await startServer([{ status: 503, body: 'down #1' }, { status: 503, body: 'down #2' }]);
    const fetch = createFetch({ retry: { ...FAST, maxAttempts: 2 }, throwHttpErrors: false });
    const response = await fetch(`${server.url}/x`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('down #2');
    expect(server.received).toHaveLength(2);
  });

  it('throwHttpErrors: false hands over the whole body, even past maxErrorBodyBytes (the caller owns it)', async () => {
    const page = `<html>${'x'.repeat(20_000)}</html>`;
    const server = await startServer([{ status: 500, body: page }]);
    const fetch = createFetch({ retry: { maxAttempts: 1 }, throwHttpErrors: false, maxErrorBodyBytes: 1024 });
    const response = await fetch(`${server.url}/x`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe(page);
  });

  it('reads an endless error body only up to maxErrorBodyBytes', async () => {
    const server = await startServer([{ status: 500, endless: true }]);
    const fetch = createFetch({ retry: { maxAttempts: 1 }, maxErrorBodyBytes: 1024 });
    const error = await rejection(fetch(`${server.url}/huge`));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(500);
  });

  it('clones a Request input per attempt, so its body and key are sent each time', async () => {
    const server = await startServer([{ status: 500 }, { status: 201, body: { id: 1 } }]);
    const fetch = createFetch({ retry: FAST });
    const request = new Request(`${server.url}/orders`, {
      method: 'POST',
      body: '{"sku":"x"}',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': 'caller-key' },
    });
    const response = await fetch(request);
    expect(response.status).toBe(201);
    expect(server.writes().map((r) => [r.body, r.headers['idempotency-key']])).toEqual([
      ['{"sku":"x"}', 'caller-key'],
      ['{"sku":"x"}', 'caller-key'],
    ]);
  });

  it('settles at the headers without readBody: a body cut off later is fetch’s own error, outside the policy', async () => {
    const server = await startServer([{ cut: '{"items":[' }]);
    const fetch = createFetch({ retry: FAST });
    const response = await fetch(`${server.url}/items`);
    expect(response.status).toBe(200);
    expect(await response.json().catch((e: unknown) => e)).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(1);
  });

  it('readBody: true reads every 2xx body inside the attempt; the Response handed over is complete', async () => {
    const server = await startServer([{ cut: '{"items":[' }, { body: { items: [1] }, headers: { 'x-request-id': 'r-2' } }]);
    const fetch = createFetch({ retry: FAST, readBody: true });
    const response = await fetch(`${server.url}/items`);
    expect([response.status, response.url, response.headers.get('x-request-id')]).toEqual([200, `${server.url}/items`, 'r-2']);
    expect(await response.json()).toEqual({ items: [1] });
    expect(server.received).toHaveLength(2);
  });

  it('a body read inside the attempt that keeps breaking off gives up as a NetworkError, the read failure as cause', async () => {
    const server = await startServer([{ cut: '{"items":[' }]);
    const fetch = createFetch({ retry: { ...FAST, maxAttempts: 2 } });
    const error = await rejection(fetch(`${server.url}/items`, { readBody: true }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.attempts).toBe(2);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('an abort while the body is read inside the attempt is a CanceledError, the abort as cause', async () => {
    const server = await startServer([{ status: 200, endless: true }]);
    const fetch = createFetch({ retry: FAST, readBody: true });
    const controller = new AbortController();
    const call = fetch(`${server.url}/stream`, { signal: controller.signal });
    for (let i = 0; i < 200 && server.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await rejection(call);
    expect(error).toBeInstanceOf(CanceledError);
    expect((error.cause as Error).name).toBe('AbortError');
    expect(server.received).toHaveLength(1);
  });

  it('a thrown error carries the policy outcome', async () => {
    const server = await startServer([{ status: 503, headers: { 'x-request-id': 'abc' } }]);
    const fetch = createFetch({ retry: { ...FAST, maxAttempts: 3 } });
    const error = await rejection(fetch(`${server.url}/x`));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ status: 503, attempts: 3, requestId: 'abc', request: { method: 'GET', url: `${server.url}/x` } });
    expect(error.history).toHaveLength(2);
  });
});
