import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { BreakerConfig, BudgetConfig } from 'faultline/redis';
import { removeFleetBundles, startFleet, type Fleet, type FleetOptions } from './helpers/fleet.js';
import type { CallResult } from './helpers/fleet-http-scenario.js';
import { startServer, type Script, type TestServer } from './helpers/http-server.js';
import { startRedisServer, type RedisServer } from './helpers/redis-server.js';

// Several real Node processes, each with its own Redis connection and store, against one loopback
// HTTP server: the fleet as it runs in production, coordinated by messages.

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
  removeFleetBundles();
});

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const scenario = new URL('./helpers/fleet-http-scenario.ts', import.meta.url);
const BUDGET: BudgetConfig = { capacity: 250, retryCost: 5, timeoutCost: 10, successRefill: 1 };
/** A breaker that stays out of the way of the tests about something else. */
const QUIET_BREAKER: BreakerConfig = { failureThreshold: 1_000_000, halfOpenAfterMs: 60_000, quorum: 2 };
let prefixes = 0;

async function server(script: Script): Promise<TestServer> {
  const http = await startServer(script);
  cleanup.push(() => http.close());
  return http;
}

async function fleetOf(http: TestServer, options: Partial<FleetOptions> & { config?: Record<string, unknown> }): Promise<Fleet> {
  const fleet = await startFleet({
    size: 4,
    scenario,
    redisPort: redis.port,
    prefix: `fleet-${process.pid}-${++prefixes}`,
    // Generous: on a loaded machine a slow answer must not look like an outage here.
    timeoutMs: 10_000,
    ...options,
    config: { baseUrl: http.url, budget: BUDGET, breaker: QUIET_BREAKER, ...options.config },
  });
  cleanup.push(() => fleet.stop());
  return fleet;
}

test('a 429 with Retry-After seen by one process holds every process until it has passed', async () => {
  let limitedAt = 0;
  const sentAt: number[] = [];
  const http = await server(() => {
    if (limitedAt === 0) {
      limitedAt = Date.now();
      return { status: 429, headers: { 'retry-after': '1' } };
    }
    sentAt.push(Date.now());
    return { status: 200, body: { ok: true } };
  });
  const fleet = await fleetOf(http, {});

  expect(await fleet.ask<CallResult>(0, 'call', { path: '/', maxAttempts: 1 })).toEqual({ outcome: 'failed', attempts: 1 });
  // Every process knows the gate is closed, for about the server's second plus its own jitter (≤ 10 %).
  const waits = await fleet.askAll<number>('gated');
  for (const wait of waits) {
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1_100);
  }
  const results = await fleet.askAll<CallResult>('call', { path: '/', maxAttempts: 1 });
  expect(results.map((result) => result.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
  // The host's one clock: no process sent its next request before the second had passed.
  expect(sentAt).toHaveLength(4);
  for (const at of sentAt) expect(at - limitedAt).toBeGreaterThanOrEqual(1_000);
});

test('in an outage the fleet retries within one budget, not one budget per process', async () => {
  const http = await server(() => ({ status: 503 }));
  const calls = { count: 50, path: '/', maxAttempts: 3 };
  const fleet = await fleetOf(http, {});
  const sum = (counts: number[]): number => counts.reduce((total, n) => total + n, 0);
  const sharedAttempts = sum(await fleet.askAll<number>('calls', calls));
  const aloneAttempts = sum(await fleet.askAll<number>('calls', { ...calls, budgetOfItsOwn: true }));
  // 200 calls; a full bucket of 250 pays 50 retries of 5: once for the fleet (1.25 attempts a call),
  // or once per process (2 a call).
  expect(sharedAttempts).toBe(200 + 50);
  expect(aloneAttempts).toBe(200 + 4 * 50);
  expect(http.received).toHaveLength(sharedAttempts + aloneAttempts);
});

test('the breaker opens for the fleet by quorum: one sick process alone does not, two of four do', async () => {
  const http = await server((request) => (request.url === '/down' ? { status: 503 } : { status: 200, body: { ok: true } }));
  const breaker: BreakerConfig = { failureThreshold: 3, halfOpenAfterMs: 60_000, quorum: 2 };
  const fleet = await fleetOf(http, { config: { breaker } });
  const down = { path: '/down', maxAttempts: 1 };
  const up = { path: '/up', maxAttempts: 1 };

  await fleet.ask(0, 'calls', { ...down, count: 3 });
  await fleet.ask(0, 'idle');
  expect(await fleet.askAll('state')).toEqual([{ breaker: 'open' }, { breaker: 'closed' }, { breaker: 'closed' }, { breaker: 'closed' }]);
  for (let i = 1; i < 4; i++) expect(await fleet.ask<CallResult>(i, 'call', up)).toEqual({ outcome: 'ok', attempts: 1 });

  await fleet.ask(1, 'calls', { ...down, count: 3 });
  expect(await fleet.askAll('breakerIs', { state: 'open' })).toEqual(['open', 'open', 'open', 'open']);
  const sent = http.received.length;
  const results = await fleet.askAll<CallResult>('call', up);
  expect(results).toEqual(Array.from({ length: 4 }, () => ({ outcome: 'circuit-open', attempts: 0 })));
  expect(http.received).toHaveLength(sent);
});
