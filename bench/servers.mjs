import { fork } from 'node:child_process';
import { WebSocketServer } from 'ws';

/**
 * A keep-alive HTTP server on 127.0.0.1 and an ephemeral port, in a child process (bench/http-child.mjs).
 * Modes: `{ kind: 'ok' }`, `{ kind: 'unavailable', retryAfter? }` (every answer 503),
 * `{ kind: 'flaky', rate, seed, retryAfter? }` (503 with probability `rate`, seeded).
 * Every call resolves with the server's counters `{ requests, failures }`.
 */
export async function startHttp(mode = { kind: 'ok' }) {
  const child = fork(new URL('./http-child.mjs', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  child.on('message', (msg) => {
    pending.get(msg.id)?.(msg);
    pending.delete(msg.id);
  });
  const ask = (msg) =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error('bench server process is gone'));
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ ...msg, id });
    });
  const { port } = await new Promise((resolve, reject) => {
    pending.set(0, resolve);
    child.once('error', reject);
  });
  const srv = {
    url: `http://127.0.0.1:${port}`,
    /** Switches behaviour; `reset` zeroes the counters. */
    setMode: (next, reset = false) => ask({ cmd: 'mode', mode: next, reset }),
    stats: () => ask({ cmd: 'stats' }),
    async close() {
      if (!child.connected) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ cmd: 'close' });
      const timer = setTimeout(() => child.kill(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
  await srv.setMode(mode, true);
  return srv;
}

/** A WebSocket server on 127.0.0.1 that accepts everyone and can drop them all at once (1006 on the client). */
export async function startWs() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  return {
    url: `ws://127.0.0.1:${wss.address().port}`,
    get clients() {
      return wss.clients.size;
    },
    /** Drops every connection without a closing handshake. */
    dropAll() {
      for (const client of wss.clients) client.terminate();
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}
