import axios, { type AxiosError } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFaultline, withFaultline } from '../adapters/axios.js';
import { ServerError, ServiceUnavailableError, TimeoutError, isFaultlineError } from '../src/errors.js';
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
