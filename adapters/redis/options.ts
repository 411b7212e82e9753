export interface RedisStoreOptions {
  /**
   * Namespace of every key and of the pub/sub channel: processes with the same prefix share one
   * gate, one budget and one breaker per policy name. Default 'faultline'.
   */
  prefix?: string;
  /** The longest any caller waits on Redis before local state answers. Default 50 ms. */
  timeoutMs?: number;
  /** This process's name in the fleet (breaker quorum, probe lock). Default: random. */
  processId?: string;
  /**
   * The clock of the policies using the store (the same one, so local times agree). Only `now()` is
   * read; timers of the store's own housekeeping use the real clock.
   */
  clock?: { now(): number };
  /** Random source in [0, 1) for the gate's jitter. Default Math.random. */
  random?: () => number;
  /** Successes refill the shared budget in one call at most this often. Default 100 ms. */
  flushIntervalMs?: number;
  /** How often a process tells the fleet it is alive (for a quorum given as a share). Default 5,000 ms. */
  heartbeatMs?: number;
}

export interface ResolvedRedisStoreOptions {
  readonly prefix: string;
  readonly timeoutMs: number;
  readonly processId: string;
  readonly now: () => number;
  readonly random: () => number;
  readonly flushIntervalMs: number;
  readonly heartbeatMs: number;
  /** A process not seen for this long no longer counts toward a share quorum. */
  readonly aliveMs: number;
}

const DEFAULTS = {
  prefix: 'faultline',
  timeoutMs: 50,
  flushIntervalMs: 100,
  heartbeatMs: 5_000,
} as const;

/** Keys Redis need not remember: an idle budget is full again, an idle breaker closed, long before. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;

function fail(option: string, expected: string, value: unknown): never {
  throw new TypeError(`faultline: redisStore.${option} must be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function duration(options: RedisStoreOptions, option: 'timeoutMs' | 'flushIntervalMs' | 'heartbeatMs'): number {
  const value = options[option];
  if (value === undefined) return DEFAULTS[option];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 2_147_483_647) {
    fail(option, 'a number of milliseconds > 0', value);
  }
  return value;
}

function name(options: RedisStoreOptions, option: 'prefix' | 'processId', fallback: () => string): string {
  const value = options[option];
  if (value === undefined) return fallback();
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) fail(option, 'a non-empty string (≤ 200 characters)', value);
  return value;
}

export function resolveOptions(options: RedisStoreOptions | undefined): ResolvedRedisStoreOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) fail('options', 'an object', options);
  const given = options ?? {};
  const clock = given.clock;
  if (clock !== undefined && (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function')) {
    fail('clock', 'an object with now()', clock);
  }
  if (given.random !== undefined && typeof given.random !== 'function') fail('random', 'a function', given.random);
  const heartbeatMs = duration(given, 'heartbeatMs');
  return Object.freeze({
    prefix: name(given, 'prefix', () => DEFAULTS.prefix),
    timeoutMs: duration(given, 'timeoutMs'),
    processId: name(given, 'processId', () => globalThis.crypto.randomUUID()),
    now: clock ? () => clock.now() : () => Date.now(),
    random: given.random ?? Math.random,
    flushIntervalMs: duration(given, 'flushIntervalMs'),
    heartbeatMs,
    aliveMs: 3 * heartbeatMs,
  });
}

/** A policy name as part of a key: not empty (an empty hash tag would scatter its keys over the cluster). */
export function checkName(kind: 'budget' | 'breaker' | 'gate', value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    fail(`${kind}.name`, 'a non-empty string (≤ 200 characters)', value);
  }
  return value;
}

/** `prefix:{name}:part`: one hash tag per policy name, so each script's keys share one cluster slot. */
export function keyOf(prefix: string, name: string, part: string): string {
  return `${prefix}:{${name}}:${part}`;
}

export function channelOf(prefix: string): string {
  return `${prefix}:events`;
}
