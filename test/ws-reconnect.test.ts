import { describe, expect, it } from 'vitest';
import { leancloud } from '../catalog/leancloud/index.js';
import { client, closeEverythingAfterEach, IMPLEMENTATIONS } from './helpers/ws-client.js';
import { refusedUrl, sleep, startServer, waitUntil } from './helpers/ws-server.js';

closeEverythingAfterEach();

describe.each(IMPLEMENTATIONS)('close-code decisions over %s', (_name, Impl) => {
  const fast = { WebSocket: Impl, provider: leancloud, reconnect: { baseDelayMs: 10, maxDelayMs: 30 } };

  it.each([1006, 1001, 1012, 4107])('reconnects after close %i, the reconnecting error carrying that code', async (code) => {
    const server = await startServer();
    server.onConnection = (socket) => {
      if (server.connections.length > 1) return;
      setTimeout(() => (code === 1006 ? socket.terminate() : socket.close(code, 'bye')), 20);
    };
    const rec = client(server.url, fast);
    const { error } = await rec.nth('reconnecting', 1);
    expect(error.closeCode).toBe(code);
    expect(error.kind).toBe('connection_closed');
    expect(error.retryable).toBe(true);
    await rec.nth('open', 2);
    expect(server.connections).toHaveLength(2);
    expect(rec.socket.state).toBe('open');
    expect(rec.of('stopped')).toHaveLength(0);
  });

  it.each([
    [4111, 'session_replaced'],
    [4115, 'session_replaced'],
    [4106, 'permission_denied'],
    [4100, 'configuration'],
    [1008, 'permission_denied'],
  ])('stops on close %i (%s) and never connects again', async (code, kind) => {
    const server = await startServer();
    server.onConnection = (socket) => setTimeout(() => socket.close(code), 20);
    const rec = client(server.url, fast);
    const { error } = await rec.nth('stopped', 1);
    expect(error.closeCode).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(false);
    expect(rec.socket.state).toBe('stopped');
    await sleep(200); // many backoff periods
    expect(server.connections).toHaveLength(1);
    expect(rec.of('reconnecting')).toHaveLength(0);
    await expect(rec.socket.send('late')).rejects.toBe(error);
  });

  it('awaits onRefresh once on 4112, then reconnects', async () => {
    const server = await startServer();
    server.onConnection = (socket) => {
      if (server.connections.length === 1) setTimeout(() => socket.close(4112, 'session token expired'), 20);
    };
    const order: string[] = [];
    const refreshed: number[] = [];
    const rec = client(server.url, {
      ...fast,
      onRefresh: async (error) => {
        refreshed.push(error.closeCode ?? -1);
        order.push('refresh-start');
        await sleep(50);
        order.push('refresh-end');
      },
    });
    rec.socket.on('open', () => order.push('open'));
    await rec.nth('open', 2);
    expect(refreshed).toEqual([4112]);
    expect(order).toEqual(['open', 'refresh-start', 'refresh-end', 'open']);
    expect(rec.of('error')[0]?.error.kind).toBe('session_expired');
  });

  it('stops when 4112 comes right back after the refresh', async () => {
    const server = await startServer();
    server.onConnection = (socket) => setTimeout(() => socket.close(4112), 10);
    let refreshes = 0;
    const rec = client(server.url, { ...fast, onRefresh: () => void refreshes++ });
    const { error } = await rec.nth('stopped', 1);
    expect(error.closeCode).toBe(4112);
    expect(refreshes).toBe(1);
    await sleep(150);
    expect(server.connections).toHaveLength(2);
  });

  it("stops on LeanCloud's in-band session-closed 4111", async () => {
    const server = await startServer();
    server.onConnection = (socket) => socket.send(JSON.stringify({ cmd: 'session', op: 'closed', code: 4111, reason: 'SESSION_CONFLICT' }));
    const rec = client(server.url, fast);
    const { error } = await rec.nth('stopped', 1);
    expect(error.kind).toBe('session_replaced');
    expect(error.code).toBe(4111);
    expect(error.provider).toBe('leancloud');
    await sleep(150);
    expect(server.connections).toHaveLength(1);
    await waitUntil(() => server.openCount() === 0, 2_000, 'the server to see the socket close');
  });

  it("reconnects on LeanCloud's in-band goaway", async () => {
    const server = await startServer();
    server.onConnection = (socket) => {
      if (server.connections.length === 1) socket.send('{"cmd":"goaway"}');
    };
    const rec = client(server.url, fast);
    const { error } = await rec.nth('reconnecting', 1);
    expect(error.code).toBe('GOAWAY');
    await server.connection(2);
    await waitUntil(() => rec.socket.state === 'open');
    expect(rec.of('stopped')).toHaveLength(0);
  });

  it('tells a refused handshake (never opened) from a dropped connection', async () => {
    const rec = client(await refusedUrl(), { ...fast, reconnect: { baseDelayMs: 50, maxDelayMs: 50 } });
    const { error } = await rec.nth('reconnecting', 1);
    expect(error.kind).toBe('network');
    expect(error.closeCode).toBe(1006);
    expect(error.code === 'ECONNREFUSED' || error.code === 'HANDSHAKE_FAILED').toBe(true);
    expect(rec.of('open')).toHaveLength(0);
  });

  it('stops a kick loop: closes with the same code right after opening', async () => {
    const server = await startServer();
    server.onConnection = (socket) => setTimeout(() => socket.close(4107), 5);
    const rec = client(server.url, fast);
    const { error } = await rec.nth('stopped', 1);
    expect(error.code).toBe('KICK_LOOP');
    expect(error.closeCode).toBe(4107);
    expect(error.retryable).toBe(false);
    expect(server.connections).toHaveLength(3);
    await sleep(150);
    expect(server.connections).toHaveLength(3);
  });

  it('connects on the third attempt when the URL provider rejects twice, with no unhandled rejection', async () => {
    const server = await startServer();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let calls = 0;
      const rec = client(async () => {
        calls++;
        if (calls <= 2) throw new Error('token service unavailable');
        return `${server.url}?token=t${calls}`;
      }, fast);
      const { attempt } = await rec.nth('open', 1);
      expect(attempt).toBe(3);
      expect(rec.of('reconnecting').map((e) => e.attempt)).toEqual([2, 3]);
      expect(server.connections).toHaveLength(1);
      expect(server.connections[0]?.url).toBe('/?token=t3');
      await sleep(50);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('reconnect() works after it gave up (maxAttempts reached)', async () => {
    let url = await refusedUrl();
    const rec = client(() => url, { ...fast, reconnect: { baseDelayMs: 10, maxDelayMs: 20, maxAttempts: 3 } });
    const { error } = await rec.nth('stopped', 1);
    expect(error.attempts).toBe(3);
    expect(error.kind).toBe('network');
    expect(rec.of('reconnecting')).toHaveLength(2);
    const server = await startServer();
    url = server.url;
    rec.socket.reconnect();
    expect(rec.socket.state).toBe('connecting');
    await rec.nth('open', 1);
    expect(rec.socket.state).toBe('open');
    await rec.socket.send('after revival');
    await waitUntil(() => server.messages.includes('after revival'));
  });

  it('close() stops for good: the server sees the code, sends reject, nothing reconnects', async () => {
    const server = await startServer();
    const serverClose = new Promise<number>((resolve) => {
      server.onConnection = (socket) => socket.on('close', (code) => resolve(code));
    });
    const rec = client(server.url, fast);
    await rec.nth('open', 1);
    rec.socket.close(4000, 'user logged out');
    expect(rec.socket.state).toBe('stopped');
    const { error } = await rec.nth('stopped', 1);
    expect(error.kind).toBe('canceled');
    expect(await serverClose).toBe(4000);
    await expect(rec.socket.send('after close')).rejects.toMatchObject({ kind: 'canceled' });
    await sleep(150);
    expect(server.connections).toHaveLength(1);
    expect(rec.of('reconnecting')).toHaveLength(0);
  });

  it('never has two sockets at once under 15 rapid drops', async () => {
    const server = await startServer();
    let drops = 0;
    server.onConnection = (socket) => {
      if (drops >= 15) return;
      drops++;
      // Alternate server-side drops with client-side forced reconnects.
      if (drops % 3 === 0) setTimeout(() => rec.socket.reconnect(), drops % 2);
      else setTimeout(() => socket.terminate(), drops % 4);
    };
    const rec = client(server.url, { ...fast, reconnect: { baseDelayMs: 2, maxDelayMs: 5 }, kickLoop: false });
    await server.connection(16);
    await waitUntil(() => rec.socket.state === 'open');
    await sleep(50);
    expect(server.connections).toHaveLength(16);
    expect(Math.max(...server.connections.map((c) => c.concurrent))).toBe(1);
    expect(server.openCount()).toBe(1);
  });
});
