import { createRetryPolicy } from '../../.cache/bench/lib/core.mjs';
import { createFetch } from '../../.cache/bench/lib/fetch.mjs';
import { ReconnectingSocket } from '../../.cache/bench/lib/ws.mjs';
import { round } from '../measure.mjs';

const RETRIED_CALLS = 100_000;
const RECONNECTS = 10_000;
const SIGNALLED_CALLS = 100_000;

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

/**
 * Heap in use after full collections (needs --expose-gc), with a turn of the event loop after each
 * so FinalizationRegistry callbacks run and what they release is collected in turn: undici's
 * registry frees a request's hold on its signal, ours then forgets the signal (three rounds).
 */
async function heapMB() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * A WebSocket that opens on the next turn and then drops (1006): reconnects at memory speed, so
 * 10,000 of them measure what the socket itself keeps, not the network stack.
 */
class FlakyWebSocket {
  readyState = 0;
  onopen = null;
  onmessage = null;
  onerror = null;
  onclose = null;
  constructor() {
    setImmediate(() => {
      if (this.readyState !== 0) return;
      this.readyState = 1;
      this.onopen?.({});
      setImmediate(() => this.#closed(1006));
    });
  }
  #closed(code) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason: '', wasClean: code !== 1006 });
  }
  send() {}
  close() {
    this.readyState = 3;
  }
}

/** Zero-delay waits on the next turn of the event loop instead of a 1 ms timer; longer ones are real timers. */
const immediateClock = {
  setTimeout: (callback, ms) => (ms > 0 ? { timer: setTimeout(callback, ms) } : { immediate: setImmediate(callback) }),
  clearTimeout: (handle) => {
    if (handle?.timer) clearTimeout(handle.timer);
    if (handle?.immediate) clearImmediate(handle.immediate);
  },
};

/**
 * 8. Heap in use (after a full GC) before and after 100,000 retried calls (each fails once, then
 * succeeds; one shared policy, zero delays), 10,000 reconnects of one ReconnectingSocket, and
 * 100,000 createFetch() calls that all pass one long-lived AbortSignal, next to the same number of
 * AbortSignal.any links to one signal (what a wrapper built on it keeps on Node 20).
 * Equal figures mean nothing accumulates per call or per reconnect.
 */
export default async function memory() {
  if (typeof globalThis.gc !== 'function') console.warn('  (run with --expose-gc for exact heap figures)');
  // A warm-up of both first, so one-off costs (optimised code, lazily built tables) land in the baseline:
  // without it the first 10,000 reconnects show ~0.3 MB that the next 10,000 do not add again.
  const policy = createRetryPolicy({ baseDelayMs: 0 });
  await retriedCalls(policy, 5_000);
  await reconnects(2_000);
  const appSignal = new AbortController().signal;
  await signalledFetches(appSignal, 2_000);
  await bareAnyLinks(new AbortController().signal, 2_000);
  const rows = [{ label: 'baseline (after a warm-up)', value: await heapMB() }];

  await retriedCalls(policy, RETRIED_CALLS);
  rows.push({ label: `after ${RETRIED_CALLS.toLocaleString('en-US')} retried calls`, value: await heapMB() });

  const opens = await reconnects(RECONNECTS);
  rows.push({ label: `after ${RECONNECTS.toLocaleString('en-US')} socket reconnects`, value: await heapMB(), opens });

  // An app-wide signal passed to every request: each attempt's signal is linked to it.
  await signalledFetches(appSignal, SIGNALLED_CALLS);
  rows.push({ label: `after ${SIGNALLED_CALLS.toLocaleString('en-US')} createFetch() calls, one shared signal`, value: await heapMB() });

  // The same links made with AbortSignal.any, which on Node 20 the shared signal keeps for good.
  const anySource = new AbortController().signal;
  await bareAnyLinks(anySource, SIGNALLED_CALLS);
  rows.push({ label: `after ${SIGNALLED_CALLS.toLocaleString('en-US')} AbortSignal.any links, one shared signal`, value: await heapMB() });
  return { tables: [{ title: '8. Memory: heap in use after a full GC', unit: 'MB', rows: rows.map((r) => ({ ...r, value: round(r.value) })) }] };
}

/** `count` sequential createFetch() calls (stub transport, an attempt timeout so signals are linked), all with `signal`. */
async function signalledFetches(signal, count) {
  const api = createFetch({ fetch: () => Promise.resolve(new Response('ok')), attemptTimeoutMs: 10_000 });
  for (let i = 0; i < count; i++) await (await api('http://memory.invalid/', { signal })).text();
}

/** What a fetch wrapper linking with AbortSignal.any keeps: `count` links of a fresh signal to `source`. */
async function bareAnyLinks(source, count) {
  for (let i = 0; i < count; i++) {
    AbortSignal.any([new AbortController().signal, source]);
    if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function retriedCalls(policy, count) {
  for (let i = 0; i < count; i++) {
    let n = 0;
    await policy.execute(() => (n++ === 0 ? Promise.reject(refused()) : 1));
  }
}

/** One ReconnectingSocket through `count` drops and reopens; resolves with the opens seen. */
async function reconnects(count) {
  let opens = 0;
  await new Promise((resolve) => {
    const socket = new ReconnectingSocket('ws://memory.invalid', {
      WebSocket: FlakyWebSocket,
      reconnect: { baseDelayMs: 0 },
      kickLoop: false,
      clock: immediateClock,
    });
    socket.on('open', () => {
      if (++opens >= count) {
        socket.close();
        resolve();
      }
    });
  });
  return opens;
}
