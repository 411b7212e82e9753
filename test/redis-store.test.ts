import { describe, expect, test, vi } from 'vitest';
import { redisStore, type BreakerConfig, type BudgetConfig, type RedisPolicyStore, type RedisStoreOptions, type StoreEvent } from 'faultline/redis';
import { createError, isFaultlineError } from '../src/errors.js';
import { connectClient, FLAVORS, type AppClient, type Flavor } from './helpers/redis-clients.js';
import { startRedisServer } from './helpers/redis-server.js';
import { redisForThisFile } from './helpers/redis-per-file.js';

const redis = redisForThisFile();
const { cleanup } = redis;

let prefixes = 0;
/** Each test its own namespace: nothing one test leaves in Redis reaches another. */
const uniquePrefix = (): string => `test-${process.pid}-${++prefixes}`;

/** The clock of one process; "hosts" with clocks that disagree get different start times. */
class FakeClock {
  constructor(public t = 1_000_000) {}
  now = (): number => this.t;
}

async function appClient(flavor: Flavor, port = redis.server.port): Promise<AppClient> {
  const client = await connectClient(flavor, port);
  cleanup.push(() => client.quit());
  return client;
}

/** A store as one process of the fleet would make it. The generous bound keeps a busy machine from looking like an outage. */
function storeOf(client: AppClient, options: RedisStoreOptions): RedisPolicyStore {
  const store = redisStore(client.client, { timeoutMs: 5_000, ...options });
  cleanup.push(() => store.close());
  return store;
}

/** `count` processes: each its own connection and store, all on one prefix. */
async function fleetOf(flavor: Flavor, count: number, options: RedisStoreOptions): Promise<RedisPolicyStore[]> {
  const stores: RedisPolicyStore[] = [];
  for (let i = 0; i < count; i++) stores.push(storeOf(await appClient(flavor), { processId: `process-${i}`, ...options }));
  return stores;
}

function nextEvent(store: RedisPolicyStore, event: 'fallback' | 'recovered'): Promise<StoreEvent> {
  return new Promise((resolve) => {
    const off = store.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

/** Resolves when `store` learns of a change another process made to the gate or breaker `name`. */
function nextUpdate(store: RedisPolicyStore, operation: 'gate' | 'breaker' | 'budget', name: string): Promise<void> {
  return new Promise((resolve) => {
    const off = store.on('update', (update) => {
      if (update.operation !== operation || update.name !== name) return;
      off();
      resolve();
    });
  });
}

function recordEvents(store: RedisPolicyStore, event: 'fallback' | 'recovered'): StoreEvent[] {
  const events: StoreEvent[] = [];
  store.on(event, (payload) => events.push(payload));
  return events;
}

const idle = (stores: readonly RedisPolicyStore[]): Promise<unknown> => Promise.all(stores.map((store) => store.idle()));

const BUDGET: BudgetConfig = { capacity: 100, retryCost: 5, timeoutCost: 10, successRefill: 1 };
const BREAKER: BreakerConfig = { failureThreshold: 2, halfOpenAfterMs: 10_000, quorum: 2 };
const serverDown = createError('unavailable', { status: 503 });

describe.each(FLAVORS)('redisStore over %s', (flavor) => {
  describe('budget', () => {
    test('processes spend one bucket atomically: capacity 100 at 5 a retry pays exactly 20 of 60 concurrent retries', async () => {
      const prefix = uniquePrefix();
      const stores = await fleetOf(flavor, 3, { prefix });
      const fallbacks = stores.flatMap((store) => recordEvents(store, 'fallback'));
      const budgets = stores.map((store) => store.budget('api', BUDGET));
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => budgets[i % 3]!.tryAcquire(5)));
      expect(answers.filter(Boolean)).toHaveLength(20);
      expect(fallbacks).toEqual([]);
      const admin = await appClient(flavor);
      expect(await admin.command('GET', `${prefix}:{api}:budget`)).toBe('0');
    });

    test("successes cost no round-trip: none at all while the fleet's bucket is full; once a process spends, one call per flush until it is full again", async () => {
      const prefix = uniquePrefix();
      const [spender] = await fleetOf(flavor, 1, { prefix });
      const spend = spender!.budget('api', BUDGET);
      const app = await appClient(flavor);
      const store = storeOf(app, { prefix });
      const budget = store.budget('api', BUDGET);
      await idle([spender!, store]); // each read the level once, on first use: full
      const command = vi.spyOn(app.client as unknown as Record<string, (...args: unknown[]) => unknown>, flavor === 'ioredis' ? 'evalsha' : 'sendCommand');
      for (let i = 0; i < 1_000; i++) budget.recordSuccess(false);
      await store.flush();
      expect(command).not.toHaveBeenCalled();

      // Another process spends: this one hears the bucket is below capacity, and its successes count.
      const below = nextUpdate(store, 'budget', 'api');
      while (await spend.tryAcquire(5));
      await below;
      for (let i = 0; i < 1_000; i++) budget.recordSuccess(false);
      expect(command).not.toHaveBeenCalled();
      const full = nextUpdate(spender!, 'budget', 'api');
      await store.flush();
      expect(command).toHaveBeenCalledTimes(1);
      await full; // the refill filled it, and the fleet heard
      const belowAgain = nextUpdate(store, 'budget', 'api');
      let paid = 0;
      while (await spend.tryAcquire(5)) paid++;
      expect(paid).toBe(20); // 1,000 refills, capped at the capacity of 100

      // A successful retry gives back what it spent, at once (no flush: only the call is awaited).
      await belowAgain;
      budget.recordSuccess(true);
      await store.idle();
      expect(await spend.tryAcquire(5)).toBe(true);
      expect(await spend.tryAcquire(5)).toBe(false);
    });
  });

  test('Redis forgetting the scripts (SCRIPT FLUSH, a restart, a failover) costs no fallback: EVAL loads them again', async () => {
    const store = storeOf(await appClient(flavor), { prefix: uniquePrefix() });
    const fallbacks = recordEvents(store, 'fallback');
    const budget = store.budget('api', BUDGET);
    expect(await budget.tryAcquire(5)).toBe(true);
    const admin = await appClient(flavor);
    await admin.command('SCRIPT', 'FLUSH');
    expect(await budget.tryAcquire(5)).toBe(true);
    expect(budget.available).toBe(90);
    expect(fallbacks).toEqual([]);
  });

  describe('gate', () => {
    test('closed by one process, it holds the others at once, each with its own jitter, whatever their clocks say', async () => {
      const prefix = uniquePrefix();
      const here = new FakeClock(1_000_000);
      // Another host whose clock is an hour ahead: the delay travels, not an end time.
      const there = new FakeClock(1_000_000 + 3_600_000);
      const a = storeOf(await appClient(flavor), { prefix, clock: here, random: () => 0.5 });
      const b = storeOf(await appClient(flavor), { prefix, clock: there, random: () => 0.25 });
      const gateA = a.gate('api');
      const gateB = b.gate('api');
      await idle([a, b]);
      expect(gateB.waitMs(there.now())).toBe(0);

      const seen = nextUpdate(b, 'gate', 'api');
      gateA.close(2_000, here.now());
      expect(gateA.waitMs(here.now())).toBe(2_100); // 2 s + half of the 10 % jitter
      await seen;
      const wait = gateB.waitMs(there.now());
      // 2 s (less the few ms Redis's own clock saw pass if B read it rather than heard it) + 50 ms jitter.
      expect(wait).toBeGreaterThan(1_950);
      expect(wait).toBeLessThanOrEqual(2_050);
      there.t += wait;
      expect(gateB.waitMs(there.now())).toBe(0);
    });

    test('a gate only ever extends: a shorter delay never opens it earlier, here or in Redis', async () => {
      const prefix = uniquePrefix();
      const clock = new FakeClock();
      const [a, b] = await fleetOf(flavor, 2, { prefix, clock, random: () => 0 });
      a!.gate('api').close(60_000, clock.now());
      await a!.idle();
      const gateB = b!.gate('api');
      gateB.close(1_000, clock.now());
      await b!.idle();
      expect(gateB.waitMs(clock.now())).toBeGreaterThan(59_000);
      const admin = await appClient(flavor);
      expect(Number(await admin.command('PTTL', `${prefix}:{api}:gates`))).toBeGreaterThan(59_000);
    });

    test('a gate holds the host that said "wait", not the other hosts of the name; the name-wide one holds them all', async () => {
      const prefix = uniquePrefix();
      const clock = new FakeClock();
      const [a, b] = await fleetOf(flavor, 2, { prefix, clock, random: () => 0 });
      const gateA = a!.gate('api');
      const gateB = b!.gate('api');
      await idle([a!, b!]);
      expect(gateB.waitMs(clock.now())).toBe(0);
      const heard = nextUpdate(b!, 'gate', 'api');
      gateA.close(10_000, clock.now(), 'api.example.com');
      await heard;
      expect(gateB.waitMs(clock.now(), 'api.example.com')).toBeGreaterThan(9_000);
      expect(gateB.waitMs(clock.now(), 'files.example.com')).toBe(0);
      // Without a host: is anything closed under this name (what policy.direct asks)?
      expect(gateB.waitMs(clock.now())).toBeGreaterThan(9_000);

      const heardWide = nextUpdate(b!, 'gate', 'api');
      gateA.close(20_000, clock.now());
      await heardWide;
      expect(gateB.waitMs(clock.now(), 'files.example.com')).toBeGreaterThan(19_000);
      clock.t += 20_000;
      expect(gateB.waitMs(clock.now())).toBe(0);
      // A process that starts now reads every host's gate that is still closed in Redis (both have
      // a fake clock: Redis's clock alone says they are still closed).
      const c = storeOf(await appClient(flavor), { prefix, clock, random: () => 0 });
      const gateC = c.gate('api');
      await c.idle();
      expect(gateC.waitMs(clock.now(), 'api.example.com')).toBeGreaterThan(9_000);
      expect(gateC.waitMs(clock.now(), 'files.example.com')).toBeGreaterThan(19_000);
    });

    test('a process that starts while the gate is closed learns it when it first uses the gate', async () => {
      const prefix = uniquePrefix();
      const clock = new FakeClock();
      const [a] = await fleetOf(flavor, 1, { prefix, clock });
      a!.gate('api').close(30_000, clock.now());
      await a!.idle();
      const late = new FakeClock(42);
      const c = storeOf(await appClient(flavor), { prefix, clock: late, random: () => 0 });
      const gate = c.gate('api');
      await c.idle();
      expect(gate.waitMs(late.now())).toBeGreaterThan(29_000);
      expect(gate.waitMs(late.now())).toBeLessThanOrEqual(30_000);
      expect(c.gate('other').waitMs(late.now())).toBe(0);
    });
  });

  describe('breaker', () => {
    async function breakers(config: BreakerConfig, count = 4) {
      const clock = new FakeClock();
      const prefix = uniquePrefix();
      const stores = await fleetOf(flavor, count, { prefix, clock });
      const views = stores.map((store) => store.breaker('api', config));
      await idle(stores);
      return { prefix, clock, stores, views };
    }

    /**
     * Processes 0 and 1 (the quorum of 2) each see their run of failures; resolves when every process
     * knows the fleet opened (the one whose report made the quorum from its answer, the others from the message).
     */
    async function openFleet({ stores, views }: Awaited<ReturnType<typeof breakers>>): Promise<void> {
      const heard = stores.map((store) => nextUpdate(store, 'breaker', 'api'));
      for (const view of views.slice(0, 2)) {
        view.recordFailure(serverDown);
        view.recordFailure(serverDown);
      }
      await Promise.all(heard);
      await idle(stores);
    }

    test('one process\'s failures open only its own view; the quorum\'s open it everywhere', async () => {
      const fleet = await breakers(BREAKER);
      const { stores, views } = fleet;
      const changes: unknown[] = [];
      views[3]!.on('stateChange', (change) => changes.push(change));

      views[0]!.recordFailure(serverDown);
      views[0]!.recordFailure(serverDown);
      await idle(stores);
      expect(views.map((view) => view.state)).toEqual(['open', 'closed', 'closed', 'closed']);
      expect(views[1]!.admit()).toBeUndefined();

      await openFleet(fleet);
      expect(views.map((view) => view.state)).toEqual(['open', 'open', 'open', 'open']);
      const refused = views[3]!.admit();
      expect(isFaultlineError(refused) && refused.kind).toBe('unavailable');
      expect(refused).toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 10_000 });
      expect(changes).toEqual([{ from: 'closed', to: 'open' }]);
    });

    test('failures that are not server faults, or reports older than the window, do not add up to a quorum', async () => {
      const { clock, stores, views } = await breakers(BREAKER);
      const notFound = createError('not_found', { status: 404 });
      for (const view of views) {
        view.recordFailure(notFound);
        view.recordFailure(notFound);
      }
      views[0]!.recordFailure(serverDown);
      views[0]!.recordFailure(serverDown);
      await idle(stores);
      clock.t += BREAKER.halfOpenAfterMs + 1;
      views[1]!.recordFailure(serverDown);
      views[1]!.recordFailure(serverDown);
      await idle(stores);
      expect(views.slice(2).map((view) => view.state)).toEqual(['closed', 'closed']);
    });

    test('a quorum given as a share counts the processes alive, and never lets one of them open it for the fleet', async () => {
      const fleet = await breakers({ ...BREAKER, quorum: 0.1 });
      const { stores, views } = fleet;
      views[0]!.recordFailure(serverDown);
      views[0]!.recordFailure(serverDown);
      await idle(stores);
      expect(views[2]!.state).toBe('closed');
      await openFleet(fleet);
      expect(views.map((view) => view.state)).toEqual(['open', 'open', 'open', 'open']);
    });

    test('half-open: one process of the fleet at a time owns the probe, its success closes every view', async () => {
      const fleet = await breakers(BREAKER);
      const { clock, stores, views } = fleet;
      await openFleet(fleet);
      clock.t += BREAKER.halfOpenAfterMs;
      expect(views.map((view) => view.state)).toEqual(['half-open', 'half-open', 'half-open', 'half-open']);
      // The first call of each process fails fast while it asks for the probe, briefly.
      for (const view of views) expect(view.admit()).toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 5_000 });
      await idle(stores);
      const second = views.map((view) => view.admit());
      const probes = second.flatMap((refusal, index) => (refusal === undefined ? [index] : []));
      expect(probes).toHaveLength(1);
      for (const refusal of second.filter(Boolean)) expect(refusal!.retryAfterMs).toBeGreaterThan(9_000);
      const probe = probes[0]!;
      // Still one probe: the owner's next call waits for the verdict too.
      expect(views[probe]!.admit()).toMatchObject({ code: 'CIRCUIT_OPEN' });

      const others = stores.filter((_, index) => index !== probe);
      const heard = others.map((store) => nextUpdate(store, 'breaker', 'api'));
      views[probe]!.recordSuccess();
      expect(views[probe]!.state).toBe('closed');
      await Promise.all(heard);
      expect(views.map((view) => view.state)).toEqual(['closed', 'closed', 'closed', 'closed']);
      expect(views.map((view) => view.admit())).toEqual([undefined, undefined, undefined, undefined]);
    });

    test('the probe lock is short until its owner starts the probe, then lasts the probe\'s time', async () => {
      const long = { ...BREAKER, halfOpenAfterMs: 600_000 };
      const fleet = await breakers(long, 2);
      const { clock, prefix, stores, views } = fleet;
      const heard = stores.map((store) => nextUpdate(store, 'breaker', 'api'));
      for (const view of views) {
        view.recordFailure(serverDown);
        view.recordFailure(serverDown);
      }
      await Promise.all(heard);
      clock.t += long.halfOpenAfterMs;
      views[0]!.admit();
      await idle(stores);
      const admin = await appClient(flavor);
      const lockLeft = async (): Promise<number> => Number(await admin.command('PTTL', `${prefix}:{api}:breaker:probe`));
      // 20 × timeoutMs (5 s here): long enough for the owner's caller to come back, far less than 10 minutes.
      expect(await lockLeft()).toBeLessThanOrEqual(100_000);
      expect(views[0]!.admit()).toBeUndefined();
      await idle(stores);
      expect(await lockLeft()).toBeGreaterThan(500_000);
    });

    test('a failed probe opens the breaker again for the whole fleet', async () => {
      const fleet = await breakers(BREAKER);
      const { clock, stores, views } = fleet;
      await openFleet(fleet);
      clock.t += BREAKER.halfOpenAfterMs;
      for (const view of views) view.admit();
      await idle(stores);
      const probe = views.findIndex((view) => view.admit() === undefined);
      expect(probe).toBeGreaterThanOrEqual(0);
      const heard = stores.filter((_, index) => index !== probe).map((store) => nextUpdate(store, 'breaker', 'api'));
      views[probe]!.recordFailure(serverDown);
      await Promise.all(heard);
      expect(views.map((view) => view.state)).toEqual(['open', 'open', 'open', 'open']);
      for (const view of views) expect(view.admit()).toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 10_000 });
    });

    test('a view opened by this process alone probes on its own, and its success withdraws its report', async () => {
      const { clock, stores, views } = await breakers(BREAKER);
      views[0]!.recordFailure(serverDown);
      views[0]!.recordFailure(serverDown);
      await idle(stores);
      clock.t += BREAKER.halfOpenAfterMs;
      expect(views[0]!.admit()).toBeUndefined();
      views[0]!.recordSuccess();
      expect(views[0]!.state).toBe('closed');
      await idle(stores);
      // Its withdrawn report no longer counts: process 1 alone is not a quorum.
      views[1]!.recordFailure(serverDown);
      views[1]!.recordFailure(serverDown);
      await idle(stores);
      expect(views[2]!.state).toBe('closed');
    });

    test('a process that starts while the fleet\'s breaker is open learns it on first use', async () => {
      const fleet = await breakers(BREAKER);
      await openFleet(fleet);
      const clock = new FakeClock(7);
      const late = storeOf(await appClient(flavor), { prefix: fleet.prefix, clock });
      const view = late.breaker('api', BREAKER);
      await late.idle();
      expect(view.state).toBe('open');
      const refused = view.admit();
      expect(refused?.retryAfterMs).toBeGreaterThan(9_000);
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(10_000);
    });
  });

  describe('when Redis fails', () => {
    test('killed mid-run: every call settles from local state and fallback fires once; restarted: recovered fires and shared state resumes', async () => {
      const own = await startRedisServer();
      cleanup.push(() => own.stop());
      const prefix = uniquePrefix();
      const clock = new FakeClock();
      // Short enough to show calls settle without Redis, long enough that a busy machine's resync after the restart fits.
      const options = { prefix, clock, timeoutMs: 500, random: () => 0 };
      const appA = await appClient(flavor, own.port);
      const a = storeOf(appA, { ...options, processId: 'a' });
      const b = storeOf(await appClient(flavor, own.port), { ...options, processId: 'b' });
      const budget = a.budget('api', { ...BUDGET, capacity: 20 });
      const gate = a.gate('api');
      const breaker = a.breaker('api', BREAKER);
      const gateB = b.gate('api');
      expect(await budget.tryAcquire(5)).toBe(true); // 15 left, in Redis and in A's mirror
      await idle([a, b]);
      const fallbacks = recordEvents(a, 'fallback');

      await own.kill();
      // Every call settles (none hangs), answered by the local bucket that mirrors the shared one.
      const answers = await Promise.all(Array.from({ length: 6 }, () => budget.tryAcquire(5)));
      expect(answers.filter(Boolean)).toHaveLength(3);
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]!.operation).toBe('budget');
      expect(a.degraded).toBe(true);
      gate.close(30_000, clock.now());
      expect(gate.waitMs(clock.now())).toBe(30_000);
      breaker.recordFailure(serverDown);
      breaker.recordFailure(serverDown);
      expect(breaker.admit()).toMatchObject({ code: 'CIRCUIT_OPEN' });
      await a.idle();
      expect(fallbacks).toHaveLength(1);

      const recovered = nextEvent(a, 'recovered');
      const heard = nextUpdate(b, 'gate', 'api');
      await own.restart();
      await recovered;
      expect(a.degraded).toBe(false);
      // What A closed while Redis was away reaches the fleet once Redis is back.
      await heard;
      expect(gateB.waitMs(clock.now())).toBeGreaterThan(29_000);
      // The budget is shared again: A spends from what Redis holds. (The spends that timed out may
      // have run late on the new server, the client resending them: set a known level first.)
      const admin = await appClient(flavor, own.port);
      await admin.command('SET', `${prefix}:{api}:budget`, '17');
      expect(await budget.tryAcquire(5)).toBe(true);
      expect(await admin.command('GET', `${prefix}:{api}:budget`)).toBe('12');
    });

    test('too slow: a call settles within timeoutMs from local state; the next answer within the bound recovers', async () => {
      const prefix = uniquePrefix();
      const store = storeOf(await appClient(flavor), { prefix, timeoutMs: 100 });
      const budget = store.budget('api', BUDGET);
      await store.idle(); // its first read of the level
      const fallbacks = recordEvents(store, 'fallback');
      const admin = await appClient(flavor);
      // Redis takes no write (every script counts as one) for 20 s: far past the bound, far past this test.
      await admin.command('CLIENT', 'PAUSE', '20000', 'WRITE');
      try {
        expect(await budget.tryAcquire(5)).toBe(true);
        expect(fallbacks).toHaveLength(1);
        expect(String(fallbacks[0]!.error)).toContain('did not answer budget.acquire within 100 ms');
      } finally {
        await admin.command('CLIENT', 'UNPAUSE');
      }
      let recovered = false;
      const off = store.on('recovered', () => (recovered = true));
      // The first answer within the bound recovers (a busy machine may need more than one call for that).
      while (!recovered) await budget.tryAcquire(5);
      off();
      expect(store.degraded).toBe(false);
    });
  });

  test('close() ends the store\'s own subscriber connection, not the app\'s client', async () => {
    const prefix = uniquePrefix();
    const app = await appClient(flavor);
    const admin = await appClient(flavor);
    const store = redisStore(app.client, { prefix, timeoutMs: 5_000 });
    // Another process closes the gate: the store hears it (or reads it once subscribed), so its subscriber is live.
    const heard = nextUpdate(store, 'gate', 'api');
    store.gate('api');
    await store.idle(); // its first read is done: what it hears next comes through the subscriber
    const channel = `${prefix}:events`;
    const [seconds] = (await admin.command('TIME')) as string[];
    await admin.command('HSET', `${prefix}:{api}:gates`, '', String(Number(seconds) * 1000 + 60_000));
    await admin.command('PUBLISH', channel, JSON.stringify({ t: 'gate', n: 'api', ms: 60_000, p: 'elsewhere' }));
    await heard;
    const subscribers = async (): Promise<number> => Number(((await admin.command('PUBSUB', 'NUMSUB', channel)) as unknown[])[1]);
    expect(await subscribers()).toBe(1);
    await store.close();
    // The server drops the subscription when it reads the closed socket: ask until it has.
    while ((await subscribers()) !== 0);
    expect(await app.command('PING')).toBe('PONG');
  });
});

describe('redisStore input', () => {
  test('a client it cannot use and bad options are TypeErrors naming the option', async () => {
    const app = await appClient('ioredis');
    expect(() => redisStore({} as never)).toThrow(/^faultline: redisStore\.client must be an ioredis or node-redis client/);
    expect(() => redisStore(null as never)).toThrow(TypeError);
    expect(() => redisStore(app.client, { timeoutMs: 0 })).toThrow('faultline: redisStore.timeoutMs must be a number of milliseconds > 0, got 0');
    expect(() => redisStore(app.client, { prefix: '' })).toThrow('faultline: redisStore.prefix must be');
    expect(() => redisStore(app.client, { clock: {} as never })).toThrow('faultline: redisStore.clock must be an object with now()');
    const store = storeOf(app, { prefix: uniquePrefix() });
    expect(() => store.gate('')).toThrow('faultline: redisStore.gate.name must be a non-empty string');
    expect(() => store.breaker('api', { ...BREAKER, quorum: 0 })).toThrow(/quorum must be a count .* or a share/);
    expect(() => store.breaker('api', { ...BREAKER, quorum: 1.5 })).toThrow(TypeError);
    expect(() => store.budget('api', { ...BUDGET, capacity: -1 })).toThrow('faultline: redisStore.budget.capacity must be a finite number >= 0, got -1');
    expect(() => store.gate('api').close(Number.NaN, 0)).toThrow(TypeError);
    await expect(store.budget('api', BUDGET).tryAcquire(Number.NaN)).rejects.toThrow(TypeError);
    expect(() => store.on('nope' as never, () => undefined)).toThrow(TypeError);
  });
});
