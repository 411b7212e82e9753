import { describe, expect, it, vi } from 'vitest';
import { createRetryPolicy, isRetryPolicy, retry } from '../src/index.js';
import { RetryBudget } from '../src/budget.js';
import { BUDGET_DEFAULTS } from '../src/constants.js';
import { leancloud } from '../catalog/leancloud/full.js';
import { parse } from '../catalog/parse/full.js';
import { createError, isFaultlineError, type FaultlineError } from '../src/errors.js';
import type { GiveUpEvent, RetryEvent, RetryOptions } from '../src/policy-types.js';
import { FakeClock } from './helpers/fake-clock.js';
import { always, e404, e429, e500, e503, eExpired, script, track } from './helpers/retry-fixtures.js';

function setup(options: RetryOptions = {}) {
  const clock = new FakeClock();
  const giveUps: GiveUpEvent[] = [];
  const retries: RetryEvent[] = [];
  const policy = createRetryPolicy({
    clock,
    budget: false,
    onGiveUp: (e) => giveUps.push(e),
    onRetry: (e) => retries.push(e),
    ...options,
  });
  return { clock, policy, giveUps, retries };
}

/** Runs the call to completion on virtual time and returns its error. */
async function failure(promise: Promise<unknown>, clock: FakeClock): Promise<FaultlineError> {
  const t = track(promise);
  await clock.runAll();
  expect(t.settled).toBe(true);
  expect(isFaultlineError(t.error)).toBe(true);
  return t.error as FaultlineError;
}

describe('maxAttempts', () => {
  it.each([1, 2, 3, 5, 8])('maxAttempts %i makes exactly that many attempts, the first included', async (n) => {
    const { clock, policy, giveUps } = setup({ maxAttempts: n });
    const f = always(e503);
    const error = await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(n);
    expect(error.attempts).toBe(n);
    expect(error.history).toHaveLength(n - 1);
    expect(giveUps).toEqual([{ attempts: n, error, reason: 'max-attempts' }]);
  });

  it('defaults to 3 attempts and succeeds on the last one', async () => {
    const { clock, policy } = setup();
    const f = script([e503, e503], 'done');
    const t = track(policy.execute(f.fn));
    await clock.runAll();
    expect(t.value).toBe('done');
    expect(f.calls).toBe(3);
  });

  it('passes the attempt number to fn', async () => {
    const { clock, policy } = setup({ maxAttempts: 4 });
    const seen: number[] = [];
    const t = track(
      policy.execute(({ attempt }) => {
        seen.push(attempt);
        throw e503();
      }),
    );
    await clock.runAll();
    expect(t.settled).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it.each([0, -1, 1.5, NaN])('rejects maxAttempts %s with a TypeError', async (maxAttempts) => {
    await expect(retry(() => 1, { maxAttempts })).rejects.toThrow(/maxAttempts must be an integer >= 1/);
    expect(() => createRetryPolicy({ maxAttempts })).toThrow(TypeError);
  });

  it('rejects other bad options with clear TypeErrors', async () => {
    await expect(retry(() => 1, { jitter: 'wild' as never })).rejects.toThrow(/jitter/);
    await expect(retry(() => 1, { baseDelayMs: -1 })).rejects.toThrow(/baseDelayMs/);
    await expect(retry(() => 1, { deadlineMs: 0 })).rejects.toThrow(/deadlineMs/);
    await expect(retry(() => 1, { onRetry: 5 as never })).rejects.toThrow(/onRetry/);
    await expect(retry(() => 1, { budget: 5 as never })).rejects.toThrow(/budget/);
    await expect(retry(() => 1, { budget: { capacity: -1 } })).rejects.toThrow(/budget\.capacity/);
    await expect(retry(() => 1, { onRetryAfterTooLong: 'wait' as never })).rejects.toThrow(/onRetryAfterTooLong/);
    await expect(createRetryPolicy().execute(null as never)).rejects.toThrow(/needs a function/);
    await expect(retry(null as never)).rejects.toThrow(/needs a function/);
    await expect(createRetryPolicy().execute(() => 1, { attemptTimeoutMs: -3 })).rejects.toThrow(/attemptTimeoutMs/);
  });
});

describe('backoff', () => {
  it('sleeps the exponential delays, records them in history and totalDelayMs', async () => {
    const { clock, policy, retries } = setup({ maxAttempts: 4, jitter: 'none', baseDelayMs: 100 });
    const error = await failure(policy.execute(always(e503).fn), clock);
    expect(retries.map((r) => r.delayMs)).toEqual([100, 200, 400]);
    expect(clock.requested).toEqual([100, 200, 400]);
    expect(clock.now()).toBe(700);
    expect(error.totalDelayMs).toBe(700);
    expect(error.history).toEqual([
      { attempt: 1, kind: 'unavailable', code: 503, status: 503, delayMs: 100 },
      { attempt: 2, kind: 'unavailable', code: 503, status: 503, delayMs: 200 },
      { attempt: 3, kind: 'unavailable', code: 503, status: 503, delayMs: 400 },
    ]);
    expect(error.toJSON()).toMatchObject({ attempts: 4, totalDelayMs: 700 });
  });

  it('does not start the next attempt before the delay has passed', async () => {
    const { clock, policy } = setup({ jitter: 'none', baseDelayMs: 1000 });
    const f = script([e503], 'ok');
    const t = track(policy.execute(f.fn));
    await clock.advance(999);
    expect(f.calls).toBe(1);
    await clock.advance(1);
    expect(f.calls).toBe(2);
    expect(t.value).toBe('ok');
  });

  it('caps delays at maxDelayMs', async () => {
    const { clock, policy, retries } = setup({ maxAttempts: 6, jitter: 'none', baseDelayMs: 100, maxDelayMs: 500 });
    await failure(policy.execute(always(e503).fn), clock);
    expect(retries.map((r) => r.delayMs)).toEqual([100, 200, 400, 500, 500]);
  });

  it('uses rateLimitBaseDelayMs for rate_limited errors without Retry-After', async () => {
    const { clock, policy, retries } = setup({ jitter: 'none', rateLimitBaseDelayMs: 700 });
    await failure(policy.execute(always(() => e429()).fn), clock);
    expect(retries.map((r) => r.delayMs)).toEqual([700, 1400]);
  });

  it('full jitter (default) draws below the exponential ceiling', async () => {
    const { clock, policy, retries } = setup({ maxAttempts: 4 });
    await failure(policy.execute(always(e503).fn), clock);
    retries.forEach((r, i) => {
      expect(r.delayMs).toBeGreaterThanOrEqual(0);
      expect(r.delayMs).toBeLessThan(100 * 2 ** i);
    });
    expect(new Set(retries.map((r) => r.delayMs)).size).toBe(3);
  });

  it("equal jitter stays in the upper half; decorrelated grows from the previous delay", async () => {
    const eq = setup({ maxAttempts: 4, jitter: 'equal' });
    await failure(eq.policy.execute(always(e503).fn), eq.clock);
    eq.retries.forEach((r, i) => {
      expect(r.delayMs).toBeGreaterThanOrEqual(50 * 2 ** i);
      expect(r.delayMs).toBeLessThan(100 * 2 ** i);
    });

    const clock = new FakeClock({ random: () => 0.999999 });
    const delays: number[] = [];
    const policy = createRetryPolicy({ clock, budget: false, maxAttempts: 4, jitter: 'decorrelated', onRetry: (e) => delays.push(e.delayMs) });
    await failure(policy.execute(always(e503).fn), clock);
    expect(delays[0]).toBeCloseTo(300, 0);
    expect(delays[1]).toBeCloseTo(900, 0);
    expect(delays[2]).toBeCloseTo(2700, 0);
  });
});

describe('Retry-After', () => {
  it('wins over the computed backoff, with up to +10% jitter and never less', async () => {
    const { clock, policy, retries } = setup({ jitter: 'none', maxAttempts: 2 });
    const f = script([() => e503({ retryAfterMs: 2000 })], 'ok');
    const t = track(policy.execute(f.fn));
    await clock.advance(1999);
    expect(f.calls).toBe(1);
    await clock.runAll();
    expect(t.value).toBe('ok');
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(2000);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(2200);
  });

  it('server delays for many clients are spread, not in lockstep', async () => {
    const clock = new FakeClock({ seed: 7 });
    const delays: number[] = [];
    const policy = createRetryPolicy({ clock, budget: false, maxAttempts: 2, onRetry: (e) => delays.push(e.delayMs) });
    for (let i = 0; i < 20; i++) {
      const t = track(policy.execute(script([() => e429(1000)]).fn));
      await clock.runAll();
      expect(t.value).toBe('ok');
    }
    expect(new Set(delays).size).toBeGreaterThan(15);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1100);
  });

  it("a Retry-After of 3,000,000 s is refused at once by default ('give-up'), not retried instantly nor slept", async () => {
    const { clock, policy, giveUps } = setup();
    const f = always(() => e429(3_000_000_000));
    const t = track(policy.execute(f.fn));
    await clock.advance(0);
    expect(t.settled).toBe(true);
    expect(f.calls).toBe(1);
    expect(clock.pending).toBe(0);
    expect(clock.now()).toBe(0);
    const error = t.error as FaultlineError;
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(3_000_000_000);
    expect(error.attempts).toBe(1);
    expect(giveUps[0]?.reason).toBe('retry-after-too-long');
  });

  it("a Retry-After of 3,000,000 s with 'cap' sleeps maxRetryAfterMs, then retries", async () => {
    const { clock, policy, retries } = setup({ onRetryAfterTooLong: 'cap', maxRetryAfterMs: 60_000 });
    const f = script([() => e429(3_000_000_000)], 'ok');
    const t = track(policy.execute(f.fn));
    await clock.advance(59_999);
    expect(f.calls).toBe(1);
    expect(t.settled).toBe(false);
    await clock.advance(1);
    expect(f.calls).toBe(2);
    expect(t.value).toBe('ok');
    expect(retries[0]?.delayMs).toBe(60_000);
  });

  it('maxRetryAfterMs is configurable', async () => {
    const { clock, policy, giveUps } = setup({ maxRetryAfterMs: 500 });
    const error = await failure(policy.execute(always(() => e429(1000)).fn), clock);
    expect(error.attempts).toBe(1);
    expect(giveUps[0]?.reason).toBe('retry-after-too-long');
  });
});

describe('retry semantics and idempotency', () => {
  it("never retries 'never' errors", async () => {
    const { clock, policy, giveUps } = setup();
    const f = always(e404);
    const error = await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(1);
    expect(error.kind).toBe('not_found');
    expect(error.attempts).toBe(1);
    expect(error.history).toEqual([]);
    expect(giveUps[0]?.reason).toBe('not-retryable');
  });

  it("retries 'idempotent' errors only when the call is idempotent", async () => {
    const no = setup();
    const f1 = always(e500);
    await failure(no.policy.execute(f1.fn), no.clock);
    expect(f1.calls).toBe(1);
    expect(no.giveUps[0]?.reason).toBe('not-retryable');

    const yes = setup({ idempotent: true });
    const f2 = always(e500);
    await failure(yes.policy.execute(f2.fn), yes.clock);
    expect(f2.calls).toBe(3);

    // Per call override.
    const f3 = always(e500);
    await failure(no.policy.execute(f3.fn, { idempotent: true }), no.clock);
    expect(f3.calls).toBe(3);
  });

  it("retries 'always' errors whatever idempotent says", async () => {
    const { clock, policy } = setup({ idempotent: false });
    const f = always(e503);
    await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(3);
  });

  it('classifies whatever fn throws (plain HTTP shapes and foreign errors)', async () => {
    const { clock, policy } = setup();
    const f = script([{ status: 503 }], 'ok');
    const t = track(policy.execute(f.fn));
    await clock.runAll();
    expect(t.value).toBe('ok');
    expect(f.calls).toBe(2);

    const g = always(() => new Error('boom'));
    const error = await failure(policy.execute(g.fn), clock);
    expect(g.calls).toBe(1);
    expect(error.kind).toBe('unknown');
    expect((error.cause as Error).message).toBe('boom');
  });

  it('passes the classify option (per policy or per call) to classify()', async () => {
    const { clock, policy } = setup({ classify: { provider: leancloud } });
    const a = await failure(policy.execute(always(() => new Error('x')).fn), clock);
    expect(a.provider).toBe('leancloud');
    const b = await failure(policy.execute(always(() => new Error('x')).fn, { classify: { provider: parse } }), clock);
    expect(b.provider).toBe('parse');
  });

  it('returns sync and async values', async () => {
    await expect(retry(() => 42)).resolves.toBe(42);
    await expect(retry(async () => 'x')).resolves.toBe('x');
  });
});

describe('shouldRetry', () => {
  it('can veto a retry the policy would make, and sees the decision context', async () => {
    const shouldRetry = vi.fn(() => false);
    const { clock, policy, giveUps } = setup({ shouldRetry, jitter: 'none' });
    const f = always(e503);
    await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(1);
    expect(giveUps[0]?.reason).toBe('vetoed');
    expect(shouldRetry).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unavailable' }), { attempt: 1, delayMs: 100, idempotent: false });
  });

  it('can force a retry of a non-retryable error, within maxAttempts', async () => {
    const { clock, policy } = setup({ shouldRetry: (e) => (e.kind === 'not_found' ? true : undefined), maxAttempts: 4 });
    const f = always(e404);
    const error = await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(4);
    expect(error.attempts).toBe(4);
  });

  it('undefined keeps the policy decision', async () => {
    const { clock, policy } = setup({ shouldRetry: () => undefined });
    const a = always(e503);
    await failure(policy.execute(a.fn), clock);
    expect(a.calls).toBe(3);
    const b = always(e404);
    await failure(policy.execute(b.fn), clock);
    expect(b.calls).toBe(1);
  });

  it('a forced retry still spends budget', async () => {
    const budget = new RetryBudget({ capacity: 5 });
    const { clock, policy, giveUps } = setup({ shouldRetry: () => true, budget });
    const f = always(e404);
    await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(2);
    expect(giveUps[0]?.reason).toBe('budget');
  });
});

describe('onRetry and onGiveUp', () => {
  it('report each retry and the final give-up', async () => {
    const { clock, policy, retries, giveUps } = setup({ jitter: 'none' });
    const errors: FaultlineError[] = [];
    const error = await failure(
      policy.execute(() => {
        const e = e503();
        errors.push(e);
        throw e;
      }),
      clock,
    );
    expect(retries).toEqual([
      { attempt: 1, delayMs: 100, error: errors[0] },
      { attempt: 2, delayMs: 200, error: errors[1] },
    ]);
    expect(giveUps).toEqual([{ attempts: 3, error, reason: 'max-attempts' }]);
    // Errors are values: the give-up is a copy of the last failure carrying the loop's own counts.
    expect(error).not.toBe(errors[2]);
    expect(errors[2]?.attempts).toBeUndefined();
    expect(error).toMatchObject({ kind: errors[2]?.kind, code: errors[2]?.code, message: errors[2]?.message, attempts: 3 });
  });

  it('are not called on success at the first attempt', async () => {
    const { clock, policy, retries, giveUps } = setup();
    const t = track(policy.execute(() => 'fine'));
    await clock.runAll();
    expect(t.value).toBe('fine');
    expect(retries).toEqual([]);
    expect(giveUps).toEqual([]);
  });

  it('a throwing hook ends the call with what it threw and leaves no timer', async () => {
    const boom = new Error('hook bug');
    const { clock, policy } = setup({
      onRetry: () => {
        throw boom;
      },
    });
    const t = track(policy.execute(always(e503).fn));
    await clock.advance(0);
    expect(t.error).toBe(boom);
    expect(clock.pending).toBe(0);
  });
});

describe('onRefresh', () => {
  it('runs once for a session-expired error, then the call is retried once', async () => {
    const onRefresh = vi.fn(async (_error: FaultlineError) => {});
    const { clock, policy, retries } = setup({ onRefresh });
    const f = script([eExpired], 'ok');
    const t = track(policy.execute(f.fn));
    await clock.runAll();
    expect(t.value).toBe('ok');
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(onRefresh.mock.calls[0]?.[0]).toMatchObject({ kind: 'session_expired' });
    expect(f.calls).toBe(2);
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, delayMs: 0 })]);
  });

  it('never refreshes twice in one call', async () => {
    const onRefresh = vi.fn();
    const { clock, policy, giveUps } = setup({ onRefresh, maxAttempts: 5 });
    const f = always(eExpired);
    const error = await failure(policy.execute(f.fn), clock);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(f.calls).toBe(2);
    expect(error.attempts).toBe(2);
    expect(error.history).toEqual([{ attempt: 1, kind: 'session_expired', code: 209, status: 401, delayMs: 0 }]);
    expect(giveUps[0]?.reason).toBe('not-retryable');
  });

  it('gets its retry even at maxAttempts and without budget', async () => {
    const onRefresh = vi.fn();
    const budget = new RetryBudget({ capacity: 0 });
    const { clock, policy } = setup({ onRefresh, maxAttempts: 1, budget });
    const f = script([eExpired], 'ok');
    const t = track(policy.execute(f.fn));
    await clock.runAll();
    expect(t.value).toBe('ok');
    expect(f.calls).toBe(2);
  });

  it('after a refresh, other errors still follow maxAttempts', async () => {
    const { clock, policy } = setup({ onRefresh: () => {}, maxAttempts: 3 });
    const f = script([eExpired, e503, e503, e503], 'ok');
    const error = await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(3);
    expect(error.kind).toBe('unavailable');
  });

  it('without onRefresh a session-expired error is final', async () => {
    const { clock, policy } = setup();
    const f = always(eExpired);
    await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(1);
  });

  it('a failing refresh ends the call with its classified error', async () => {
    const { clock, policy } = setup({
      onRefresh: () => {
        throw createError('unauthenticated', { code: 'REFRESH_FAILED' });
      },
    });
    const f = always(eExpired);
    const error = await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(1);
    expect(error.code).toBe('REFRESH_FAILED');
    expect(error.history).toHaveLength(1);
  });
});

describe('deadline', () => {
  it('gives up at once, without sleeping, when the next delay cannot fit', async () => {
    const { clock, policy, giveUps } = setup({ deadlineMs: 1000, jitter: 'none', baseDelayMs: 600, maxAttempts: 10 });
    const f = always(e503);
    const t = track(policy.execute(f.fn));
    await clock.advance(600);
    // Attempt 2 failed at t=600; the next delay (1200) ends after the deadline (1000).
    expect(f.calls).toBe(2);
    expect(t.settled).toBe(true);
    expect(clock.now()).toBe(600);
    expect(clock.pending).toBe(0);
    expect(clock.requested).toEqual([1000, 600, 400]); // deadline timer, sleep, deadline timer
    expect((t.error as FaultlineError).kind).toBe('unavailable');
    expect(giveUps[0]?.reason).toBe('deadline');
  });

  it('aborts an attempt still running at the deadline with DEADLINE_EXCEEDED', async () => {
    const { clock, policy, giveUps } = setup({ deadlineMs: 5000, idempotent: true });
    const signals: AbortSignal[] = [];
    const t = track(
      policy.execute(({ signal }) => {
        signals.push(signal);
        return new Promise(() => {}); // ignores its signal and never settles
      }),
    );
    await clock.advance(4999);
    expect(t.settled).toBe(false);
    await clock.advance(1);
    const error = t.error as FaultlineError;
    expect(error.kind).toBe('timeout');
    expect(error.code).toBe('DEADLINE_EXCEEDED');
    expect(error.attempts).toBe(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toMatchObject({ kind: 'timeout', code: 'DEADLINE_EXCEEDED' });
    expect(giveUps[0]?.reason).toBe('deadline');
    expect(clock.pending).toBe(0);
  });
});

describe('attemptTimeoutMs', () => {
  it('fails a slow attempt with a TimeoutError and aborts its signal', async () => {
    const { clock, policy } = setup({ attemptTimeoutMs: 500, idempotent: true, jitter: 'none' });
    const signals: AbortSignal[] = [];
    const t = track(
      policy.execute(({ signal, attempt }) => {
        signals.push(signal);
        if (attempt === 3) return 'third time';
        return new Promise(() => {});
      }),
    );
    await clock.advance(500);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toMatchObject({ kind: 'timeout', code: 'ATTEMPT_TIMEOUT' });
    await clock.runAll();
    expect(t.value).toBe('third time');
    expect(clock.pending).toBe(0);
  });

  it("is not retried for non-idempotent calls (the server may have acted)", async () => {
    const { clock, policy } = setup({ attemptTimeoutMs: 500 });
    let calls = 0;
    const error = await failure(
      policy.execute(() => {
        calls++;
        return new Promise(() => {});
      }),
      clock,
    );
    expect(calls).toBe(1);
    expect(error).toMatchObject({ name: 'TimeoutError', kind: 'timeout', code: 'ATTEMPT_TIMEOUT', attempts: 1 });
  });

  it('clears its timer when the attempt settles in time', async () => {
    const { clock, policy } = setup({ attemptTimeoutMs: 500 });
    const t = track(policy.execute(async () => 'quick'));
    await clock.advance(0);
    expect(t.value).toBe('quick');
    expect(clock.pending).toBe(0);
  });
});

describe('abort', () => {
  it('an already-aborted signal rejects before the first attempt', async () => {
    const { clock, policy, giveUps } = setup();
    const reason = new Error('user left');
    const f = always(e503);
    const error = await failure(policy.execute(f.fn, { signal: AbortSignal.abort(reason) }), clock);
    expect(f.calls).toBe(0);
    expect(error.kind).toBe('canceled');
    expect(error.name).toBe('CanceledError');
    expect(error.cause).toBe(reason);
    expect(error.attempts).toBe(0);
    expect(giveUps[0]?.reason).toBe('canceled');
  });

  it('an abort during a 5 s backoff settles at once with CanceledError', async () => {
    const { clock, policy } = setup({ jitter: 'none', baseDelayMs: 5000 });
    const controller = new AbortController();
    const f = always(e503);
    const t = track(policy.execute(f.fn, { signal: controller.signal }));
    await clock.advance(1000);
    expect(clock.pending).toBe(1);
    controller.abort('stop');
    await clock.advance(0);
    expect(t.settled).toBe(true);
    expect(clock.now()).toBe(1000);
    expect(clock.pending).toBe(0);
    const error = t.error as FaultlineError;
    expect(error.kind).toBe('canceled');
    expect(error.cause).toBe('stop');
    expect(error.attempts).toBe(1);
    expect(error.history).toEqual([expect.objectContaining({ attempt: 1, kind: 'unavailable' })]);
    expect(f.calls).toBe(1);
  });

  it('an abort during an attempt rejects at once even if fn ignores its signal', async () => {
    const { clock, policy } = setup({ attemptTimeoutMs: 10_000 });
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const t = track(
      policy.execute(
        ({ signal }) => {
          signals.push(signal);
          return new Promise(() => {});
        },
        { signal: controller.signal },
      ),
    );
    await clock.advance(10);
    controller.abort();
    await clock.advance(0);
    expect((t.error as FaultlineError).kind).toBe('canceled');
    expect(signals[0]?.aborted).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('an fn that rejects because of the caller abort still yields CanceledError', async () => {
    const { clock, policy } = setup();
    const controller = new AbortController();
    const t = track(
      policy.execute(
        ({ signal }) =>
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(createError('unavailable')))),
        { signal: controller.signal },
      ),
    );
    controller.abort();
    await clock.runAll();
    expect((t.error as FaultlineError).kind).toBe('canceled');
  });

  it('an abort during onRefresh settles at once', async () => {
    const controller = new AbortController();
    const { clock, policy } = setup({ onRefresh: () => new Promise(() => {}) });
    const f = always(eExpired);
    const t = track(policy.execute(f.fn, { signal: controller.signal }));
    await clock.advance(0);
    expect(t.settled).toBe(false);
    controller.abort();
    await clock.advance(0);
    expect((t.error as FaultlineError).kind).toBe('canceled');
    expect(f.calls).toBe(1);
  });

  it('removes its abort listeners after each attempt and sleep', async () => {
    const { clock, policy } = setup();
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const t = track(policy.execute(script([e503, e503], 'ok').fn, { signal: controller.signal }));
    await clock.runAll();
    expect(t.value).toBe('ok');
    // At most one per attempt and sleep (a first attempt that throws at once needs none), every one removed.
    expect(add.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(add.mock.calls.length).toBeLessThanOrEqual(5);
    expect(remove.mock.calls.length).toBe(add.mock.calls.length);
  });
});

describe('budget and breaker wiring', () => {
  it('a policy has its own budget by default; budget: false turns it off', async () => {
    expect(createRetryPolicy().budget).toBeInstanceOf(RetryBudget);
    const a = createRetryPolicy();
    const b = createRetryPolicy();
    expect(a.budget).not.toBe(b.budget);
    const off = setup({ budget: false, maxAttempts: 3 });
    expect(off.policy.budget).toBeUndefined();
    let calls = 0;
    for (let i = 0; i < 200; i++) {
      const f = always(e503);
      await failure(off.policy.execute(f.fn), off.clock);
      calls += f.calls;
    }
    expect(calls).toBe(600); // no budget: every call retries in full
  });

  it('one budget shared by two policies', async () => {
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const a = setup({ budget, maxAttempts: 3 });
    const b = setup({ budget, maxAttempts: 3 });
    expect(a.policy.budget).toBe(budget);
    const fa = always(e503);
    await failure(a.policy.execute(fa.fn), a.clock);
    expect(fa.calls).toBe(3);
    expect(budget.available).toBe(0);
    const fb = always(e503);
    await failure(b.policy.execute(fb.fn), b.clock);
    expect(fb.calls).toBe(1);
    expect(b.giveUps[0]?.reason).toBe('budget');
  });

  it('success reports to the budget (retried or not) and the breaker', async () => {
    const budget = { config: BUDGET_DEFAULTS, tryAcquire: vi.fn(() => true), recordSuccess: vi.fn(), available: 1 };
    const breaker = { state: 'closed' as const, admit: vi.fn(() => undefined), recordSuccess: vi.fn(), recordFailure: vi.fn(), on: () => () => undefined };
    const { clock, policy } = setup({ budget, circuitBreaker: breaker });
    expect(policy.circuitBreaker).toBe(breaker);
    track(policy.execute(() => 1));
    await clock.runAll();
    expect(budget.recordSuccess).toHaveBeenLastCalledWith(false);
    track(policy.execute(script([e503]).fn));
    await clock.runAll();
    expect(budget.tryAcquire).toHaveBeenCalledTimes(1);
    expect(budget.recordSuccess).toHaveBeenLastCalledWith(true);
    expect(breaker.recordSuccess).toHaveBeenCalledTimes(2);
    expect(breaker.recordFailure).toHaveBeenCalledTimes(1);
    expect(breaker.admit).toHaveBeenCalledTimes(3);
  });

  it('an open circuit fails fast without calling fn', async () => {
    const { clock, policy, giveUps } = setup({ circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 10_000 }, maxAttempts: 1 });
    for (let i = 0; i < 2; i++) await failure(policy.execute(always(e503).fn), clock);
    expect(policy.circuitBreaker?.state).toBe('open');
    const f = always(e503);
    const error = await failure(policy.execute(f.fn), clock);
    expect(f.calls).toBe(0);
    expect(error).toMatchObject({ name: 'ServiceUnavailableError', code: 'CIRCUIT_OPEN', message: 'circuit open', attempts: 0 });
    expect(error.retryAfterMs).toBe(10_000);
    expect(giveUps.at(-1)?.reason).toBe('circuit-open');
  });
});

describe('isRetryPolicy', () => {
  it('recognises policies by a cross-copy brand', () => {
    expect(isRetryPolicy(createRetryPolicy())).toBe(true);
    expect(isRetryPolicy({ execute() {} })).toBe(false);
    expect(isRetryPolicy(null)).toBe(false);
    expect(isRetryPolicy({ [Symbol.for('faultline.retryPolicy')]: true })).toBe(true);
  });

  it('exposes its options, frozen', () => {
    const policy = createRetryPolicy({ maxAttempts: 7 });
    expect(policy.options.maxAttempts).toBe(7);
    expect(Object.isFrozen(policy.options)).toBe(true);
  });
});

describe('history', () => {
  it('keeps at most the latest 100 records in an unbounded loop', async () => {
    const { clock, policy } = setup({ maxAttempts: 250, baseDelayMs: 0 });
    const error = await failure(policy.execute(always(e503).fn), clock);
    expect(error.attempts).toBe(250);
    expect(error.history).toHaveLength(100);
    expect(error.history?.[0]?.attempt).toBe(150);
    expect(error.history?.at(-1)?.attempt).toBe(249);
  });
});

describe('retry() one-shot options', () => {
  it('are read when the call starts: changing the object mid-call does not change the call', async () => {
    const clock = new FakeClock();
    const options: RetryOptions = { maxAttempts: 2, baseDelayMs: 0, clock };
    let attempts = 0;
    const call = retry(() => {
      attempts++;
      options.maxAttempts = 5;
      throw createError('unavailable');
    }, options);
    await clock.runAll();
    await expect(call).rejects.toMatchObject({ kind: 'unavailable', attempts: 2 });
    expect(attempts).toBe(2);
  });
});
