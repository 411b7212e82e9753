/**
 * The socket soak's server: a loopback WebSocket server that knows each client by id (from the
 * URL), records every frame per connection, delivers numbered messages to its "app" once each
 * (deduplicating resends), acks them, and drops connections on demand.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';

/** Per client: what the server saw. */
export interface ClientRecord {
  /** Connections by the `conn` number in their URL. */
  readonly open: Set<ServerSocket>;
  connections: number;
  /** Most connections of this client open at the same moment (at each arrival, itself included). */
  maxOpen: number;
  /** Transmission ids received, per connection, in arrival order. */
  readonly frames: Map<number, number[]>;
  /** Sequence numbers delivered to the app (once each). */
  readonly delivered: Set<number>;
  maxDelivered: number;
  /** Deliveries of a sequence number lower than one already delivered. */
  reordered: number;
  /** Frames whose sequence number was delivered already (resends), dropped. */
  duplicateArrivals: number;
  /** When the client was kicked or closed itself: later connections are reconnects that must not happen. */
  stoppedAt: number | undefined;
  connectionsAfterStop: number;
}

export interface SocketSoakServer {
  readonly url: string;
  readonly clients: Map<number, ClientRecord>;
  /** Open connections older than `minAgeMs`, with their client id. */
  droppable(minAgeMs: number): Array<{ client: number; socket: ServerSocket }>;
  /** Marks `client` as stopped from now on (after a kick or its close()). */
  markStopped(client: number): void;
  close(): Promise<void>;
}

function recordOf(clients: Map<number, ClientRecord>, id: number): ClientRecord {
  let record = clients.get(id);
  if (!record) {
    record = {
      open: new Set(),
      connections: 0,
      maxOpen: 0,
      frames: new Map(),
      delivered: new Set(),
      maxDelivered: 0,
      reordered: 0,
      duplicateArrivals: 0,
      stoppedAt: undefined,
      connectionsAfterStop: 0,
    };
    clients.set(id, record);
  }
  return record;
}

function parseFrame(data: unknown): { s: number; x: number } | undefined {
  try {
    const value = JSON.parse(String(data)) as { s?: unknown; x?: unknown };
    return typeof value.s === 'number' && typeof value.x === 'number' ? { s: value.s, x: value.x } : undefined;
  } catch {
    return undefined;
  }
}

export async function startSocketServer(): Promise<SocketSoakServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as { port: number };
  const clients = new Map<number, ClientRecord>();
  const openedAt = new WeakMap<ServerSocket, number>();
  const owner = new WeakMap<ServerSocket, number>();

  wss.on('connection', (socket: ServerSocket, request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://soak');
    const id = Number(url.searchParams.get('client'));
    const conn = Number(url.searchParams.get('conn'));
    const record = recordOf(clients, id);
    record.connections++;
    if (record.stoppedAt !== undefined) record.connectionsAfterStop++;
    for (const other of record.open) if (other.readyState !== other.OPEN) record.open.delete(other);
    record.open.add(socket);
    record.maxOpen = Math.max(record.maxOpen, record.open.size);
    openedAt.set(socket, performance.now());
    owner.set(socket, id);
    const frames: number[] = [];
    record.frames.set(conn, frames);
    socket.on('error', () => undefined);
    socket.on('close', () => record.open.delete(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const frame = parseFrame(data);
      if (!frame) return;
      frames.push(frame.x);
      if (record.delivered.has(frame.s)) record.duplicateArrivals++;
      else {
        if (frame.s < record.maxDelivered) record.reordered++;
        record.delivered.add(frame.s);
        record.maxDelivered = Math.max(record.maxDelivered, frame.s);
      }
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ a: frame.s }));
    });
  });

  return {
    url: `ws://127.0.0.1:${port}/`,
    clients,
    droppable(minAgeMs) {
      const now = performance.now();
      const out: Array<{ client: number; socket: ServerSocket }> = [];
      for (const socket of wss.clients) {
        const at = openedAt.get(socket);
        const client = owner.get(socket);
        if (socket.readyState === socket.OPEN && at !== undefined && client !== undefined && now - at >= minAgeMs) out.push({ client, socket });
      }
      return out;
    },
    markStopped(client) {
      recordOf(clients, client).stoppedAt = performance.now();
    },
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
