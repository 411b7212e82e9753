import { describe, expect, it } from 'vitest';
import { retry } from '../src/index.js';
import { FakeClock, flushMicrotasks } from './helpers/fake-clock.js';

describe('the attempt signal is made on demand', () => {
  it('a signal first read after the attempt timed out is already aborted with the TimeoutError', async () => {
    const clock = new FakeClock();
    let read: (() => AbortSignal) | undefined;
    const call = retry(
      (ctx) => {
        read = () => ctx.signal;
        return new Promise(() => {});
      },
      { attemptTimeoutMs: 100, maxAttempts: 1, clock },
    );
    const settled = call.catch((e: unknown) => e);
    await flushMicrotasks();
    await clock.advance(100);
    const error = (await settled) as { kind: string; code: string };
    expect(error.kind).toBe('timeout');
    const signal = read!();
    expect(signal.aborted).toBe(true);
    expect((signal.reason as { code: string }).code).toBe('ATTEMPT_TIMEOUT');
  });

  it('a signal read during the attempt aborts when the caller aborts', async () => {
    const caller = new AbortController();
    let signal: AbortSignal | undefined;
    const call = retry((ctx) => {
      signal = ctx.signal;
      return new Promise(() => {});
    }, { signal: caller.signal });
    await flushMicrotasks();
    expect(signal?.aborted).toBe(false);
    caller.abort(new Error('stop'));
    await expect(call).rejects.toMatchObject({ kind: 'canceled' });
    expect(signal?.aborted).toBe(true);
  });
});
