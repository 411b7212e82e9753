import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetch } from '../adapters/fetch.js';
import { NetworkError, NotFoundError, ServerError } from '../src/errors.js';
import { createRetryPolicy } from '../src/index.js';
import { rejection } from './helpers/http-suite.js';

const API = 'https://api.example.lncld.net/1.1';
let calls: Record<string, number> = {};
const count = (key: string): number => (calls[key] = (calls[key] ?? 0) + 1);

const mock = setupServer(
  http.get(`${API}/flaky`, () => (count('flaky') <= 2 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true }))),
  http.post(`${API}/classes/Post`, () => {
    count('post');
    return HttpResponse.json({ code: 1, error: 'Internal server error.' }, { status: 500 });
  }),
  http.get(`${API}/classes/Post/missing`, () => {
    count('missing');
    return HttpResponse.json({ code: 101, error: 'Object not found.' }, { status: 404 });
  }),
  http.get(`${API}/offline`, () => {
    count('offline');
    return HttpResponse.error();
  }),
);

describe('faultline/fetch through msw', () => {
  beforeAll(() => {
    mock.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    calls = {};
  });
  afterAll(() => mock.close());
  // globalThis.fetch is looked up per call, so msw's interception applies. The full entry's policy
  // knows every provider, so LeanCloud is recognised by its host.
  const fetch = createFetch({ retry: createRetryPolicy({ baseDelayMs: 5, maxDelayMs: 40 }) });

  it('retries a GET through two 503s', async () => {
    const response = await fetch(`${API}/flaky`);
    expect(await response.json()).toEqual({ ok: true });
    expect(calls.flaky).toBe(3);
  });

  it('does not retry a POST answered 500', async () => {
    const error = await rejection(fetch(`${API}/classes/Post`, { method: 'POST', body: '{}' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(calls.post).toBe(1);
  });

  it('detects LeanCloud from the host: 404 {code:101} is a NotFoundError', async () => {
    const error = await rejection(fetch(`${API}/classes/Post/missing`));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: 'leancloud', code: 101, status: 404, attempts: 1 });
  });

  it('a network failure on GET is retried, then typed', async () => {
    const error = await rejection(fetch(`${API}/offline`));
    expect(error).toBeInstanceOf(NetworkError);
    expect(calls.offline).toBe(3);
  });
});
