/**
 * Issue 13's and issue 12's socket acceptance, against a real `ws` server on loopback. The
 * socket's delays run on an injected FakeClock: the test advances it when the socket announces
 * 'reconnecting', so nothing here waits for wall time or depends on how fast the machine is.
 */
import { describe, expect, it } from 'vitest';
import '../src/index.js'; // the full entry loaded: it must not change what a provider-less socket decides
import { leancloud } from '../catalog/leancloud/index.js';
import { classifyClose } from '../src/core.js';
import { classifyClose as classifyCloseFull } from '../src/index.js';
import { RECONNECT_DEFAULTS } from '../src/constants.js';
import { FakeClock } from './helpers/fake-clock.js';
import { client, closeEverythingAfterEach, IMPLEMENTATIONS } from './helpers/ws-client.js';
import { startServer, waitUntil } from './helpers/ws-server.js';

closeEverythingAfterEach();

describe.each(IMPLEMENTATIONS)('a flapping network over %s', (_name, Impl) => {
  it('a server that drops every connection within 10 ms, 30 times: never stops, waits grow to the cap, then connects and flushes in order', async () => {
    const server = await startServer();
    let dropping = true;
    server.onConnection = (socket) => {
      if (!dropping) return;
      // 0–10 ms after opening, with no close frame: 1006 (or a failed handshake, if it is quicker).
      const n = server.connections.length;
      if (n % 3 === 0) socket.terminate();
      else setTimeout(() => socket.terminate(), n % 11);
    };
    // A draw close to 1: each full-jitter delay is about its ceiling, so the sequence shows the growth.
    const clock = new FakeClock({ random: () => 0.999_999 });
    const rec = client(server.url, { WebSocket: Impl, clock }); // the default reconnect options, minUptime included
    const delays: number[] = [];
    const sends: Promise<void>[] = [];
    for (let i = 1; i <= 30; i++) {
      const { delayMs, error } = await rec.nth('reconnecting', i);
      expect(error.closeCode).toBe(1006);
      delays.push(delayMs);
      if (i === 30) {
        // The server recovers; these wait in the outbox for the next connection.
        dropping = false;
        expect(rec.socket.state).toBe('reconnecting');
        for (let m = 1; m <= 5; m++) sends.push(rec.socket.send(`m${m}`));
        expect(rec.socket.queued).toBe(5);
      }
      await clock.advance(delayMs);
    }
    await Promise.all(sends);
    await waitUntil(() => server.messages.length >= 5);
    expect(server.messages).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(rec.socket.state).toBe('open');
    expect(rec.of('stopped')).toEqual([]);
    expect(server.connections).toHaveLength(31);

    const { baseDelayMs, maxDelayMs } = RECONNECT_DEFAULTS;
    expect(delays[0]).toBeCloseTo(baseDelayMs, -1);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    expect(Math.max(...delays)).toBeCloseTo(maxDelayMs, -1);
    expect(delays.filter((d) => d > maxDelayMs * 0.999)).toHaveLength(30 - Math.ceil(Math.log2(maxDelayMs / baseDelayMs)));
    expect(Math.max(...delays)).toBeLessThanOrEqual(maxDelayMs);
  }, 30_000);
});

describe('private close codes mean a provider only when it is given (issue 12)', () => {
  it.each(IMPLEMENTATIONS)('with the full entry loaded, a socket with no provider keeps reconnecting on 4403, 4408 and 4000 (%s)', async (_name, Impl) => {
    const server = await startServer();
    const clock = new FakeClock();
    const rec = client(server.url, { WebSocket: Impl, clock });
    const codes = [4403, 4408, 4000, 4403, 4408, 4000];
    for (const [i, code] of codes.entries()) {
      await rec.nth('open', i + 1);
      // Half of the closes come right after open (codes alternate, so no kick loop), half after the connection proved stable.
      if (i >= 3) await clock.advance(RECONNECT_DEFAULTS.minUptimeMs);
      (await server.connection(i + 1)).socket.close(code, 'go away');
      const { error } = await rec.nth('reconnecting', i + 1);
      expect(error).toMatchObject({ closeCode: code, kind: 'connection_closed', retry: 'always' });
      expect(error.provider).toBeUndefined();
      await clock.advance(clock.nextDelay ?? 0);
    }
    await rec.nth('open', codes.length + 1);
    expect(rec.of('stopped')).toEqual([]);
  });

  it('4111 is LeanCloud session_replaced/never from core with the decisions-only provider value, and only with it', () => {
    expect(classifyClose(4111, '', { provider: leancloud })).toMatchObject({ kind: 'session_replaced', retry: 'never', provider: 'leancloud' });
    expect(classifyClose(4111, '')).toMatchObject({ kind: 'connection_closed', retry: 'always' });
    expect(classifyCloseFull(4403)).toMatchObject({ kind: 'connection_closed', retry: 'always' });
    expect(classifyCloseFull(4403, '', { provider: 'leancloud' })).toMatchObject({ kind: 'permission_denied', retry: 'never' });
  });
});

describe.each(IMPLEMENTATIONS)('outside findings over %s', (_name, Impl) => {
  it('an onRefresh that never settles after 4112 stops the socket with REFRESH_TIMEOUT within connectTimeoutMs, rejecting queued sends', async () => {
    const server = await startServer();
    server.onConnection = (socket) => socket.close(4112, 'session token expired');
    const clock = new FakeClock();
    const connectTimeoutMs = 2_000;
    let refreshes = 0;
    const rec = client(server.url, {
      WebSocket: Impl,
      clock,
      provider: leancloud,
      connectTimeoutMs,
      onRefresh: () => {
        refreshes++;
        return new Promise(() => {}); // never settles
      },
    });
    const { error } = await rec.nth('error', 1);
    expect(error).toMatchObject({ closeCode: 4112, kind: 'session_expired' });
    const queued = rec.socket.send('waits for the refresh');
    await clock.advance(connectTimeoutMs - 1);
    expect(rec.socket.state).toBe('reconnecting');
    expect(rec.of('stopped')).toEqual([]);
    await clock.advance(1);
    const { error: stopped } = await rec.nth('stopped', 1);
    expect(stopped).toMatchObject({ name: 'TimeoutError', kind: 'timeout', code: 'REFRESH_TIMEOUT' });
    expect(stopped.cause).toBe(error);
    await expect(queued).rejects.toBe(stopped);
    expect(rec.socket.state).toBe('stopped');
    expect(refreshes).toBe(1);
    expect(clock.pending).toBe(0);
    expect(server.connections).toHaveLength(1);
  });

  it('close(4000, reason) with a reason over 123 UTF-8 bytes really closes: the server sees the code and the reason cut at a character', async () => {
    const server = await startServer();
    const seen = new Promise<[number, string]>((resolve) => {
      server.onConnection = (socket) => socket.on('close', (code, reason) => resolve([code, reason.toString()]));
    });
    const rec = client(server.url, { WebSocket: Impl });
    await rec.nth('open', 1);
    const reason = '用户已在另一台设备上登录，本设备的会话已经结束，请重新登录后再继续使用即时通讯的全部功能谢谢'; // 46 characters, 138 bytes
    expect(new TextEncoder().encode(reason).length).toBeGreaterThan(123);
    rec.socket.close(4000, reason);
    expect(rec.socket.state).toBe('stopped');
    const [code, received] = await seen;
    expect(code).toBe(4000);
    expect(received).toBe(reason.slice(0, 41)); // 41 × 3 = 123 bytes
    await waitUntil(() => server.openCount() === 0, 5_000, 'the server to see the connection gone');
  });

  it('a long reason whose byte 123 falls inside a character is cut before that character', async () => {
    const server = await startServer();
    const seen = new Promise<string>((resolve) => {
      server.onConnection = (socket) => socket.on('close', (_code, reason) => resolve(reason.toString()));
    });
    const rec = client(server.url, { WebSocket: Impl });
    await rec.nth('open', 1);
    const reason = `a${'再'.repeat(42)}`; // 1 + 126 bytes: byte 123 is the middle of the 41st 再
    rec.socket.close(4000, reason);
    expect(await seen).toBe(`a${'再'.repeat(40)}`); // 121 bytes
  });
});
