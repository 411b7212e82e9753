import { describe, expect, it } from 'vitest';
import { createRetryPolicy } from '../src/index.js';
import { systemClock } from '../src/clock.js';
import type { FaultlineError } from '../src/errors.js';
import { e503, e429 } from './helpers/retry-fixtures.js';

/** Real timers: what the event loop still holds after a call has settled. */
const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('with real timers', () => {
  it('an abort during a 5 s backoff settles at once and leaves no Timeout behind', async () => {
    const before = timeouts();
    const controller = new AbortController();
    let retried!: () => void;
    const sleeping = new Promise<void>((resolve) => (retried = resolve));
    const policy = createRetryPolicy({ jitter: 'none', baseDelayMs: 5000, onRetry: () => retried() });
    let calls = 0;
    const call = policy.execute(
      () => {
        calls++;
        throw e503();
      },
      { signal: controller.signal },
    );
    await sleeping;
    expect(timeouts()).toBe(before + 1); // the 5 s backoff
    const started = performance.now();
    controller.abort(new Error('user navigated away'));
    const error = (await call.catch((e: unknown) => e)) as FaultlineError;
    const elapsed = performance.now() - started;
    expect(error.name).toBe('CanceledError');
    expect((error.cause as Error).message).toBe('user navigated away');
    expect(elapsed).toBeLessThan(4000); // below the 5 s it would otherwise sleep, whatever the machine's load
    expect(calls).toBe(1);
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('an attempt timeout and a deadline leave no Timeout behind either', async () => {
    const before = timeouts();
    const policy = createRetryPolicy({ attemptTimeoutMs: 30, deadlineMs: 10_000, idempotent: true, maxAttempts: 2, baseDelayMs: 1 });
    const error = (await policy.execute(() => new Promise(() => {})).catch((e: unknown) => e)) as FaultlineError;
    expect(error).toMatchObject({ kind: 'timeout', code: 'ATTEMPT_TIMEOUT', attempts: 2 });
    expect(timeouts()).toBeLessThanOrEqual(before);
    await expect(policy.execute(async () => 'ok')).resolves.toBe('ok');
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('a Retry-After of 3,000,000 s with cap neither fires early nor leaks when aborted', async () => {
    const before = timeouts();
    const controller = new AbortController();
    let calls = 0;
    // A delay is a timer, and a timer holds at most 2^31−1 ms: a longer limit is refused up front…
    expect(() => createRetryPolicy({ maxRetryAfterMs: 3_000_000_000 })).toThrow(/maxRetryAfterMs must be a number of ms from 0 to 2147483647/);
    // …and a longer server delay is capped to it, never wrapped around into "now".
    const policy = createRetryPolicy({ onRetryAfterTooLong: 'cap', maxRetryAfterMs: 2_147_483_647 });
    const call = policy.execute(
      () => {
        calls++;
        throw e429(3_000_000_000);
      },
      { signal: controller.signal },
    );
    // 3e9 ms overflows a native setTimeout (which would then fire at once): it must not.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'canceled' });
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('systemClock holds a timer longer than 2^31-1 ms at that length (never fires at once) and clears it', async () => {
    const before = timeouts();
    let fired = false;
    const handle = systemClock.setTimeout(() => (fired = true), 3_000_000_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toBe(false);
    expect(timeouts()).toBe(before + 1);
    systemClock.clearTimeout(handle);
    expect(timeouts()).toBeLessThanOrEqual(before);
  });
});
