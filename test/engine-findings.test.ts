import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pRetry from 'p-retry';
import { describe, expect, it } from 'vitest';
import { pRetryOptions, toFaultline } from '../adapters/p-retry.js';
import { createError, isFaultlineError, type FaultlineError } from '../src/errors.js';
import { createRetryPolicy, retry } from '../src/policy.js';
import { FakeClock } from './helpers/fake-clock.js';
import { track } from './helpers/retry-fixtures.js';

/*
 * Issue 13's outside findings about the engine, each pinned: it failed on the first edition and
 * holds now.
 */

describe('hooks are bounded', () => {
  it("an onRefresh that never settles fails the call with a typed timeout at the deadline (retry(…, { deadlineMs: 500 }))", async () => {
    const clock = new FakeClock();
    const t = track(
      retry(() => Promise.reject(createError('session_expired', { code: 209 })), {
        clock,
        deadlineMs: 500,
        onRefresh: () => new Promise(() => {}),
      }),
    );
    await clock.advance(499);
    expect(t.settled).toBe(false);
    await clock.advance(1);
    expect(t.settled).toBe(true);
    expect(t.error).toMatchObject({ kind: 'timeout', code: 'REFRESH_TIMEOUT', attempts: 1 });
    expect((t.error as FaultlineError).cause).toMatchObject({ kind: 'session_expired' });
    expect(clock.pending).toBe(0);
  });

  it('without a deadline, an attempt timeout bounds it; without either, REFRESH_TIMEOUT_MS does', async () => {
    const clock = new FakeClock();
    const a = track(retry(() => Promise.reject(createError('session_expired')), { clock, attemptTimeoutMs: 2000, onRefresh: () => new Promise(() => {}) }));
    await clock.advance(2000);
    expect(a.error).toMatchObject({ code: 'REFRESH_TIMEOUT' });
    const b = track(retry(() => Promise.reject(createError('session_expired')), { clock, onRefresh: () => new Promise(() => {}) }));
    await clock.advance(30_000);
    expect(b.error).toMatchObject({ code: 'REFRESH_TIMEOUT' });
  });
});

describe('the loop yields to the event loop', () => {
  it('a zero-delay, unbudgeted, unbounded loop around a function that fails without I/O still lets AbortSignal.timeout fire', async () => {
    let attempts = 0;
    const call = retry(
      () => {
        attempts++;
        throw createError('unavailable');
      },
      { baseDelayMs: 0, budget: false, maxAttempts: Infinity, signal: AbortSignal.timeout(50) },
    );
    // Waits for the event (the abort), not for a time: before, this never settled.
    await expect(call).rejects.toMatchObject({ kind: 'canceled' });
    expect(attempts).toBeGreaterThan(1);
  });
});

describe('errors are values', () => {
  it('nested policies each report their own attempts and history (outer 3 × inner 2 = 6 calls)', async () => {
    const clock = new FakeClock();
    const inner = createRetryPolicy({ clock, maxAttempts: 2, baseDelayMs: 0, budget: false });
    const outer = createRetryPolicy({ clock, maxAttempts: 3, baseDelayMs: 0, budget: false });
    const innerGiveUps: FaultlineError[] = [];
    inner.on('giveUp', ({ error }) => innerGiveUps.push(error));
    let calls = 0;
    const t = track(
      outer.execute(() =>
        inner.execute(() => {
          calls++;
          throw Object.freeze(createError('unavailable', { status: 503 }));
        }),
      ),
    );
    await clock.runAll();
    expect(calls).toBe(6);
    const error = t.error as FaultlineError;
    expect(error).toMatchObject({ attempts: 3 });
    expect(error.history).toHaveLength(2);
    expect(innerGiveUps).toHaveLength(3);
    for (const e of innerGiveUps) {
      expect(e.attempts).toBe(2);
      expect(e.history).toHaveLength(1);
    }
    // Three distinct values: the inner give-ups are not the outer's.
    expect(new Set([error, ...innerGiveUps]).size).toBe(4);
  });

  it('frozen errors go through the engine and p-retry untouched: nothing assigns to an error', async () => {
    const clock = new FakeClock();
    const thrown = Object.freeze(createError('unavailable', { status: 503 }));
    const t = track(retry(() => Promise.reject(thrown), { clock, maxAttempts: 3 }));
    await clock.runAll();
    expect(t.error).toMatchObject({ kind: 'unavailable', attempts: 3 });
    expect(thrown.attempts).toBeUndefined();
    const raw = await pRetry(() => Promise.reject(thrown), pRetryOptions({ minTimeout: 0, maxTimeout: 0, retries: 1 })).catch((e: unknown) => e);
    expect(raw).toBe(thrown);
    expect(toFaultline(raw)).toMatchObject({ attempts: 2 });
  });

  it('no source file assigns to a field of an error after it is made', () => {
    const fields = ['attempts', 'totalDelayMs', 'history', 'cause', 'kind', 'code', 'status', 'closeCode', 'retry', 'retryAfterMs', 'advice', 'description', 'requestId', 'request', 'provider', 'message'];
    const assignment = new RegExp(String.raw`\b(?:error|err|e|fault|failure|typed|last|known|base)\s*\.\s*(?:${fields.join('|')})\s*=[^=]`);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
            if (assignment.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    for (const dir of ['src', 'adapters', 'catalog']) walk(new URL(`../${dir}`, import.meta.url).pathname);
    expect(offenders).toEqual([]);
    expect(isFaultlineError(createError('unknown'))).toBe(true);
  });
});
