/**
 * `faultline/redis`: one retry budget, one circuit breaker (opened by a quorum of processes) and one
 * Retry-After gate per host, per policy name, shared by a fleet of processes through the app's own
 * Redis client (ioredis or node-redis, optional peers; no client of our own).
 *
 * ```ts
 * import Redis from 'ioredis';
 * import { redisStore } from 'faultline/redis';
 *
 * const store = redisStore(new Redis(process.env.REDIS_URL), { prefix: 'myapp' });
 * store.on('fallback', ({ operation, error }) => log.warn('faultline: Redis away, local state answers', operation, error));
 * const policy = createRetryPolicy({ name: 'leancloud', store });
 * // on shutdown
 * await store.close();
 * ```
 *
 * Nothing waits on Redis longer than `timeoutMs` (default 50 ms): a slow or absent Redis turns
 * each process back into a local one, and the store says so. A successful call costs no
 * round-trip; a retry costs one (two when it succeeds: the refund).
 */
export { redisStore, type RedisPolicyStore, type RedisStoreUpdate } from './redis/store.js';
export type { RedisStoreOptions } from './redis/options.js';
export type { RedisClientLike, IORedisLike, NodeRedisLike } from './redis/client.js';
export type { RedisBudget } from './redis/budget.js';
export type { RedisBreaker } from './redis/breaker.js';
export type { RedisGate } from './redis/gate.js';
export type { PolicyStore, StoreEvent, StoreEventName, SharedBudget, SharedBreaker, SharedGate, BudgetConfig, BreakerConfig, CircuitState } from '../src/store-types.js';
