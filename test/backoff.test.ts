import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeBackoff, DEFAULT_BACKOFF } from '../src/backoff.js';
import type { Jitter } from '../src/retry-types.js';
import { seededRandom } from './helpers/fake-clock.js';

const JITTERS: Jitter[] = ['full', 'decorrelated', 'equal', 'none'];
const top = () => 1 - Number.EPSILON;

describe('computeBackoff', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseDelayMs: 100, rateLimitBaseDelayMs: 1000, maxDelayMs: 20_000, jitter: 'full' });
  });

  it("'none' doubles from the base and stops at the cap", () => {
    const delays = [1, 2, 3, 4, 5, 9, 10, 30].map((a) => computeBackoff(a, { jitter: 'none' }, Math.random));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 20_000, 20_000, 20_000]);
  });

  it('rate_limited errors use the larger base', () => {
    expect(computeBackoff(1, { jitter: 'none', kind: 'rate_limited' }, Math.random)).toBe(1000);
    expect(computeBackoff(2, { jitter: 'none', kind: 'rate_limited', rateLimitBaseDelayMs: 300 }, Math.random)).toBe(600);
    expect(computeBackoff(2, { jitter: 'none', kind: 'unavailable' }, Math.random)).toBe(200);
  });

  it("'full' spans [0, ceiling), 'equal' spans [ceiling/2, ceiling)", () => {
    expect(computeBackoff(3, {}, () => 0)).toBe(0);
    expect(computeBackoff(3, {}, () => 0.5)).toBe(200);
    expect(computeBackoff(3, { jitter: 'equal' }, () => 0)).toBe(200);
    expect(computeBackoff(3, { jitter: 'equal' }, top)).toBeLessThan(400);
    expect(computeBackoff(3, { jitter: 'equal' }, top)).toBeGreaterThan(399);
  });

  it("'decorrelated' draws in [base, 3 × previous], capped", () => {
    expect(computeBackoff(1, { jitter: 'decorrelated' }, () => 0)).toBe(100);
    expect(computeBackoff(1, { jitter: 'decorrelated' }, top)).toBeCloseTo(300);
    expect(computeBackoff(2, { jitter: 'decorrelated' }, top, 1000)).toBeCloseTo(3000);
    expect(computeBackoff(2, { jitter: 'decorrelated', maxDelayMs: 2000 }, top, 1000)).toBeCloseTo(2000);
    expect(computeBackoff(2, { jitter: 'decorrelated', maxDelayMs: 2000 }, () => 0, 1000)).toBe(100);
  });

  it('never produces NaN or Infinity from bad input', () => {
    const bad = [NaN, -1, Infinity, 0, 1.5, Number.MAX_VALUE];
    for (const attempt of bad) {
      for (const jitter of JITTERS) {
        const d = computeBackoff(attempt, { jitter, baseDelayMs: NaN, maxDelayMs: -5 }, () => NaN, NaN);
        expect(Number.isFinite(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxDelayMs);
      }
    }
    // A huge base is capped before any multiplication can overflow.
    expect(computeBackoff(10_000, { baseDelayMs: Number.MAX_VALUE, jitter: 'none' }, Math.random)).toBe(20_000);
  });

  it('property: every jitter mode stays finite and within [0, maxDelayMs] for attempts 1..10,000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(...JITTERS),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        fc.boolean(),
        (attempt, jitter, baseDelayMs, maxDelayMs, r, previous, rateLimited) => {
          const d = computeBackoff(
            attempt,
            { jitter, baseDelayMs, maxDelayMs, kind: rateLimited ? 'rate_limited' : 'unavailable' },
            () => r,
            previous,
          );
          return Number.isFinite(d) && d >= 0 && d <= maxDelayMs;
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('property: full-jitter delays are spread for any attempt number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 2 ** 31 }), (attempt, seed) => {
        const random = seededRandom(seed);
        const ceiling = Math.min(DEFAULT_BACKOFF.maxDelayMs, 100 * 2 ** Math.min(attempt - 1, 64));
        const samples = Array.from({ length: 200 }, () => computeBackoff(attempt, {}, random));
        const distinct = new Set(samples).size;
        const low = samples.filter((d) => d < ceiling / 2).length;
        // 200 uniform draws: all distinct, and roughly half fall in each half of [0, ceiling).
        return distinct >= 190 && low > 50 && low < 150 && samples.every((d) => d >= 0 && d < ceiling);
      }),
      { numRuns: 10_000 },
    );
  });
});
