import { WebSocket as UndiciWebSocket } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket as WsWebSocket, type WebSocket as ServerSocket } from 'ws';
import { ReconnectingSocket, type WebSocketConstructor } from '../adapters/ws.js';
import { ConfigurationError } from '../src/errors.js';
import { FakeClock } from './helpers/fake-clock.js';
import { client, closeEverythingAfterEach, IMPLEMENTATIONS } from './helpers/ws-client.js';
import { sleep, startServer, waitUntil } from './helpers/ws-server.js';

closeEverythingAfterEach();

const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

function pause(socket: ServerSocket): void {
  (socket as unknown as { _socket: { pause(): void } })._socket.pause();
}

describe.each(IMPLEMENTATIONS)('lifecycle over %s', (_name, Impl) => {
  it('a 100/300 ms heartbeat keeps a live connection and notices a server that stops reading', async () => {
    const server = await startServer();
    server.onConnection = (socket) => {
      // The probe for implementations without ping(): the application answers it.
      socket.on('message', (data) => String(data) === 'ping' && socket.send('pong'));
    };
    // Heartbeat time is the test's clock: each probe is answered before time moves on, and the
    // dead peer is declared after exactly timeoutMs of it, however loaded the machine.
    const clock = new FakeClock();
    const rec = client(server.url, {
      WebSocket: Impl,
      clock,
      heartbeat: { intervalMs: 100, timeoutMs: 300, message: 'ping' },
      reconnect: { baseDelayMs: 10, maxDelayMs: 20 },
    });
    await rec.nth('open', 1);
    const answer = (): Promise<unknown> => {
      const ws = rec.socket.socket as unknown as { once?: (event: 'pong', listener: () => void) => void };
      // ws pings (its peer answers by itself); the standard WebSocket sends `message`, answered by the app.
      return ws.once ? new Promise<void>((resolve) => ws.once?.('pong', resolve)) : rec.nth('message', rec.of('message').length + 1);
    };
    for (let i = 0; i < 7; i++) {
      const answered = answer();
      await clock.advance(100);
      await answered;
    }
    expect(rec.of('reconnecting')).toHaveLength(0);
    const first = await server.connection(1);
    pause(first.socket);
    await clock.advance(100); // the probe the server no longer reads
    await clock.advance(299);
    expect(rec.of('reconnecting')).toHaveLength(0);
    await clock.advance(1);
    const { error } = await rec.nth('reconnecting', 1);
    expect(error).toMatchObject({ kind: 'timeout', code: 'HEARTBEAT_TIMEOUT' });
    await clock.advance(20);
    await server.connection(2);
    await rec.nth('open', 2);
  });

  it('leaves no timer behind once closed', async () => {
    const server = await startServer();
    const before = timeouts();
    const rec = client(server.url, {
      WebSocket: Impl,
      heartbeat: { intervalMs: 50, timeoutMs: 200, message: 'ping' },
      outbox: { ttlMs: 10_000 },
      connectTimeoutMs: 5_000,
    });
    const queued = rec.socket.send('queued before open');
    await rec.nth('open', 1);
    await queued;
    const stuck = client(server.url, { WebSocket: Impl, ready: () => new Promise(() => {}), outbox: { ttlMs: 10_000 } });
    const pending = stuck.socket.send('waits for a gate that never opens');
    await waitUntil(() => server.connections.length === 2);
    expect(timeouts()).toBeGreaterThan(before);
    rec.socket.close();
    stuck.socket.close();
    await expect(pending).rejects.toMatchObject({ kind: 'canceled' });
    await waitUntil(() => server.openCount() === 0, 3_000, 'server sockets to close');
    await waitUntil(() => timeouts() <= before, 3_000, 'timers to be cleared');
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('leaves no timer behind after it stops on its own (maxAttempts)', async () => {
    const server = await startServer({ rejectWith: 503 });
    const before = timeouts();
    const rec = client(server.url, { WebSocket: Impl, reconnect: { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 2 }, outbox: { ttlMs: 60_000 } });
    const pending = rec.socket.send('x');
    const { error } = await rec.nth('stopped', 1);
    await expect(pending).rejects.toBe(error);
    expect(error.attempts).toBe(2);
    await waitUntil(() => timeouts() <= before, 3_000, 'timers to be cleared');
  });

  it('reports an upgrade rejected with an HTTP status as a handshake failure, closeCode as received', async () => {
    const server = await startServer({ rejectWith: 403 });
    const rec = client(server.url, { WebSocket: Impl, reconnect: { baseDelayMs: 10, maxDelayMs: 20, maxAttempts: 2 } });
    const { error } = await rec.nth('stopped', 1);
    expect(error.closeCode).toBe(1006);
    expect(rec.of('open')).toHaveLength(0);
    if (Impl === WsWebSocket) {
      // ws says why: 403 is a policy refusal, reconnecting cannot help.
      expect(error).toMatchObject({ kind: 'permission_denied', status: 403, retry: 'never' });
      expect(server.connections).toHaveLength(0);
    } else {
      // The standard WebSocket only says "error, then 1006".
      expect(error).toMatchObject({ kind: 'network', code: 'HANDSHAKE_FAILED', attempts: 2 });
    }
  });

  it('fire-and-forget sends that fail never become unhandled rejections', async () => {
    const server = await startServer();
    server.onConnection = (socket) => socket.close(1008);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const rec = client(server.url, { WebSocket: Impl });
      void rec.socket.send('a');
      void rec.socket.send('b');
      await rec.nth('stopped', 1);
      void rec.socket.send('c');
      await sleep(50);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('many clients (ws)', () => {
  it('60 clients dropped at the same moment reconnect spread out, not as a herd', async () => {
    const server = await startServer();
    // One seeded clock for all: the spread is the socket's schedule, not how fast this machine
    // happens to serve 60 upgrades at once.
    const clock = new FakeClock({ seed: 7 });
    const clients = Array.from({ length: 60 }, () =>
      client(server.url, { WebSocket: WsWebSocket, clock, reconnect: { baseDelayMs: 1_000, maxDelayMs: 1_000 } }),
    );
    await Promise.all(clients.map((c) => c.nth('open', 1, 10_000)));
    for (const { socket } of server.connections) socket.terminate();
    const delays = (await Promise.all(clients.map((c) => c.nth('reconnecting', 1, 10_000)))).map((e) => e.delayMs).sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0; i < delays.length; i++) {
      let j = i;
      while (j < delays.length && (delays[j] as number) - (delays[i] as number) < 50) j++;
      busiest = Math.max(busiest, j - i);
    }
    expect(busiest).toBeLessThanOrEqual(18); // 30% of 60
    // Full jitter from the very first reconnect: spread over most of [0, 1000] ms.
    expect((delays.at(-1) as number) - (delays[0] as number)).toBeGreaterThan(500);
    expect(delays.at(-1)).toBeLessThanOrEqual(1_000);
    await clock.advance(1_000);
    await server.connection(120, 10_000);
    await Promise.all(clients.map((c) => c.nth('open', 2, 10_000)));
  });
});

describe('configuration', () => {
  it('accepts the DOM, ws and undici WebSocket classes as they are typed', () => {
    // Type-level: a mismatch fails `tsc --noEmit`. The DOM `WebSocket` is the browser global's type.
    const fits: [typeof WebSocket, typeof WsWebSocket, typeof UndiciWebSocket] extends [WebSocketConstructor, WebSocketConstructor, WebSocketConstructor] ? true : false = true;
    expect(fits).toBe(true);
  });

  it('throws a ConfigurationError when there is no WebSocket implementation', () => {
    // Node 22+ has a global WebSocket; take it away to see the error a Node 20 user gets.
    vi.stubGlobal('WebSocket', undefined);
    try {
      expect((globalThis as { WebSocket?: unknown }).WebSocket).toBeUndefined();
      expect(() => new ReconnectingSocket('ws://127.0.0.1:1/')).toThrow(ConfigurationError);
      expect(() => new ReconnectingSocket('ws://127.0.0.1:1/')).toThrow(/options\.WebSocket/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('throws a TypeError naming the option for bad options (changed: it was a ValidationError, a kind meant for server answers)', () => {
    const WebSocket = WsWebSocket;
    expect(() => new ReconnectingSocket(42 as unknown as string, { WebSocket })).toThrow(TypeError);
    expect(() => new ReconnectingSocket('ws://x/', { WebSocket, heartbeat: { intervalMs: 0, timeoutMs: 100 } })).toThrow(
      /^faultline: ReconnectingSocket\.heartbeat\.intervalMs must be a number .*> 0.*, got 0$/,
    );
    expect(() => new ReconnectingSocket('ws://x/', { WebSocket, outbox: { maxMessages: Number.NaN } })).toThrow(/ReconnectingSocket\.outbox\.maxMessages/);
    expect(() => new ReconnectingSocket('ws://x/', { WebSocket, reconnect: { maxAttempts: -1 } })).toThrow(/ReconnectingSocket\.reconnect\.maxAttempts/);
    expect(() => new ReconnectingSocket('ws://x/', { WebSocket, reconnect: { minUptimeMs: -1 } })).toThrow(/minUptimeMs/);
    expect(() => new ReconnectingSocket('ws://x/', { WebSocket, kickLoop: { maxCloses: 0 } })).toThrow(/kickLoop\.maxCloses/);
    expect(() => new ReconnectingSocket('ws://x/', { WebSocket, provider: 'leancloud' as never })).toThrow(/provider must be a provider value/);
  });

  it('stops with a ConfigurationError when the WebSocket cannot be created from the URL', async () => {
    const rec = client('not a url', { WebSocket: WsWebSocket });
    const { error } = await rec.nth('stopped', 1);
    expect(error.kind).toBe('configuration');
  });
});
