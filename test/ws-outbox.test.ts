import { describe, expect, it } from 'vitest';
import type { ReconnectingSocket, WebSocketLike } from '../adapters/ws.js';
import { leancloud } from '../catalog/leancloud/index.js';
import { FakeClock } from './helpers/fake-clock.js';
import { client, closeEverythingAfterEach, IMPLEMENTATIONS } from './helpers/ws-client.js';
import { refusedUrl, startServer, waitUntil } from './helpers/ws-server.js';

closeEverythingAfterEach();

/** A ready gate that opens an "IM session": sends open-session, waits for the server's ack. */
function sessionGate(getSocket: () => ReconnectingSocket, log: string[]): (ws: WebSocketLike) => Promise<void> {
  return (ws) =>
    new Promise<void>((resolve) => {
      const off = getSocket().on('message', ({ data }) => {
        if (String(data) !== 'session-opened') return;
        off();
        log.push('gate-passed');
        resolve();
      });
      ws.send('open-session');
    });
}

describe.each(IMPLEMENTATIONS)('outbox over %s', (_name, Impl) => {
  it('delivers five messages sent while disconnected exactly once, in order, after the ready gate', async () => {
    const server = await startServer();
    server.onConnection = (socket) => {
      socket.on('message', (data) => {
        if (String(data) === 'open-session') socket.send('session-opened');
      });
    };
    const log: string[] = [];
    // The reconnect waits for the test's clock: the socket is still 'reconnecting' when the sends
    // are made, however late this test gets to run (it once raced a 100 ms real timer).
    const clock = new FakeClock();
    const rec = client(server.url, {
      WebSocket: Impl,
      clock,
      reconnect: { baseDelayMs: 100, maxDelayMs: 100, jitter: 'none' },
      ready: sessionGate(() => rec.socket, log),
    });
    await rec.nth('open', 1);
    // The drop comes once the first connection is open (past its gate), whatever the machine's speed.
    (await server.connection(1)).socket.terminate();
    const { delayMs } = await rec.nth('reconnecting', 1);
    expect(rec.socket.state).toBe('reconnecting');
    const sends = [1, 2, 3, 4, 5].map((i) => rec.socket.send(`m${i}`).then(() => log.push(`sent m${i}`)));
    expect(rec.socket.queued).toBe(5);
    await clock.advance(delayMs);
    await Promise.all(sends);
    expect(rec.of('open')).toHaveLength(2);
    // Resolved only once handed to the second, ready socket.
    expect(log).toEqual(['gate-passed', 'gate-passed', 'sent m1', 'sent m2', 'sent m3', 'sent m4', 'sent m5']);
    await waitUntil(() => server.messages.length >= 7);
    expect(server.messages).toEqual(['open-session', 'open-session', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(rec.socket.queued).toBe(0);
  });

  it('rejects what does not fit with QuotaExceededError OUTBOX_FULL, and keeps the rest', async () => {
    const rec = client(await refusedUrl(), { WebSocket: Impl, outbox: { maxMessages: 3, maxBytes: 12 } });
    const kept = ['a', 'b', 'c'].map((m) => rec.socket.send(m));
    await expect(rec.socket.send('d')).rejects.toMatchObject({ name: 'QuotaExceededError', kind: 'quota_exceeded', code: 'OUTBOX_FULL' });
    expect(rec.socket.queued).toBe(3);
    rec.socket.close();
    for (const p of kept) await expect(p).rejects.toMatchObject({ kind: 'canceled' });

    const bytes = client(await refusedUrl(), { WebSocket: Impl, outbox: { maxBytes: 8 } });
    const first = bytes.socket.send('ééé'); // 6 UTF-8 bytes
    await expect(bytes.socket.send('éé')).rejects.toMatchObject({ code: 'OUTBOX_FULL' });
    bytes.socket.close();
    await expect(first).rejects.toMatchObject({ kind: 'canceled' });
  });

  it('rejects a message that waited longer than ttlMs with TimeoutError OUTBOX_TTL', async () => {
    const clock = new FakeClock();
    const rec = client(await refusedUrl(), { WebSocket: Impl, clock, outbox: { ttlMs: 60 }, reconnect: { baseDelayMs: 20, maxDelayMs: 40 } });
    const old = rec.socket.send('stale');
    await clock.advance(30);
    const young = rec.socket.send('young');
    await clock.advance(29);
    expect(rec.socket.queued).toBe(2);
    await clock.advance(1);
    await expect(old).rejects.toMatchObject({ name: 'TimeoutError', code: 'OUTBOX_TTL' });
    expect(rec.socket.queued).toBe(1);
    await clock.advance(30);
    await expect(young).rejects.toMatchObject({ code: 'OUTBOX_TTL' });
    expect(rec.socket.state).not.toBe('stopped');
  });

  it('rejects every queued send with the stop error when the server kicks the client', async () => {
    const server = await startServer();
    let kicked = false;
    server.onConnection = (socket) => {
      socket.on('message', (data) => {
        if (String(data) === 'open-session' && !kicked) {
          kicked = true;
          socket.close(4111);
        }
      });
    };
    const log: string[] = [];
    const rec = client(server.url, { WebSocket: Impl, provider: leancloud, ready: sessionGate(() => rec.socket, log) });
    const pending = rec.socket.send('never delivered');
    const { error } = await rec.nth('stopped', 1);
    await expect(pending).rejects.toBe(error);
    expect(error.closeCode).toBe(4111);
    expect(error.kind).toBe('session_replaced');
    expect(server.messages).toEqual(['open-session']);
  });
});
