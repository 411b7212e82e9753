/**
 * The socket soak's server: a loopback WebSocket server playing an IM service. It knows each
 * client by id (from the URL), records every message per connection, acknowledges each one as
 * LeanCloud IM does (`{ cmd: 'ack', i }`), and lets the soak drop or kick any connection.
 * It keeps no deduplication or resend protocol of its own: what it records is what arrived.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { Clock } from '../src/clock.js';

/** Per client: what the server saw. */
export interface ClientRecord {
  readonly open: Set<ServerSocket>;
  connections: number;
  /** Most connections of this client open at the same moment (at each arrival, itself included). */
  maxOpen: number;
  /** Message ids received, per connection (by the `conn` number in its URL), in arrival order. */
  readonly frames: Map<number, number[]>;
  /** Ids the server acknowledged (an ack frame was sent for it, whether or not it got through). */
  readonly acked: Set<number>;
  /** When the client was kicked or closed itself: later connections are reconnects that must not happen. */
  stoppedAt: number | undefined;
  connectionsAfterStop: number;
}

export interface OpenConnection {
  readonly client: number;
  /** This client's connection count, this one included (1: its first). */
  readonly n: number;
  readonly socket: ServerSocket;
  /** By the soak's clock. */
  readonly openedAt: number;
}

export interface SocketSoakServer {
  readonly url: string;
  readonly clients: Map<number, ClientRecord>;
  /** Called for every new connection (the soak schedules its drop here). */
  onOpen: (connection: OpenConnection) => void;
  /** The client's open connection, if any. */
  openOf(client: number): OpenConnection | undefined;
  /** Marks `client` as stopped from now on (after a kick or its close()). */
  markStopped(client: number): void;
  close(): Promise<void>;
}

function recordOf(clients: Map<number, ClientRecord>, id: number): ClientRecord {
  let record = clients.get(id);
  if (!record) {
    record = { open: new Set(), connections: 0, maxOpen: 0, frames: new Map(), acked: new Set(), stoppedAt: undefined, connectionsAfterStop: 0 };
    clients.set(id, record);
  }
  return record;
}

function idOf(data: unknown): number | undefined {
  try {
    const value = JSON.parse(String(data)) as { cmd?: unknown; i?: unknown };
    return value.cmd === 'direct' && typeof value.i === 'number' ? value.i : undefined;
  } catch {
    return undefined;
  }
}

export async function startSocketServer(clock: Clock): Promise<SocketSoakServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as { port: number };
  const clients = new Map<number, ClientRecord>();
  const live = new Map<ServerSocket, OpenConnection>();

  const server: SocketSoakServer = {
    url: `ws://127.0.0.1:${port}/`,
    clients,
    onOpen: () => {},
    openOf(client) {
      for (const connection of live.values()) if (connection.client === client && connection.socket.readyState === connection.socket.OPEN) return connection;
      return undefined;
    },
    markStopped(client) {
      recordOf(clients, client).stoppedAt = clock.now();
    },
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };

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
    const frames: number[] = [];
    record.frames.set(conn, frames);
    const connection: OpenConnection = { client: id, n: record.connections, socket, openedAt: clock.now() };
    live.set(socket, connection);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      record.open.delete(socket);
      live.delete(socket);
    });
    socket.on('message', (data, isBinary) => {
      const i = isBinary ? undefined : idOf(data);
      if (i === undefined) return;
      frames.push(i);
      if (socket.readyState !== socket.OPEN) return;
      record.acked.add(i);
      socket.send(JSON.stringify({ cmd: 'ack', i }));
    });
    server.onOpen(connection);
  });
  return server;
}
