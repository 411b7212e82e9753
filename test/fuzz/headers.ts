import { AxiosHeaders } from 'axios';
import fc from 'fast-check';
import { SECRETS } from '../helpers/secrets.js';

/**
 * The Retry-After family as servers really send it: delta seconds, HTTP-dates (future, past,
 * RFC 850, asctime), `retry-after-ms`, `RateLimit-Reset` and `X-RateLimit-Reset` as delta or
 * epoch seconds, and the garbage and huge values that overflowed other libraries' timers.
 */
export type HeaderValueSpec =
  | { t: 'delta'; s: number }
  | { t: 'decimal'; s: number }
  | { t: 'date'; offsetS: number; format: 'imf' | 'rfc850' | 'asctime' | 'iso' }
  | { t: 'epoch'; offsetS: number; ms: boolean }
  | { t: 'raw'; v: string }
  | { t: 'number'; n: number }
  | { t: 'array'; v: string[] };

const HUGE = ['3000000', '2147483648', '99999999999999999999', '9'.repeat(400), '1e400', '1e3', '-1', '-0', 'NaN', 'Infinity', ' 5 ', '5, 6', '0x10', '', '\t', '１２', '5s', '+5', '.5', '5.'];

export const headerValueSpec: fc.Arbitrary<HeaderValueSpec> = fc.oneof(
  fc.record({ t: fc.constant('delta' as const), s: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 4_000_000_000 })) }),
  fc.record({ t: fc.constant('decimal' as const), s: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
  fc.record({
    t: fc.constant('date' as const),
    offsetS: fc.integer({ min: -10 * 365 * 86_400, max: 10 * 365 * 86_400 }),
    format: fc.constantFrom('imf' as const, 'rfc850' as const, 'asctime' as const, 'iso' as const),
  }),
  fc.record({ t: fc.constant('epoch' as const), offsetS: fc.integer({ min: -86_400, max: 86_400 }), ms: fc.boolean() }),
  fc.record({ t: fc.constant('raw' as const), v: fc.oneof(fc.constantFrom(...HUGE), fc.string({ maxLength: 40 })) }),
  fc.record({ t: fc.constant('number' as const), n: fc.oneof(fc.integer(), fc.double()) }),
  fc.record({ t: fc.constant('array' as const), v: fc.array(fc.constantFrom('5', '0', 'x', ''), { maxLength: 3 }) }),
);

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(at: number, format: 'imf' | 'rfc850' | 'asctime' | 'iso'): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  const imf = d.toUTCString(); // "Tue, 14 Nov 2023 08:00:00 GMT"
  if (format === 'imf') return imf;
  if (format === 'iso') return d.toISOString();
  const [, dd, mon, yyyy, time] = imf.split(' ');
  if (format === 'rfc850') return `${DAYS[d.getUTCDay()]}, ${dd}-${mon}-${String(yyyy).slice(-2)} ${time} GMT`;
  return `${imf.slice(0, 3)} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${yyyy}`;
}

/** The header value; dates and epochs are taken relative to `now` when built. */
export function buildHeaderValue(spec: HeaderValueSpec, now = Date.now()): string | number | string[] {
  switch (spec.t) {
    case 'delta':
      return String(spec.s);
    case 'decimal':
      return String(spec.s);
    case 'date':
      return formatDate(now + spec.offsetS * 1000, spec.format);
    case 'epoch':
      return spec.ms ? String(now + spec.offsetS * 1000) : String(Math.floor(now / 1000) + spec.offsetS);
    case 'raw':
      return spec.v;
    case 'number':
      return spec.n;
    case 'array':
      return spec.v;
  }
}

export const RETRY_HEADERS = ['Retry-After', 'retry-after-ms', 'RateLimit-Reset', 'X-RateLimit-Reset'] as const;

export interface HeadersSpec {
  values: Partial<Record<(typeof RETRY_HEADERS)[number], HeaderValueSpec>>;
  /** 'record' | 'lower' | 'upper' | 'headers' (Fetch) | 'axios' | 'map' | 'proto' (JSON with __proto__) */
  container: 'record' | 'lower' | 'upper' | 'headers' | 'axios' | 'map' | 'proto';
  requestId: boolean;
  setCookie: boolean;
}

export const headersSpec: fc.Arbitrary<HeadersSpec> = fc.record({
  values: fc.record(
    { 'Retry-After': headerValueSpec, 'retry-after-ms': headerValueSpec, 'RateLimit-Reset': headerValueSpec, 'X-RateLimit-Reset': headerValueSpec },
    { requiredKeys: [] },
  ),
  container: fc.constantFrom('record' as const, 'lower' as const, 'upper' as const, 'headers' as const, 'axios' as const, 'map' as const, 'proto' as const),
  requestId: fc.boolean(),
  setCookie: fc.boolean(),
});

/** A Fetch Headers value must be a ByteString without CR/LF/NUL. */
function byteString(value: string): string {
  return value.replace(/[^\x20-\x7e\t]/g, '').trim();
}

export function buildHeaders(spec: HeadersSpec, now = Date.now()): unknown {
  const record: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(spec.values)) {
    if (value) record[name] = buildHeaderValue(value, now);
  }
  if (spec.requestId) record['X-Request-Id'] = 'req-7f00';
  if (spec.setCookie) record['Set-Cookie'] = [SECRETS.cookie];
  const flat = (v: string | number | string[]): string => byteString(Array.isArray(v) ? v.join(', ') : String(v));
  switch (spec.container) {
    case 'record':
      return record;
    case 'lower':
    case 'upper':
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [spec.container === 'lower' ? k.toLowerCase() : k.toUpperCase(), v]));
    case 'headers':
      return new Headers(Object.entries(record).map(([k, v]): [string, string] => [k, flat(v)]));
    case 'axios':
      return AxiosHeaders.from(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, flat(v)])));
    case 'map':
      return new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
    case 'proto':
    {
      const rest = JSON.stringify(record).slice(1, -1);
      return JSON.parse(`{"__proto__":{"retry-after":"1","polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}${rest ? `,${rest}` : ''}}`);
    }
  }
}
