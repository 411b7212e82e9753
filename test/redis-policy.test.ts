import { expect, test } from 'vitest';
import { redisStore, type RedisPolicyStore } from 'faultline/redis';
import { createError } from '../src/errors.js';
import { createRetryPolicy } from '../src/policy.js';
import { FakeClock } from './helpers/fake-clock.js';
import { connectClient } from './helpers/redis-clients.js';
import { redisForThisFile } from './helpers/redis-per-file.js';

// The policy engine on a redisStore, two "processes" (two clients and stores) in this one, on one
// virtual clock: what the engine does with the fleet's gate and breaker, without forking.

const redis = redisForThisFile();
const { cleanup } = redis;

let prefixes = 0;

async function fleetOf(clock: FakeClock): Promise<[RedisPolicyStore, RedisPolicyStore]> {
  const prefix = `policy-${process.pid}-${++prefixes}`;
  const stores: RedisPolicyStore[] = [];
  for (const processId of ['a', 'b']) {
    const app = await connectClient('ioredis', redis.server.port);
    cleanup.push(() => app.quit());
    const store = redisStore(app.client, { prefix, processId, clock, random: () => 0, timeoutMs: 5_000 });
    cleanup.push(() => store.close());
    stores.push(store);
  }
  return stores as [RedisPolicyStore, RedisPolicyStore];
}

function nextGateNews(store: RedisPolicyStore): Promise<void> {
  return new Promise((resolve) => {
    const off = store.on('update', (update) => {
      if (update.operation !== 'gate') return;
      off();
      resolve();
    });
  });
}

const API = { classify: { url: 'https://api.example.com/1.1/classes/Post' } };
const FILES = { classify: { url: 'https://files.example.com/avatar.png' } };
const rateLimited = (): never => {
  throw createError('rate_limited', { status: 429, retryAfterMs: 30_000 });
};

test("a 429 closes the fleet's gate of that request's host only: another host's calls go out, that host's wait it out", async () => {
  const clock = new FakeClock({ now: 1_000_000 });
  const [a, b] = await fleetOf(clock);
  const policyA = createRetryPolicy({ store: a, clock, maxAttempts: 1 });
  const policyB = createRetryPolicy({ store: b, clock });
  await Promise.all([a.idle(), b.idle()]);
  expect(policyB.direct).toBe(true);

  const heard = nextGateNews(b);
  await expect(policyA.execute(rateLimited, API)).rejects.toMatchObject({ kind: 'rate_limited' });
  await heard;
  const wait = b.gate('default').waitMs(clock.now(), 'api.example.com');
  expect(wait).toBeGreaterThan(29_000);
  expect(b.gate('default').waitMs(clock.now(), 'files.example.com')).toBe(0);
  // Something is closed under the name: calls go through the engine, which reads their host.
  expect(policyB.direct).toBe(false);

  const sent: string[] = [];
  expect(await policyB.execute(() => sent.push('files'), FILES)).toBe(1);
  const held = policyB.execute(() => sent.push('api'), API);
  await clock.advance(wait - 1);
  expect(sent).toEqual(['files']);
  await clock.advance(1);
  expect(await held).toBe(2);
  expect(policyB.direct).toBe(true);
});

test('a call waiting at the gate reads it again when it wakes: an extension heard meanwhile holds it on', async () => {
  const clock = new FakeClock({ now: 1_000_000 });
  const [a, b] = await fleetOf(clock);
  const policyB = createRetryPolicy({ store: b, clock });
  await Promise.all([a.idle(), b.idle()]);
  const gateA = a.gate('default');

  let heard = nextGateNews(b);
  gateA.close(1_000, clock.now(), 'api.example.com');
  await heard;
  let sent = 0;
  const held = policyB.execute(() => ++sent, API);
  heard = nextGateNews(b);
  gateA.close(5_000, clock.now(), 'api.example.com');
  await heard;
  await clock.advance(1_000);
  expect(sent).toBe(0);
  await clock.advance(4_000);
  expect(await held).toBe(1);
});

test("the breaker's own refusal closes no gate: one process's open view does not hold the fleet", async () => {
  const clock = new FakeClock({ now: 1_000_000 });
  const [a] = await fleetOf(clock);
  const policy = createRetryPolicy({ store: a, clock, maxAttempts: 1, circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 60_000, quorum: 2 } });
  await a.idle();
  await expect(policy.execute(() => Promise.reject(createError('unavailable', { status: 503 })), API)).rejects.toMatchObject({ status: 503 });
  expect(policy.circuitBreaker?.state).toBe('open');
  // CIRCUIT_OPEN is 'unavailable' with the time left open as retryAfterMs: not the service's word.
  await expect(policy.execute(() => 'never sent', API)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 60_000 });
  expect(a.gate('default').waitMs(clock.now())).toBe(0);
});
