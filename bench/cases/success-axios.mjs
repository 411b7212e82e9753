import http from 'node:http';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import { withFaultline } from '../../.cache/bench/lib/axios.mjs';
import { pairedRatio, pairedRow } from '../measure.mjs';
import { startHttp } from '../servers.mjs';

const WRAPPERS = {
  faultline: { label: 'withFaultline(axios)', wrap: (api) => withFaultline(api) },
  'axios-retry': { label: 'axios + axios-retry', wrap: (api) => (axiosRetry(api), api) },
};

/**
 * Success path, one wrapper against bare axios in this process only (two axios clients, never
 * three): sequential GETs, calls/s wrapped ÷ bare per round. `transport`: 'stub' (an adapter
 * function answering at once: the wrapper's own cost shows) or 'loopback' (a keep-alive server
 * in another process: the cost as a share of a real request).
 */
export default async function successAxios({ wrapper, transport }) {
  const { label, wrap } = WRAPPERS[wrapper];
  let base = 'http://stub.invalid';
  let make;
  let close = async () => undefined;
  if (transport === 'stub') {
    const adapter = (config) => Promise.resolve({ data: '{"ok":true}', status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, config, request: {} });
    make = () => axios.create({ adapter });
  } else {
    const server = await startHttp();
    const agent = new http.Agent({ keepAlive: true });
    base = server.url;
    make = () => axios.create({ httpAgent: agent });
    close = async () => {
      agent.destroy();
      await server.close();
    };
  }
  const bare = make();
  const wrapped = wrap(make());
  const url = `${base}/ok`;
  try {
    const result = await pairedRatio(() => bare.get(url), () => wrapped.get(url));
    return [pairedRow(`${label} ÷ axios`, result)];
  } finally {
    await close();
  }
}
