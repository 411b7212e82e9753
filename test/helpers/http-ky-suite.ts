import type { HTTPError as KyHTTPError } from 'ky';
import { afterEach, describe, expect, it } from 'vitest';
import { withFaultline } from '../../adapters/ky.js';
import { leancloud } from '../../catalog/leancloud/index.js';
import { CanceledError, ConfigurationError, NetworkError, NotFoundError, ServerError, ServiceUnavailableError, TimeoutError, UnknownError } from '../../src/errors.js';
import { createKy, kyHarnessFor, type KyUnderTest } from './http-harness.js';
import { closeAllServers, startServer } from './http-server.js';
import { describeHttpAdapter, rejection } from './http-suite.js';

/** The adapter suite and ky's own cases, for one ky major. */
export function describeKy(under: KyUnderTest): void {
  describeHttpAdapter(kyHarnessFor(under));

  describe(`faultline/ky specifics (${under.name})`, () => {
    afterEach(closeAllServers);
    const FAST = { baseDelayMs: 5, maxDelayMs: 40 };

    it('keeps `await api.get(url).json()` working through retries', async () => {
      const server = await startServer([{ status: 503 }, { body: { ok: true } }]);
      const api = withFaultline(createKy(under, server.url), { retry: FAST });
      expect(await api.get('x').json()).toEqual({ ok: true });
    });

    it("fails with a FaultlineError whose cause is ky's HTTPError, response body still readable", async () => {
      const server = await startServer([{ status: 404, body: { code: 101, error: 'Object not found.' } }]);
      const api = withFaultline(createKy(under, server.url), { retry: FAST, provider: leancloud });
      const error = await rejection(api.get('classes/Post/1').json());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ code: 101, status: 404, attempts: 1 });
      expect(error.cause).toBeInstanceOf(under.HTTPError);
      expect(await under.errorBody(error.cause as KyHTTPError)).toEqual({ code: 101, error: 'Object not found.' });
    });

    it("turns ky's own retry off: the policy alone counts attempts", async () => {
      const server = await startServer([{ status: 503 }]);
      const api = withFaultline(createKy(under, server.url, { retry: 5 }), { retry: { ...FAST, maxAttempts: 2 } });
      const error = await rejection(api.get('x'));
      expect(error.attempts).toBe(2);
      expect(server.received).toHaveLength(2);
    });

    it("leaves ky's timeout on: it bounds the whole call, and the call rejects with a typed TimeoutError", async () => {
      const server = await startServer([{ stall: true }]);
      const api = withFaultline(createKy(under, server.url, { timeout: 200 }), { retry: { ...FAST, maxAttempts: 3 } });
      const error = await rejection(api.get('stall'));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error.cause as Error).name).toBe('TimeoutError');
      expect(error.request).toEqual({ method: 'GET', url: `${server.url}/stall` });
      expect(server.received).toHaveLength(1);
    });

    it("starts no retry that cannot end within ky's timeout: the call gives up with the real failure", async () => {
      const busy = { status: 503, headers: { 'retry-after': '1' } };
      const server = await startServer([busy, busy, { body: { ok: true } }]);
      const api = withFaultline(createKy(under, server.url, { timeout: 500 }), { retry: FAST });
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
      const api = withFaultline(createKy(under, server.url), { retry: { ...FAST, maxAttempts: 2 }, attemptTimeoutMs: 200 });
      const started = performance.now();
      const error = await rejection(api.get('stall'));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ code: 'ATTEMPT_TIMEOUT', attempts: 2 });
      expect(server.received).toHaveLength(2);
      expect(performance.now() - started).toBeLessThan(5_000);
    });

    it(`a ${under.prefix} carrying credentials fails each call with a ConfigurationError, nothing sent`, async () => {
      const server = await startServer([{ body: 'ok' }]);
      const api = withFaultline(createKy(under, server.url.replace('//', '//admin:hunter2@')), { retry: FAST });
      const error = await rejection(api.get('x'));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.request?.url).toBe(`${server.url}/x`);
      expect(JSON.stringify(error) + String(error.stack)).not.toContain('hunter2');
      expect(server.received).toHaveLength(0);
    });

    it('throwHttpErrors: false returns the last response', async () => {
      const server = await startServer([{ status: 500, body: 'first' }, { status: 500, body: 'second' }]);
      const api = withFaultline(createKy(under, server.url, { throwHttpErrors: false }), { retry: { ...FAST, maxAttempts: 2 } });
      const response = await api.put('x');
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('second');
    });

    it('reads an endless error body only up to maxErrorBodyBytes', async () => {
      const server = await startServer([{ status: 500, endless: true }]);
      const api = withFaultline(createKy(under, server.url), { retry: { maxAttempts: 1 }, maxErrorBodyBytes: 1024 });
      const error = await rejection(api.get('huge'));
      expect(error).toBeInstanceOf(ServerError);
    });

    it("the HTTPError's response holds what was read (at most maxErrorBodyBytes), its connection released", { timeout: 10_000 }, async () => {
      const server = await startServer([{ status: 500, endless: true, headers: { 'x-request-id': 'r-1' } }]);
      const api = withFaultline(createKy(under, server.url), { retry: { maxAttempts: 1 }, maxErrorBodyBytes: 1024 });
      const error = await rejection(api.get('huge'));
      const response = (error.cause as KyHTTPError).response;
      expect([response.status, response.headers.get('x-request-id')]).toEqual([500, 'r-1']);
      // The original would stream forever: this one ends where faultline stopped reading.
      const read = under.errorBody(error.cause as KyHTTPError);
      const text = await Promise.race([read, new Promise<string>((resolve) => setTimeout(() => resolve('still streaming'), 3_000))]);
      if (typeof text !== 'string') throw new Error(`expected text, got ${JSON.stringify(text)}`);
      expect(text.startsWith('<p>xxx')).toBe(true);
      expect(text.length).toBeLessThanOrEqual(1024);
    });

    it('a body read through the call that breaks off is a NetworkError whose cause is the read failure', async () => {
      const server = await startServer([{ cut: '{"items":[' }]);
      const api = withFaultline(createKy(under, server.url), { retry: { maxAttempts: 1 } });
      const error = await rejection(api.get('items').json());
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.attempts).toBe(1);
      expect(error.cause).toBeInstanceOf(Error);
    });

    it('a body read outside the call is yours: cut off, it rejects with fetch’s own error; with readBody: true it is retried', async () => {
      const server = await startServer([{ cut: '{"items":[' }, { cut: '{"items":[' }, { body: { items: [] } }]);
      const plain = withFaultline(createKy(under, server.url), { retry: FAST });
      const response = await plain.get('items');
      const raw: unknown = await response.text().catch((e: unknown) => e);
      expect(raw).toBeInstanceOf(TypeError);
      const reading = withFaultline(createKy(under, server.url), { retry: FAST, readBody: true });
      expect(await (await reading.get('items')).json()).toEqual({ items: [] });
      expect(server.received).toHaveLength(3);
    });

    it('a success body that is not JSON fails .json() with a FaultlineError, the parse error as cause', async () => {
      const server = await startServer([{ body: '<html>captive portal</html>' }]);
      const api = withFaultline(createKy(under, server.url), { retry: FAST });
      const error = await rejection(api.get('x').json());
      expect(error).toBeInstanceOf(UnknownError);
      expect(error.cause).toBeInstanceOf(SyntaxError);
      expect(server.received).toHaveLength(1);
    });

    it("an abort while the body is read through the call is a CanceledError, the abort as cause", async () => {
      const server = await startServer([{ status: 200, endless: true }]);
      const api = withFaultline(createKy(under, server.url), { retry: FAST });
      const controller = new AbortController();
      const reading = api.get('stream', { signal: controller.signal }).text();
      // Abort once the server is streaming the body.
      for (let i = 0; i < 200 && server.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      const error = await rejection(reading);
      expect(error).toBeInstanceOf(CanceledError);
      expect(server.received).toHaveLength(1);
    });

    it('an instance extended from the wrapped one keeps faultline', async () => {
      const server = await startServer([{ status: 503 }, { body: { ok: true } }, { status: 404, body: { code: 101, error: 'gone' } }]);
      const api = withFaultline(createKy(under, server.url), { retry: FAST, provider: leancloud }).extend({ headers: { 'x-extra': '1' } });
      expect(await api.get('x').json()).toEqual({ ok: true });
      expect(await rejection(api.get('y'))).toBeInstanceOf(NotFoundError);
      expect(server.received.map((r) => r.headers['x-extra'])).toEqual(['1', '1', '1']);
    });
  });
}
