import pRetry from 'p-retry';
import { ConstantBackoff, handleAll, retry as cockatielRetry } from 'cockatiel';
import { createRetryPolicy, retry } from '../../.cache/bench/lib/core.mjs';
import { pairedRatio, round, spread } from '../measure.mjs';

/** A connection refused: every library here retries it (faultline: network, never sent). */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

/** A fresh fn per call that fails its first attempt and then resolves. */
const failsOnce = () => {
  let n = 0;
  return () => (n++ === 0 ? Promise.reject(refused()) : Promise.resolve(1));
};

const handLoop = async (fn) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
};

/** Each engine against its baseline, paired round by round: calls/s engine ÷ baseline, and the engine's own calls/s. */
async function rows(baseline, engines) {
  const out = [];
  for (const [label, fn] of engines) {
    const result = await pairedRatio(baseline, fn, { rounds: 9, roundMs: 150, warmupMs: 200 });
    out.push({ label, ...spread(result.candidate), ratio: round(result.ratio.median), ratioMin: round(result.ratio.min), ratioMax: round(result.ratio.max) });
  }
  return out;
}

/**
 * 2. The retry engines alone, no I/O: calls per second of a resolving fn under each engine (and,
 * for faultline, with a caller's signal), as a ratio to a bare `await fn()` in the same rounds;
 * then of a fn that fails once, every delay zero (what one retry costs), against a hand-written loop.
 */
export default async function engine() {
  const resolving = () => Promise.resolve(1);
  const policy = createRetryPolicy();
  const signal = new AbortController().signal;
  const cockatiel = cockatielRetry(handleAll, {});
  const success = await rows(resolving, [
    ['faultline policy.execute(fn)', () => policy.execute(resolving)],
    ['faultline policy.execute(fn, { signal })', () => policy.execute(resolving, { signal })],
    ['faultline retry(fn)', () => retry(resolving)],
    ['p-retry', () => pRetry(resolving)],
    ['cockatiel retry policy', () => cockatiel.execute(resolving)],
  ]);

  const zeroPolicy = createRetryPolicy({ baseDelayMs: 0 });
  const zeroCockatiel = cockatielRetry(handleAll, { maxAttempts: 2, backoff: new ConstantBackoff(0) });
  const retried = await rows(() => handLoop(failsOnce()), [
    ['faultline policy.execute(fn), baseDelayMs 0', () => zeroPolicy.execute(failsOnce())],
    ['p-retry { minTimeout: 0 }', () => pRetry(failsOnce(), { minTimeout: 0 })],
    ['cockatiel ConstantBackoff(0)', () => zeroCockatiel.execute(failsOnce())],
  ]);
  return {
    tables: [
      { title: '2. Engine overhead, resolving fn', unit: 'calls/s (ratio: to a bare await fn() in the same rounds)', rows: success },
      {
        title: '2. Engine overhead per retried call (fails once, zero delays)',
        unit: 'calls/s (ratio: to a hand-written try/catch loop)',
        rows: retried,
        note: 'cockatiel sleeps setTimeout(0) even for a zero delay (>= 1 ms in Node); faultline and p-retry skip the timer',
      },
    ],
  };
}
