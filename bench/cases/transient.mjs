import http from 'node:http';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import ky from 'ky';
import { withFaultline as withAxios } from '../../.cache/bench/lib/axios.mjs';
import { withFaultline as withKy } from '../../.cache/bench/lib/ky.mjs';
import { round, stats } from '../measure.mjs';
import { startHttp } from '../servers.mjs';

const CALLS = 200;
const CONCURRENCY = 20;
const FAILURE_RATE = 0.2;
/** Seconds: the smallest whole Retry-After a server can send that still means "wait". */
const RETRY_AFTER = 1;

/**
 * 4. 20% of answers are 503 + `Retry-After: 1` (seeded, so every client faces the same sequence):
 * goodput (successful calls per second of wall time), success rate and latency percentiles, each
 * client with its defaults, 200 GETs over 20 concurrent workers.
 */
export default async function transient() {
  const server = await startHttp({ kind: 'ok' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = `${server.url}/items/1`;
  const clients = [
    { label: 'faultline withFaultline(axios)', make: () => withAxios(axios.create({ httpAgent: agent })), call: (api) => api.get(url) },
    {
      label: 'axios + axios-retry',
      make: () => {
        const api = axios.create({ httpAgent: agent });
        axiosRetry(api);
        return api;
      },
      call: (api) => api.get(url),
    },
    { label: 'faultline withFaultline(ky)', make: () => withKy(ky.create({})), call: (api) => api.get(url).text() },
    { label: 'ky (its own retry)', make: () => ky.create({}), call: (api) => api.get(url).text() },
  ];

  const results = [];
  try {
    for (const client of clients) {
      await server.setMode({ kind: 'flaky', rate: FAILURE_RATE, seed: 7, retryAfter: RETRY_AFTER }, true);
      const api = client.make();
      const latencies = [];
      let ok = 0;
      let next = 0;
      const start = performance.now();
      const worker = async () => {
        while (next < CALLS) {
          next++;
          const t = performance.now();
          try {
            await client.call(api);
            ok++;
            latencies.push(performance.now() - t);
          } catch {
            // a failed call: counted by its absence from `ok`
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const wallS = (performance.now() - start) / 1000;
      const { requests } = await server.stats();
      const latency = stats(latencies);
      results.push({
        label: client.label,
        goodput: ok / wallS,
        success: (ok / CALLS) * 100,
        attempts: requests / CALLS,
        p50: latency.median,
        p99: percentile99(latencies),
      });
    }
  } finally {
    agent.destroy();
    await server.close();
  }

  const what = `${FAILURE_RATE * 100}% 503 + Retry-After: ${RETRY_AFTER}, ${CALLS} GETs, ${CONCURRENCY} concurrent`;
  return {
    tables: [
      {
        title: `4. Transient failures (${what}): goodput`,
        unit: 'successful calls/s',
        rows: results.map((r) => ({ label: r.label, value: round(r.goodput), successPercent: round(r.success), requestsPerCall: round(r.attempts), p50Ms: round(r.p50), p99Ms: round(r.p99) })),
        note: 'p99 includes the Retry-After wait: 1,000 ms is the floor for honouring it; faultline adds up to 10% jitter to a server-given delay',
      },
    ],
  };
}

/** The 99th percentile, nearest rank. */
function percentile99(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.99 * sorted.length) - 1))];
}
