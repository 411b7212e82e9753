import { afterEach, describe, expect, it, vi } from 'vitest';
import { cloudbase } from '../../catalog/cloudbase/index.js';
import { leancloud } from '../../catalog/leancloud/index.js';
import { parse } from '../../catalog/parse/index.js';
import type { HttpOptions } from '../../adapters/http/options.js';
import {
  CanceledError,
  FaultlineError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  ServerError,
  ServiceUnavailableError,
  SessionExpiredError,
  TimeoutError,
  isFaultlineError,
} from '../../src/errors.js';
import { FakeClock } from './fake-clock.js';
import { closeAllServers, startServer } from './http-server.js';
import { expectNoSecrets, SECRETS } from './secrets.js';

/** One request, in adapter-neutral terms. */
export interface Call {
  method: string;
  /** Starts with '/'. */
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sent as a one-shot stream body of these chunks. */
  stream?: string[];
}

export interface Reply {
  status: number;
  body: unknown;
}

export interface Harness {
  name: string;
  /** `readThrough`: read the body through the faultline call (fetch: `readBody`; ky: `.text()` on the call). */
  client(baseUrl: string, options: HttpOptions<unknown>, mode?: { readThrough?: boolean }): (call: Call) => Promise<Reply>;
}

/** Short backoff so integration tests stay quick; the engine's unit tests cover the delays. */
const FAST = { baseDelayMs: 5, maxDelayMs: 40 };

export async function rejection(promise: Promise<unknown>): Promise<FaultlineError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  if (!isFaultlineError(outcome.error)) throw new Error(`expected a FaultlineError, got ${String(outcome.error)}`);
  return outcome.error;
}

/** The acceptance suite every HTTP adapter must pass against a real loopback server. */
export function describeHttpAdapter(harness: Harness): void {
  describe(`${harness.name}: acceptance against a real server`, () => {
    afterEach(closeAllServers);

    it('retries a GET through two 503s and succeeds', async () => {
      const server = await startServer([{ status: 503 }, { status: 503 }, { body: { ok: true } }]);
      const call = harness.client(server.url, { retry: FAST });
      const reply = await call({ method: 'GET', path: '/items' });
      expect(reply).toEqual({ status: 200, body: { ok: true } });
      expect(server.received).toHaveLength(3);
    });

    it('waits the Retry-After (plus at most 10%) on 429 + Retry-After: 1, and not a moment less', async () => {
      const server = await startServer([{ status: 429, headers: { 'retry-after': '1' } }, { body: { ok: 1 } }]);
      const clock = new FakeClock();
      let retried!: (delayMs: number) => void;
      const retry = new Promise<number>((resolve) => (retried = resolve));
      const call = harness.client(server.url, { retry: { ...FAST, clock, onRetry: ({ delayMs }) => retried(delayMs) } });
      const reply = call({ method: 'GET', path: '/limited' });
      const delayMs = await retry;
      expect(delayMs).toBeGreaterThanOrEqual(1000);
      expect(delayMs).toBeLessThanOrEqual(1100);
      await clock.advance(999);
      expect(server.received).toHaveLength(1);
      await clock.advance(delayMs - 999);
      await reply;
      expect(server.received).toHaveLength(2);
    });

    it('does not retry a POST answered 500', async () => {
      const server = await startServer([{ status: 500, body: { code: 1, error: 'internal' } }, { body: { ok: 1 } }]);
      const call = harness.client(server.url, { retry: FAST });
      const error = await rejection(call({ method: 'POST', path: '/items', json: { a: 1 } }));
      expect(error).toBeInstanceOf(ServerError);
      expect(error.status).toBe(500);
      expect(error.attempts).toBe(1);
      expect(server.writes()).toHaveLength(1);
    });

    it('retries a POST answered 503 (the server did not act on it)', async () => {
      const server = await startServer([{ status: 503 }, { status: 201, body: { id: 7 } }]);
      const call = harness.client(server.url, { retry: FAST });
      const reply = await call({ method: 'POST', path: '/items', json: { a: 1 } });
      expect(reply).toEqual({ status: 201, body: { id: 7 } });
      expect(server.writes()).toHaveLength(2);
    });

    it('does not retry a POST whose connection was reset after the server received it', async () => {
      const server = await startServer([{ reset: true }, { body: { ok: 1 } }]);
      const call = harness.client(server.url, { retry: FAST });
      const error = await rejection(call({ method: 'POST', path: '/items', json: { a: 1 } }));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.attempts).toBe(1);
      expect(server.writes()).toHaveLength(1);
      expect(server.writes()[0]?.body).toBe('{"a":1}');
    });

    it('retries a POST with idempotencyKey: true, sending the same key on both attempts', async () => {
      const server = await startServer([{ status: 500 }, { status: 201, body: { id: 1 } }]);
      const call = harness.client(server.url, { retry: FAST, idempotencyKey: true });
      const reply = await call({ method: 'POST', path: '/orders', json: { sku: 'x' } });
      expect(reply.status).toBe(201);
      const keys = server.writes().map((r) => r.headers['idempotency-key']);
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
      expect(keys[1]).toBe(keys[0]);
    });

    it('uses X-Parse-Request-Id as the key for Parse and keeps a key the caller set', async () => {
      const server = await startServer([{ status: 500 }, { body: { ok: 1 } }, { status: 500 }, { body: { ok: 2 } }]);
      const call = harness.client(server.url, { retry: FAST, provider: parse, idempotencyKey: true });
      await call({ method: 'POST', path: '/classes/A', json: {} });
      await call({ method: 'PATCH', path: '/classes/A/1', json: {}, headers: { 'X-Parse-Request-Id': 'mine-1' } });
      const ids = server.received.map((r) => r.headers['x-parse-request-id']);
      expect(ids[0]).toBeTruthy();
      expect(ids[1]).toBe(ids[0]);
      expect(ids.slice(2)).toEqual(['mine-1', 'mine-1']);
      expect(server.received.every((r) => r.headers['idempotency-key'] === undefined)).toBe(true);
    });

    it('turns LeanCloud 404 {code:101} into a NotFoundError with code, status and one attempt', async () => {
      const server = await startServer([{ status: 404, body: { code: 101, error: 'Object not found.' }, headers: { 'x-request-id': 'req-42' } }]);
      const call = harness.client(server.url, { retry: FAST, provider: leancloud });
      const error = await rejection(call({ method: 'GET', path: '/1.1/classes/Post/abc' }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ code: 101, status: 404, attempts: 1, provider: 'leancloud', requestId: 'req-42' });
      expect(error.request).toEqual({ method: 'GET', url: `${server.url}/1.1/classes/Post/abc` });
      expect(server.received).toHaveLength(1);
    });

    it('CloudBase: retries a GET whose 200 carries DATABASE_TIMEOUT, then hands over a readable body', async () => {
      const server = await startServer([
        { body: { code: 'DATABASE_TIMEOUT', message: 'database request timed out', requestId: 'r1' } },
        { body: { data: { n: 1 }, requestId: 'r2' } },
      ]);
      const call = harness.client(server.url, { retry: FAST, provider: cloudbase });
      const reply = await call({ method: 'GET', path: '/database/query' });
      expect(reply).toEqual({ status: 200, body: { data: { n: 1 }, requestId: 'r2' } });
      expect(server.received).toHaveLength(2);
    });

    it('CloudBase: a 200 business error the policy gives up on is thrown, typed', async () => {
      const server = await startServer([{ body: { code: 'DATABASE_TIMEOUT', message: 'database request timed out' } }]);
      const call = harness.client(server.url, { retry: { ...FAST, maxAttempts: 2 }, provider: cloudbase });
      const error = await rejection(call({ method: 'GET', path: '/database/query' }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ code: 'DATABASE_TIMEOUT', status: 200, attempts: 2, provider: 'cloudbase' });
    });

    it('retries a GET answered by a 524 HTML page', async () => {
      const page = `<!DOCTYPE html><html><head><title>A timeout occurred | 524</title></head><body>${'x'.repeat(200_000)}</body></html>`;
      const server = await startServer([{ status: 524, body: page }, { body: { ok: true } }]);
      const call = harness.client(server.url, { retry: FAST });
      const reply = await call({ method: 'GET', path: '/slow' });
      expect(reply.body).toEqual({ ok: true });
      expect(server.received).toHaveLength(2);
    });

    it('runs onRefresh once on a session-expired answer and retries with its headers', async () => {
      const server = await startServer([{ status: 400, body: { code: 209, error: 'invalid session token' } }, { body: { ok: true } }]);
      const onRefresh = vi.fn((_error: FaultlineError, _request: unknown) => ({ 'X-Parse-Session-Token': 'r:fresh' }));
      const call = harness.client(server.url, { retry: FAST, provider: parse, onRefresh });
      const reply = await call({ method: 'POST', path: '/classes/A', json: {}, headers: { 'X-Parse-Session-Token': 'r:stale' } });
      expect(reply.body).toEqual({ ok: true });
      expect(onRefresh).toHaveBeenCalledTimes(1);
      expect(onRefresh.mock.calls[0]?.[0]).toBeInstanceOf(SessionExpiredError);
      expect(server.received.map((r) => r.headers['x-parse-session-token'])).toEqual(['r:stale', 'r:fresh']);
    });

    it('gives up on a second session-expired answer after the one refresh', async () => {
      const server = await startServer([{ status: 400, body: { code: 209, error: 'invalid session token' } }]);
      const onRefresh = vi.fn(() => undefined);
      const call = harness.client(server.url, { retry: FAST, provider: parse, onRefresh });
      const error = await rejection(call({ method: 'GET', path: '/users/me' }));
      expect(error).toBeInstanceOf(SessionExpiredError);
      expect(onRefresh).toHaveBeenCalledTimes(1);
      expect(server.received).toHaveLength(2);
    });

    it('an onRefresh that never settles ends the call at its deadline with a typed REFRESH_TIMEOUT (issue 13)', async () => {
      const server = await startServer([{ status: 400, body: { code: 209, error: 'invalid session token' } }]);
      const clock = new FakeClock();
      let called!: () => void;
      const refreshing = new Promise<void>((resolve) => (called = resolve));
      const onRefresh = vi.fn(() => {
        called();
        return new Promise<Record<string, string>>(() => {});
      });
      const call = harness.client(server.url, { retry: { ...FAST, clock }, provider: parse, deadlineMs: 500, onRefresh });
      const pending = rejection(call({ method: 'GET', path: '/users/me' }));
      await refreshing;
      await clock.advance(500);
      const error = await pending;
      expect(error).toMatchObject({ kind: 'timeout', code: 'REFRESH_TIMEOUT' });
      expect((error.cause as FaultlineError).kind).toBe('session_expired');
      expect(server.received).toHaveLength(1);
    });

    it("cancels promptly when the caller's signal aborts during backoff", async () => {
      const server = await startServer([{ status: 503, headers: { 'retry-after': '5' } }, { body: { ok: 1 } }]);
      const call = harness.client(server.url, { retry: FAST });
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(), 150);
      const error = await rejection(call({ method: 'GET', path: '/x', signal: controller.signal }));
      expect(error).toBeInstanceOf(CanceledError);
      // Before the 5 s Retry-After is out, however loaded the machine.
      expect(performance.now() - started).toBeLessThan(4_500);
      expect(server.received).toHaveLength(1);
    });

    it('fails an attempt that outlives attemptTimeoutMs with a TimeoutError', async () => {
      const server = await startServer([{ stall: true }]);
      const call = harness.client(server.url, { retry: { ...FAST, maxAttempts: 2 }, attemptTimeoutMs: 200 });
      const started = performance.now();
      const error = await rejection(call({ method: 'GET', path: '/stall' }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.attempts).toBe(2);
      expect(server.received).toHaveLength(2);
      // Without the timeout it would hang for good.
      expect(performance.now() - started).toBeLessThan(15_000);
    });

    it('does not retry a request whose body is a one-shot stream, even an idempotent one', async () => {
      const server = await startServer([{ status: 503 }, { body: { ok: 1 } }]);
      const call = harness.client(server.url, { retry: FAST });
      const error = await rejection(call({ method: 'PUT', path: '/upload', stream: ['chunk-1,', 'chunk-2'] }));
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.attempts).toBe(1);
      expect(server.writes()).toHaveLength(1);
      expect(server.writes()[0]?.body).toBe('chunk-1,chunk-2');
    });

    it('keeps credentials out of every rendering of the error', async () => {
      const server = await startServer([{ status: 403, body: { code: 403, error: 'Forbidden to read/write by class permissions' } }]);
      const call = harness.client(server.url, { retry: FAST, provider: leancloud });
      const query = `access_token=${SECRETS.accessToken}&sign=${SECRETS.sign}&limit=1`;
      const error = await rejection(
        call({
          method: 'GET',
          path: `/1.1/classes/Post?${query}`,
          headers: {
            Authorization: SECRETS.authorization,
            'X-LC-Key': SECRETS.lcKey,
            'X-LC-Sign': SECRETS.lcSign,
            'X-LC-Session': SECRETS.lcSession,
          },
        }),
      );
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(server.received[0]?.headers['x-lc-session']).toBe(SECRETS.lcSession);
      expect(error.request?.url).toContain('limit=1');
      expectNoSecrets(error);
    });

    it('keeps credentials out of a network error too', async () => {
      const server = await startServer([{ reset: true }]);
      const call = harness.client(server.url, { retry: FAST });
      const error = await rejection(
        call({ method: 'POST', path: `/x?access_token=${SECRETS.accessToken}`, json: {}, headers: { Authorization: SECRETS.authorization } }),
      );
      expect(error).toBeInstanceOf(NetworkError);
      expectNoSecrets(error);
    });

    it('retries a GET whose 200 body is cut off mid-read when the body is read through the call', async () => {
      const server = await startServer([{ cut: '{"items":[1,' }, { body: { items: [1, 2] } }]);
      const call = harness.client(server.url, { retry: FAST }, { readThrough: true });
      expect(await call({ method: 'GET', path: '/items' })).toEqual({ status: 200, body: { items: [1, 2] } });
      expect(server.received).toHaveLength(2);
    });

    it('does not retry a POST whose 200 body is cut off mid-read: the server acted on it', async () => {
      const server = await startServer([{ cut: '{"id":' }, { body: { id: 2 } }]);
      const call = harness.client(server.url, { retry: FAST }, { readThrough: true });
      const error = await rejection(call({ method: 'POST', path: '/items', json: { a: 1 } }));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.attempts).toBe(1);
      expect(server.writes()).toHaveLength(1);
    });

    it('cuts an error body that stalls after the headers at errorBodyTimeoutMs and classifies what arrived', { timeout: 10_000 }, async () => {
      const server = await startServer([{ status: 503, stallBody: '<html><head><title>Upstream stalled</title>' }]);
      const call = harness.client(server.url, { retry: { maxAttempts: 1 }, errorBodyTimeoutMs: 300 });
      const error = await rejection(call({ method: 'GET', path: '/stalled' }));
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toContain('Upstream stalled');
    });

    it('300 sequential GETs against a permanent 503 make at most 1.3 attempts each (default policy)', { timeout: 60_000 }, async () => {
      const server = await startServer([{ status: 503 }]);
      const call = harness.client(server.url, {});
      for (let i = 0; i < 300; i++) await rejection(call({ method: 'GET', path: `/down/${i}` }));
      expect(server.received.length / 300).toBeLessThanOrEqual(1.3);
      // Retries did happen before the budget ran dry.
      expect(server.received.length).toBeGreaterThan(300);
    });
  });
}
