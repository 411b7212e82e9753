import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { IncomingMessage } from 'node:http';

export interface Connection {
  readonly socket: ServerSocket;
  readonly at: number;
  readonly url: string;
  /** Server-side sockets open when this one arrived (itself included). */
  readonly concurrent: number;
}

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly connections: Connection[];
  /** Text messages received, in arrival order, across connections. */
  readonly messages: string[];
  /** Runs for every new connection (replaceable). */
  onConnection: (socket: ServerSocket, request: IncomingMessage) => void;
  /** Resolves with the n-th connection (1-based) once it arrives. */
  connection(n: number, timeoutMs?: number): Promise<Connection>;
  openCount(): number;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Rejects the upgrade with this HTTP status. */
  rejectWith?: number;
}

const servers = new Set<TestServer>();

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: options.rejectWith ? (_info, done) => done(false, options.rejectWith) : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as { port: number };
  const connections: Connection[] = [];
  const messages: string[] = [];
  const open = new Set<ServerSocket>();
  const server: TestServer = {
    url: `ws://127.0.0.1:${port}/`,
    port,
    connections,
    messages,
    onConnection: () => {},
    async connection(n, timeoutMs = 5_000) {
      await waitUntil(() => connections.length >= n, timeoutMs, `connection #${n}`);
      return connections[n - 1] as Connection;
    },
    openCount: () => [...open].filter((s) => s.readyState === s.OPEN).length,
    async close() {
      servers.delete(server);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  wss.on('connection', (socket, request) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {});
    socket.on('message', (data, isBinary) => {
      if (!isBinary) messages.push(data.toString());
    });
    connections.push({ socket, at: performance.now(), url: request.url ?? '', concurrent: server.openCount() });
    server.onConnection(socket, request);
  });
  servers.add(server);
  return server;
}

/** Closes every server a test started (for afterEach). */
export async function closeServers(): Promise<void> {
  await Promise.all([...servers].map((s) => s.close()));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** A ws:// URL on a loopback port nothing listens on (connections are refused). */
export async function refusedUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `ws://127.0.0.1:${port}/`;
}
