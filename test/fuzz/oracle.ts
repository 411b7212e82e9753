import { AxiosHeaders } from 'axios';
import fc from 'fast-check';
import { buildHeaderValue, type HeaderValueSpec } from './headers.js';

/**
 * Retry-After with a known answer: one header of a kind whose meaning the RFCs and the
 * providers fix, so the fuzz checks the value and not only that it is finite.
 */

/** A loaded machine may take this long between building the header and classifying it. */
const SLACK_MS = 5_000;

type Spec =
  | { h: 'Retry-After'; v: { t: 'delta'; s: number } }
  | { h: 'Retry-After'; v: { t: 'date'; offsetS: number; format: 'imf' | 'rfc850' | 'asctime' } }
  | { h: 'Retry-After'; v: { t: 'raw'; v: string } }
  | { h: 'retry-after-ms'; v: { t: 'delta'; s: number } }
  | { h: 'RateLimit-Reset' | 'X-RateLimit-Reset'; v: { t: 'delta'; s: number } }
  | { h: 'X-RateLimit-Reset'; v: { t: 'epoch'; offsetS: number; ms: false } };

interface CaseSpec {
  spec: Spec;
  status: number;
  container: 'record' | 'lower' | 'headers' | 'axios';
}

/** Values no reading of any Retry-After header turns into a delay. */
const GARBAGE = ['soon', 'NaN', '-1', '-5', '0x10', '1e3', '', 'Infinity', '9'.repeat(400)];

const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ h: fc.constant('Retry-After' as const), v: fc.record({ t: fc.constant('delta' as const), s: fc.integer({ min: 0, max: 4_000_000 }) }) }),
  fc.record({
    h: fc.constant('Retry-After' as const),
    v: fc.record({ t: fc.constant('date' as const), offsetS: fc.integer({ min: -86_400, max: 30 * 86_400 }), format: fc.constantFrom('imf' as const, 'rfc850' as const, 'asctime' as const) }),
  }),
  fc.record({ h: fc.constant('Retry-After' as const), v: fc.record({ t: fc.constant('raw' as const), v: fc.constantFrom(...GARBAGE) }) }),
  fc.record({ h: fc.constant('retry-after-ms' as const), v: fc.record({ t: fc.constant('delta' as const), s: fc.integer({ min: 0, max: 1e9 }) }) }),
  fc.record({ h: fc.constantFrom('RateLimit-Reset' as const, 'X-RateLimit-Reset' as const), v: fc.record({ t: fc.constant('delta' as const), s: fc.integer({ min: 0, max: 86_400 }) }) }),
  fc.record({ h: fc.constant('X-RateLimit-Reset' as const), v: fc.record({ t: fc.constant('epoch' as const), offsetS: fc.integer({ min: -3_600, max: 86_400 }), ms: fc.constant(false as const) }) }),
);

/** [low, high] in ms, or undefined when no delay may be reported. */
function expected(s: Spec): [number, number] | undefined {
  const v = s.v;
  switch (v.t) {
    case 'delta':
      return s.h === 'retry-after-ms' ? [v.s, v.s] : [v.s * 1000, v.s * 1000];
    case 'date':
    case 'epoch': {
      // Second precision: the header's instant is up to 1 s before now + offset.
      const high = Math.max(0, v.offsetS * 1000);
      return [Math.max(0, v.offsetS * 1000 - 1000 - SLACK_MS), high];
    }
    case 'raw':
      return undefined;
  }
}

export interface OracleCase {
  make(): unknown;
  expect(retryAfterMs: number | undefined): void;
}

function toCase(c: CaseSpec): OracleCase {
  const range = c.status >= 400 ? expected(c.spec) : undefined;
  return {
    make() {
      const name = c.container === 'lower' ? c.spec.h.toLowerCase() : c.spec.h;
      const value = String(buildHeaderValue(c.spec.v as HeaderValueSpec));
      const record = { [name]: value };
      const headers = c.container === 'headers' ? new Headers(record) : c.container === 'axios' ? AxiosHeaders.from(record) : record;
      return { status: c.status, headers, body: '' };
    },
    expect(ms) {
      const ok = range === undefined ? ms === undefined : ms !== undefined && ms >= range[0] && ms <= range[1];
      if (!ok) throw new Error(`retryAfterMs ${String(ms)}, expected ${range ? `${range[0]}..${range[1]}` : 'none'}`);
    },
    [fc.toStringMethod]: () => `${fc.stringify(c)} (TZ=${process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone})`,
  } as OracleCase;
}

export const retryAfterOracle: fc.Arbitrary<OracleCase> = fc
  .record({ spec, status: fc.constantFrom(429, 503, 200), container: fc.constantFrom('record' as const, 'lower' as const, 'headers' as const, 'axios' as const) })
  .map(toCase);
