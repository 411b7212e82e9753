/**
 * Runs every example the README shows (examples/*.ts, included by scripts/readme-examples.mjs)
 * against the demo's flaky BaaS on loopback, and checks the README blocks are current.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FaultlineError } from '../src/errors.js';
import { startDemoServer, type DemoServer } from '../demo/server.js';
import { main as axiosExample } from '../examples/axios.js';
import { main as fetchExample } from '../examples/fetch.js';
import { main as kyExample } from '../examples/ky.js';
import { main as pRetryExample } from '../examples/p-retry.js';
import { main as retryExample } from '../examples/retry.js';
import { main as socketExample } from '../examples/socket.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The examples log what happens; keep the test output quiet but readable by the test. */
function captureConsole(): string[] {
  const lines: string[] = [];
  const keep = (...args: unknown[]): void => void lines.push(args.map(String).join(' '));
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
  return lines;
}

const POST_ID = '5f1b2c3d4e5f6a7b8c9d0e1f';

describe('examples/axios.ts', () => {
  it('gets the object through 429 and 503', async () => {
    server.seed('Post', { objectId: POST_ID, title: 'Hello' });
    server.fail('GET', `/1.1/classes/Post/${POST_ID}`, [{ status: 429, headers: { 'Retry-After': '0' } }, { status: 503 }]);
    const before = server.count('GET', `/1.1/classes/Post/${POST_ID}`);
    await expect(axiosExample(server.url)).resolves.toMatchObject({ objectId: POST_ID, title: 'Hello' });
    expect(server.count('GET', `/1.1/classes/Post/${POST_ID}`) - before).toBe(3);
  });

  it('rejects a missing object with a NotFoundError after one attempt, and logs its advice', async () => {
    const lines = captureConsole();
    const other = await startDemoServer(); // an empty store: the object is not there
    try {
      const error = (await axiosExample(other.url).catch((e: unknown) => e)) as FaultlineError;
      expect(error).toMatchObject({ name: 'NotFoundError', kind: 'not_found', code: 101, attempts: 1 });
      expect(other.requests).toHaveLength(1);
      expect(lines.join('\n')).toContain('NotFoundError not_found 101 after 1 attempt(s)');
    } finally {
      await other.close();
    }
  });
});

describe('examples/fetch.ts', () => {
  it('retries a POST whose answer was lost with the same X-Parse-Request-Id, and the order exists once', async () => {
    server.fail('POST', '/parse/classes/Order', [{ reset: true }]);
    const seq = server.requests.length;
    const before = server.objects('Order').length;
    const created = await fetchExample(`${server.url}/parse`);
    const posts = server.requests.slice(seq).filter((r) => r.path === '/parse/classes/Order');
    expect(posts.map((r) => [r.reset, r.applied, r.replayed])).toEqual([[true, true, false], [false, false, true]]);
    expect(posts[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(posts[1]?.idempotencyKey).toBe(posts[0]?.idempotencyKey);
    expect(server.objects('Order').length - before).toBe(1);
    expect(created.objectId).toBe(server.objects('Order').at(-1)?.objectId);
  });
});

describe('examples/ky.ts', () => {
  it('returns the posts after a 503', async () => {
    server.fail('GET', '/1.1/classes/Post?', [{ status: 503 }]);
    const before = server.count('GET', '/1.1/classes/Post?');
    const result = await kyExample(server.url);
    expect(Array.isArray(result.results)).toBe(true);
    expect(server.count('GET', '/1.1/classes/Post?') - before).toBe(2);
  });

  it('turns {code:140} into an empty list and the Chinese advice, after one request', async () => {
    server.fail('GET', '/1.1/classes/Post?', [{ status: 403, body: { code: 140, error: '超过应用额度' } }]);
    const before = server.count('GET', '/1.1/classes/Post?');
    const result = await kyExample(server.url);
    expect(result).toEqual({ results: [], notice: expect.stringContaining('升级商用版') });
    expect(server.count('GET', '/1.1/classes/Post?') - before).toBe(1);
  });
});

describe('examples/retry.ts', () => {
  it('retries both calls through 502/504 and a {code:124}', async () => {
    const lines = captureConsole();
    server.fail('GET', '/1.1/date', [{ status: 502 }]);
    server.fail('GET', '/1.1/classes/Post?', [{ status: 504, body: { code: 124, error: 'The request timed out on the server.' } }]);
    const { serverTime, posts } = (await retryExample(server.url)) as { serverTime: { __type: string }; posts: { results: unknown[] } };
    expect(serverTime.__type).toBe('Date');
    expect(Array.isArray(posts.results)).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/^attempt 1: timeout 124, next in \d+ ms$/)]);
  });
});

describe('examples/p-retry.ts', () => {
  it('p-retry retries the GET through 503 and 429 under faultline\'s verdict', async () => {
    server.seed('Post', { objectId: POST_ID, title: 'Hello' });
    server.fail('GET', `/1.1/classes/Post/${POST_ID}`, [{ status: 503 }, { status: 429, headers: { 'Retry-After': '0' } }]);
    const post = (await pRetryExample(server.url)) as { objectId: string } | undefined;
    expect(post?.objectId).toBe(POST_ID);
  });

  it('stops at once on a not-found and logs the typed error', async () => {
    const lines = captureConsole();
    server.fail('GET', `/1.1/classes/Post/${POST_ID}`, [{ status: 404, body: { code: 101, error: 'Object not found.' } }]);
    expect(await pRetryExample(server.url)).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^not_found 101 after 1 attempt\(s\): \S/)]);
  });
});

describe('examples/socket.ts', () => {
  it('reconnects after 1006, delivers the queued message once, and stops on 4111', async () => {
    const lines = captureConsole();
    server.im([
      { drop: true, afterMs: 150 },
      { close: 4111, reason: 'SESSION_CONFLICT', afterMs: 150 },
    ]);
    const received = server.messages.length;
    const socket = socketExample(server.wsUrl);
    try {
      const stopped = await new Promise<FaultlineError>((resolve) => socket.on('stopped', ({ error }) => resolve(error)));
      expect(stopped).toMatchObject({ kind: 'session_replaced', closeCode: 4111 });
      expect(server.connections).toBe(2);
      expect(server.messages.slice(received)).toEqual([JSON.stringify({ cmd: 'direct', msg: 'hello' })]);
      expect(lines[0]).toMatch(/^received \{"cmd":"ack"/);
      expect(lines.filter((l) => l.startsWith('1006 connection_closed: reconnecting'))).toHaveLength(1);
      expect(lines.at(-1)).toMatch(/^stopped: SessionReplacedError 4111: /);
    } finally {
      socket.close();
    }
  });
});

describe('README.md', () => {
  it('shows the examples as they are in examples/ (node scripts/readme-examples.mjs --check)', async () => {
    await expect(promisify(execFile)(process.execPath, ['scripts/readme-examples.mjs', '--check'], { cwd: root })).resolves.toBeDefined();
  });
});
