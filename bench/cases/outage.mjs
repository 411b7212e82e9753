import http from 'node:http';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import ky from 'ky';
import pRetry from 'p-retry';
import got from 'got';
import { Agent, RetryAgent, request as undiciRequest } from 'undici';
import { handleAll, retry as cockatielRetry } from 'cockatiel';
import { withFaultline as withAxios } from '../../.cache/bench/lib/axios.mjs';
import { createFetch } from '../../.cache/bench/lib/fetch.mjs';
import { round } from '../measure.mjs';
import { startHttp } from '../servers.mjs';

const CALLS = [50, 500, 5_000];
/** cockatiel retries forever by default: its calls are cut off here, and fewer are made. */
const COCKATIEL_CAP = 100;
const COCKATIEL_CALLS = 20;

const swallow = () => undefined;

/** Each library with its default retry settings, only the delays set to zero. `make(url)` is a fresh client, as an app would start it. */
function clients(agent) {
  return [
    {
      label: 'faultline createFetch()',
      make: (url) => {
        const f = createFetch({ retry: { baseDelayMs: 0 } });
        return () => f(url).then((r) => r.text(), swallow);
      },
    },
    {
      label: 'faultline withFaultline(axios)',
      make: (url) => {
        const api = withAxios(axios.create({ httpAgent: agent }), { retry: { baseDelayMs: 0 } });
        return () => api.get(url).catch(swallow);
      },
    },
    {
      label: 'axios-retry (3 retries)',
      make: (url) => {
        const api = axios.create({ httpAgent: agent });
        axiosRetry(api); // its default delay is already zero (noDelay)
        return () => api.get(url).catch(swallow);
      },
    },
    {
      label: 'ky (retry limit 2)',
      make: (url) => {
        const api = ky.create({ retry: { delay: () => 0 } });
        return () => api.get(url).text().catch(swallow);
      },
    },
    {
      label: 'got (retry limit 2)',
      make: (url) => {
        // got reads a computed delay of 0 as "stop": 1 ms is its smallest delay.
        const api = got.extend({ agent: { http: agent }, retry: { calculateDelay: ({ computedValue }) => (computedValue > 0 ? 1 : 0) } });
        return () => api(url).catch(swallow);
      },
    },
    {
      label: 'undici RetryAgent (5 retries)',
      make: (url) => {
        const dispatcher = new RetryAgent(new Agent(), { minTimeout: 0 });
        const call = async () => {
          try {
            const res = await undiciRequest(url, { dispatcher });
            await res.body.text();
          } catch {
            // RequestRetryError once it gives up
          }
        };
        call.close = () => dispatcher.close();
        return call;
      },
    },
    {
      label: 'p-retry (10 retries) around fetch',
      make: (url) => () =>
        pRetry(
          async () => {
            const res = await fetch(url);
            await res.text();
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
          },
          { minTimeout: 0 },
        ).catch(swallow),
    },
    {
      label: `cockatiel (maxAttempts ∞; cut at ${COCKATIEL_CAP})`,
      calls: COCKATIEL_CALLS,
      make: (url) => {
        const policy = cockatielRetry(handleAll, {});
        return async () => {
          const controller = new AbortController();
          let attempts = 0;
          await policy
            .execute(async () => {
              if (++attempts >= COCKATIEL_CAP) controller.abort();
              const res = await fetch(url);
              await res.text();
              if (!res.ok) throw new Error(`HTTP ${res.status}`);
            }, controller.signal)
            .catch(swallow);
        };
      },
    },
  ];
}

/**
 * 3. A permanent outage (every answer 503, no Retry-After): requests that reach the server per
 * call, for each library's default retry settings with only the delays set to zero, after 50, 500
 * and 5,000 sequential calls of a fresh client. faultline's figure falls as calls grow: its retry
 * budget (250 tokens, 5 per retry) pays for 50 retries in all, then none until calls succeed again.
 */
export default async function outage() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = await startHttp({ kind: 'unavailable' });
  const tables = [];
  try {
    for (const calls of CALLS) {
      await server.setMode({ kind: 'unavailable' }, true);
      const list = clients(agent);
      // The clients run at once, each on its own path (counted apart by the server): several peers
      // wait a timer tick for a zero delay, and waiting those out one client after another is slow.
      const made = await Promise.all(
        list.map(async (client, index) => {
          const n = client.calls ?? calls;
          const call = client.make(`${server.url}/c${index}/items/1`);
          for (let i = 0; i < n; i++) await call();
          await call.close?.();
          return n;
        }),
      );
      const { byPrefix } = await server.stats();
      tables.push({
        title: `3. Permanent outage (every answer 503, delays 0): requests per call over ${calls.toLocaleString('en-US')} sequential calls`,
        unit: 'requests/call',
        rows: list.map((client, index) => ({ label: client.label, value: round((byPrefix[`c${index}`] ?? 0) / made[index]), calls: made[index] })),
        ...(calls === CALLS[0] && { note: "faultline: (calls + 50) / calls, its retry budget's 50 retries spread over the calls made; each peer retries every call the same" }),
      });
    }
  } finally {
    agent.destroy();
    await server.close();
  }
  return { tables };
}
