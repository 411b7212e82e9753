import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startServer, type Answer, type Received, type TestServer } from './http-server.js';

export type { Answer, Received } from './http-server.js';

/**
 * The loopback server an official SDK is pointed at. One server per SDK for a whole describe
 * block (SDKs keep their base URL in module state); each test says how the next requests are
 * answered with `answer(...)`, and reads what arrived in `received` (cleared by `answer`).
 */
export interface SdkServer extends TestServer {
  /** How every following request is answered (a function sees each request and its index since this call). */
  answer(next: Answer | ((request: Received, index: number) => Answer)): void;
  /** Resolves once `count` requests have arrived since the last `answer(...)`. */
  requests(count?: number): Promise<Received[]>;
}

export async function startSdkServer(): Promise<SdkServer> {
  let current: (request: Received, index: number) => Answer = () => ({ status: 500, body: { error: 'no answer scripted' } });
  let offset = 0;
  const waiting: Array<{ count: number; resolve: (r: Received[]) => void }> = [];
  const server = await startServer((request, index) => {
    const answer = current(request, index - offset);
    // Let waiters see the request before the SDK sees the answer.
    queueMicrotask(() => {
      for (const waiter of [...waiting]) {
        if (server.received.length - offset >= waiter.count) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(server.received.slice(offset));
        }
      }
    });
    return answer;
  });
  return {
    ...server,
    get received() {
      return server.received.slice(offset);
    },
    answer(next) {
      offset = server.received.length;
      current = typeof next === 'function' ? next : () => next;
    },
    requests(count = 1) {
      const seen = server.received.slice(offset);
      if (seen.length >= count) return Promise.resolve(seen);
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
  };
}

const HTML_PAGE = (status: number): string =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** The answers the observations are made of. */
export const reply = {
  json: (status: number, body: unknown, headers?: Record<string, string>): Answer => ({ status, body, headers }),
  /** The page a gateway (nginx) sends for a 5xx: HTML, not the API's JSON. */
  html: (status: number, headers?: Record<string, string>): Answer => ({ status, body: HTML_PAGE(status), headers }),
  /** A status with no body at all (content-length: 0). */
  empty: (status: number, headers?: Record<string, string>): Answer => ({ status, headers }),
  /** The request is read, then the connection closes before any response byte. */
  resetBeforeHeaders: (): Answer => ({ reset: true }),
  /** Headers and part of a JSON body, then the connection closes. */
  resetMidBody: (status = 200, headers?: Record<string, string>): Answer => ({ status, cut: '{"results":[{"objectId":"a1"', headers }),
  /** The request is read and never answered: the SDK's own timeout has to end it. */
  stall: (): Answer => ({ stall: true }),
};

/** A loopback URL where nothing listens: connecting to it is refused (ECONNREFUSED). */
export async function refusedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
