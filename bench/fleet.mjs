// Fleets (issue 16): what sharing a policy's gate, budget and breaker through Redis changes, measured
// with 8 real processes (bench/fleet-child.mjs, forked) against a loopback server and a
// redis-server this bench starts on loopback (Debian's redis-server on PATH). Every figure is a
// count (requests, attempts, Redis commands), not a speed: it does not depend on the machine.
//
//   npm run build && node --expose-gc bench/fleet.mjs     (on its own; writes bench/results-fleet.json)
//   npm run bench runs it too (bench/cases/fleet.mjs), its tables going to results.json as well
import { fork, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { table as plainTable } from './measure.mjs';

/** A table whose rows also say their ratio to the baseline row's value. */
function table(title, unit, baseline, rows, note) {
  const base = rows.find((r) => r.label === baseline)?.value;
  return plainTable(title, unit, rows.map((r) => (base ? { ...r, ratio: Number((r.value / base).toFixed(3)) } : r)), note);
}

const SIZE = 8;
const OTHERS = Array.from({ length: SIZE - 1 }, (_, i) => i + 1);
const RETRY_AFTER_S = 2;
const OUTAGE_CALLS = 200;
const SUCCESS_CALLS = 250;

/** The fleet tables; also written to bench/results-fleet.json. */
export async function benchFleet() {
  const redis = await startRedis();
  let prefixes = 0;
  const fleetOf = (servers, policy, store) => startFleet({ redisPort: redis.port, prefix: `bench-fleet-${process.pid}-${++prefixes}`, servers, policy, store });
  const tables = [];
  try {
    tables.push(await retryAfterWindow(fleetOf));
    tables.push(await outage(fleetOf));
    tables.push(await redisCommands(fleetOf, redis.port));
  } finally {
    await redis.stop();
  }
  writeFileSync(
    new URL('./results-fleet.json', import.meta.url),
    JSON.stringify({ node: process.version, platform: `${process.platform} ${process.arch}`, cpus: os.cpus().length, date: new Date().toISOString(), tables }, null, 2) + '\n',
  );
  return tables;
}

/**
 * A server that answers 429 Retry-After: 2 to the first request, 200 after. Process 0 gets the
 * 429; once it has (shared: once every process knows the gate is closed), the 7 others call.
 * Counted: requests that reach the server within the 2 s, the 429 itself aside.
 */
async function retryAfterWindow(fleetOf) {
  const rows = [];
  for (const shared of [false, true]) {
    let answeredAt = 0;
    let answered;
    const limitedOnce = new Promise((resolve) => (answered = resolve));
    const server = await startServer(() => {
      if (answeredAt !== 0) return {};
      answeredAt = Date.now();
      answered();
      return { status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) } };
    });
    const fleet = await fleetOf({ api: server.url }, { maxAttempts: 2 });
    try {
      const call = { server: 'api', path: '/', local: !shared };
      const first = fleet.ask(0, 'call', call);
      if (shared) await Promise.all([0, ...OTHERS].map((i) => fleet.ask(i, 'gated', { server: 'api' })));
      else await limitedOnce;
      const outcomes = await Promise.all([first, ...OTHERS.map((i) => fleet.ask(i, 'call', call))]);
      const after = server.arrivals.slice(1).map((at) => at - answeredAt);
      rows.push({
        label: shared ? 'shared (redisStore)' : 'local (each process its own)',
        value: after.filter((ms) => ms < RETRY_AFTER_S * 1000).length,
        'first after 429 ms': Math.min(...after),
        'calls ok': outcomes.filter((o) => o.ok).length,
      });
    } finally {
      await fleet.stop();
      await server.close();
    }
  }
  return table(
    `Requests sent during a Retry-After window (${SIZE} processes, one 429 Retry-After: ${RETRY_AFTER_S})`,
    'requests within the window, the 429 aside',
    'local (each process its own)',
    rows,
    `process 0 gets the 429; the ${SIZE - 1} others call once it has (shared: once each knows the gate is closed); the server's clock`,
  );
}

/** 8 × 200 calls against a permanent 503: maxAttempts 3, zero delays, the default budget (250 tokens, 5 a retry). */
async function outage(fleetOf) {
  const server = await startServer(() => ({ status: 503 }));
  const fleet = await fleetOf({ down: server.url }, { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 });
  const rows = [];
  try {
    for (const shared of [true, false]) {
      const path = shared ? '/shared' : '/local';
      await fleet.askAll('calls', { server: 'down', path, count: OUTAGE_CALLS, local: !shared });
      const calls = SIZE * OUTAGE_CALLS;
      const attempts = server.count(path);
      rows.push({ label: shared ? 'shared budget (redisStore)' : 'local budget (each process its own)', value: attempts / calls, attempts, calls });
    }
  } finally {
    await fleet.stop();
    await server.close();
  }
  return table(
    `Attempts per call in an outage (${SIZE} processes × ${OUTAGE_CALLS} calls, permanent 503)`,
    'attempts ÷ calls',
    'local budget (each process its own)',
    rows,
    'policy maxAttempts 3, zero delays, default budget; attempts counted by the server',
  );
}

/**
 * Redis round-trips (INFO commandstats, the asking INFO aside) over 8 × 250 calls, after each process
 * started and made one call (a store reads the gate, breaker and budget of a policy when it first
 * uses them, and again once its subscriber is listening). The policy has a breaker too; the
 * store's heartbeat, housekeeping on a timer, is set out of the way.
 */
async function redisCommands(fleetOf, redisPort) {
  const admin = new Redis({ host: '127.0.0.1', port: redisPort });
  const seen = new Set();
  const server = await startServer((request) => {
    if (!request.url.startsWith('/flaky')) return {};
    if (seen.has(request.url)) return {};
    seen.add(request.url);
    return { status: 503 };
  });
  const start = await commandCounts(admin);
  const fleet = await fleetOf(
    { api: server.url },
    { maxAttempts: 2, baseDelayMs: 0, circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 30_000, quorum: 2 } },
    { heartbeatMs: 600_000 },
  );
  const rows = [];
  try {
    await fleet.askAll('call', { server: 'api', path: '/warm' });
    await fleet.askAll('idle');
    const warm = await commandCounts(admin);
    for (const [label, path] of [
      ['success path, nothing gated', '/ok'],
      ['every call retried once (503, then 200)', '/flaky'],
    ]) {
      const before = await commandCounts(admin);
      const results = await fleet.askAll('calls', { server: 'api', path, count: SUCCESS_CALLS });
      await fleet.askAll('idle');
      const after = await commandCounts(admin);
      const calls = SIZE * SUCCESS_CALLS;
      const trips = after.roundTrips - before.roundTrips;
      rows.push({ label, value: trips / calls, 'round-trips': trips, 'commands incl. inside scripts': after.total - before.total, calls, 'calls ok': results.reduce((n, r) => n + r.ok, 0) });
    }
    rows.push({ label: 'start and first call, per process (once)', value: (warm.roundTrips - start.roundTrips) / SIZE });
  } finally {
    await fleet.stop();
    await server.close();
    admin.disconnect();
  }
  return table(
    `Redis round-trips per call (${SIZE} processes × ${SUCCESS_CALLS} calls, fetch and axios, a breaker and the default budget)`,
    'round-trips to Redis ÷ calls',
    'success path, nothing gated',
    rows,
    'INFO commandstats of the bench\'s redis-server; a retried call spends a token and gives it back',
  );
}

/**
 * The store sends only EVALSHA (EVAL when Redis lost a script): those are its round-trips. Redis
 * also counts the commands a script runs inside it (GET, SET, PUBLISH…): `total`.
 */
async function commandCounts(admin) {
  const text = await admin.info('commandstats');
  let roundTrips = 0;
  let total = 0;
  for (const [, name, calls] of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (name === 'info') continue;
    total += Number(calls);
    if (name === 'evalsha' || name === 'eval') roundTrips += Number(calls);
  }
  return { roundTrips, total };
}

/** A loopback HTTP server that notes when each request arrived (Date.now(): the host's one clock). */
async function startServer(answer) {
  const arrivals = [];
  const paths = [];
  const server = http.createServer((req, res) => {
    arrivals.push(Date.now());
    paths.push(req.url);
    req.resume();
    const { status = 200, headers = {} } = answer(req);
    const body = status < 300 ? '{"ok":true}' : `{"error":${status}}`;
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...headers });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    arrivals,
    count: (prefix) => paths.filter((path) => path.startsWith(prefix)).length,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** 8 forked children, each with its own Redis client and store on one prefix. */
async function startFleet({ redisPort, prefix, servers, policy, store }) {
  const pending = new Map();
  let nextId = 0;
  const children = await Promise.all(
    Array.from({ length: SIZE }, (_, index) => {
      const child = fork(new URL('./fleet-child.mjs', import.meta.url), [], {
        env: { ...process.env, FAULTLINE_BENCH_FLEET: JSON.stringify({ index, redisPort, prefix, servers, policy, store }) },
        execArgv: [],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      return new Promise((resolve, reject) => {
        child.on('message', ({ id, ok, value, error }) => {
          if (id === 0) return resolve(child);
          const waiting = pending.get(id);
          pending.delete(id);
          if (ok) waiting?.resolve(value);
          else waiting?.reject(new Error(`fleet child ${index}: ${error}`));
        });
        child.once('exit', (code) => reject(new Error(`fleet child ${index} exited (${code})`)));
      });
    }),
  );
  const ask = (index, cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      children[index].send({ id, cmd, ...args });
    });
  return {
    ask,
    askAll: (cmd, args) => Promise.all(children.map((_, index) => ask(index, cmd, args))),
    stop: () =>
      Promise.all(
        children.map(
          (child, index) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', resolve);
              ask(index, 'stop').catch(() => undefined);
            }),
        ),
      ),
  };
}

/** A redis-server on a free loopback port, nothing persisted. */
async function startRedis() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        child.stdout.resume();
        resolve();
      }
    });
    child.once('error', (error) =>
      reject(error.code === 'ENOENT' ? new Error('bench/fleet.mjs needs redis-server on PATH (Debian: apt-get install -y redis-server)') : error),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`faultline fleet bench: Node ${process.version}, ${os.cpus().length} CPUs, ${SIZE} processes`);
  await benchFleet();
  console.log('\nwrote bench/results-fleet.json');
}
