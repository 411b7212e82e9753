/**
 * A loopback HTTP server that fails on purpose, with a ledger of the writes it applied.
 *
 * Every request gets one fault drawn from `weights`. Writes (POST/PUT) carry `{"rid": n}` in their
 * body; the server applies a write on the faults where a real server may have done the work before
 * things went wrong (success, a 500, a 502 from a proxy, a reset or stall after reading the body)
 * and not on those that say "not processed" (503, 429, a reset before reading). A POST with an
 * `Idempotency-Key` is applied once per key, as an idempotency-aware server does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pickWeighted, randomInt, seededRandom } from './random.js';

export const FAULTS = [
  'ok',
  'slow-ok',
  'status-503',
  'status-429',
  'status-500',
  'html-502',
  'debug-page',
  'reset-before',
  'reset-after',
  'stall',
  'truncated-error',
  'garbage-error',
  'truncated-ok',
] as const;
export type Fault = (typeof FAULTS)[number];

/** About 45% success; the rest spread over every failure the soak exercises. */
export const DEFAULT_WEIGHTS: Readonly<Record<Fault, number>> = {
  ok: 40,
  'slow-ok': 5,
  'status-503': 8,
  'status-429': 6,
  'status-500': 5,
  'html-502': 4,
  'debug-page': 3,
  'reset-before': 5,
  'reset-after': 6,
  stall: 3,
  'truncated-error': 4,
  'garbage-error': 4,
  'truncated-ok': 3,
};

/** Faults after which the server counts the write as done. */
const APPLIES: ReadonlySet<Fault> = new Set<Fault>([
  'ok',
  'slow-ok',
  'status-500',
  'html-502',
  'debug-page',
  'reset-after',
  'stall',
  'truncated-error',
  'truncated-ok',
]);

export interface ChaosOptions {
  seed?: number;
  weights?: Readonly<Record<Fault, number>>;
  /** Slow headers last up to this long (some beyond the attempt timeout). Default 350 ms. */
  slowMaxMs?: number;
  /** A stalled request is dropped after this long if the client has not gone away. Default 15 s. */
  stallMaxMs?: number;
  /** Share of Retry-After answers given in whole seconds (`Retry-After: 1`) rather than `retry-after-ms`. Default 0.1. */
  retryAfterSecondsShare?: number;
}

/** What the server did during one run (one adapter's requests). */
export interface Ledger {
  /** Per request id: how many times a POST without a key was applied. */
  readonly plainApplied: Uint8Array;
  /** Per request id: how many times a keyed POST was applied (twice = two different keys for one request). */
  readonly keyedApplied: Uint8Array;
  /** Per request id: how many attempts reached the server (any method). */
  readonly arrivals: Uint8Array;
  /** Keyed POSTs the server recognised as repeats and did not apply again. */
  replays: number;
  /** Requests per fault served. */
  readonly faults: Record<Fault, number>;
  /** Requests that carried no readable request id. */
  malformed: number;
}

export interface ChaosServer {
  readonly url: string;
  /** Starts a fresh ledger for `requests` ids (0 … requests-1). */
  beginRun(requests: number): Ledger;
  readonly ledger: Ledger | undefined;
  /** Drops the ledger (and its key map) so it does not count as heap the clients kept. */
  endRun(): void;
  close(): Promise<void>;
}

const HTML_502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

function emptyFaults(): Record<Fault, number> {
  return Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
}

function newLedger(requests: number): Ledger {
  return {
    plainApplied: new Uint8Array(requests),
    keyedApplied: new Uint8Array(requests),
    arrivals: new Uint8Array(requests),
    replays: 0,
    faults: emptyFaults(),
    malformed: 0,
  };
}

const bump = (counts: Uint8Array, i: number): void => {
  if (i >= 0 && i < counts.length && counts[i] !== 255) counts[i] = (counts[i] as number) + 1;
};

function ridOf(url: string, body: string): number {
  const fromBody = /"rid"\s*:\s*(\d+)/.exec(body)?.[1];
  const fromPath = /\/items\/(\d+)/.exec(url)?.[1];
  const rid = Number(fromBody ?? fromPath);
  return Number.isInteger(rid) ? rid : -1;
}

/** A debug error page echoing the request, as some frameworks render it: every credential it carried. */
function debugPage(req: IncomingMessage, body: string): string {
  const lines = Object.entries(req.headers).map(([name, value]) => `${name}: ${String(value)}`);
  return `<html><head><title>500 Internal Server Error</title></head><body><pre>${req.method ?? ''} ${req.url ?? ''} HTTP/1.1\n${lines.join('\n')}\n\n${body}</pre></body></html>`;
}

export async function startChaosServer(options: ChaosOptions = {}): Promise<ChaosServer> {
  const random = seededRandom(options.seed ?? 1);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const slowMaxMs = options.slowMaxMs ?? 350;
  const stallMaxMs = options.stallMaxMs ?? 15_000;
  const secondsShare = options.retryAfterSecondsShare ?? 0.1;
  let ledger: Ledger | undefined;
  let keys = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const retryAfter = (): Record<string, string> =>
    random() < secondsShare ? { 'retry-after': String(randomInt(random, 0, 1)) } : { 'retry-after-ms': String(randomInt(random, 0, 150)) };

  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed) return;
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const answer = (fault: Fault, req: IncomingMessage, res: ServerResponse, socket: Socket, rid: number, body: string): void => {
    switch (fault) {
      case 'ok':
        return json(res, 200, { ok: true, rid });
      case 'slow-ok':
        return later(randomInt(random, 50, slowMaxMs), () => json(res, 200, { ok: true, rid, slow: true }));
      case 'status-503':
        return json(res, 503, { code: 503, error: 'The service is busy, try again later.' }, retryAfter());
      case 'status-429':
        return json(res, 429, { code: 429, error: 'Too many requests.' }, retryAfter());
      case 'status-500':
        // Echoes a credential the way careless servers do: the redaction has to catch it.
        return json(res, 500, { code: 1, error: `Internal server error (session_token=${String(req.headers['x-lc-session'])})` });
      case 'html-502':
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(HTML_502) });
        return void res.end(HTML_502);
      case 'debug-page': {
        const page = debugPage(req, body);
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) });
        return void res.end(page);
      }
      case 'reset-after':
        return void socket.destroy();
      case 'stall':
        // Never answers; the client's attempt timeout or deadline has to end it.
        return later(stallMaxMs, () => socket.destroy());
      case 'truncated-error':
        res.writeHead(500, { 'content-type': 'application/json', 'content-length': '800' });
        res.write('{"code":1,"error":"Internal server err');
        return later(5, () => socket.destroy());
      case 'garbage-error': {
        const garbage = Buffer.from(Array.from({ length: 256 }, () => randomInt(random, 0, 255)));
        res.writeHead(503, { 'content-type': 'application/json', 'content-length': garbage.length });
        return void res.end(garbage);
      }
      case 'truncated-ok':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write(`{"ok":true,"rid":${rid},"data":"`);
        return later(5, () => socket.destroy());
      case 'reset-before':
        return void socket.destroy();
    }
  };

  const server: Server = createServer((req, res) => {
    const socket = req.socket;
    const fault = pickWeighted(weights, random);
    const current = ledger;
    if (current) current.faults[fault]++;
    if (fault === 'reset-before') {
      const rid = ridOf(req.url ?? '', '');
      if (current && rid >= 0) bump(current.arrivals, rid);
      socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const rid = ridOf(req.url ?? '', body);
      if (current) {
        if (rid < 0) current.malformed++;
        else bump(current.arrivals, rid);
        if (req.method === 'POST' && APPLIES.has(fault) && rid >= 0) {
          const key = req.headers['idempotency-key'];
          if (typeof key === 'string') {
            if (keys.has(key)) current.replays++;
            else {
              keys.set(key, rid);
              bump(current.keyedApplied, rid);
            }
          } else {
            bump(current.plainApplied, rid);
          }
        }
      }
      answer(fault, req, res, socket, rid, body);
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get ledger() {
      return ledger;
    },
    beginRun(requests) {
      keys = new Map();
      ledger = newLedger(requests);
      return ledger;
    },
    endRun() {
      ledger = undefined;
      keys = new Map();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
