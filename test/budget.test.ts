import { describe, expect, it } from 'vitest';
import { RetryBudget, retryCost } from '../src/budget.js';
import { BUDGET_DEFAULTS as DEFAULT_BUDGET } from '../src/constants.js';
import { createRetryPolicy, retry } from '../src/index.js';
import { createError } from '../src/errors.js';
import type { GiveUpEvent } from '../src/policy-types.js';
import { FakeClock, seededRandom } from './helpers/fake-clock.js';
import { always, e503, track } from './helpers/retry-fixtures.js';

const timeout = () => createError('timeout', { code: 'ETIMEDOUT' });

describe('RetryBudget', () => {
  it('starts full with the documented defaults', () => {
    const budget = new RetryBudget();
    expect(DEFAULT_BUDGET).toEqual({ capacity: 250, retryCost: 5, timeoutCost: 10, successRefill: 1 });
    expect(budget.available).toBe(250);
  });

  it('retries spend tokens, timeouts spend more, and an empty bucket refuses', () => {
    const budget = new RetryBudget({ capacity: 20 });
    expect(budget.tryAcquire(retryCost(budget.config, e503()))).toBe(true);
    expect(budget.available).toBe(15);
    expect(budget.tryAcquire(retryCost(budget.config, timeout()))).toBe(true);
    expect(budget.available).toBe(5);
    expect(budget.tryAcquire(retryCost(budget.config, timeout()))).toBe(false);
    expect(budget.available).toBe(5);
    expect(budget.tryAcquire(retryCost(budget.config, e503()))).toBe(true);
    expect(budget.tryAcquire(retryCost(budget.config, e503()))).toBe(false);
    expect(budget.available).toBe(0);
  });

  it('first-attempt successes refill by successRefill, successful retries refund retryCost, never above capacity', () => {
    const budget = new RetryBudget({ capacity: 12, retryCost: 5, successRefill: 1 });
    budget.tryAcquire(retryCost(budget.config, e503()));
    budget.tryAcquire(retryCost(budget.config, e503()));
    expect(budget.available).toBe(2);
    budget.recordSuccess(false);
    expect(budget.available).toBe(3);
    budget.recordSuccess(true);
    expect(budget.available).toBe(8);
    for (let i = 0; i < 10; i++) budget.recordSuccess(true);
    expect(budget.available).toBe(12);
  });

  it.each([{ capacity: -1 }, { retryCost: NaN }, { timeoutCost: Infinity }, { successRefill: '1' as unknown as number }])(
    'rejects bad options %o with a TypeError',
    (options) => {
      expect(() => new RetryBudget(options)).toThrow(TypeError);
    },
  );
});

/** Sequential calls on virtual time; returns attempts made and why each failing call stopped. */
async function campaign(calls: number, fails: (attempt: number) => boolean, options: { seedBudget?: RetryBudget } = {}) {
  const clock = new FakeClock();
  const reasons: GiveUpEvent['reason'][] = [];
  const policy = createRetryPolicy({ clock, onGiveUp: (e) => reasons.push(e.reason), ...(options.seedBudget ? { budget: options.seedBudget } : {}) });
  let attempts = 0;
  let successes = 0;
  for (let i = 0; i < calls; i++) {
    const t = track(
      policy.execute(() => {
        attempts++;
        if (fails(attempts)) throw e503();
        return 'ok';
      }),
    );
    await clock.runAll();
    expect(t.settled).toBe(true);
    if (!t.error) successes++;
  }
  return { attempts, perCall: attempts / calls, reasons, successes, policy };
}

describe('budget against an outage (default policy)', () => {
  it('1,000 sequential calls against a permanent 503 make at most 1.15 attempts per call', async () => {
    const r = await campaign(1000, () => true);
    console.info(`[budget] permanent 503, 1,000 calls: ${r.attempts} attempts, ${r.perCall.toFixed(3)} per call`);
    expect(r.perCall).toBeLessThanOrEqual(1.15);
    expect(r.perCall).toBeGreaterThan(1); // it did retry while it had budget
    expect(r.reasons.filter((x) => x === 'budget').length).toBeGreaterThan(900);
    expect((r.policy.budget as RetryBudget | undefined)?.available).toBeLessThan(5);
  });

  it('300 sequential calls against a permanent 503 make at most 1.3 attempts per call', async () => {
    const r = await campaign(300, () => true);
    console.info(`[budget] permanent 503, 300 calls: ${r.attempts} attempts, ${r.perCall.toFixed(3)} per call`);
    expect(r.perCall).toBeLessThanOrEqual(1.3);
  });

  it('successes refill an exhausted budget, and retries resume', async () => {
    const clock = new FakeClock();
    const budget = new RetryBudget();
    const policy = createRetryPolicy({ clock, budget });
    for (let i = 0; i < 200; i++) {
      track(policy.execute(always(e503).fn));
      await clock.runAll();
    }
    expect(budget.available).toBeLessThan(5);
    const exhausted = always(e503);
    track(policy.execute(exhausted.fn));
    await clock.runAll();
    expect(exhausted.calls).toBe(1); // no retry while empty

    const before = budget.available;
    for (let i = 0; i < 20; i++) {
      track(policy.execute(() => 'ok'));
      await clock.runAll();
    }
    expect(budget.available).toBe(before + 20);

    const recovered = always(e503);
    track(policy.execute(recovered.fn));
    await clock.runAll();
    expect(recovered.calls).toBe(3); // 20 tokens pay for two retries again
  });

  it('under 20% random transient failures retries are (almost) never refused', async () => {
    const random = seededRandom(2024);
    const r = await campaign(2000, () => random() < 0.2);
    const refused = r.reasons.filter((x) => x === 'budget').length;
    const retries = r.attempts - 2000;
    console.info(
      `[budget] 20% transient failures, 2,000 calls: ${r.attempts} attempts, ${retries} retries, ${refused} refused, ${r.successes} succeeded, ${(r.policy.budget as RetryBudget | undefined)?.available} tokens left`,
    );
    expect(retries).toBeGreaterThan(300);
    expect(refused).toBeLessThanOrEqual(retries * 0.01);
    expect(r.successes).toBeGreaterThanOrEqual(1960); // only ~0.2^3 = 0.8% exhaust their 3 attempts
  });
});

describe('the one-shot retry() budget', () => {
  it('is made only when a retry needs it, and still stops an unbounded loop after capacity / retryCost retries', async () => {
    const clock = new FakeClock();
    let attempts = 0;
    let reason: GiveUpEvent['reason'] | undefined;
    const call = retry(
      () => {
        attempts++;
        throw e503();
      },
      { maxAttempts: Infinity, baseDelayMs: 0, clock, onGiveUp: (e) => (reason = e.reason) },
    );
    // Even zero delays are timers (a yield to the event loop): run them.
    await clock.runAll();
    await expect(call).rejects.toMatchObject({ kind: 'unavailable' });
    expect(reason).toBe('budget');
    expect(attempts).toBe(1 + DEFAULT_BUDGET.capacity / DEFAULT_BUDGET.retryCost);
  });

  it('a shared budget passed to retry() is charged by a retry and refilled by a first-attempt success', async () => {
    const budget = new RetryBudget({ capacity: 100 });
    await retry(() => 'ok', { budget });
    expect(budget.available).toBe(100);
    budget.tryAcquire(retryCost(budget.config, e503()));
    await retry(() => 'ok', { budget });
    expect(budget.available).toBe(96);
    let n = 0;
    await retry(() => (n++ === 0 ? Promise.reject(e503()) : 'ok'), { budget, baseDelayMs: 0 });
    expect(budget.available).toBe(96);
  });
});
