/**
 * The socket soak: C ReconnectingSockets send numbered messages while the server drops their
 * connections D times, then half are kicked (LeanCloud 4111) and half call close().
 *
 * The library's contract: send() resolves once the frame is handed to an open, ready socket;
 * a frame in flight when that connection dies may be lost (no transport can promise more).
 * So the soak runs a small app protocol on top, the one an IM client runs: the server acks each
 * sequence number; on every (re)connect the client's `ready` gate resends, oldest first, what was
 * handed over but not acked; the server's app takes each sequence number once.
 *
 * What is measured:
 * - app level: lost = issued but never delivered to the server's app; duplicated = delivered twice
 *   (the server dedupes, so this holds by construction); reordered = a sequence number delivered
 *   after a higher one (not by construction: it needs the library to keep order and the outbox to
 *   flush after the resends).
 * - library level (the transport contract itself, per connection): every frame handed to a socket
 *   must arrive on that connection, in hand-over order, once, except a tail of frames in flight
 *   when the connection was dropped. Mid-connection loss, duplicates, reordering, and frames that
 *   arrive without ever having been handed over are the library's faults.
 */
import { WebSocket as WsWebSocket } from 'ws';
import { WebSocket as UndiciWebSocket } from 'undici';
import { ReconnectingSocket } from '../adapters/ws.js';
import type { WebSocketConstructor, WebSocketLike } from '../adapters/ws.js';
import { leancloud } from '../catalog/leancloud.js';
import { registerCatalog } from '../src/registry.js';
import { randomInt, seededRandom } from './random.js';
import { leaksOf, SOAK_SECRETS } from './secrets.js';
import { startSocketServer, type SocketSoakServer } from './socket-server.js';

export interface SocketSoakOptions {
  clients: number;
  drops: number;
  seed?: number;
  /** Each client sends one message this often while the drops go on. Default 20 ms. */
  sendIntervalMs?: number;
  /** A connection is dropped only once it has lived this long (beyond the kick-loop window). Default 250 ms. */
  minAgeMs?: number;
  /** The sockets' kick-loop window (a close sooner than this after opening counts as a kick). Default 200 ms. */
  kickLoopWindowMs?: number;
  /** How long to wait for every message to be acked after the drops. Default 20 s. */
  drainTimeoutMs?: number;
  /** How long to watch for reconnects after the kicks and close() calls. Default 1,000 ms. */
  quietMs?: number;
  /** Give up on reaching the drop count after this long. Default 120 s. */
  maxDurationMs?: number;
  /** Which WebSocket classes the clients use (alternating). Default ws and undici. */
  implementations?: readonly ('ws' | 'undici')[];
}

export interface SocketSoakFigures {
  clients: number;
  targetDrops: number;
  drops: number;
  closeCodes: Record<string, number>;
  connections: number;
  reconnectingEvents: number;
  app: { issued: number; delivered: number; lost: number; duplicated: number; reordered: number; resent: number; duplicateArrivals: number };
  wire: { handed: number; received: number; tailLost: number; midStreamLost: number; duplicated: number; reordered: number; unexpected: number };
  sendsRejected: number;
  maxConcurrentPerClient: number;
  kicked: number;
  stoppedAfterKick: number;
  reconnectsAfterKick: number;
  closed: number;
  reconnectsAfterClose: number;
  leaks: number;
  leakSamples: string[];
  checkedEvents: number;
  samples: string[];
  durationMs: number;
}

const IMPLEMENTATIONS: Record<'ws' | 'undici', WebSocketConstructor> = {
  ws: WsWebSocket,
  undici: UndiciWebSocket as unknown as WebSocketConstructor,
};

const OPEN = 1;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface SoakClient {
  readonly id: number;
  socket: ReconnectingSocket;
  /** Next sequence number to issue (1-based). */
  seq: number;
  /** Transmission counter (every frame, resends included). */
  x: number;
  /** The `conn` of the latest attempt's URL. */
  conn: number;
  /** Sequence numbers whose send() resolved. */
  readonly handedSeqs: Set<number>;
  readonly acked: Set<number>;
  /** Transmission ids handed to each connection, in hand-over order. */
  readonly handed: Map<number, number[]>;
  /** The kind of the error the socket stopped with. */
  stopKind?: string;
}

function handOver(client: SoakClient, x: number): void {
  let list = client.handed.get(client.conn);
  if (!list) client.handed.set(client.conn, (list = []));
  list.push(x);
}

/** Resends what was handed over but not acked, oldest first, before the outbox flushes. */
function resendUnacked(client: SoakClient, ws: WebSocketLike, figures: SocketSoakFigures): void {
  const pending = [...client.handedSeqs].filter((s) => !client.acked.has(s)).sort((a, b) => a - b);
  for (const s of pending) {
    if (ws.readyState !== OPEN) return;
    const x = ++client.x;
    try {
      ws.send(JSON.stringify({ s, x }));
    } catch {
      return;
    }
    handOver(client, x);
    figures.app.resent++;
  }
}

export interface FrameComparison {
  handed: number;
  received: number;
  tailLost: number;
  midStreamLost: number;
  duplicated: number;
  reordered: number;
  unexpected: number;
  samples: string[];
}

/**
 * Compares, per connection, the frames (transmission ids) handed to it with those that arrived
 * on it. A connection may lose only a tail (frames in flight when it was dropped).
 */
export function compareFrames(handed: ReadonlyMap<number, readonly number[]>, received: ReadonlyMap<number, readonly number[]>): FrameComparison {
  const out: FrameComparison = { handed: 0, received: 0, tailLost: 0, midStreamLost: 0, duplicated: 0, reordered: 0, unexpected: 0, samples: [] };
  const seen = new Set<number>();
  const handedAnywhere = new Set<number>();
  for (const list of handed.values()) for (const x of list) handedAnywhere.add(x);
  for (const [conn, frames] of received) {
    out.received += frames.length;
    const order = new Map<number, number>();
    (handed.get(conn) ?? []).forEach((x, i) => order.set(x, i));
    let last = -1;
    for (const x of frames) {
      if (seen.has(x)) {
        out.duplicated++;
        continue;
      }
      seen.add(x);
      const position = order.get(x);
      if (position === undefined) {
        out.unexpected++;
        out.samples.push(`conn ${conn}: frame ${x} ${handedAnywhere.has(x) ? 'arrived on another connection than it was handed to' : 'was never handed over'}`);
        continue;
      }
      if (position < last) out.reordered++;
      last = Math.max(last, position);
    }
  }
  for (const [conn, list] of handed) {
    out.handed += list.length;
    const got = new Set(received.get(conn) ?? []);
    let lastReceived = -1;
    list.forEach((x, i) => {
      if (got.has(x)) lastReceived = i;
    });
    list.forEach((x, i) => {
      if (got.has(x)) return;
      if (i < lastReceived) {
        out.midStreamLost++;
        out.samples.push(`conn ${conn}: frame ${x} lost before frame ${String(list[lastReceived])} arrived`);
      } else out.tailLost++;
    });
  }
  return out;
}

function checkWire(client: SoakClient, server: SocketSoakServer, figures: SocketSoakFigures): void {
  const result = compareFrames(client.handed, server.clients.get(client.id)?.frames ?? new Map());
  const wire = figures.wire;
  wire.handed += result.handed;
  wire.received += result.received;
  wire.tailLost += result.tailLost;
  wire.midStreamLost += result.midStreamLost;
  wire.duplicated += result.duplicated;
  wire.reordered += result.reordered;
  wire.unexpected += result.unexpected;
  for (const sample of result.samples) if (figures.samples.length < 5) figures.samples.push(`client ${client.id} ${sample}`);
}

export async function runSocketSoak(options: SocketSoakOptions): Promise<SocketSoakFigures> {
  registerCatalog(leancloud);
  const started = performance.now();
  const random = seededRandom(options.seed ?? 1);
  const sendIntervalMs = options.sendIntervalMs ?? 20;
  const minAgeMs = options.minAgeMs ?? 250;
  const windowMs = options.kickLoopWindowMs ?? 200;
  const implementations = options.implementations ?? ['ws', 'undici'];
  const maxDurationMs = options.maxDurationMs ?? 120_000;
  const figures: SocketSoakFigures = {
    clients: options.clients,
    targetDrops: options.drops,
    drops: 0,
    closeCodes: {},
    connections: 0,
    reconnectingEvents: 0,
    app: { issued: 0, delivered: 0, lost: 0, duplicated: 0, reordered: 0, resent: 0, duplicateArrivals: 0 },
    wire: { handed: 0, received: 0, tailLost: 0, midStreamLost: 0, duplicated: 0, reordered: 0, unexpected: 0 },
    sendsRejected: 0,
    maxConcurrentPerClient: 0,
    kicked: 0,
    stoppedAfterKick: 0,
    reconnectsAfterKick: 0,
    closed: 0,
    reconnectsAfterClose: 0,
    leaks: 0,
    leakSamples: [],
    checkedEvents: 0,
    samples: [],
    durationMs: 0,
  };
  const check = (event: unknown, what: string): void => {
    figures.checkedEvents++;
    const found = leaksOf(event);
    if (found.length === 0) return;
    figures.leaks++;
    if (figures.leakSamples.length < 5) figures.leakSamples.push(`${what}: ${found.join(', ')}`);
  };

  const server = await startSocketServer();
  const clients: SoakClient[] = [];
  for (let id = 0; id < options.clients; id++) {
    const Impl = IMPLEMENTATIONS[implementations[id % implementations.length] ?? 'ws'];
    const client: SoakClient = { id, socket: undefined as never, seq: 1, x: 0, conn: 0, handedSeqs: new Set(), acked: new Set(), handed: new Map() };
    const socket = new ReconnectingSocket(
      () => `${server.url}?client=${id}&conn=${++client.conn}&access_token=${SOAK_SECRETS.accessToken}`,
      {
        WebSocket: Impl,
        provider: 'leancloud',
        reconnect: { baseDelayMs: 20, maxDelayMs: 200 },
        kickLoop: { windowMs },
        connectTimeoutMs: 5_000,
        outbox: { maxMessages: 100_000, maxBytes: 64 * 1024 * 1024 },
        ready: (ws) => resendUnacked(client, ws, figures),
      },
    );
    client.socket = socket;
    socket.on('message', ({ data }) => {
      const text = typeof data === 'string' ? data : String(data);
      const ack = /^\{"a":(\d+)\}$/.exec(text)?.[1];
      if (ack !== undefined) client.acked.add(Number(ack));
    });
    socket.on('reconnecting', (event) => {
      figures.reconnectingEvents++;
      check(event, 'reconnecting');
    });
    socket.on('error', (event) => check(event, 'error'));
    socket.on('stopped', (event) => {
      client.stopKind = event.error.kind;
      check(event, 'stopped');
    });
    clients.push(client);
  }

  // Phase 1: everyone sends while the server drops connections.
  let sending = true;
  const sendAll = (): void => {
    for (const client of clients) {
      if (client.socket.state === 'stopped') continue;
      const s = client.seq++;
      const x = ++client.x;
      figures.app.issued++;
      client.socket.send(JSON.stringify({ s, x })).then(
        () => {
          client.handedSeqs.add(s);
          handOver(client, x);
        },
        () => void figures.sendsRejected++,
      );
    }
  };
  const sender = setInterval(() => sending && sendAll(), sendIntervalMs);
  const reason = `restart; token=${SOAK_SECRETS.sessionToken}`;
  try {
    while (figures.drops < options.drops && performance.now() - started < maxDurationMs) {
      const candidates = server.droppable(minAgeMs);
      if (candidates.length === 0) {
        await sleep(5);
        continue;
      }
      const { socket } = candidates[randomInt(random, 0, candidates.length - 1)] as (typeof candidates)[number];
      const how = random();
      const code = how < 0.5 ? 1006 : how < 0.65 ? 1001 : how < 0.8 ? 1011 : how < 0.9 ? 1012 : 4107;
      if (code === 1006) socket.terminate();
      else socket.close(code, reason);
      figures.closeCodes[code] = (figures.closeCodes[code] ?? 0) + 1;
      figures.drops++;
      await sleep(randomInt(random, 0, 3));
    }
  } finally {
    sending = false;
    clearInterval(sender);
  }

  // Phase 2: every issued message acked (bounded).
  const drainUntil = performance.now() + (options.drainTimeoutMs ?? 20_000);
  const drained = (): boolean => clients.every((c) => c.acked.size >= c.seq - 1);
  while (!drained() && performance.now() < drainUntil) await sleep(20);

  // Phase 3: half kicked with 4111 (close code or in-band), half close() themselves.
  const kickAfterOpen = async (client: SoakClient): Promise<void> => {
    const until = performance.now() + 5_000;
    while (performance.now() < until) {
      const open = server.droppable(0).find((c) => c.client === client.id);
      if (open) {
        figures.kicked++;
        server.markStopped(client.id);
        if (client.id % 4 === 0) open.socket.close(4111, 'SESSION_CONFLICT');
        else open.socket.send(JSON.stringify({ cmd: 'session', op: 'closed', code: 4111, reason: 'SESSION_CONFLICT' }));
        return;
      }
      await sleep(10);
    }
  };
  // Closed while open: an attempt in flight at close() could still complete its upgrade server-side.
  const closeWhenOpen = async (client: SoakClient): Promise<void> => {
    const until = performance.now() + 5_000;
    while (client.socket.state !== 'open' && performance.now() < until) await sleep(10);
    server.markStopped(client.id);
    client.socket.close();
    figures.closed++;
  };
  await Promise.all(clients.map((c) => (c.id % 2 === 0 ? kickAfterOpen(c) : closeWhenOpen(c))));
  await sleep(options.quietMs ?? 1_000);
  for (const client of clients) {
    const stopped = client.socket.state === 'stopped';
    if (client.id % 2 === 0 && stopped && client.stopKind === 'session_replaced') figures.stoppedAfterKick++;
    if (!stopped) client.socket.close();
  }

  for (const client of clients) {
    const record = server.clients.get(client.id);
    if (record) {
      figures.connections += record.connections;
      figures.maxConcurrentPerClient = Math.max(figures.maxConcurrentPerClient, record.maxOpen);
      if (client.id % 2 === 0) figures.reconnectsAfterKick += record.connectionsAfterStop;
      else figures.reconnectsAfterClose += record.connectionsAfterStop;
      figures.app.delivered += record.delivered.size;
      figures.app.reordered += record.reordered;
      figures.app.duplicateArrivals += record.duplicateArrivals;
    }
    for (let s = 1; s < client.seq; s++) if (!record?.delivered.has(s)) figures.app.lost++;
    checkWire(client, server, figures);
  }
  await server.close();
  figures.durationMs = performance.now() - started;
  return figures;
}
