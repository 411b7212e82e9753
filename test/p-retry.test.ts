import { readFileSync } from 'node:fs';
import pRetry from 'p-retry';
import { describe, expect, it } from 'vitest';
import { pRetryOptions, toFaultline } from '../adapters/p-retry.js';
import { createError, isFaultlineError, type FaultlineError } from '../src/errors.js';
import { e404, e500, e503 } from './helpers/retry-fixtures.js';
import { leancloud } from '../catalog/leancloud/index.js';

const fast = { minTimeout: 1, maxTimeout: 5, randomize: false } as const;
const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

function failing(failures: (() => Error)[], value = 'ok') {
  const state = {
    calls: 0,
    times: [] as number[],
    fn: async (): Promise<string> => {
      state.calls++;
      state.times.push(performance.now());
      const make = failures[state.calls - 1];
      if (make) throw make();
      return value;
    },
  };
  return state;
}

describe('faultline/p-retry with real p-retry 7', () => {
  it('retries errors whose semantics say always, and succeeds', async () => {
    const f = failing([e503, e503]);
    await expect(pRetry(f.fn, pRetryOptions(fast))).resolves.toBe('ok');
    expect(f.calls).toBe(3);
  });

  it('stops at once on a non-retryable error; p-retry rejects with it and toFaultline types it', async () => {
    const f = failing([e404, e404, e404]);
    const raw = await pRetry(f.fn, pRetryOptions(fast)).catch((e: unknown) => e);
    expect(f.calls).toBe(1);
    const error = toFaultline(raw);
    // p-retry rejects with what fn threw, untouched; the typed view is a copy carrying the attempts.
    expect(raw).toMatchObject({ kind: 'not_found', attempts: undefined });
    expect(error).toMatchObject({ kind: 'not_found', code: 101, attempts: 1 });
  });

  it("retries 'idempotent' errors only for idempotent calls", async () => {
    const post = failing([e500, e500, e500]);
    await expect(pRetry(post.fn, pRetryOptions(fast))).rejects.toMatchObject({ kind: 'internal' });
    expect(post.calls).toBe(1);
    const get = failing([e500, e500, e500]);
    await expect(pRetry(get.fn, pRetryOptions({ ...fast, idempotent: true })).catch((e: unknown) => Promise.reject(toFaultline(e)))).rejects.toMatchObject({ kind: 'internal', attempts: 3 });
    expect(get.calls).toBe(3);
  });

  it('retries counts retries (default 2, so 3 attempts); the option passes through', async () => {
    const a = failing(Array.from({ length: 10 }, () => e503));
    await expect(pRetry(a.fn, pRetryOptions(fast))).rejects.toBeTruthy();
    expect(a.calls).toBe(3);
    const b = failing(Array.from({ length: 10 }, () => e503));
    await expect(pRetry(b.fn, pRetryOptions({ ...fast, retries: 4 }))).rejects.toBeTruthy();
    expect(b.calls).toBe(5);
  });

  it('classifies foreign errors: a plain Error is unknown and not retried, and toFaultline keeps it as cause', async () => {
    const boom = new Error('boom');
    const f = failing([() => boom]);
    const raw = await pRetry(f.fn, pRetryOptions(fast)).catch((e: unknown) => e);
    expect(raw).toBe(boom); // p-retry's contract: the original error
    expect(f.calls).toBe(1);
    const error = toFaultline(raw);
    expect(isFaultlineError(error)).toBe(true);
    expect(error.kind).toBe('unknown');
    expect(error.cause).toBe(boom);
    expect(error.attempts).toBe(1);
  });

  it('honours Retry-After on top of p-retry’s own delay', async () => {
    const f = failing([() => createError('rate_limited', { status: 429, retryAfterMs: 300 })]);
    await expect(pRetry(f.fn, pRetryOptions(fast))).resolves.toBe('ok');
    expect(f.calls).toBe(2);
    const gap = (f.times[1] ?? 0) - (f.times[0] ?? 0);
    // At least the server's delay (a lower bound, which load cannot break); the upper bound only
    // says it is not some other, much longer wait.
    expect(gap).toBeGreaterThanOrEqual(290);
    expect(gap).toBeLessThan(10_000);
  });

  it('a Retry-After longer than maxRetryAfterMs stops the retries', async () => {
    const f = failing([() => createError('rate_limited', { status: 429, retryAfterMs: 3_000_000_000 })]);
    const started = performance.now();
    await expect(pRetry(f.fn, pRetryOptions(fast))).rejects.toMatchObject({ retryAfterMs: 3_000_000_000 });
    expect(f.calls).toBe(1);
    // The alternative is a 35-day wait: any prompt end shows it, whatever the machine's load.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('an abort during the Retry-After wait settles promptly and leaves no timer', async () => {
    const before = timeouts();
    const controller = new AbortController();
    const f = failing([() => createError('unavailable', { status: 503, retryAfterMs: 5000 })]);
    const call = pRetry(f.fn, pRetryOptions({ ...fast, signal: controller.signal })).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    controller.abort(new Error('stop'));
    const error = (await call) as Error;
    expect(error.message).toBe('stop');
    // The alternative is the rest of a 5 s Retry-After: ending well before it shows the abort was heard.
    expect(performance.now() - started).toBeLessThan(4000);
    expect(f.calls).toBe(1);
    expect(timeouts()).toBeLessThanOrEqual(before);
  });

  it('shouldRetry can veto; onFailedAttempt sees the typed error and p-retry’s context', async () => {
    const seen: [FaultlineError, number][] = [];
    const f = failing([e503, e503, e503]);
    await expect(
      pRetry(
        f.fn,
        pRetryOptions({
          ...fast,
          shouldRetry: (_error, context) => context.attemptNumber < 2,
          onFailedAttempt: (error, context) => {
            seen.push([error, context.attemptNumber]);
          },
        }),
      ).catch((e: unknown) => Promise.reject(toFaultline(e))),
    ).rejects.toMatchObject({ kind: 'unavailable', attempts: 2 });
    expect(f.calls).toBe(2);
    expect(seen.map(([e, n]) => [e.kind, n])).toEqual([
      ['unavailable', 1],
      ['unavailable', 2],
    ]);
  });

  it('provider reaches classify', async () => {
    const options = pRetryOptions({ ...fast, provider: leancloud });
    const boom = new Error('x');
    await expect(pRetry(async () => Promise.reject(boom), options)).rejects.toBe(boom);
    expect(toFaultline(boom).provider).toBe('leancloud');
  });

  it('does not import p-retry at runtime (type-only import)', () => {
    const source = readFileSync(new URL('../adapters/p-retry.ts', import.meta.url), 'utf8');
    const imports = source.match(/^import .*from 'p-retry';$/gm) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((line) => line.startsWith('import type '))).toBe(true);
  });
});
