import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A loopback HTTP server for fleet tests: it records when each request arrived (the host's one
 * clock, which every child shares), answers from a handler that may hold a request until the test
 * lets it go, and answers WebSocket upgrades with a plain HTTP status (a refused handshake).
 */
export interface Arrival {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Date.now() when the request (its headers) arrived. */
  readonly at: number;
  /** A WebSocket handshake. */
  readonly upgrade: boolean;
}

export interface Reply {
  /** Default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. Default `{ ok: true }` for 2xx, `{ error: <status> }` otherwise. */
  readonly body?: unknown;
}

export type Handler = (request: Arrival, index: number) => Reply | Promise<Reply>;

export interface FleetServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `127.0.0.1:<port>`: what `URL.host` gives, the scope of this server's gate. */
  readonly host: string;
  readonly arrivals: readonly Arrival[];
  /** Arrivals whose path starts with `prefix`. */
  count(prefix: string): number;
  /** Resolves with the next arrival that matches (one already here does not count). */
  next(matches: (request: Arrival) => boolean): Promise<Arrival>;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export async function startFleetServer(handler: Handler): Promise<FleetServer> {
  const arrivals: Arrival[] = [];
  const waiters: { matches(request: Arrival): boolean; resolve(request: Arrival): void }[] = [];
  const arrive = (method: string | undefined, url: string | undefined, upgrade: boolean): { request: Arrival; index: number } => {
    const parsed = new URL(url ?? '/', 'http://fleet.test');
    const request: Arrival = { method: method ?? 'GET', path: parsed.pathname, query: Object.fromEntries(parsed.searchParams), at: Date.now(), upgrade };
    const index = arrivals.push(request) - 1;
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (waiter.matches(request)) {
        waiters.splice(i, 1);
        waiter.resolve(request);
      }
    }
    return { request, index };
  };

  const server: Server = createServer((req, res) => {
    const { request, index } = arrive(req.method, req.url, false);
    req.resume();
    void Promise.resolve(handler(request, index)).then((reply) => {
      if (res.destroyed) return;
      const status = reply.status ?? 200;
      const body = JSON.stringify(reply.body ?? (status < 300 ? { ok: true } : { error: status }));
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...reply.headers });
      res.end(body);
    });
  });
  server.on('upgrade', (req, socket: Duplex) => {
    const { request, index } = arrive(req.method, req.url, true);
    void Promise.resolve(handler(request, index)).then((reply) => {
      const status = reply.status ?? 503;
      const headers = Object.entries(reply.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Refused'}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    });
    socket.on('error', () => undefined);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    arrivals,
    count: (prefix) => arrivals.filter((request) => request.path.startsWith(prefix)).length,
    next: (matches) => new Promise((resolve) => waiters.push({ matches, resolve })),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
