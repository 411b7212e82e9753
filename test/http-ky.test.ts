import ky, { HTTPError } from 'ky';
import { afterEach, describe, expect, it } from 'vitest';
import { leancloud } from '../catalog/leancloud/index.js';
import { withFaultline } from '../adapters/ky.js';
import { ConfigurationError, NotFoundError, ServerError, ServiceUnavailableError, TimeoutError } from '../src/errors.js';
import { kyHarness } from './helpers/http-harness.js';
import { closeAllServers, startServer } from './helpers/http-server.js';
import { describeHttpAdapter, rejection } from './helpers/http-suite.js';

describeHttpAdapter(kyHarness);

describe('faultline/ky specifics', () => {
  afterEach(closeAllServers);
  const FAST = { baseDelayMs: 5, maxDelayMs: 40 };

  it('keeps `await api.get(url).json()` working through retries', async () => {
    const server = await startServer([{ status: 503 }, { body: { ok: true } }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url }), { retry: FAST });
    expect(await api.get('x').json()).toEqual({ ok: true });
  });

  it("fails with a FaultlineError whose cause is ky's HTTPError, response body still readable", async () => {
    const server = await startServer([{ status: 404, body: { code: 101, error: 'Object not found.' } }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url }), { retry: FAST, provider: leancloud });
    const error = await rejection(api.get('classes/Post/1').json());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 101, status: 404, attempts: 1 });
    expect(error.cause).toBeInstanceOf(HTTPError);
    expect(await (error.cause as HTTPError).response.json()).toEqual({ code: 101, error: 'Object not found.' });
  });

  it("turns ky's own retry off: the policy alone counts attempts", async () => {
    const server = await startServer([{ status: 503 }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url, retry: 5 }), { retry: { ...FAST, maxAttempts: 2 } });
    const error = await rejection(api.get('x'));
    expect(error.attempts).toBe(2);
    expect(server.received).toHaveLength(2);
  });

  it("leaves ky's timeout on: it bounds the whole call, and the call rejects with a typed TimeoutError", async () => {
    const server = await startServer([{ stall: true }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url, timeout: 200 }), { retry: { ...FAST, maxAttempts: 3 } });
    const error = await rejection(api.get('stall'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error.cause as Error).name).toBe('TimeoutError');
    expect(error.request).toEqual({ method: 'GET', url: `${server.url}/stall` });
    expect(server.received).toHaveLength(1);
  });

  it("starts no retry that cannot end within ky's timeout: the call gives up with the real failure", async () => {
    const busy = { status: 503, headers: { 'retry-after': '1' } };
    const server = await startServer([busy, busy, { body: { ok: true } }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url, timeout: 500 }), { retry: FAST });
    const error = await rejection(api.get('busy'));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ status: 503, attempts: 1, retryAfterMs: 1_000 });
    expect(server.received).toHaveLength(1);
    // A call's own timeout is its bound: this one leaves room for the wait.
    expect(await api.get('busy', { timeout: 5_000 }).json()).toEqual({ ok: true });
    expect(server.received).toHaveLength(3);
  });

  it('attemptTimeoutMs bounds each attempt within the call', async () => {
    const server = await startServer([{ stall: true }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url }), { retry: { ...FAST, maxAttempts: 2 }, attemptTimeoutMs: 200 });
    const started = performance.now();
    const error = await rejection(api.get('stall'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'ATTEMPT_TIMEOUT', attempts: 2 });
    expect(server.received).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a prefixUrl carrying credentials fails each call with a ConfigurationError, nothing sent', async () => {
    const server = await startServer([{ body: 'ok' }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url.replace('//', '//admin:hunter2@') }), { retry: FAST });
    const error = await rejection(api.get('x'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.request?.url).toBe(`${server.url}/x`);
    expect(JSON.stringify(error) + String(error.stack)).not.toContain('hunter2');
    expect(server.received).toHaveLength(0);
  });

  it('throwHttpErrors: false returns the last response', async () => {
    const server = await startServer([{ status: 500, body: 'first' }, { status: 500, body: 'second' }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url, throwHttpErrors: false }), { retry: { ...FAST, maxAttempts: 2 } });
    const response = await api.put('x');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('second');
  });

  it('reads an endless error body only up to maxErrorBodyBytes', async () => {
    const server = await startServer([{ status: 500, endless: true }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url }), { retry: { maxAttempts: 1 }, maxErrorBodyBytes: 1024 });
    const error = await rejection(api.get('huge'));
    expect(error).toBeInstanceOf(ServerError);
  });

  it("the HTTPError's response holds what was read (at most maxErrorBodyBytes), its connection released", { timeout: 10_000 }, async () => {
    const server = await startServer([{ status: 500, endless: true, headers: { 'x-request-id': 'r-1' } }]);
    const api = withFaultline(ky.create({ prefixUrl: server.url }), { retry: { maxAttempts: 1 }, maxErrorBodyBytes: 1024 });
    const error = await rejection(api.get('huge'));
    const response = (error.cause as HTTPError).response;
    expect([response.status, response.headers.get('x-request-id')]).toEqual([500, 'r-1']);
    // The original would stream forever: this one ends where faultline stopped reading.
    const text = await Promise.race([response.text(), new Promise<string>((resolve) => setTimeout(() => resolve('still streaming'), 3_000))]);
    expect(text.startsWith('<p>xxx')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(1024);
  });
});
