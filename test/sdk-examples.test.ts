/**
 * Runs the README's SDK section (examples/sdk-*.ts, copied into README by
 * scripts/readme-examples.mjs) with the real SDKs against a loopback server: what the examples
 * say happens, happens. (test/examples.test.ts runs the other examples against the demo server;
 * these need a server that answers like Parse and CloudBase, test/helpers/sdk-server.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as cloudbaseExample } from '../examples/sdk-cloudbase.js';
import { main as sdkErrorsExample } from '../examples/sdk-errors.js';
import { main as leancloudExample } from '../examples/sdk-leancloud.js';
import { main as parseExample } from '../examples/sdk-parse.js';
import { isFaultlineError } from '../src/errors.js';
import { useLoopbackOnly } from './helpers/loopback-only.js';
import { reply, startSdkServer, type Answer, type SdkServer } from './helpers/sdk-server.js';

useLoopbackOnly();

let server: SdkServer;
beforeAll(async () => {
  server = await startSdkServer();
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

/** Answers from a list, in order; the last one repeats. */
const inTurn =
  (...answers: Answer[]) =>
  (_request: unknown, index: number): Answer =>
    answers[Math.min(index, answers.length - 1)] as Answer;

/** What the example logs with console.error; the SDKs' own chatter (console.log, console.warn) is dropped. */
function captureConsole(): string[] {
  const lines: string[] = [];
  const keep = (...args: unknown[]): void => void lines.push(args.map(String).join(' '));
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  return lines;
}

describe('examples/sdk-errors.ts', () => {
  it('classifies what each official SDK really rejects with', async () => {
    const seen = await sdkErrorsExample();
    expect(seen.map(({ provider, name, kind, code, retry }) => [provider, name, kind, code, retry])).toEqual([
      ['leancloud', 'NotFoundError', 'not_found', 101, 'never'],
      ['parse', 'SessionExpiredError', 'session_expired', 209, 'after-refresh'],
      ['cloudbase', 'TimeoutError', 'timeout', 'DATABASE_TIMEOUT', 'idempotent'],
      ['easemob', 'RateLimitError', 'rate_limited', 'reach_limit', 'always'],
    ]);
    for (const { advice } of seen) expect(advice).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('examples/sdk-leancloud.ts', () => {
  let nodeRequest: unknown;
  let AV: any;
  beforeAll(async () => {
    AV = (await import('leancloud-storage')).default;
    nodeRequest = ((await import('@leancloud/platform-adapters-node')) as any).request;
  });
  afterAll(() => AV.setAdapters({ request: nodeRequest }));

  it('gets the posts through a 429 (Retry-After) and a body cut off mid-read', async () => {
    server.answer(inTurn(reply.json(429, { code: 155, error: 'Too many requests.' }, { 'retry-after': '0' }), reply.resetMidBody(200), reply.json(200, { results: [{ objectId: 'p1' }] })));
    const posts = (await leancloudExample(server.url)) as Array<{ id: string }>;
    expect(posts.map((p) => p.id)).toEqual(['p1']);
    expect(server.received.map((r) => r.url)).toEqual(Array(3).fill('/1.1/classes/Post?where=%7B%7D'));
  });

  it('gives up after 3 attempts on a lasting 503 and logs the typed error with its Chinese advice', async () => {
    const lines = captureConsole();
    server.answer(reply.html(503, { 'retry-after': '0' }));
    const error = await leancloudExample(server.url).catch((e: unknown) => e);
    expect(isFaultlineError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'ServiceUnavailableError', kind: 'unavailable', status: 503, attempts: 3 });
    expect(server.received).toHaveLength(3);
    expect(lines).toEqual([expect.stringMatching(/^ServiceUnavailableError unavailable 503 after 3 attempt\(s\): .*[\u4e00-\u9fff]/)]);
  });
});

describe('examples/sdk-parse.ts', () => {
  let Parse: any;
  beforeAll(async () => {
    Parse = (await import('parse/node')).default;
  });
  afterEach(() => {
    Parse.idempotency = false;
  });

  it('retries the read cut off mid-body and the create whose answer was lost, with one request id', async () => {
    server.answer(
      inTurn(
        reply.resetMidBody(200),
        reply.json(200, { results: [{ objectId: 'xWMyZ4YEGZ' }] }),
        reply.resetBeforeHeaders(),
        reply.json(201, { objectId: 'o1', createdAt: '2024-01-01T00:00:00.000Z' }),
      ),
    );
    expect(await parseExample(`${server.url}/parse`)).toEqual({ post: 'xWMyZ4YEGZ', order: 'o1' });
    const [read1, read2, create1, create2] = server.received;
    expect([read1, read2].map((r) => JSON.parse(r!.body)._method)).toEqual(['GET', 'GET']);
    expect(create1!.headers['x-parse-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(create2!.headers['x-parse-request-id']).toBe(create1!.headers['x-parse-request-id']);
  });

  it('rejects a missing object with faultline’s NotFoundError, after one request', async () => {
    captureConsole();
    server.answer(reply.json(404, { code: 101, error: 'Object not found.' }));
    const error = await parseExample(`${server.url}/parse`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFoundError', code: 101, status: 404, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });
});

describe('examples/sdk-cloudbase.ts', () => {
  let cloudbase: any;
  let stock: { adapter: unknown; runtime: string };
  const host = (): string => server.url.slice('http://'.length);
  beforeAll(async () => {
    cloudbase = (await import('@cloudbase/js-sdk')).default;
    stock = { adapter: cloudbase.platform.adapter, runtime: cloudbase.platform.runtime };
  });
  afterEach(() => cloudbase.useAdapters({ isMatch: () => true, runtime: stock.runtime, genAdapter: () => stock.adapter }));

  it('reads through a gateway’s HTML 503 (which the SDK alone would resolve as an empty result)', async () => {
    captureConsole(); // the SDK logs the HTML it could not parse
    server.answer(inTurn(reply.html(503, { 'retry-after': '0' }), reply.json(200, { data: { list: [] } })));
    expect(await cloudbaseExample(host(), 'http')).toEqual([]);
    expect(server.received).toHaveLength(2);
  });

  it('rejects a lasting DATABASE_TIMEOUT (which the SDK alone would resolve) after 3 attempts', async () => {
    const lines = captureConsole();
    server.answer(reply.json(500, { code: 'DATABASE_TIMEOUT', message: 'timed out', requestId: 'srv-1' }, { 'retry-after': '0' }));
    const error = await cloudbaseExample(host(), 'http').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'DATABASE_TIMEOUT', status: 500, attempts: 3, requestId: 'srv-1' });
    expect(lines).toEqual(['TimeoutError DATABASE_TIMEOUT HTTP 500 after 3 attempt(s)']);
  });
});
