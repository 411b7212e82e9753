// A loopback HTTP server in its own process, so the server's work does not share the benchmark's
// event loop. The parent (bench/servers.mjs) drives it over IPC: switch behaviour, read counters.
import http from 'node:http';
import { seeded } from './measure.mjs';

const OK_BODY = '{"ok":true}';
const FAIL_BODY = '{"error":"unavailable"}';
let mode = { kind: 'ok' };
let random = Math.random;
let requests = 0;
let failures = 0;
/** Requests per first path segment, so clients running at once can be told apart. */
let byPrefix = {};

function ok(res) {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': OK_BODY.length });
  res.end(OK_BODY);
}

function unavailable(res, retryAfter) {
  failures++;
  const headers = { 'content-type': 'application/json', 'content-length': FAIL_BODY.length };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  res.writeHead(503, headers);
  res.end(FAIL_BODY);
}

const server = http.createServer((req, res) => {
  requests++;
  const prefix = req.url.split('/')[1] ?? '';
  byPrefix[prefix] = (byPrefix[prefix] ?? 0) + 1;
  req.resume();
  if (mode.kind === 'unavailable') return unavailable(res, mode.retryAfter);
  if (mode.kind === 'flaky' && random() < mode.rate) return unavailable(res, mode.retryAfter);
  ok(res);
});
server.keepAliveTimeout = 30_000;

process.on('message', (msg) => {
  switch (msg.cmd) {
    case 'mode':
      mode = msg.mode;
      if (mode.seed !== undefined) random = seeded(mode.seed);
      if (msg.reset) {
        requests = failures = 0;
        byPrefix = {};
      }
      break;
    case 'close':
      server.closeAllConnections();
      server.close(() => process.disconnect());
      return;
  }
  process.send({ id: msg.id, requests, failures, byPrefix });
});

server.listen(0, '127.0.0.1', () => process.send({ id: 0, port: server.address().port }));
