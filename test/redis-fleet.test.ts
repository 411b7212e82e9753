import { afterAll, expect, test } from 'vitest';
import { removeFleetBundles, startFleet, type Fleet, type FleetOptions } from './helpers/fleet.js';
import type { CallOutcome, CallRequest, PolicyConfig, Tally } from './helpers/fleet-policy-scenario.js';
import { startFleetServer, type Handler, type FleetServer } from './helpers/fleet-server.js';
import { connectClient, type AppClient } from './helpers/redis-clients.js';
import { redisForThisFile } from './helpers/redis-per-file.js';
import { startRedisServer } from './helpers/redis-server.js';

// Issue 16's acceptance, as production runs it: 8 real Node processes (forked), each with its own
// Redis client (ioredis in even ones, node-redis in odd ones), one retry policy on a redisStore,
// and the real adapters (fetch in even processes, axios in odd ones, a ReconnectingSocket) calling
// loopback servers. The test coordinates them by messages and waits for events, never for time,
// except where the behaviour is a wait (a server's Retry-After). Breaker times run on each child's
// clock, which the test moves.

const SIZE = 8;
const all = Array.from({ length: SIZE }, (_, i) => i);
const FLEET_TIMEOUT_MS = 90_000;

const file = redisForThisFile();
const { cleanup } = file;
afterAll(removeFleetBundles);

const scenario = new URL('./helpers/fleet-policy-scenario.ts', import.meta.url);
let prefixes = 0;

async function server(handler: Handler): Promise<FleetServer> {
  const http = await startFleetServer(handler);
  cleanup.push(() => http.close());
  return http;
}

async function admin(port = file.server.port): Promise<AppClient> {
  const client = await connectClient('ioredis', port);
  cleanup.push(() => client.quit());
  return client;
}

async function fleetOf(config: PolicyConfig, options: Partial<FleetOptions> = {}): Promise<Fleet & { prefix: string }> {
  const prefix = `fleet-${process.pid}-${++prefixes}`;
  const fleet = await startFleet({
    size: SIZE,
    scenario,
    redisPort: file.server.port,
    prefix,
    flavor: 'mixed',
    // Generous: on a loaded machine a slow answer must not look like an outage here.
    timeoutMs: 10_000,
    ...options,
    config: config as unknown as Record<string, unknown>,
  });
  cleanup.push(() => fleet.stop());
  return Object.assign(fleet, { prefix });
}

const CIRCUIT_OPEN = { ok: false, kind: 'unavailable', code: 'CIRCUIT_OPEN' };

test(
  'one policy on the store, used by fetch, axios and a socket in 8 processes: one budget and one breaker under the provider\'s name, one gate per host',
  async () => {
    const limited = await server(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    const api = await server((request) => (request.path.startsWith('/down') ? { status: 503 } : {}));
    const realtime = await server(() => ({ status: 503 })); // every WebSocket handshake refused
    const fleet = await fleetOf({
      servers: { limited: limited.url, api: api.url },
      provider: 'leancloud',
      policy: { maxAttempts: 1, circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 60_000, quorum: 2 } },
    });
    const redisAdmin = await admin();
    const key = (part: string): string => `${fleet.prefix}:{leancloud}:${part}`;

    // No name given: the provider's. Every process joined the one breaker kept under it.
    expect(await fleet.askAll('name')).toEqual(all.map(() => 'leancloud'));
    await fleet.askAll('idle');
    expect(Number(await redisAdmin.command('ZCARD', key('breaker:processes')))).toBe(SIZE);

    // A 429 with Retry-After: 30 seen by one process closes the gate of that host for all...
    expect(await fleet.ask<CallOutcome>(0, 'call', { server: 'limited', path: '/' })).toMatchObject({ ok: false, kind: 'rate_limited', status: 429 });
    for (const wait of await fleet.askAll<number>('gated', { server: 'limited' })) {
      expect(wait).toBeGreaterThan(29_000);
      expect(wait).toBeLessThanOrEqual(31_000); // 30 s + each process's jitter (10 %, at most 1 s)
    }
    // ...and a call whose deadline the wait does not fit fails fast, typed, without being sent.
    const gated = await fleet.askAll<CallOutcome>('call', { server: 'limited', path: '/', deadlineMs: 5_000 });
    expect(gated).toEqual(all.map(() => ({ ok: false, kind: 'rate_limited', code: 'RETRY_AFTER_GATE', status: undefined })));
    expect(limited.arrivals).toHaveLength(1);
    // The other host of the same policy is not held.
    expect(await fleet.askAll('gateWait', { server: 'api' })).toEqual(all.map(() => 0));
    expect(await fleet.askAll('call', { server: 'api', path: '/up' })).toEqual(all.map(() => ({ ok: true })));

    // The socket in process 7 shares the policy: its refused handshakes open its view of the breaker
    // and are reported to the fleet; one more process failing over HTTP makes the quorum of two.
    await fleet.ask(SIZE - 1, 'openSocket', { url: `${realtime.url.replace('http', 'ws')}/socket` });
    await fleet.ask(SIZE - 1, 'breakerIs', { state: 'open' });
    expect(await fleet.ask(0, 'state')).toBe('closed');
    await fleet.ask(0, 'calls', { server: 'api', path: '/down', count: 2 });
    expect(await fleet.askAll('breakerIs', { state: 'open' })).toEqual(all.map(() => 'open'));
    const sent = api.arrivals.length;
    expect(await fleet.askAll<CallOutcome>('call', { server: 'api', path: '/up' })).toEqual(all.map(() => expect.objectContaining(CIRCUIT_OPEN)));
    expect(api.arrivals).toHaveLength(sent);

    // The socket's reconnects were paid from the fleet's one budget (default: 250 tokens, 5 a retry).
    const handshakes = realtime.count('/socket');
    expect(handshakes).toBeGreaterThanOrEqual(2);
    await fleet.ask(SIZE - 1, 'closeSocket');
    await fleet.askAll('idle');
    expect(Number(await redisAdmin.command('GET', key('budget')))).toBe(250 - 5 * handshakes);
  },
  FLEET_TIMEOUT_MS,
);

test(
  'a 429 Retry-After: 2 answered once: no process of 8 sends its next request to that server before the 2 s have passed',
  async () => {
    let answeredAt = 0;
    const api = await server(() => {
      if (answeredAt !== 0) return {};
      answeredAt = Date.now();
      return { status: 429, headers: { 'retry-after': '2' } };
    });
    const fleet = await fleetOf({ servers: { api: api.url }, policy: { maxAttempts: 2 } });
    const call: CallRequest = { server: 'api', path: '/' };

    // Process 0 gets the 429; its call waits out the Retry-After, then retries.
    const first = fleet.ask<CallOutcome>(0, 'call', call);
    // Every process hears of the gate (by message, well within the 2 s), then calls.
    for (const wait of await fleet.askAll<number>('gated', { server: 'api' })) expect(wait).toBeGreaterThan(0);
    const others = await Promise.all(all.slice(1).map((i) => fleet.ask<CallOutcome>(i, 'call', call)));
    expect([await first, ...others]).toEqual(all.map(() => ({ ok: true })));

    // The server's clock: one 429, then every process's next request, none within the window.
    const next = api.arrivals.slice(1);
    expect(next).toHaveLength(SIZE);
    for (const request of next) expect(request.at - answeredAt).toBeGreaterThanOrEqual(2_000);
  },
  FLEET_TIMEOUT_MS,
);

test(
  'a permanent 503, 8 processes × 200 calls, maxAttempts 3, no delays, default budget: ≤ 1.1 attempts a call shared, 1.25 with a budget per process',
  async () => {
    const down = await server(() => ({ status: 503 }));
    const fleet = await fleetOf({ servers: { down: down.url }, policy: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 } });
    const calls = { server: 'down', count: 200 };
    const sum = (tallies: Tally[]): number => tallies.reduce((total, tally) => total + tally.failed, 0);

    expect(sum(await fleet.askAll<Tally>('calls', { ...calls, path: '/shared' }))).toBe(1_600);
    expect(sum(await fleet.askAll<Tally>('calls', { ...calls, path: '/local', local: true }))).toBe(1_600);
    const shared = down.count('/shared') / 1_600;
    const local = down.count('/local') / 1_600;
    // 250 tokens at 5 a retry pay 50 retries: once for the fleet, or once in each process.
    expect(shared).toBeLessThanOrEqual(1.1);
    expect(down.count('/shared')).toBe(1_600 + 50);
    expect(local).toBe(1.25);
  },
  FLEET_TIMEOUT_MS,
);

test(
  'the breaker by quorum: one sick process of 8 opens only its own view; reports spread over more than a window do not add up; three within one open it everywhere; one half-open probe at a time',
  async () => {
    /** What a request to /up waits for before its answer (the probe, held while the test looks). */
    const upstream = { hold: Promise.resolve() };
    const api = await server(async (request) => {
      if (request.path === '/down') return { status: 503 };
      await upstream.hold;
      return {};
    });
    const fleet = await fleetOf({ servers: { api: api.url }, policy: { maxAttempts: 1, circuitBreaker: { failureThreshold: 3, halfOpenAfterMs: 10_000, quorum: 3 } } });
    const down = { server: 'api', path: '/down', count: 3 };
    const up: CallRequest = { server: 'api', path: '/up' };
    const states = (): Promise<unknown[]> => fleet.askAll('state');

    await fleet.ask(0, 'calls', down);
    await fleet.ask(0, 'idle');
    expect(await states()).toEqual(['open', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed']);
    for (const i of all.slice(1)) expect(await fleet.ask(i, 'call', up)).toEqual({ ok: true });

    // A window later process 0's report has lapsed: two more reporters are still not three.
    await fleet.askAll('advance', { ms: 10_001 });
    await fleet.ask(1, 'calls', down);
    await fleet.ask(2, 'calls', down);
    await Promise.all([fleet.ask(1, 'idle'), fleet.ask(2, 'idle')]);
    expect((await states()).slice(3)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed']);

    // A third within the window: open everywhere, and no process sends anything.
    await fleet.ask(3, 'calls', down);
    expect(await fleet.askAll('breakerIs', { state: 'open' })).toEqual(all.map(() => 'open'));
    const sent = api.count('/up');
    expect(await fleet.askAll('call', up)).toEqual(all.map(() => expect.objectContaining(CIRCUIT_OPEN)));
    expect(api.count('/up')).toBe(sent);

    // Half-open: each process's first call fails fast while it asks Redis for the probe lock.
    await fleet.askAll('advance', { ms: 10_001 });
    let release = (): void => undefined;
    upstream.hold = new Promise((resolve) => (release = resolve));
    expect(await fleet.askAll('call', up)).toEqual(all.map(() => expect.objectContaining(CIRCUIT_OPEN)));
    await fleet.askAll('idle');
    // Then one process of the fleet sends the probe (the server holds it); the seven others fail fast.
    const probeArrived = api.next((request) => request.path === '/up');
    const settled = new Set<number>();
    const outcomes = all.map((i) => fleet.ask<CallOutcome>(i, 'call', up).then((outcome) => (settled.add(i), outcome)));
    await probeArrived;
    const others = await waitForSettled(outcomes, settled, SIZE - 1);
    const owner = all.find((i) => !settled.has(i))!;
    for (const i of others) expect(await outcomes[i]).toMatchObject(CIRCUIT_OPEN);
    // While the probe is out, nobody else gets through.
    expect(await Promise.all(others.map((i) => fleet.ask(i, 'call', up)))).toEqual(others.map(() => expect.objectContaining(CIRCUIT_OPEN)));
    expect(api.count('/up')).toBe(sent + 1);

    // The probe succeeds: closed everywhere, and every process's calls go through again.
    release();
    expect(await outcomes[owner]).toEqual({ ok: true });
    expect(await fleet.askAll('breakerIs', { state: 'closed' })).toEqual(all.map(() => 'closed'));
    expect(await fleet.askAll('call', up)).toEqual(all.map(() => ({ ok: true })));
  },
  FLEET_TIMEOUT_MS,
);

/** Resolves with the indexes of the first `count` calls to settle. */
async function waitForSettled(outcomes: Promise<unknown>[], settled: Set<number>, count: number): Promise<number[]> {
  while (settled.size < count) await Promise.race(outcomes.filter((_, i) => !settled.has(i)));
  return [...settled];
}

test(
  'Redis killed mid-run: every call of 8 busy processes settles and none fails for it, each falls back and says so; restarted, each recovers and shared state resumes',
  async () => {
    const own = await startRedisServer();
    cleanup.push(() => own.stop());
    // Each call's first attempt fails, its retry succeeds: every call asks the budget, so Redis.
    const seen = new Set<string>();
    const flaky = await server((request) => {
      const id = request.query.call ?? '';
      if (seen.has(id)) return {};
      seen.add(id);
      return { status: 503 };
    });
    const limited = await server(() => ({ status: 429, headers: { 'retry-after': '60' } }));
    const fleet = await fleetOf(
      { servers: { flaky: flaky.url, limited: limited.url }, policy: { maxAttempts: 2, baseDelayMs: 0 } },
      // The bound each call may wait on Redis: short, as in production, but no outage on a busy machine.
      { redisPort: own.port, timeoutMs: 1_000 },
    );
    const busy = (): Promise<unknown[]> => Promise.all(all.map((i) => fleet.nextEvent(i, 'loop')));

    await fleet.askAll('startLoop', { server: 'flaky', path: '/flaky' });
    await busy();
    const fallbacks = Promise.all(all.map((i) => fleet.nextEvent(i, 'fallback')));
    await own.kill();
    expect(await fallbacks).toEqual(all.map(() => expect.objectContaining({ operation: 'budget' })));
    expect(await fleet.askAll('degraded')).toEqual(all.map(() => true));
    await busy(); // 20 more calls each, Redis away

    const recovered = Promise.all(all.map((i) => fleet.nextEvent(i, 'recovered')));
    await own.restart();
    await recovered;
    await busy();
    const tallies = await fleet.askAll<Tally & { calls: number }>('stopLoop');
    for (const tally of tallies) {
      expect(tally.calls).toBeGreaterThanOrEqual(60);
      expect(tally.codes).toEqual({});
      expect(tally).toMatchObject({ failed: 0, ok: tally.calls });
    }

    // Shared again: a gate one process closes holds every process. (The call's deadline is shorter
    // than the Retry-After: it gives up at once instead of waiting the minute out.)
    expect(await fleet.ask<CallOutcome>(0, 'call', { server: 'limited', path: '/', deadlineMs: 5_000 })).toMatchObject({ ok: false, status: 429 });
    for (const wait of await fleet.askAll<number>('gated', { server: 'limited' })) expect(wait).toBeGreaterThan(59_000);
  },
  FLEET_TIMEOUT_MS,
);

/** Commands Redis ran, by name (INFO commandstats), without the INFO that asks. */
async function commandCounts(client: AppClient): Promise<Map<string, number>> {
  const text = String(await client.command('INFO', 'commandstats'));
  const counts = new Map<string, number>();
  for (const [, name, calls] of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (name !== 'info') counts.set(name!, Number(calls));
  }
  return counts;
}

test(
  'the success path costs Redis nothing: 8 processes × 100 successful calls through fetch and axios, with a breaker and the budget, send no command',
  async () => {
    const api = await server(() => ({}));
    const fleet = await fleetOf(
      { servers: { api: api.url }, policy: { circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 30_000, quorum: 2 } } },
      // No heartbeat during the count: it is housekeeping on a timer, not part of a call.
      { store: { heartbeatMs: 600_000 } },
    );
    // First use: each process reads its gate, breaker and budget once.
    expect(await fleet.askAll('call', { server: 'api', path: '/warm' })).toEqual(all.map(() => ({ ok: true })));
    await fleet.askAll('idle');
    const redisAdmin = await admin();
    const before = await commandCounts(redisAdmin);

    const tallies = await fleet.askAll<Tally>('calls', { server: 'api', path: '/', count: 100 });
    expect(tallies.reduce((total, tally) => total + tally.ok, 0)).toBe(800);
    await fleet.askAll('idle');
    const after = await commandCounts(redisAdmin);
    const sent = [...after].filter(([name, calls]) => calls !== (before.get(name) ?? 0));
    expect(sent).toEqual([]);
  },
  FLEET_TIMEOUT_MS,
);
