import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * One loopback server for the browser suite: the page and its bundle, scripted HTTP faults, and
 * a WebSocket endpoint. Same origin as the page, so no CORS gets in the way of what is tested.
 */
export interface BrowserServer {
  readonly url: string;
  readonly wsUrl: string;
  /** Requests per path+query, e.g. hits.get('/flaky?id=a'). */
  readonly hits: Map<string, number>;
  /** WebSocket connections per path+query. */
  readonly connections: Map<string, number>;
  close(): Promise<void>;
}

const HTML = '<!doctype html><meta charset="utf-8"><title>faultline</title><script type="module" src="/page.js"></script>';

export async function startBrowserServer(bundle: string): Promise<BrowserServer> {
  const hits = new Map<string, number>();
  const connections = new Map<string, number>();
  const stalled = new Set<ServerResponse>();
  const count = (map: Map<string, number>, key: string): number => {
    const n = (map.get(key) ?? 0) + 1;
    map.set(key, n);
    return n;
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${url.pathname}${url.search}`;
    const n = count(hits, key);
    switch (url.pathname) {
      case '/':
        res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
        return;
      case '/page.js':
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
        return;
      case '/flaky': // 503, 429 + Retry-After: 0, then 200
        if (n === 1) res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '0' }).end('<html><title>503 Service Unavailable</title></html>');
        else if (n === 2) json(res, 429, { code: 155, error: 'Too many requests' }, { 'retry-after': '0' });
        else json(res, 200, { ok: true, attempt: n });
        return;
      case '/missing':
        json(res, 404, { code: 101, error: 'Object not found.' });
        return;
      case '/stall':
        stalled.add(res);
        res.on('close', () => stalled.delete(res));
        return;
      default:
        res.writeHead(404).end();
    }
  });

  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, req) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const n = count(connections, `${url.pathname}${url.search}`);
    const mode = url.searchParams.get('mode');
    socket.on('message', (data) => socket.send(`echo:${String(data)}`));
    if (mode === 'terminate' && n === 1) setTimeout(() => socket.terminate(), 50); // no close frame: 1006
    if (mode === 'kick') setTimeout(() => socket.close(4111, 'SESSION_CONFLICT'), 50);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    hits,
    connections,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
