/**
 * The classify() fuzz: one set of properties run by `npm test` (FUZZ_RUNS, default 10,000 runs
 * per property) and by `npm run fuzz` (100,000). FUZZ_SEED and FUZZ_PATH replay a failure.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { classify, classifyClose } from '../../src/index.js';
import { lookup, lookupAll } from '../../src/index.js';
import { anyValues, httpFailures, hostileValues, options, sdkErrors, transportErrors, type FuzzCase } from './arbitraries.js';
import { LC_CODES, PARSE_CODES } from './bodies.js';
import { checkNoPollution, checkRenderings, checkShape } from './checks.js';
import { retryAfterOracle, type OracleCase } from './oracle.js';
import { echoSpec, withEcho } from './plant.js';


export const FUZZ_RUNS = readRuns();

function readRuns(): number {
  const n = Number(process.env.FUZZ_RUNS ?? 10_000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got ${process.env.FUZZ_RUNS}`);
  return n;
}

function params(runs: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: runs,
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(process.env.FUZZ_PATH !== undefined ? { path: process.env.FUZZ_PATH } : {}),
  };
}

/** Generous: about 20× what a run costs here, for a loaded 2-core machine. */
function timeout(runs: number): number {
  return 60_000 + runs * 10;
}

/** The invariants every classification keeps, whatever it was given. */
function holds(error: unknown): void {
  checkShape(error);
  if (classify(error) !== error) throw new Error('classify(FaultlineError) must return it unchanged');
  checkRenderings(error);
  checkNoPollution();
}

function classifies(c: FuzzCase): void {
  holds(classify(c.make(), c.options));
}

export function defineClassifyFuzz(runs: number = FUZZ_RUNS): void {
  describe(`classify() fuzz: ${runs.toLocaleString('en')} runs per property`, () => {
    const families: Array<[string, fc.Arbitrary<FuzzCase>]> = [
      ['HTTP failures (provider bodies in axios/ky/fetch/undici/plain shapes, Retry-After family)', httpFailures],
      ['SDK errors (ParseError, AVError, CloudBase and its wrapper, Easemob SDK, IM kicks)', sdkErrors],
      ['transport errors (errno, undici chains, AggregateError, DOMException, axios, close events)', transportErrors],
      ['arbitrary values, also in every slot the readers look at', anyValues],
      ['hostile objects (throwing getters and traps, revoked proxies, cycles, forged brands)', hostileValues],
    ];
    for (const [name, arb] of families) {
      it(`never throws, types the error, renders safely, leaks no secret, pollutes nothing: ${name}`, () => {
        fc.assert(fc.property(arb, classifies), params(runs));
      }, timeout(runs));
    }

    it('classifyClose(): any number and reason', () => {
      const code = fc.oneof(
        fc.constantFrom(1000, 1001, 1005, 1006, 1008, 1011, 1012, 1015, 3000, 4000, 4100, 4106, 4107, 4111, 4112, 4115, 4999, 5000, -0),
        fc.integer({ min: 0, max: 70_000 }),
        fc.integer(),
        fc.double(),
      );
      const reason = fc.option(fc.tuple(fc.string({ maxLength: 123 }), echoSpec).map(([r, e]) => withEcho(r, e)), { nil: undefined });
      fc.assert(
        fc.property(code, reason, fc.option(options, { nil: undefined }), (c, r, o) => holds(classifyClose(c, r, o))),
        params(runs),
      );
    }, timeout(runs));

    it('classifyClose(): untyped JavaScript callers (any value as code and reason)', () => {
      fc.assert(
        fc.property(fc.anything({ withBigInt: true, withBoxedValues: true }), fc.anything(), (c, r) => holds(classifyClose(c as number, r as string))),
        params(runs),
      );
    }, timeout(runs));

    it('Retry-After family: the delay the headers ask for, finite and ≥ 0', () => {
      fc.assert(
        fc.property(retryAfterOracle, (o: OracleCase) => {
          const error = classify(o.make());
          holds(error);
          o.expect(error.retryAfterMs);
        }),
        params(runs),
      );
    }, timeout(runs));

    it('documented kinds survive any wrapping: abort, timeout, never-sent, 429', () => {
      const errnos = fc.constantFrom(
        { code: 'ECONNREFUSED', retry: 'always' },
        { code: 'ENOTFOUND', retry: 'always' },
        { code: 'EAI_AGAIN', retry: 'always' },
        { code: 'ECONNRESET', retry: 'idempotent' },
        { code: 'EPIPE', retry: 'idempotent' },
      );
      const wrapped = fc.record({ errno: errnos, depth: fc.integer({ min: 0, max: 4 }), aggregate: fc.boolean() });
      fc.assert(
        fc.property(wrapped, ({ errno: { code, retry }, depth, aggregate }) => {
          let error: unknown = Object.assign(new Error(`connect ${code}`), { code, syscall: 'connect' });
          if (aggregate) error = Object.assign(new AggregateError([error, error]), { code });
          for (let i = 0; i < depth; i++) error = new TypeError('fetch failed', { cause: error });
          const e = classify(error);
          if (e.kind !== 'network' || e.retry !== retry) throw new Error(`${code} at depth ${depth}: ${e.kind}/${e.retry}`);
        }),
        params(runs),
      );
      fc.assert(
        fc.property(fc.string(), fc.constantFrom({ name: 'AbortError', kind: 'canceled' }, { name: 'TimeoutError', kind: 'timeout' }), (message, { name, kind }) => {
          const e = classify(new DOMException(message, name));
          if (e.kind !== kind) throw new Error(`DOMException ${name}: ${e.kind}`);
        }),
        params(runs),
      );
      const codes = fc.constantFrom(...LC_CODES, ...PARSE_CODES);
      fc.assert(
        fc.property(codes, fc.constantFrom('leancloud', 'parse'), fc.string(), (code, provider, text) => {
          // A 429 stays a rate limit unless a row pairs the code with 429 or the code itself says quota.
          const paired = lookupAll(provider, code).some((row) => row.status === 429);
          const quota = lookup(provider, code, { status: 429 })?.kind === 'quota_exceeded';
          const e = classify({ status: 429, body: { code, error: text } }, { provider });
          if (!paired && !quota && e.kind !== 'rate_limited') throw new Error(`429 + ${provider} ${code}: ${e.kind}`);
          if (quota && e.kind !== 'quota_exceeded') throw new Error(`429 + ${provider} ${code} (quota): ${e.kind}`);
        }),
        params(runs),
      );
    }, timeout(runs));
  });
}
