import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request. */
export interface Answer {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is (text/html when it starts with '<'); anything else as JSON. */
  body?: unknown;
  /** Read the whole request, record it, then destroy the socket without answering. */
  reset?: boolean;
  /** Read the request, record it, never answer. */
  stall?: boolean;
  /** Send the status and headers, then body chunks forever (until the client goes away). */
  endless?: boolean;
  /**
   * Send the status and headers (content-length promising more than comes), then this much of the
   * body, then close the connection once it is on the wire: a connection lost mid-body.
   */
  cut?: string;
  /** Send the status and headers, then this much of the body, then nothing more (the connection stays open). */
  stallBody?: string;
}

/** One request the server received, body included: the write ledger. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Script = readonly Answer[] | ((request: Received, index: number) => Answer);

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly received: Received[];
  /** Requests that carried a method other than GET/HEAD (writes). */
  writes(): Received[];
  close(): Promise<void>;
}

const open = new Set<Server>();

/**
 * A real HTTP server on 127.0.0.1, port 0, answering from a script: answer i to request i, the
 * last answer repeating once the script runs out.
 */
export async function startServer(script: Script): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = received.push(entry) - 1;
      const answer = typeof script === 'function' ? script(entry, index) : (script[Math.min(index, script.length - 1)] ?? {});
      if (answer.reset) {
        req.socket.destroy();
        return;
      }
      if (answer.stall) return;
      if (answer.cut !== undefined || answer.stallBody !== undefined) {
        const part = answer.cut ?? answer.stallBody ?? '';
        const length = answer.cut !== undefined ? { 'content-length': String(Buffer.byteLength(part) * 2 + 64) } : {};
        res.writeHead(answer.status ?? 200, { 'content-type': part.startsWith('<') ? 'text/html' : 'application/json', ...length, ...answer.headers });
        // Dropped once the part is on the wire, so the client has read the headers and some of the body.
        res.write(part, () => answer.cut !== undefined && setImmediate(() => req.socket.destroy()));
        return;
      }
      if (answer.endless) {
        res.writeHead(answer.status ?? 200, { 'content-type': 'text/html', ...answer.headers });
        const chunk = `<p>${'x'.repeat(16 * 1024)}</p>`;
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      const body = answer.body;
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      const type = body === undefined ? undefined : typeof body !== 'string' ? 'application/json' : text.startsWith('<') ? 'text/html' : 'text/plain';
      res.writeHead(answer.status ?? 200, { ...(type ? { 'content-type': type } : {}), ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.add(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    writes: () => received.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  open.delete(server);
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Closes every server still open (for afterEach). */
export async function closeAllServers(): Promise<void> {
  await Promise.all([...open].map(closeServer));
}
