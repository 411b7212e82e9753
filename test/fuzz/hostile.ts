import fc from 'fast-check';
import { SECRETS } from '../helpers/secrets.js';
import { cases, type FuzzCase } from './case.js';

/**
 * Objects built to break a reader: throwing getters and Proxy traps, revoked proxies, cycles,
 * values whose coercion throws, forged brands, pathological nesting. classify() must turn each
 * into a typed error without throwing, and leave nothing (globals, prototypes) changed.
 */

const boom = (): never => {
  throw new Error('hostile getter');
};

/** Realistic shapes with every slot the readers look at filled, so any slot can turn hostile. */
const BASES: ReadonlyArray<() => Record<string, unknown>> = [
  () => ({ status: 503, headers: { 'retry-after': '5' }, body: { code: 1, error: 'x' } }),
  () => ({ isAxiosError: true, message: 'Request failed', code: 'ERR_BAD_RESPONSE', config: { url: `https://a.lncld.net/?token=${SECRETS.token}`, method: 'get', headers: { Authorization: SECRETS.authorization } }, response: { status: 429, headers: { 'retry-after': '1' }, data: { code: 430 } } }),
  () => ({ name: 'HTTPError', message: 'Request failed', response: { status: 500, headers: new Headers({ 'x-request-id': 'r' }) }, request: { method: 'POST', url: 'https://x.back4app.com/parse', headers: {} } }),
  () => ({ type: 'close', code: 4111, reason: 'kicked', wasClean: true }),
  () => ({ name: 'ParseError', code: 209, message: 'Invalid session token' }),
  () => ({ type: 17, message: 'm', extraInfo: { httpCode: 429, errDesc: '{"error":"reach_limit"}' } }),
  () => ({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNRESET', errors: [{ code: 'ECONNREFUSED' }] } }),
  () => ({ message: JSON.stringify({ code: 'OPERATION_FAIL', msg: '[DATABASE_TIMEOUT] slow' }) }),
];

const KEYS = ['status', 'statusCode', 'headers', 'body', 'data', 'code', 'message', 'name', 'response', 'request', 'config', 'cause', 'errors', 'reason', 'wasClean', 'type', 'extraInfo', 'isAxiosError', 'rawMessage', 'requestId', 'constructor', 'url', 'method'];
const TRAPS = ['get', 'has', 'getOwnPropertyDescriptor', 'ownKeys', 'getPrototypeOf', 'defineProperty', 'set', 'apply'] as const;

/** A value whose coercion to a primitive throws. */
function unprintable(): object {
  return { [Symbol.toPrimitive]: boom, toString: boom, valueOf: boom, toJSON: boom };
}

function throwingProxy(target: object = {}, only?: (typeof TRAPS)[number], key?: string): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of only ? [only] : TRAPS) {
    (handler as Record<string, unknown>)[trap] = (...args: unknown[]) => {
      if (key !== undefined && args[1] !== key) return Reflect[trap as 'get'](...(args as [object, PropertyKey, unknown]));
      throw new Error(`hostile ${trap}`);
    };
  }
  return new Proxy(target, handler);
}

/** Sets `key` in the object or its nested response/body/config/cause (the first that exists). */
function nested(base: Record<string, unknown>, path: number): Record<string, unknown> {
  const slots = ['response', 'body', 'config', 'cause', 'extraInfo', 'headers'];
  const slot = slots[path % slots.length] as string;
  const inner = base[slot];
  return typeof inner === 'object' && inner !== null && !(inner instanceof Headers) ? (inner as Record<string, unknown>) : base;
}

type HostileSpec =
  | { t: 'throwAll' }
  | { t: 'revoked'; inside: boolean }
  | { t: 'getter'; base: number; key: string; depth: number }
  | { t: 'trap'; base: number; trap: (typeof TRAPS)[number]; key: string | null }
  | { t: 'unprintable'; base: number; key: string; depth: number }
  | { t: 'cycle'; base: number; key: string }
  | { t: 'hostileHeaders'; how: number }
  | { t: 'forgedBrand'; kind: string | null; proxy: boolean }
  | { t: 'protoChain'; base: number }
  | { t: 'deepChain'; depth: number }
  | { t: 'deepJson'; depth: number; asText: boolean }
  | { t: 'flipFlop'; base: number; key: string };

const base = fc.nat({ max: BASES.length - 1 });
const key = fc.constantFrom(...KEYS);

const hostileSpec: fc.Arbitrary<HostileSpec> = fc.oneof(
  fc.constant({ t: 'throwAll' as const }),
  fc.record({ t: fc.constant('revoked' as const), inside: fc.boolean() }),
  fc.record({ t: fc.constant('getter' as const), base, key, depth: fc.nat({ max: 5 }) }),
  fc.record({ t: fc.constant('trap' as const), base, trap: fc.constantFrom(...TRAPS), key: fc.option(key, { nil: null }) }),
  fc.record({ t: fc.constant('unprintable' as const), base, key, depth: fc.nat({ max: 5 }) }),
  fc.record({ t: fc.constant('cycle' as const), base, key }),
  fc.record({ t: fc.constant('hostileHeaders' as const), how: fc.nat({ max: 5 }) }),
  fc.record({ t: fc.constant('forgedBrand' as const), kind: fc.option(fc.constantFrom('network', 'future_kind', '__proto__'), { nil: null }), proxy: fc.boolean() }),
  fc.record({ t: fc.constant('protoChain' as const), base }),
  fc.record({ t: fc.constant('deepChain' as const), depth: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ t: fc.constant('deepJson' as const), depth: fc.integer({ min: 1, max: 20_000 }), asText: fc.boolean() }),
  fc.record({ t: fc.constant('flipFlop' as const), base, key }),
);

function hostileHeaders(how: number): unknown {
  switch (how) {
    case 0:
      return throwingProxy();
    case 1:
      return { get: boom };
    case 2:
      return { get: () => unprintable() };
    case 3:
      return Object.defineProperty({}, 'retry-after', { get: boom, enumerable: true });
    case 4:
      return { 'retry-after': unprintable(), 'x-request-id': unprintable() };
    default:
      return Object.defineProperty({ 'Retry-After': '1' }, 'x-ratelimit-reset', { get: boom, enumerable: true });
  }
}

function buildHostile(spec: HostileSpec): unknown {
  switch (spec.t) {
    case 'throwAll':
      return throwingProxy();
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return spec.inside ? { status: 500, body: proxy, headers: proxy, cause: proxy } : proxy;
    }
    case 'getter':
    case 'unprintable': {
      const o = (BASES[spec.base] as () => Record<string, unknown>)();
      const target = spec.depth === 0 ? o : nested(o, spec.depth);
      if (spec.t === 'getter') Object.defineProperty(target, spec.key, { get: boom, enumerable: true, configurable: true });
      else target[spec.key] = unprintable();
      return o;
    }
    case 'trap':
      return throwingProxy((BASES[spec.base] as () => Record<string, unknown>)(), spec.trap, spec.key ?? undefined);
    case 'cycle': {
      const o = (BASES[spec.base] as () => Record<string, unknown>)();
      o[spec.key] = o;
      const inner = nested(o, spec.key.length);
      inner[spec.key] = o;
      return o;
    }
    case 'hostileHeaders':
      return { status: 429, headers: hostileHeaders(spec.how), body: '{"code":430}' };
    case 'forgedBrand': {
      const forged: Record<PropertyKey, unknown> = { [Symbol.for('faultline.error')]: true, message: 'forged' };
      if (spec.kind !== null) forged.kind = spec.kind;
      return spec.proxy ? new Proxy({}, { get: () => true }) : forged;
    }
    case 'protoChain':
      return Object.create(throwingProxy((BASES[spec.base] as () => Record<string, unknown>)()), { status: { value: 500, enumerable: true } });
    case 'deepChain': {
      let e: Record<string, unknown> = { code: 'ECONNRESET' };
      for (let i = 0; i < spec.depth; i++) e = { message: 'fetch failed', cause: e };
      return e;
    }
    case 'deepJson': {
      const json = `${'{"code":1,"error":'.repeat(spec.depth)}"x"${'}'.repeat(spec.depth)}`;
      return { status: 400, body: spec.asText ? json : safeParse(json) };
    }
    case 'flipFlop': {
      // A getter that answers differently on every read: the reader must not trust a second read.
      const o = (BASES[spec.base] as () => Record<string, unknown>)();
      let n = 0;
      const values = [503, 'x', undefined, null, { code: 1 }, -1, NaN, unprintable()];
      Object.defineProperty(o, spec.key, { get: () => values[n++ % values.length], enumerable: true });
      return o;
    }
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const hostile: fc.Arbitrary<FuzzCase> = cases('hostile', hostileSpec, buildHostile);
