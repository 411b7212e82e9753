/**
 * A small, deliberately flaky LeanCloud-style BaaS on 127.0.0.1 (ephemeral port), for the demo and
 * the examples' tests. It behaves like the real service where it matters to a client:
 *
 * - REST under /1.1 (and /parse, like a Parse Server): `POST /1.1/classes/:class` creates an object (201 {objectId, createdAt}),
 *   `GET /1.1/classes/:class/:id` reads one (404 {code:101} when missing), `GET /1.1/classes/:class`
 *   queries, `POST /1.1/functions/:name` runs a cloud function. A POST carrying `Idempotency-Key`
 *   (or Parse's `X-Parse-Request-Id`) is applied once per key: a repeat gets the stored answer back (header `X-Idempotent-Replayed`).
 * - Faults are planned per route with `fail()`: the next matching requests get them in order
 *   (429 + Retry-After, 503, `{code:140}`, a connection reset after the write was applied…).
 * - An IM WebSocket at /im: connection n follows step n of `im()` (drop without a close frame,
 *   close with a code), later connections stay open; every text message gets a JSON ack.
 *
 * `requests` is the ledger: every request as the server saw it, so a test can prove a POST was
 * sent once. Nothing leaves loopback; `close()` releases every socket and timer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Fault {
  /** Answer with this status… */
  status?: number;
  /** …this body (objects are sent as JSON, strings as text/html)… */
  body?: unknown;
  /** …and these headers (e.g. Retry-After). */
  headers?: Record<string, string>;
  /** Drop the connection without answering — after applying the request, for a write. */
  reset?: boolean;
}

/** One request as the server saw it. */
export interface RequestRecord {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  /** The status answered; undefined when the connection was reset instead. */
  readonly status: number | undefined;
  readonly reset: boolean;
  /** The answer came from a planned fault. */
  readonly planned: boolean;
  /** A write that changed the data (an object created). */
  readonly applied: boolean;
  /** A repeated Idempotency-Key answered from the stored result. */
  readonly replayed: boolean;
  readonly retryAfter?: string;
  readonly idempotencyKey?: string;
}

export type ImStep =
  /** Terminate the TCP connection `afterMs` after it opened: the client sees 1006. */
  | { readonly drop: true; readonly afterMs: number }
  /** Send a close frame with `code` `afterMs` after it opened. */
  | { readonly close: number; readonly reason: string; readonly afterMs: number };

export type ServerEvent =
  | { readonly type: 'request'; readonly record: RequestRecord }
  | { readonly type: 'ws-open'; readonly connection: number }
  | { readonly type: 'ws-drop'; readonly connection: number }
  | { readonly type: 'ws-close'; readonly connection: number; readonly code: number; readonly reason: string }
  | { readonly type: 'ws-message'; readonly connection: number; readonly data: string };

export interface DemoServer {
  /** http://127.0.0.1:PORT — the REST base URL (paths start with /1.1). */
  readonly url: string;
  /** ws://127.0.0.1:PORT/im */
  readonly wsUrl: string;
  /** The ledger, in arrival order. */
  readonly requests: readonly RequestRecord[];
  /** Text messages the IM endpoint received, in order. */
  readonly messages: readonly string[];
  /** IM connections accepted so far. */
  readonly connections: number;
  /** Plans `faults` for the next requests whose method matches and whose path starts with `pathPrefix`. */
  fail(method: string, pathPrefix: string, faults: readonly Fault[]): void;
  /** Plans the IM connections: the n-th connection from now on follows steps[n-1]. */
  im(steps: readonly ImStep[]): void;
  /** Stores an object directly (no request) and returns its objectId (`fields.objectId` if given). */
  seed(className: string, fields: Record<string, unknown>): string;
  /** Objects of a class. */
  objects(className: string): readonly Record<string, unknown>[];
  /** Requests matching method and path prefix. */
  count(method: string, pathPrefix: string): number;
  /** Called for every request and IM event (the demo's timeline listens here). */
  onEvent: ((event: ServerEvent) => void) | undefined;
  close(): Promise<void>;
}

interface Plan {
  readonly method: string;
  readonly prefix: string;
  readonly queue: Fault[];
}

/** What the real service (or the gateway in front of it) answers with when a fault names no body. */
function defaultBody(status: number): unknown {
  if (status === 429) return { code: 429, error: 'Too many requests.' };
  if (status === 502 || status === 503 || status === 504) {
    return `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`;
  }
  return { code: status, error: 'error' };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (text.length < 1_000_000) text += chunk;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function startDemoServer(): Promise<DemoServer> {
  const plans: Plan[] = [];
  const requests: RequestRecord[] = [];
  const messages: string[] = [];
  const store = new Map<string, Map<string, Record<string, unknown>>>();
  const replies = new Map<string, { status: number; body: unknown }>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let imSteps: ImStep[] = [];
  let connections = 0;
  let nextId = 1;

  const table = (name: string): Map<string, Record<string, unknown>> => {
    let t = store.get(name);
    if (!t) store.set(name, (t = new Map()));
    return t;
  };
  const create = (className: string, fields: Record<string, unknown>): Record<string, unknown> => {
    const given = fields.objectId;
    const objectId = typeof given === 'string' ? given : `65${(0x5f1b2c3d00 + nextId++).toString(16).padStart(22, '0')}`;
    const object = { ...fields, objectId, createdAt: new Date().toISOString() };
    table(className).set(objectId, object);
    return object;
  };
  const later = (fn: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server: DemoServer = {
    url: '',
    wsUrl: '',
    requests,
    messages,
    get connections() {
      return connections;
    },
    fail(method, prefix, faults) {
      plans.push({ method: method.toUpperCase(), prefix, queue: [...faults] });
    },
    im(steps) {
      imSteps = [...steps];
      connections = 0;
    },
    seed: (className, fields) => String(create(className, fields).objectId),
    objects: (className) => [...table(className).values()],
    count: (method, prefix) => requests.filter((r) => r.method === method.toUpperCase() && r.path.startsWith(prefix)).length,
    onEvent: undefined,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };

  const log = (record: RequestRecord): void => {
    requests.push(record);
    server.onEvent?.({ type: 'request', record });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const body = method === 'POST' || method === 'PUT' ? await readBody(req) : '';
    const key = req.headers['idempotency-key'] ?? req.headers['x-parse-request-id'];
    const idempotencyKey = typeof key === 'string' ? key : undefined;
    const base = { seq: requests.length + 1, method, path, ...(idempotencyKey ? { idempotencyKey } : {}) };

    // A repeated key gets the first answer back: the write happened once.
    const stored = method === 'POST' && idempotencyKey !== undefined ? replies.get(idempotencyKey) : undefined;
    if (stored) {
      log({ ...base, status: stored.status, reset: false, planned: false, applied: false, replayed: true });
      return json(res, stored.status, stored.body, { 'x-idempotent-replayed': 'true' });
    }
    const fault = plans.find((p) => p.method === method && path.startsWith(p.prefix) && p.queue.length > 0)?.queue.shift();

    const applied = fault === undefined || fault.reset === true ? route(method, path, body) : undefined;
    if (applied && idempotencyKey !== undefined && method === 'POST') replies.set(idempotencyKey, applied);
    const wrote = applied !== undefined && method === 'POST' && applied.status === 201;

    if (fault?.reset) {
      log({ ...base, status: undefined, reset: true, planned: true, applied: wrote, replayed: false });
      req.socket.destroy();
      return;
    }
    if (fault) {
      const status = fault.status ?? 500;
      const headers = fault.headers ?? {};
      const retryAfter = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
      log({ ...base, status, reset: false, planned: true, applied: false, replayed: false, ...(retryAfter ? { retryAfter } : {}) });
      const payload = fault.body ?? defaultBody(status);
      if (typeof payload !== 'string') return json(res, status, payload, headers);
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(payload);
      return;
    }
    const answer = applied as { status: number; body: unknown };
    log({ ...base, status: answer.status, reset: false, planned: false, applied: wrote, replayed: false });
    json(res, answer.status, answer.body);
  }

  /** The well-behaved BaaS. */
  function route(method: string, path: string, body: string): { status: number; body: unknown } {
    const parts = new URL(path, 'http://x').pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [version, area, name, id] = parts;
    // LeanCloud's /1.1 and Parse Server's usual mount point /parse answer alike.
    if (version !== '1.1' && version !== 'parse') return { status: 404, body: { code: 404, error: 'Not found.' } };
    if (area === 'classes' && name) {
      if (method === 'POST' && !id) {
        let fields: unknown;
        try {
          fields = body ? JSON.parse(body) : {};
        } catch {
          return { status: 400, body: { code: 107, error: 'Malformed json object. A json dictionary is expected.' } };
        }
        const object = create(name, typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : {});
        return { status: 201, body: { objectId: object.objectId, createdAt: object.createdAt } };
      }
      if (method === 'GET' && id) {
        const object = table(name).get(id);
        return object ? { status: 200, body: object } : { status: 404, body: { code: 101, error: 'Object not found.' } };
      }
      if (method === 'GET') return { status: 200, body: { results: [...table(name).values()] } };
    }
    if (area === 'functions' && name && method === 'POST') return { status: 200, body: { result: { function: name, ok: true } } };
    if (area === 'date') return { status: 200, body: { __type: 'Date', iso: new Date().toISOString() } };
    return { status: 404, body: { code: 404, error: 'Not found.' } };
  }

  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { code: 1, error: 'Internal server error. No information available.' });
      else res.destroy();
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/im') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
  });

  function onConnection(ws: WebSocket): void {
    const n = ++connections;
    server.onEvent?.({ type: 'ws-open', connection: n });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = String(data);
      messages.push(text);
      server.onEvent?.({ type: 'ws-message', connection: n, data: text });
      let i: unknown;
      try {
        i = (JSON.parse(text) as { i?: unknown } | null)?.i;
      } catch {
        i = undefined;
      }
      ws.send(JSON.stringify({ cmd: 'ack', i }));
    });
    ws.on('error', () => undefined);
    const step = imSteps[n - 1];
    if (!step) return;
    later(() => {
      if (ws.readyState !== ws.OPEN) return;
      if ('drop' in step) {
        server.onEvent?.({ type: 'ws-drop', connection: n });
        ws.terminate();
      } else {
        server.onEvent?.({ type: 'ws-close', connection: n, code: step.close, reason: step.reason });
        ws.close(step.close, step.reason);
      }
    }, step.afterMs);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  Object.assign(server, { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/im` });
  return server;
}
