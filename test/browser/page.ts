/**
 * Runs inside headless Chromium: the browser-facing parts of faultline against the browser's own
 * fetch, AbortController and WebSocket. Each test returns plain JSON for Node to assert on.
 */
import { createFetch } from '../../adapters/fetch.js';
import { ReconnectingSocket } from '../../adapters/ws.js';
import { leancloud } from '../../catalog/leancloud/index.js';
import { CanceledError, classify, FaultlineError, isFaultlineError, NotFoundError } from '../../src/core.js';

export interface Summary {
  isFaultline: boolean;
  name: string;
  kind: string;
  retry: string;
  retryable: boolean;
  code?: number | string;
  status?: number;
  closeCode?: number;
  provider?: string;
  attempts?: number;
  message: string;
  json: Record<string, unknown>;
}

function summary(error: FaultlineError): Summary {
  return {
    isFaultline: isFaultlineError(error) && error instanceof FaultlineError,
    name: error.name,
    kind: error.kind,
    retry: error.retry,
    retryable: error.retryable,
    code: error.code,
    status: error.status,
    closeCode: error.closeCode,
    provider: error.provider,
    attempts: error.attempts,
    message: error.message,
    json: JSON.parse(JSON.stringify(error)) as Record<string, unknown>,
  };
}

/** What the browser itself threw, before classify(). */
function raw(error: unknown): { type: string; name?: string; message?: string } {
  const e = error as { constructor?: { name?: string }; name?: string; message?: string };
  return { type: e?.constructor?.name ?? typeof error, name: e?.name, message: e?.message };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const fastRetry = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 };

interface SocketLog {
  events: Array<{ type: string; kind?: string; closeCode?: number; name?: string; data?: unknown; attempt?: number }>;
  state: string;
}

function record(socket: ReconnectingSocket, log: SocketLog): void {
  socket.on('open', ({ attempt }) => log.events.push({ type: 'open', attempt }));
  socket.on('message', ({ data }) => log.events.push({ type: 'message', data: typeof data === 'string' ? data : String(data) }));
  socket.on('reconnecting', ({ error }) => log.events.push({ type: 'reconnecting', kind: error.kind, closeCode: error.closeCode, name: error.name }));
  socket.on('stopped', ({ error }) => log.events.push({ type: 'stopped', kind: error.kind, closeCode: error.closeCode, name: error.name }));
}

function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

const tests = {
  /** A fetch to a port nobody listens on: Chromium's TypeError('Failed to fetch'). */
  async closedPort(url: string) {
    const error = await rejection(fetch(url));
    return { raw: raw(error), classified: summary(classify(error, { url, method: 'GET' })) };
  },

  /** AbortController.abort() during a request that never answers: DOMException AbortError. */
  async abort(url: string) {
    const controller = new AbortController();
    const pending = fetch(url, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    return { raw: raw(error), classified: summary(classify(error)) };
  },

  /** AbortSignal.timeout(): DOMException TimeoutError. */
  async timeout(url: string) {
    const error = await rejection(fetch(url, { signal: AbortSignal.timeout(50) }));
    return { raw: raw(error), classified: summary(classify(error)) };
  },

  /** createFetch retries through 503s and 429 + Retry-After: 0 to the 200. */
  async fetchRetries(url: string) {
    const retries: Array<{ attempt: number; kind: string; delayMs: number }> = [];
    const fetchWithRetry = createFetch({
      provider: leancloud,
      retry: { ...fastRetry, onRetry: ({ attempt, error, delayMs }) => retries.push({ attempt, kind: error.kind, delayMs }) },
    });
    const response = await fetchWithRetry(url);
    return { status: response.status, body: (await response.json()) as unknown, retries };
  },

  /** A 404 {code:101} is not retried and arrives as a typed NotFoundError. */
  async fetchNotFound(url: string) {
    const fetchWithRetry = createFetch({ provider: leancloud, retry: fastRetry });
    const error = await rejection(fetchWithRetry(url));
    return { isNotFound: error instanceof NotFoundError, classified: summary(error as FaultlineError) };
  },

  /** Aborting a createFetch call mid-request: CanceledError, not retried. */
  async fetchAbort(url: string) {
    const fetchWithRetry = createFetch({ retry: fastRetry });
    const controller = new AbortController();
    const pending = fetchWithRetry(url, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    return { isCanceled: error instanceof CanceledError, classified: summary(error as FaultlineError) };
  },

  /** The native WebSocket is dropped (server terminate → 1006): reconnect, then talk. */
  async socketReconnects(url: string) {
    const log: SocketLog = { events: [], state: '' };
    const socket = new ReconnectingSocket(url, { provider: leancloud, reconnect: { baseDelayMs: 10, maxDelayMs: 50 } });
    record(socket, log);
    try {
      await until(() => log.events.filter((e) => e.type === 'open').length >= 2, 10_000, 'the second open');
      await socket.send('ping');
      await until(() => log.events.some((e) => e.type === 'message' && e.data === 'echo:ping'), 5_000, 'the echo');
      socket.close();
      await until(() => log.events.some((e) => e.type === 'stopped'), 5_000, 'stopped after close()');
    } finally {
      socket.close();
      log.state = socket.state;
    }
    return log;
  },

  /** Close 4111 (LeanCloud SESSION_CONFLICT) stops the socket for good: no reconnect storm. */
  async socketKicked(url: string) {
    const log: SocketLog = { events: [], state: '' };
    const socket = new ReconnectingSocket(url, { provider: leancloud, reconnect: { baseDelayMs: 10, maxDelayMs: 50 } });
    record(socket, log);
    try {
      await until(() => log.events.some((e) => e.type === 'stopped'), 10_000, 'stopped after the kick');
      // Ten backoff periods: a socket that wanted to reconnect would have by now.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      log.state = socket.state;
      socket.close();
    }
    return log;
  },

  /** classify() on the browser's own CloseEvent. */
  async closeEvent(url: string) {
    const event = await new Promise<CloseEvent>((resolve) => {
      const ws = new WebSocket(url);
      ws.onclose = resolve;
    });
    return { type: event.constructor.name, code: event.code, wasClean: event.wasClean, classified: summary(classify(event, { provider: leancloud })) };
  },
};

export type BrowserTests = typeof tests;
(globalThis as { faultlineTests?: BrowserTests }).faultlineTests = tests;
document.title = 'faultline ready';
