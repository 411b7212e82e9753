import { WebSocket } from 'ws';
import ReconnectingWebSocket from 'reconnecting-websocket';
import PartySocket from 'partysocket/ws';
import { ReconnectingSocket } from '../../.cache/bench/lib/ws.mjs';
import { round, sleep, stats } from '../measure.mjs';
import { startWs } from '../servers.mjs';

const CLIENTS = 200;
const WINDOW_MS = 50;
/** Bounds every wait: connecting all clients, and all of them reopening after the drop. */
const CONNECT_TIMEOUT_MS = 15_000;
const REOPEN_TIMEOUT_MS = 15_000;

/** Each library with its defaults, given ws's WebSocket class. Normalised to: onOpen(cb), close(). */
const LIBRARIES = [
  {
    label: 'faultline ReconnectingSocket',
    open(url, onOpen) {
      const s = new ReconnectingSocket(url, { WebSocket });
      s.on('open', onOpen);
      return () => s.close();
    },
  },
  {
    label: 'reconnecting-websocket',
    open(url, onOpen) {
      const s = new ReconnectingWebSocket(url, [], { WebSocket });
      s.addEventListener('open', onOpen);
      return () => s.close();
    },
  },
  {
    label: 'partysocket',
    open(url, onOpen) {
      const s = new PartySocket(url, [], { WebSocket });
      s.addEventListener('open', onOpen);
      return () => s.close();
    },
  },
];

/**
 * 6. 200 clients are connected; the server drops every connection without a closing handshake
 * (the clients see 1006). Per library with its defaults: the median time from the drop to the
 * client's next open, and the largest share of the 200 reopening within one 50 ms window (the
 * thundering herd a restarted server faces).
 */
export default async function sockets() {
  const results = [];
  for (const lib of LIBRARIES) results.push({ label: lib.label, ...(await oneLibrary(lib)) });
  return {
    tables: [
      {
        title: `6. Sockets: time from a 1006 drop to the next open (median of ${CLIENTS} clients)`,
        unit: 'ms',
        rows: results.map((r) => ({ label: r.label, value: round(r.p50), slowestMs: r.max, reopened: r.reopened })),
      },
      {
        title: `6. Sockets: largest share of ${CLIENTS} dropped clients reconnecting within one ${WINDOW_MS} ms window`,
        unit: '%',
        rows: results.map((r) => ({ label: r.label, value: round(r.herd) })),
      },
    ],
  };
}

async function oneLibrary(lib) {
  const server = await startWs();
  const opens = Array.from({ length: CLIENTS }, () => []);
  const closers = [];
  try {
    for (let i = 0; i < CLIENTS; i++) closers.push(lib.open(server.url, () => opens[i].push(performance.now())));
    await until(() => opens.every((o) => o.length >= 1) && server.clients === CLIENTS, CONNECT_TIMEOUT_MS);
    await sleep(200);

    const droppedAt = performance.now();
    server.dropAll();
    await until(() => opens.every((o) => o.length >= 2), REOPEN_TIMEOUT_MS);

    const delays = opens.filter((o) => o.length >= 2).map((o) => o[1] - droppedAt);
    return { p50: stats(delays).median, max: Math.round(Math.max(...delays)), reopened: delays.length, herd: (largestWindow(delays) / CLIENTS) * 100 };
  } finally {
    for (const close of closers) close();
    await server.close();
  }
}

/** The most values inside any window of WINDOW_MS. */
function largestWindow(values) {
  const sorted = [...values].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] > WINDOW_MS) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

async function until(condition, timeoutMs) {
  const end = performance.now() + timeoutMs;
  while (!condition() && performance.now() < end) await sleep(10);
}
