import http from 'node:http';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import ky from 'ky';
import { withFaultline as withAxios } from '../dist/axios.js';
import { withFaultline as withKy } from '../dist/ky.js';
import { percentile, table } from './measure.mjs';
import { startHttp } from './servers.mjs';

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
export async function benchTransient() {
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
      results.push({
        label: client.label,
        goodput: ok / wallS,
        success: (ok / CALLS) * 100,
        attempts: requests / CALLS,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      });
    }
  } finally {
    agent.destroy();
    await server.close();
  }

  const base = 'faultline withFaultline(axios)';
  const what = `${FAILURE_RATE * 100}% 503 + Retry-After: ${RETRY_AFTER}, ${CALLS} GETs, ${CONCURRENCY} concurrent`;
  return [
    table(`4. Transient failures (${what}): goodput`, 'successful calls/s', base,
      results.map((r) => ({ label: r.label, value: r.goodput, successPercent: round(r.success), requestsPerCall: round(r.attempts) }))),
    table(`4. Transient failures: p50 latency of successful calls`, 'ms', base, results.map((r) => ({ label: r.label, value: r.p50 }))),
    table(`4. Transient failures: p99 latency of successful calls`, 'ms', base, results.map((r) => ({ label: r.label, value: r.p99 })),
      'p99 includes the Retry-After wait: 1,000 ms is the floor for honouring it; faultline adds up to 10% jitter'),
  ];
}

const round = (n) => Number(n.toFixed(2));
