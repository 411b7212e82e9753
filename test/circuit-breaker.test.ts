import { describe, expect, it, vi } from 'vitest';
import { CircuitBreaker, isBreakerFailure, type CircuitStateEvent } from '../src/breaker.js';
import { createRetryPolicy } from '../src/index.js';
import { createError, type FaultlineError } from '../src/errors.js';
import { FakeClock } from './helpers/fake-clock.js';
import { always, e404, e429, e500, e503, track } from './helpers/retry-fixtures.js';

function breaker(options: ConstructorParameters<typeof CircuitBreaker>[0] = {}) {
  const clock = new FakeClock();
  const events: CircuitStateEvent[] = [];
  const cb = new CircuitBreaker({ clock, ...options });
  cb.on('stateChange', (e) => events.push(e));
  return { clock, cb, events, transitions: () => events.map((e) => `${e.from}>${e.to}`) };
}

describe('CircuitBreaker', () => {
  it('opens after failureThreshold consecutive server faults and fails fast with CIRCUIT_OPEN', async () => {
    const { clock, cb, events } = breaker({ failureThreshold: 3, halfOpenAfterMs: 10_000 });
    for (let i = 0; i < 2; i++) {
      expect(cb.admit()).toBeUndefined();
      cb.recordFailure(e503());
    }
    expect(cb.state).toBe('closed');
    cb.recordFailure(e500());
    expect(cb.state).toBe('open');
    expect(events[0]).toMatchObject({ from: 'closed', to: 'open', at: 0, error: { kind: 'internal' } });

    await clock.advance(4000);
    const rejection = cb.admit() as FaultlineError;
    expect(rejection).toMatchObject({ name: 'ServiceUnavailableError', kind: 'unavailable', code: 'CIRCUIT_OPEN', message: 'circuit open' });
    expect(rejection.retryAfterMs).toBe(6000);
  });

  it('a success resets the consecutive count', () => {
    const { cb } = breaker({ failureThreshold: 3 });
    cb.recordFailure(e503());
    cb.recordFailure(e503());
    cb.recordSuccess();
    cb.recordFailure(e503());
    cb.recordFailure(e503());
    expect(cb.state).toBe('closed');
  });

  it('only server faults count: 4xx, rate limits and cancellations do not open it', () => {
    const { cb } = breaker({ failureThreshold: 2 });
    const ignored = [e404(), createError('invalid_request', { status: 400 }), e429(), createError('canceled'), createError('unknown')];
    for (let i = 0; i < 5; i++) for (const e of ignored) cb.recordFailure(e);
    expect(cb.state).toBe('closed');
    expect(ignored.map(isBreakerFailure)).toEqual([false, false, false, false, false]);
    expect(['network', 'timeout', 'unavailable', 'internal', 'connection_closed'].map((k) => isBreakerFailure(createError(k as never)))).toEqual([
      true, true, true, true, true,
    ]);
  });

  it('open → half-open → closed: exactly one probe, success closes', async () => {
    const { clock, cb, transitions } = breaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    cb.recordFailure(e503());
    await clock.advance(999);
    expect(cb.state).toBe('open');
    await clock.advance(1);
    expect(cb.state).toBe('half-open');
    expect(cb.admit()).toBeUndefined(); // the probe
    expect(cb.admit()).toMatchObject({ code: 'CIRCUIT_OPEN' }); // everyone else still fails fast
    expect(cb.admit()).toMatchObject({ code: 'CIRCUIT_OPEN' });
    cb.recordSuccess();
    expect(cb.state).toBe('closed');
    expect(cb.admit()).toBeUndefined();
    expect(cb.admit()).toBeUndefined();
    expect(transitions()).toEqual(['closed>open', 'open>half-open', 'half-open>closed']);
  });

  it('a failed probe re-opens for another full period', async () => {
    const { clock, cb, transitions } = breaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    cb.recordFailure(e503());
    await clock.advance(1000);
    expect(cb.admit()).toBeUndefined();
    cb.recordFailure(e503());
    expect(cb.state).toBe('open');
    expect((cb.admit() as FaultlineError).retryAfterMs).toBe(1000);
    await clock.advance(1000);
    expect(cb.state).toBe('half-open');
    expect(transitions()).toEqual(['closed>open', 'open>half-open', 'half-open>open', 'open>half-open']);
  });

  it('a 4xx answer to the probe closes it (the service answered); a canceled probe frees the slot', async () => {
    const { clock, cb } = breaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    cb.recordFailure(e503());
    await clock.advance(1000);
    expect(cb.admit()).toBeUndefined();
    cb.recordFailure(createError('canceled'));
    expect(cb.state).toBe('half-open');
    expect(cb.admit()).toBeUndefined(); // a new probe may go
    cb.recordFailure(e404());
    expect(cb.state).toBe('closed');
  });

  it('a probe that never reports back frees its slot after halfOpenAfterMs', async () => {
    const { clock, cb } = breaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    cb.recordFailure(e503());
    await clock.advance(1000);
    expect(cb.admit()).toBeUndefined();
    await clock.advance(999);
    expect(cb.admit()).toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 1 });
    await clock.advance(1);
    expect(cb.admit()).toBeUndefined();
  });

  it('failureRatio opens on the share of failures over a full window', () => {
    const { cb } = breaker({ failureRatio: 0.5, windowSize: 10, failureThreshold: 1000 });
    for (let i = 0; i < 4; i++) {
      cb.recordSuccess();
      cb.recordFailure(e503());
    }
    expect(cb.state).toBe('closed'); // 8 calls: window not full yet
    cb.recordSuccess();
    expect(cb.state).toBe('closed');
    cb.recordFailure(e503()); // 5/10
    expect(cb.state).toBe('open');
  });

  it('failureRatio below the threshold stays closed as the window slides', () => {
    const { cb } = breaker({ failureRatio: 0.5, windowSize: 10 });
    for (let i = 0; i < 100; i++) {
      cb.recordSuccess();
      cb.recordSuccess();
      cb.recordFailure(e503());
    }
    expect(cb.state).toBe('closed');
  });

  it('on() subscribes and returns an unsubscribe; a throwing listener does not break it', () => {
    const { cb } = breaker({ failureThreshold: 1 });
    // A listener's bug is reported asynchronously, never thrown into the breaker.
    const reported: (() => void)[] = [];
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => void reported.push(task));
    cb.on('stateChange', () => {
      throw new Error('listener bug');
    });
    const seen = vi.fn();
    const off = cb.on('stateChange', seen);
    cb.recordFailure(e503());
    expect(seen).toHaveBeenCalledTimes(1);
    off();
    cb.reset();
    spy.mockRestore();
    expect(cb.state).toBe('closed');
    expect(seen).toHaveBeenCalledTimes(1);
    expect(reported).toHaveLength(2);
    expect(reported[0]).toThrow('listener bug');
  });

  it('rejects bad options with TypeErrors', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0 })).toThrow(TypeError);
    expect(() => new CircuitBreaker({ failureRatio: 1.5 })).toThrow(/failureRatio/);
    expect(() => new CircuitBreaker({ halfOpenAfterMs: NaN })).toThrow(/halfOpenAfterMs/);
    expect(() => new CircuitBreaker({ windowSize: 2.5 })).toThrow(/windowSize/);
  });

  it('through a policy: open → half-open → closed, failing fast while open', async () => {
    const clock = new FakeClock();
    const cb = new CircuitBreaker({ clock, failureThreshold: 3, halfOpenAfterMs: 5000 });
    const policy = createRetryPolicy({ clock, circuitBreaker: cb, budget: false, maxAttempts: 3 });
    const down = always(e503);
    const t1 = track(policy.execute(down.fn));
    await clock.runAll();
    expect(down.calls).toBe(3);
    expect(cb.state).toBe('open');
    expect((t1.error as FaultlineError).code).toBe(503);

    const blocked = always(e503);
    const t2 = track(policy.execute(blocked.fn));
    await clock.runAll();
    expect(blocked.calls).toBe(0);
    expect(t2.error).toMatchObject({ code: 'CIRCUIT_OPEN' });

    await clock.advance(5000);
    expect(cb.state).toBe('half-open');
    const t3 = track(policy.execute(() => 'recovered'));
    await clock.runAll();
    expect(t3.value).toBe('recovered');
    expect(cb.state).toBe('closed');
  });

  it('a policy given options builds its own breaker on the policy clock', async () => {
    const clock = new FakeClock();
    const policy = createRetryPolicy({ clock, circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 100 }, maxAttempts: 1 });
    expect(policy.circuitBreaker).toBeInstanceOf(CircuitBreaker);
    track(policy.execute(always(e503).fn));
    await clock.runAll();
    expect(policy.circuitBreaker?.state).toBe('open');
    await clock.advance(100);
    expect(policy.circuitBreaker?.state).toBe('half-open');
  });
});
