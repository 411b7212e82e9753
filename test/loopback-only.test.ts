import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllServers, startServer } from './helpers/http-server.js';
import { installLoopbackOnly, isLoopback, type LoopbackGuard } from './helpers/loopback-only.js';

// 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, should the guard ever fail.
const NOWHERE = '192.0.2.1';

function failure(start: (done: (error: NodeJS.ErrnoException) => void) => void): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve) => start(resolve));
}

describe('loopback-only guard', () => {
  let guard: LoopbackGuard | undefined;
  afterEach(async () => {
    guard?.restore();
    await closeAllServers();
  });

  it('knows loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', undefined]) expect(isLoopback(host)).toBe(true);
    for (const host of ['192.0.2.1', 'example.com', '10.0.0.1', '::2', 'localhost.example.com']) expect(isLoopback(host)).toBe(false);
  });

  it('fails net, tls, http and fetch connections to other hosts at once, and records each', async () => {
    guard = installLoopbackOnly();
    const viaNet = await failure((done) => net.connect(443, NOWHERE).on('error', done));
    const viaTls = await failure((done) => tls.connect({ host: 'example.com', port: 443 }).on('error', done));
    const viaHttp = await failure((done) => http.get(`http://${NOWHERE}:8080/x`).on('error', done));
    const viaFetch = await fetch('https://example.com/').then(
      () => ({}) as NodeJS.ErrnoException,
      (e: Error) => e.cause as NodeJS.ErrnoException,
    );
    for (const error of [viaNet, viaTls, viaHttp, viaFetch]) expect(error.code).toBe('ENETUNREACH');
    // http reaches the socket by net.createConnection on Node 24, by Socket#connect before: either is caught.
    const via = guard.blocked.map((b) => b.via);
    expect(via).toEqual(['net.connect', 'tls.connect', expect.stringMatching(/^(?:socket\.connect|net\.createConnection)$/), 'tls.connect']);
    expect(guard.hosts()).toEqual(['192.0.2.1:443', '192.0.2.1:8080', 'example.com:443']);
  });

  it('fails name lookups of other hosts, callback and promise forms', async () => {
    guard = installLoopbackOnly();
    const viaCallback = await failure((done) => dns.lookup('example.com', (e) => done(e!)));
    const viaPromise = await dns.promises.resolve4('example.org').then(
      () => ({}) as NodeJS.ErrnoException,
      (e: NodeJS.ErrnoException) => e,
    );
    expect([viaCallback.code, viaPromise.code]).toEqual(['ENOTFOUND', 'ENOTFOUND']);
    expect(guard.hosts()).toEqual(['example.com', 'example.org']);
  });

  it('lets loopback through, and restore() puts everything back', async () => {
    const originals = [net.Socket.prototype.connect, net.connect, tls.connect, dns.lookup, dns.promises.resolve4];
    guard = installLoopbackOnly();
    const server = await startServer([{ body: { ok: true } }]);
    expect(await (await fetch(server.url)).json()).toEqual({ ok: true });
    expect(await dns.promises.lookup('localhost')).toHaveProperty('address');
    expect(guard.blocked).toEqual([]);
    guard.restore();
    // Checked by identity: a real attempt after restore would leave the machine.
    expect([net.Socket.prototype.connect, net.connect, tls.connect, dns.lookup, dns.promises.resolve4]).toEqual(originals);
  });
});
