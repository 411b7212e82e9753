import { afterEach, describe, expect, it } from 'vitest';
import got from 'got';
import { parse } from '../catalog/parse/index.js';
import { classify as classifyCore } from '../src/classify.js';
import { classify } from '../src/index.js';
import { RateLimitError, ServiceUnavailableError, SessionExpiredError } from '../src/errors.js';
import { startServer, type TestServer } from './helpers/http-server.js';

// got is not an adapter, but apps classify what it throws: its HTTPError keeps the status in
// response.statusCode and the body (a string) in response.body, unlike axios and ky.
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function gotError(answer: Parameters<typeof startServer>[0]): Promise<unknown> {
  server = await startServer(answer);
  try {
    await got(`${server.url}/1.1/classes/Post`, { retry: { limit: 0 } });
  } catch (error) {
    return error;
  }
  throw new Error('got did not throw');
}

describe("classify: got's HTTPError", () => {
  it('reads the status and Retry-After of a 429', async () => {
    const error = classify(await gotError([{ status: 429, headers: { 'retry-after': '3' }, body: 'slow down' }]));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(3_000);
    expect(error.request?.method).toBe('GET');
  });

  it('reads a 503 as unavailable, not by its ERR_NON_2XX_3XX_RESPONSE code', async () => {
    const error = classify(await gotError([{ status: 503, body: '<html><title>Service Unavailable</title></html>' }]));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.status).toBe(503);
    expect(error.message).toContain('Service Unavailable');
  });

  it("reads the provider's code from the body", async () => {
    const raw = await gotError([{ status: 403, body: { code: 209, error: 'Invalid session token' } }]);
    // The full entry knows providers by name; the core takes the provider value.
    for (const error of [classify(raw, { provider: 'parse' }), classifyCore(raw, { provider: parse })]) {
      expect(error).toBeInstanceOf(SessionExpiredError);
      expect(error.code).toBe(209);
      expect(error.message).toContain('Invalid session token');
    }
  });
});
