import ky from 'ky';
import { withFaultline } from '../../.cache/bench/lib/ky.mjs';
import { pairedRatio, pairedRow } from '../measure.mjs';
import { startHttp } from '../servers.mjs';

const WRAPPERS = {
  // ky's own timeout stays on in both; faultline turns ky's retry off.
  faultline: { label: 'withFaultline(ky)', make: (options) => withFaultline(ky.create(options)) },
  'ky-retry': { label: "ky with its own retry", make: (options) => ky.create(options) },
};

/**
 * Success path, one wrapper against bare ky (`retry: 0`): sequential GETs read with `.text()`
 * on the call (ky's usual form; for faultline it reads the body inside the attempt), calls/s
 * wrapped ÷ bare per round. `transport`: 'stub' or 'loopback'.
 */
export default async function successKy({ wrapper, transport }) {
  const { label, make } = WRAPPERS[wrapper];
  let base = 'http://stub.invalid';
  let options = {};
  let close = async () => undefined;
  if (transport === 'stub') {
    options = { fetch: () => Promise.resolve(new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } })) };
  } else {
    const server = await startHttp();
    base = server.url;
    close = () => server.close();
  }
  const bare = ky.create({ ...options, retry: 0 });
  const wrapped = make(options);
  const url = `${base}/ok`;
  try {
    const result = await pairedRatio(() => bare.get(url).text(), () => wrapped.get(url).text());
    return [pairedRow(`${label} ÷ ky`, result)];
  } finally {
    await close();
  }
}
