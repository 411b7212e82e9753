import diagnosticsChannel from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { createRetryPolicy } from '../src/index.js';
import { CHANNELS } from '../src/events.js';

const hasSubscribers = (name: string): boolean => diagnosticsChannel.hasSubscribers(name);
import { createError } from '../src/errors.js';
import { FakeClock } from './helpers/fake-clock.js';
import { track } from './helpers/retry-fixtures.js';

const received: Record<string, unknown[]> = { retry: [], giveUp: [], stateChange: [] };
const subscriptions: [string, (message: unknown) => void][] = [];

function listen(): void {
  for (const [key, name] of Object.entries(CHANNELS)) {
    const listener = (message: unknown): void => {
      received[key]?.push(message);
    };
    diagnosticsChannel.subscribe(name, listener);
    subscriptions.push([name, listener]);
  }
}

afterEach(() => {
  for (const [name, listener] of subscriptions.splice(0)) diagnosticsChannel.unsubscribe(name, listener);
  for (const key of Object.keys(received)) received[key] = [];
});

const secretError = () =>
  createError('unavailable', {
    status: 503,
    request: { method: 'get', url: 'https://api.example.com/1.1/classes/Todo?access_token=SECRET_TOKEN' },
    cause: { message: 'failed', config: { headers: { Authorization: 'Bearer SECRET_BEARER' } } },
  });

describe('diagnostics_channel', () => {
  it('publishes retry, giveup and breaker events with redacted payloads', async () => {
    listen();
    expect(hasSubscribers('faultline:retry')).toBe(true);
    const clock = new FakeClock();
    const policy = createRetryPolicy({
      clock,
      jitter: 'none',
      maxAttempts: 2,
      circuitBreaker: { failureThreshold: 2 },
      budget: false,
    });
    const t = track(
      policy.execute(() => {
        throw secretError();
      }),
    );
    await clock.runAll();
    expect(t.settled).toBe(true);

    expect(received.retry).toEqual([
      { attempt: 1, delayMs: 100, error: expect.objectContaining({ kind: 'unavailable', status: 503 }) },
    ]);
    expect(received.giveUp).toEqual([
      { attempts: 2, reason: 'max-attempts', totalDelayMs: 100, error: expect.objectContaining({ kind: 'unavailable', attempts: 2 }) },
    ]);
    expect(received.stateChange).toEqual([
      { from: 'closed', to: 'open', at: 100, error: expect.objectContaining({ kind: 'unavailable' }) },
    ]);

    const text = JSON.stringify(received);
    expect(text).not.toContain('SECRET_TOKEN');
    expect(text).not.toContain('SECRET_BEARER');
    expect(text).not.toContain('config'); // the raw cause is summarised, not dumped
    // Payloads are plain data, not live error objects.
    expect(received.retry?.[0]).not.toHaveProperty('error.stack');
  });

  it('builds nothing when nobody subscribes', async () => {
    expect(hasSubscribers('faultline:retry')).toBe(false);
    let built = 0;
    const clock = new FakeClock();
    const policy = createRetryPolicy({ clock, maxAttempts: 2, budget: false });
    const error = secretError();
    const toJSON = error.toJSON.bind(error);
    error.toJSON = () => {
      built++;
      return toJSON();
    };
    track(
      policy.execute(() => {
        throw error;
      }),
    );
    await clock.runAll();
    expect(built).toBe(0);
  });
});
