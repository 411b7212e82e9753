/**
 * The browser-facing parts (classify, createFetch, ReconnectingSocket) in real headless Chromium,
 * against loopback servers: the browser's own fetch errors, AbortController and WebSocket.
 * Run with `npm run test:browser`; needs Debian's chromium (it fails, not skips, without it).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from './chromium.js';
import type { BrowserTests } from './page.js';
import { closedPort, startBrowserServer, type BrowserServer } from './server.js';

let browser: Chromium | undefined;
let server: BrowserServer | undefined;
let page: Page;
const pageErrors: string[] = [];

/** Calls one of page.ts's tests inside the page and returns its JSON result. */
function run<K extends keyof BrowserTests>(name: K, arg: string): Promise<Awaited<ReturnType<BrowserTests[K]>>> {
  return page.evaluate(
    ([n, a]) => (globalThis as unknown as { faultlineTests: Record<string, (x: string) => Promise<unknown>> }).faultlineTests[n]!(a),
    [name, arg] as const,
  ) as Promise<Awaited<ReturnType<BrowserTests[K]>>>;
}

beforeAll(async () => {
  // Bundled for the browser platform: a static `node:` import anywhere in src/ fails the build here.
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  server = await startBrowserServer(bundle.outputFiles[0]!.text);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.title === 'faultline ready', undefined, { timeout: 10_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(pageErrors).toEqual([]);
});

describe('classify() on the browser\'s own errors', () => {
  it('a fetch to a closed port: TypeError "Failed to fetch" → NetworkError', async () => {
    const port = await closedPort();
    const result = await run('closedPort', `http://127.0.0.1:${port}/x?access_token=SECRET_TOKEN_in_url`);
    expect(result.raw).toMatchObject({ type: 'TypeError', message: 'Failed to fetch' });
    expect(result.classified).toMatchObject({ isFaultline: true, kind: 'network', name: 'NetworkError', retryable: true });
    expect(JSON.stringify(result.classified)).not.toContain('SECRET_TOKEN_in_url');
  });

  it('AbortController.abort() → DOMException AbortError → CanceledError', async () => {
    const result = await run('abort', `${server!.url}/stall?a=1`);
    expect(result.raw).toMatchObject({ type: 'DOMException', name: 'AbortError' });
    expect(result.classified).toMatchObject({ isFaultline: true, kind: 'canceled', name: 'CanceledError', retryable: false });
  });

  it('AbortSignal.timeout() → DOMException TimeoutError → TimeoutError', async () => {
    const result = await run('timeout', `${server!.url}/stall?a=2`);
    expect(result.raw).toMatchObject({ type: 'DOMException', name: 'TimeoutError' });
    expect(result.classified).toMatchObject({ isFaultline: true, kind: 'timeout', name: 'TimeoutError' });
  });

  it('a native CloseEvent with code 4111 → SessionReplacedError', async () => {
    const result = await run('closeEvent', `${server!.wsUrl}/ws?mode=kick&id=event`);
    expect(result).toMatchObject({ type: 'CloseEvent', code: 4111 });
    expect(result.classified).toMatchObject({ kind: 'session_replaced', closeCode: 4111, retryable: false });
  });
});

describe('createFetch with the browser fetch', () => {
  it('retries through a 503 and a 429 + Retry-After: 0 to the 200', async () => {
    const result = await run('fetchRetries', `${server!.url}/flaky?id=retry`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: true, attempt: 3 });
    expect(result.retries.map((r) => r.kind)).toEqual(['unavailable', 'rate_limited']);
    expect(server!.hits.get('/flaky?id=retry')).toBe(3);
  });

  it('gives up at once on 404 {code: 101} with a typed NotFoundError', async () => {
    const result = await run('fetchNotFound', `${server!.url}/missing?id=nf`);
    expect(result.isNotFound).toBe(true);
    expect(result.classified).toMatchObject({ isFaultline: true, kind: 'not_found', status: 404, code: 101, provider: 'leancloud', retryable: false });
    expect(server!.hits.get('/missing?id=nf')).toBe(1);
  });

  it('an abort mid-request rejects with CanceledError and is not retried', async () => {
    const result = await run('fetchAbort', `${server!.url}/stall?id=abort`);
    expect(result.isCanceled).toBe(true);
    expect(result.classified).toMatchObject({ kind: 'canceled' });
    expect(server!.hits.get('/stall?id=abort')).toBe(1);
  });
});

describe('ReconnectingSocket with the native WebSocket', () => {
  it('reconnects after the server drops the connection (1006), then delivers', async () => {
    const key = '/ws?mode=terminate&id=drop';
    const log = await run('socketReconnects', `${server!.wsUrl}${key}`);
    const reconnecting = log.events.filter((e) => e.type === 'reconnecting');
    expect(reconnecting[0]).toMatchObject({ kind: 'connection_closed', closeCode: 1006 });
    expect(log.events.filter((e) => e.type === 'open')).toHaveLength(2);
    expect(log.events).toContainEqual({ type: 'message', data: 'echo:ping' });
    expect(log.events.at(-1)).toMatchObject({ type: 'stopped', kind: 'canceled' });
    expect(server!.connections.get(key)).toBe(2);
  });

  it('stops on close 4111 and never reconnects', async () => {
    const key = '/ws?mode=kick&id=kick';
    const log = await run('socketKicked', `${server!.wsUrl}${key}`);
    expect(log.events.filter((e) => e.type === 'reconnecting')).toEqual([]);
    expect(log.events.filter((e) => e.type === 'stopped')).toEqual([{ type: 'stopped', kind: 'session_replaced', closeCode: 4111, name: 'SessionReplacedError' }]);
    expect(log.state).toBe('stopped');
    expect(server!.connections.get(key)).toBe(1);
  });
});
