import pRetry from 'p-retry';
import { ConstantBackoff, handleAll, retry as cockatielRetry } from 'cockatiel';
import { createRetryPolicy, retry } from '../dist/core.js';
import { compareAsync, table } from './measure.mjs';

/** A connection refused: every library here retries it (faultline: network, never sent). */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

/** A fresh fn per call that fails its first attempt and then resolves. */
const failsOnce = () => {
  let n = 0;
  return () => (n++ === 0 ? Promise.reject(refused()) : Promise.resolve(1));
};

/**
 * 2. The retry engines alone, no I/O: calls per second of a resolving fn, bare and under each
 * engine; then of a fn that fails once, with every delay set to zero (what one retry costs).
 */
export async function benchEngine() {
  const resolving = () => Promise.resolve(1);
  const policy = createRetryPolicy();
  const cockatiel = cockatielRetry(handleAll, {});

  const success = await compareAsync([
    { label: 'bare await fn()', fn: () => resolving() },
    { label: 'faultline retry(fn)', fn: () => retry(resolving) },
    { label: 'faultline policy.execute(fn)', fn: () => policy.execute(resolving) },
    { label: 'p-retry', fn: () => pRetry(resolving) },
    { label: 'cockatiel retry policy', fn: () => cockatiel.execute(resolving) },
  ]);

  const zeroPolicy = createRetryPolicy({ baseDelayMs: 0 });
  const zeroCockatiel = cockatielRetry(handleAll, { maxAttempts: 2, backoff: new ConstantBackoff(0) });
  const handLoop = async (fn) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  };
  const retried = await compareAsync([
    { label: 'hand-written try/catch loop', fn: () => handLoop(failsOnce()) },
    { label: 'faultline retry(fn, {baseDelayMs: 0})', fn: () => retry(failsOnce(), { baseDelayMs: 0 }) },
    { label: 'faultline policy.execute(fn)', fn: () => zeroPolicy.execute(failsOnce()) },
    { label: 'p-retry {minTimeout: 0}', fn: () => pRetry(failsOnce(), { minTimeout: 0 }) },
    { label: 'cockatiel ConstantBackoff(0)', fn: () => zeroCockatiel.execute(failsOnce()) },
  ]);

  return [
    table('2. Engine overhead, resolving fn', 'calls/s', 'bare await fn()', success),
    table(
      '2. Engine overhead per retried call (fails once, zero delays)',
      'calls/s',
      'hand-written try/catch loop',
      retried,
      "cockatiel sleeps setTimeout(0) even for a zero delay (>= 1 ms in Node); faultline and p-retry skip the timer",
    ),
  ];
}
