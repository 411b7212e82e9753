/**
 * The socket soak: C ReconnectingSockets with their DEFAULT options (backoff, minUptime, kick-loop
 * guard, outbox limits) send numbered messages while the server drops their connections at random
 * ages from 0 ms up — a third within 15 ms of opening (a flapping network), some before they
 * became stable, some after — D times; then half are kicked (LeanCloud 4111) and half call close().
 *
 * Half the sockets use the acknowledged outbox (`outbox.ack`, reading the server's
 * `{ cmd: 'ack', i }`), half do not. There is no resend protocol of the soak's own: everything is
 * counted at the library level.
 * - Without ack, send() resolving means "handed over": a message in flight when its connection
 *   drops may be lost, and only such a tail may be; the library never duplicates or reorders.
 * - With ack, send() resolving means "acknowledged": nothing accepted is lost, each message
 *   reaches the server at least once (again after a drop ate its ack), in order, never twice on
 *   one connection.
 *
 * `speed` runs the sockets' and the server's clock faster (an injected clock) for the short test;
 * `npm run soak` runs in real time and gives the sockets no clock at all.
 */
import { WebSocket as WsWebSocket } from 'ws';
import { WebSocket as UndiciWebSocket } from 'undici';
import { ReconnectingSocket } from '../adapters/ws.js';
import type { OutboxAck, ReconnectingSocketOptions, WebSocketConstructor } from '../adapters/ws.js';
import { leancloud } from '../catalog/leancloud/index.js';
import type { Clock } from '../src/clock.js';
import { RECONNECT_DEFAULTS } from '../src/constants.js';
import { seededRandom } from './random.js';
import { leaksOf, SOAK_SECRETS } from './secrets.js';
import { startSocketServer, type OpenConnection } from './socket-server.js';

export interface SocketSoakOptions {
  clients: number;
  drops: number;
  seed?: number;
  /** Each socket sends one message this often (by the soak's clock) while the drops go on. Default 20 ms. */
  sendIntervalMs?: number;
  /** How many times faster than real time the sockets' and the server's clock runs. Default 1: real time, no clock injected. */
  speed?: number;
  /** Real time to wait for every send to settle after the drops. Default 120 s. */
  drainTimeoutMs?: number;
  /** How long (by the soak's clock) to watch for reconnects after the kicks and close() calls. Default 1,000 ms. */
  quietMs?: number;
  /** Real time after which the drops stop even if fewer than `drops` happened. Default 600 s. */
  maxDurationMs?: number;
  /** Which WebSocket classes the clients use (alternating). Default ws and undici. */
  implementations?: readonly ('ws' | 'undici')[];
}

/** What the library did with the messages of one kind of socket (plain or acknowledged outbox). */
export interface DeliveryFigures {
  sockets: number;
  issued: number;
  resolved: number;
  /** Rejected sends, by error code: the app was told (OUTBOX_FULL with the default limits). */
  refused: Record<string, number>;
  /** Accepted (not refused) but never arrived at the server. */
  lost: number;
  /** Plain only: lost as the tail of a connection (in flight when it dropped). */
  lostInFlight: number;
  /** Plain only: lost before a later message of the same connection arrived. */
  midStreamLost: number;
  /** Plain only: arrived on another connection than it was handed to, or never handed over. */
  unexpected: number;
  /** The same message twice on one connection. */
  duplicatedOnOneConnection: number;
  /** The same message again on a later connection (acknowledged outbox: its ack was lost). */
  repeatsAcrossConnections: number;
  /** A message arriving first after a later one of the same socket. */
  reordered: number;
  /** Acknowledged outbox only: send() resolved although the server had not acknowledged it. */
  resolvedBeforeAck: number;
  /** Sends neither resolved nor rejected once the drain was over. */
  unsettled: number;
}

export interface SocketSoakFigures {
  clients: number;
  targetDrops: number;
  drops: number;
  /** Drops by connection age: within 15 ms of opening, before minUptime, after. */
  dropAges: { flap: number; young: number; stable: number };
  closeCodes: Record<string, number>;
  connections: number;
  reconnectingEvents: number;
  /** Longest reconnect delay announced (ms, by the sockets' clock). */
  maxDelayMs: number;
  /** Sockets that stopped before the kicks and close() calls (the flap defect). */
  stoppedEarly: number;
  stoppedEarlySamples: string[];
  plain: DeliveryFigures;
  acked: DeliveryFigures;
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

/** LeanCloud IM's acknowledgement: outgoing `{ cmd: 'direct', i }`, acknowledged by `{ cmd: 'ack', i }`. */
export const IM_ACK: OutboxAck = {
  id: (data) => (JSON.parse(String(data)) as { i?: number }).i,
  acked: (data) => {
    if (typeof data !== 'string' || !data.includes('"ack"')) return undefined;
    const m = JSON.parse(data) as { cmd?: string; i?: number };
    return m.cmd === 'ack' ? m.i : undefined;
  },
};

/** Time `speed` times faster than real time, for the sockets and the server alike. */
export function scaledClock(speed: number, random: () => number): Clock {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * speed,
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms) / speed),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random,
  };
}

const FLAP_MS = 15;

interface SoakClient {
  readonly id: number;
  readonly ack: boolean;
  readonly ending: 'kick' | 'close';
  socket: ReconnectingSocket;
  /** Next message id (1-based). */
  next: number;
  /** The `conn` of the latest attempt's URL. */
  conn: number;
  readonly pending: Set<number>;
  readonly resolved: Set<number>;
  /** Ids whose send() resolved, per connection (plain: the connection it was handed to). */
  readonly handed: Map<number, number[]>;
  readonly refused: Map<string, number>;
  resolvedBeforeAck: number;
  stoppedEarly?: string;
  stopKind?: string;
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
 * Compares, per connection, the messages handed to it with those that arrived on it. Without an
 * acknowledged outbox a connection may lose only a tail (messages in flight when it was dropped).
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
        out.samples.push(`conn ${conn}: message ${x} ${handedAnywhere.has(x) ? 'arrived on another connection than it was handed to' : 'was never handed over'}`);
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
        out.samples.push(`conn ${conn}: message ${x} lost before message ${String(list[lastReceived])} arrived`);
      } else out.tailLost++;
    });
  }
  return out;
}

/** Per socket, across its connections in order: repeats on one connection, repeats on a later one, first arrivals out of order. */
export function auditArrivals(frames: ReadonlyMap<number, readonly number[]>): { onOne: number; across: number; reordered: number; arrived: Set<number> } {
  const arrived = new Set<number>();
  let onOne = 0;
  let across = 0;
  let reordered = 0;
  let highest = 0;
  for (const conn of [...frames.keys()].sort((a, b) => a - b)) {
    const here = new Set<number>();
    for (const i of frames.get(conn) ?? []) {
      if (here.has(i)) onOne++;
      else if (arrived.has(i)) across++;
      else {
        if (i < highest) reordered++;
        highest = Math.max(highest, i);
      }
      here.add(i);
      arrived.add(i);
    }
  }
  return { onOne, across, reordered, arrived };
}

function emptyDelivery(): DeliveryFigures {
  return {
    sockets: 0,
    issued: 0,
    resolved: 0,
    refused: {},
    lost: 0,
    lostInFlight: 0,
    midStreamLost: 0,
    unexpected: 0,
    duplicatedOnOneConnection: 0,
    repeatsAcrossConnections: 0,
    reordered: 0,
    resolvedBeforeAck: 0,
    unsettled: 0,
  };
}

export async function runSocketSoak(options: SocketSoakOptions): Promise<SocketSoakFigures> {
  const startedReal = performance.now();
  const random = seededRandom(options.seed ?? 1);
  const speed = options.speed ?? 1;
  const clock = scaledClock(speed, seededRandom((options.seed ?? 1) + 1));
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => clock.setTimeout(resolve, ms));
  const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const sendIntervalMs = options.sendIntervalMs ?? 20;
  const implementations = options.implementations ?? ['ws', 'undici'];
  const maxDurationMs = options.maxDurationMs ?? 600_000;
  const { minUptimeMs } = RECONNECT_DEFAULTS;
  const figures: SocketSoakFigures = {
    clients: options.clients,
    targetDrops: options.drops,
    drops: 0,
    dropAges: { flap: 0, young: 0, stable: 0 },
    closeCodes: {},
    connections: 0,
    reconnectingEvents: 0,
    maxDelayMs: 0,
    stoppedEarly: 0,
    stoppedEarlySamples: [],
    plain: emptyDelivery(),
    acked: emptyDelivery(),
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

  const server = await startSocketServer(clock);
  let phase: 'drops' | 'drain' | 'endings' = 'drops';
  const dropTimers = new Set<unknown>();
  const reason = `restart; token=${SOAK_SECRETS.sessionToken}`;

  // Every connection gets a random age at which it is dropped: a third within 15 ms of opening, a
  // third before it became stable (minUptime), a third after. Every socket's first connection is
  // dropped as it opens, so the flap case is there even in a short run at high speed (where a few
  // virtual milliseconds are shorter than any real timer).
  const drop = ({ socket, openedAt }: OpenConnection): void => {
    if (phase !== 'drops' || figures.drops >= options.drops || socket.readyState !== socket.OPEN) return;
    const age = clock.now() - openedAt;
    const stable = age >= minUptimeMs;
    const how = random();
    const code = how < 0.5 ? 1006 : how < 0.65 ? 1001 : how < 0.8 ? 1011 : how < 0.9 || !stable ? 1012 : 4107;
    if (code === 1006) socket.terminate();
    else socket.close(code, reason);
    figures.drops++;
    figures.closeCodes[code] = (figures.closeCodes[code] ?? 0) + 1;
    figures.dropAges[age < FLAP_MS ? 'flap' : stable ? 'stable' : 'young']++;
  };
  const dropAge = (n: number): number => {
    if (n === 1) return 0;
    const band = random();
    if (band < 1 / 3) return random() < 0.3 ? 0 : random() * FLAP_MS;
    if (band < 2 / 3) return FLAP_MS + random() * (minUptimeMs - FLAP_MS);
    return minUptimeMs + random() * 3_000;
  };
  server.onOpen = (connection) => {
    if (phase !== 'drops') return;
    const age = dropAge(connection.n);
    // Age 0: dropped in the upgrade's own turn, often before the client has seen 'open'.
    if (age === 0) return drop(connection);
    const timer = clock.setTimeout(() => {
      dropTimers.delete(timer);
      drop(connection);
    }, age);
    dropTimers.add(timer);
  };

  const clients: SoakClient[] = [];
  for (let id = 0; id < options.clients; id++) {
    const Impl = IMPLEMENTATIONS[implementations[id % implementations.length] ?? 'ws'];
    const client: SoakClient = {
      id,
      ack: (id >> 1) % 2 === 1,
      ending: (id >> 2) % 2 === 0 ? 'kick' : 'close',
      socket: undefined as never,
      next: 1,
      conn: 0,
      pending: new Set(),
      resolved: new Set(),
      handed: new Map(),
      refused: new Map(),
      resolvedBeforeAck: 0,
    };
    // The defaults, but for what a soak must set: the transport, the service, and (speed > 1) the clock.
    const socketOptions: ReconnectingSocketOptions = { WebSocket: Impl, provider: leancloud };
    if (speed !== 1) socketOptions.clock = clock;
    if (client.ack) socketOptions.outbox = { ack: IM_ACK };
    const socket = new ReconnectingSocket(() => `${server.url}?client=${id}&conn=${++client.conn}&access_token=${SOAK_SECRETS.accessToken}`, socketOptions);
    client.socket = socket;
    socket.on('reconnecting', (event) => {
      figures.reconnectingEvents++;
      figures.maxDelayMs = Math.max(figures.maxDelayMs, event.delayMs);
      check(event, 'reconnecting');
    });
    socket.on('error', (event) => check(event, 'error'));
    socket.on('stopped', (event) => {
      client.stopKind = event.error.kind;
      if (phase !== 'endings' && client.stoppedEarly === undefined) {
        client.stoppedEarly = `${event.error.name} ${String(event.error.code)}`;
        figures.stoppedEarly++;
        if (figures.stoppedEarlySamples.length < 5) figures.stoppedEarlySamples.push(`client ${id}: ${event.error.message}`);
      }
      check(event, 'stopped');
    });
    clients.push(client);
  }

  const sendOne = (client: SoakClient): void => {
    const i = client.next++;
    client.pending.add(i);
    client.socket.send(JSON.stringify({ cmd: 'direct', i })).then(
      () => {
        client.pending.delete(i);
        client.resolved.add(i);
        if (client.ack && !server.clients.get(client.id)?.acked.has(i)) client.resolvedBeforeAck++;
        if (!client.ack) {
          let list = client.handed.get(client.conn);
          if (!list) client.handed.set(client.conn, (list = []));
          list.push(i);
        }
      },
      (error: { code?: unknown }) => {
        client.pending.delete(i);
        const code = String(error.code);
        client.refused.set(code, (client.refused.get(code) ?? 0) + 1);
      },
    );
  };

  // Phase 1: everyone sends while the server drops connections.
  let sending = true;
  const tick = (): void => {
    if (!sending) return;
    for (const client of clients) if (client.socket.state !== 'stopped') sendOne(client);
    clock.setTimeout(tick, sendIntervalMs);
  };
  tick();
  while (figures.drops < options.drops && performance.now() - startedReal < maxDurationMs) await realSleep(20);
  sending = false;

  // Phase 2: no more drops; every send settles (bounded).
  phase = 'drain';
  for (const timer of dropTimers) clock.clearTimeout(timer);
  dropTimers.clear();
  const drainUntil = performance.now() + (options.drainTimeoutMs ?? 120_000);
  while (clients.some((c) => c.pending.size > 0) && performance.now() < drainUntil) await realSleep(20);
  for (const client of clients) (client.ack ? figures.acked : figures.plain).unsettled += client.pending.size;

  // Phase 3: half kicked with 4111 (close code or in-band), half close() themselves, each once open.
  phase = 'endings';
  const whenOpen = async (client: SoakClient): Promise<OpenConnection | undefined> => {
    const until = performance.now() + 60_000;
    while (performance.now() < until && client.socket.state !== 'stopped') {
      const open = server.openOf(client.id);
      if (open && client.socket.state === 'open') return open;
      await realSleep(10);
    }
    return undefined;
  };
  await Promise.all(
    clients.map(async (client) => {
      const open = await whenOpen(client);
      if (!open) return;
      server.markStopped(client.id);
      if (client.ending === 'close') {
        client.socket.close();
        figures.closed++;
        return;
      }
      figures.kicked++;
      if (client.id % 8 === 0) open.socket.close(4111, 'SESSION_CONFLICT');
      else open.socket.send(JSON.stringify({ cmd: 'session', op: 'closed', code: 4111, reason: 'SESSION_CONFLICT' }));
    }),
  );
  await sleep(options.quietMs ?? 1_000);
  for (const client of clients) {
    const stopped = client.socket.state === 'stopped';
    if (client.ending === 'kick' && stopped && client.stopKind === 'session_replaced') figures.stoppedAfterKick++;
    if (!stopped) client.socket.close();
  }

  for (const client of clients) {
    const record = server.clients.get(client.id);
    const frames = record?.frames ?? new Map<number, number[]>();
    const d = client.ack ? figures.acked : figures.plain;
    d.sockets++;
    d.issued += client.next - 1;
    d.resolved += client.resolved.size;
    for (const [code, n] of client.refused) d.refused[code] = (d.refused[code] ?? 0) + n;
    const audit = auditArrivals(frames);
    d.duplicatedOnOneConnection += audit.onOne;
    d.repeatsAcrossConnections += audit.across;
    d.reordered += audit.reordered;
    d.resolvedBeforeAck += client.resolvedBeforeAck;
    for (let i = 1; i < client.next; i++) if (!audit.arrived.has(i) && (client.resolved.has(i) || client.pending.has(i))) d.lost++;
    if (!client.ack) {
      const wire = compareFrames(client.handed, frames);
      d.lostInFlight += wire.tailLost;
      d.midStreamLost += wire.midStreamLost;
      d.unexpected += wire.unexpected;
      for (const sample of wire.samples) if (figures.samples.length < 5) figures.samples.push(`client ${client.id} ${sample}`);
    }
    if (record) {
      figures.connections += record.connections;
      figures.maxConcurrentPerClient = Math.max(figures.maxConcurrentPerClient, record.maxOpen);
      if (client.ending === 'kick') figures.reconnectsAfterKick += record.connectionsAfterStop;
      else figures.reconnectsAfterClose += record.connectionsAfterStop;
    }
  }
  await server.close();
  figures.durationMs = performance.now() - startedReal;
  return figures;
}

