import { createRetryPolicy } from '../../.cache/bench/lib/index.mjs';
import { createFetch } from '../../.cache/bench/lib/fetch.mjs';
import { round, sleep, spread, stats } from '../measure.mjs';
import { startHttp } from '../servers.mjs';

const OUTAGE_MS = 1_000;
const TRIALS = 15;
/** The caller's pace: one call, then this pause, then the next (a poller, a UI refreshing). */
const PAUSE_MS = 10;
const HALF_OPEN_MS = 1_000;
/** Bound on waiting for the first success after the outage. */
const GIVE_UP_MS = 10_000;

/**
 * 5. An outage (every answer 503) ends: how long until a caller's calls succeed again, and how
 * many requests the down service received meanwhile, with faultline's default policy, without and
 * with a circuit breaker (5 consecutive failures; half-open after 1 s, scaled down from the 30 s
 * default so the run stays short). 15 trials each, a fresh client per trial: median and spread.
 */
export default async function recovery() {
  const server = await startHttp({ kind: 'ok' });
  const variants = [
    { label: 'faultline defaults, no circuit breaker', policy: () => createRetryPolicy() },
    { label: `with circuit breaker (half-open after ${HALF_OPEN_MS} ms)`, policy: () => createRetryPolicy({ circuitBreaker: { halfOpenAfterMs: HALF_OPEN_MS } }) },
  ];
  const results = [];
  try {
    for (const variant of variants) {
      const recoveries = [];
      const loads = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const { recoveryMs, outageRequestsPerS } = await oneTrial(server, variant.policy());
        recoveries.push(recoveryMs);
        loads.push(outageRequestsPerS);
      }
      results.push({ label: variant.label, recovery: stats(recoveries), load: stats(loads) });
    }
  } finally {
    await server.close();
  }
  const what = `${TRIALS} trials; a caller makes one call every ${PAUSE_MS} ms after the previous one settles; outage ${OUTAGE_MS} ms`;
  return {
    tables: [
      { title: '5. Recovery after an outage ends: time to the first successful call', unit: 'ms', rows: results.map((r) => ({ label: r.label, ...spread(r.recovery) })), note: what },
      { title: '5. During the outage: requests reaching the down service', unit: 'requests/s', rows: results.map((r) => ({ label: r.label, ...spread(r.load) })) },
    ],
  };
}

async function oneTrial(server, retry) {
  const call = createFetch({ retry });
  const url = `${server.url}/items/1`;
  // Settle into healthy traffic first, so the breaker and budget start from a normal state.
  for (let i = 0; i < 20; i++) await (await call(url)).text();

  const outageStart = performance.now();
  await server.setMode({ kind: 'unavailable' }, true);
  let recoveredAt;
  let firstSuccess;
  let outageRequests;
  const ended = (async () => {
    await sleep(OUTAGE_MS);
    ({ requests: outageRequests } = await server.stats());
    recoveredAt = performance.now();
    await server.setMode({ kind: 'ok' });
  })();

  const deadline = outageStart + OUTAGE_MS + GIVE_UP_MS;
  while (firstSuccess === undefined && performance.now() < deadline) {
    try {
      const res = await call(url);
      await res.text();
      if (recoveredAt !== undefined) firstSuccess = performance.now();
    } catch {
      // failed during the outage (or fast, with the circuit open)
    }
    await sleep(PAUSE_MS);
  }
  await ended;
  const outageS = (recoveredAt - outageStart) / 1000;
  return { recoveryMs: firstSuccess === undefined ? Infinity : round(firstSuccess - recoveredAt), outageRequestsPerS: outageRequests / outageS };
}
