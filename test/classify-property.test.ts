import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyClose } from '../src/index.js';
import { ERROR_KINDS } from '../src/kinds.js';
import { isFaultlineError } from '../src/errors.js';


const providers = fc.constantFrom(undefined, 'leancloud', 'parse', 'cloudbase', 'easemob') as fc.Arbitrary<'leancloud' | 'parse' | 'cloudbase' | 'easemob' | undefined>;
const code = fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.constantFrom('DATABASE_TIMEOUT', 'reach_limit', 'resource_limited', 'ECONNRESET', ''), fc.string());
const header = fc.oneof(fc.string(), fc.integer().map(String), fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toUTCString())), fc.constantFrom('1e400', '-1', 'NaN', '3000000', '99999999999999999999'));
const headers = fc.record(
  { 'retry-after': header, 'retry-after-ms': header, 'ratelimit-reset': header, 'x-ratelimit-reset': header, 'x-request-id': fc.string() },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.record({ code, error: fc.string(), message: fc.string(), msg: fc.string(), error_description: fc.string() }, { requiredKeys: [] }),
  fc.string(),
  fc.json(),
  fc.constant('<html><title>502 Bad Gateway</title></html>'),
  fc.anything(),
);
const httpShape = fc.record({ status: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.double()), headers, body }, { requiredKeys: ['status'] });
const sdkShape = fc.oneof(
  fc.record({ code, message: fc.string(), rawMessage: fc.string() }, { requiredKeys: ['code'] }),
  fc.record({ type: fc.integer(), message: fc.string(), extraInfo: fc.record({ httpCode: fc.oneof(fc.integer(), fc.string()), errDesc: fc.oneof(fc.string(), fc.json()) }, { requiredKeys: [] }) }),
  fc.tuple(code, fc.string()).map(([c, m]) => new Error(JSON.stringify({ code: 'OPERATION_FAIL', msg: `[${String(c)}] ${m}` }))),
  fc.record({ isAxiosError: fc.constant(true), code: fc.string(), config: fc.anything(), response: fc.option(httpShape) }),
  fc.record({ code: fc.integer(), reason: fc.string(), wasClean: fc.boolean() }),
);

function check(error: unknown): void {
  expect(isFaultlineError(error)).toBe(true);
  const e = error as { kind: string; retryAfterMs?: number };
  expect(ERROR_KINDS).toContain(e.kind);
  if (e.retryAfterMs !== undefined) {
    expect(Number.isFinite(e.retryAfterMs)).toBe(true);
    expect(e.retryAfterMs).toBeGreaterThanOrEqual(0);
  }
}

describe('classify never throws (fast-check)', () => {
  it('except for a provider named that no loaded module defines: a clear TypeError, never a silently different decision', () => {
    expect(() => classify({ status: 503 }, { provider: 'nope' as never })).toThrow(TypeError);
    expect(() => classify({ status: 503 }, { provider: 'nope' as never })).toThrow(/unknown provider "nope"/);
  });

  it('over HTTP shapes, SDK shapes and anything', () => {
    fc.assert(
      fc.property(fc.oneof(httpShape, sdkShape, fc.anything()), providers, (input, provider) => {
        check(classify(input, { provider, url: 'https://x.lncld.net/1.1?access_token=t', method: 'GET' }));
      }),
      { numRuns: 10_000 },
    );
  });

  it('over close codes and reasons', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), fc.oneof(fc.string(), fc.constant(undefined)), providers, (c, reason, provider) => {
        check(classifyClose(c, reason, { provider }));
      }),
      { numRuns: 10_000 },
    );
  });
});
