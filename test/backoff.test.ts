import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Backoff, type Jitter, type ResolvedBackoff } from '../src/backoff.js';
import { RETRY_DEFAULTS } from '../src/constants.js';
import type { ErrorKind } from '../src/kinds.js';
import { seededRandom } from './helpers/fake-clock.js';

const JITTERS: Jitter[] = ['full', 'decorrelated', 'equal', 'none'];
const top = () => 1 - Number.EPSILON;
const DEFAULTS: ResolvedBackoff = {
  baseDelayMs: RETRY_DEFAULTS.baseDelayMs,
  rateLimitBaseDelayMs: RETRY_DEFAULTS.rateLimitBaseDelayMs,
  maxDelayMs: RETRY_DEFAULTS.maxDelayMs,
  jitter: RETRY_DEFAULTS.jitter,
};
const backoff = (options: Partial<ResolvedBackoff> = {}, random: () => number = Math.random) => new Backoff({ ...DEFAULTS, ...options }, random);
/** The delays of `n` failures of `kind` in a row, from a fresh state. */
const delays = (n: number, options: Partial<ResolvedBackoff> = {}, random: () => number = Math.random, kind: ErrorKind = 'unavailable') => {
  const b = backoff(options, random);
  return Array.from({ length: n }, () => b.next(kind));
};

describe('Backoff: a per-call state object', () => {
  it('has the documented defaults', () => {
    expect(DEFAULTS).toEqual({ baseDelayMs: 100, rateLimitBaseDelayMs: 1000, maxDelayMs: 20_000, jitter: 'full' });
  });

  it("'none' doubles from the base and stops at the cap; the caller threads nothing", () => {
    expect(delays(10, { jitter: 'none' })).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12_800, 20_000, 20_000]);
  });

  it('reset() starts over, as a socket does once a connection proved stable', () => {
    const b = backoff({ jitter: 'none' });
    b.next('unavailable');
    b.next('unavailable');
    expect(b.failures).toBe(2);
    b.reset();
    expect(b.failures).toBe(0);
    expect(b.next('unavailable')).toBe(100);
  });

  it('rate_limited errors use the larger base', () => {
    expect(delays(1, { jitter: 'none' }, Math.random, 'rate_limited')).toEqual([1000]);
    expect(delays(2, { jitter: 'none', rateLimitBaseDelayMs: 300 }, Math.random, 'rate_limited')).toEqual([300, 600]);
  });

  it("'full' spans [0, ceiling), 'equal' spans [ceiling/2, ceiling)", () => {
    expect(delays(3, {}, () => 0)[2]).toBe(0);
    expect(delays(3, {}, () => 0.5)[2]).toBe(200);
    expect(delays(3, { jitter: 'equal' }, () => 0)[2]).toBe(200);
    const high = delays(3, { jitter: 'equal' }, top)[2] as number;
    expect(high).toBeLessThan(400);
    expect(high).toBeGreaterThan(399);
  });

  it("'decorrelated' draws in [base, 3 × previous], capped", () => {
    expect(delays(1, { jitter: 'decorrelated' }, () => 0)).toEqual([100]);
    expect(delays(1, { jitter: 'decorrelated' }, top)[0]).toBeCloseTo(300);
    // The previous delay is the state's own: 300 → up to 900 → up to 2,700, capped.
    const grown = delays(3, { jitter: 'decorrelated' }, top);
    expect(grown[1]).toBeCloseTo(900);
    expect(grown[2]).toBeCloseTo(2700);
    expect(delays(5, { jitter: 'decorrelated', maxDelayMs: 2000 }, top)[4]).toBeCloseTo(2000);
  });

  it('a misbehaving random source cannot escape the range', () => {
    for (const jitter of JITTERS) {
      for (const r of [NaN, -1, 2, Infinity]) {
        for (const d of delays(5, { jitter }, () => r)) {
          expect(Number.isFinite(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(DEFAULTS.maxDelayMs);
        }
      }
    }
    // A huge base is capped before any multiplication can overflow.
    expect(delays(3, { baseDelayMs: Number.MAX_VALUE, jitter: 'none' })).toEqual([20_000, 20_000, 20_000]);
  });

  it('10,000 failures in a row: no overflow, the cap', () => {
    const all = delays(10_000, { jitter: 'none' });
    expect(all.every((d) => Number.isFinite(d) && d <= 20_000)).toBe(true);
    expect(all.at(-1)).toBe(20_000);
  });

  it('property: every jitter mode stays finite and within [0, maxDelayMs]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(...JITTERS),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.boolean(),
        (n, jitter, baseDelayMs, maxDelayMs, r, rateLimited) =>
          delays(n, { jitter, baseDelayMs, maxDelayMs }, () => r, rateLimited ? 'rate_limited' : 'unavailable').every((d) => Number.isFinite(d) && d >= 0 && d <= maxDelayMs),
      ),
      { numRuns: 2_000 },
    );
  });

  it('property: full-jitter delays are spread at any depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 2 ** 31 }), (n, seed) => {
        const random = seededRandom(seed);
        const ceiling = Math.min(DEFAULTS.maxDelayMs, 100 * 2 ** (n - 1));
        const samples = Array.from({ length: 200 }, () => delays(n, {}, random).at(-1) as number);
        const distinct = new Set(samples).size;
        const low = samples.filter((d) => d < ceiling / 2).length;
        // 200 uniform draws: all distinct, and roughly half fall in each half of [0, ceiling).
        return distinct >= 190 && low > 50 && low < 150 && samples.every((d) => d >= 0 && d < ceiling);
      }),
      { numRuns: 300 },
    );
  });
});
