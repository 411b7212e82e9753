import { createFetch } from '../../.cache/bench/lib/fetch.mjs';
import { pairedRatio, pairedRow } from '../measure.mjs';
import { startHttp } from '../servers.mjs';

/**
 * Success path, createFetch() against bare fetch: sequential GETs, each reading its body, calls/s
 * wrapped ÷ bare per round. `transport`: 'stub' (a fetch that answers at once) or 'loopback'
 * (Node's fetch to a keep-alive server in another process).
 */
export default async function successFetch({ transport, readBody = false }) {
  let base = 'http://stub.invalid';
  let inner;
  let close = async () => undefined;
  if (transport === 'stub') {
    inner = () => Promise.resolve(new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }));
  } else {
    const server = await startHttp();
    base = server.url;
    inner = (input, init) => globalThis.fetch(input, init);
    close = () => server.close();
  }
  const wrapped = createFetch({ fetch: inner, readBody });
  const url = `${base}/ok`;
  try {
    const result = await pairedRatio(
      async () => (await inner(url)).text(),
      async () => (await wrapped(url)).text(),
    );
    const label = readBody ? 'createFetch({ readBody: true }) ÷ fetch' : 'createFetch() ÷ fetch';
    return [pairedRow(label, result)];
  } finally {
    await close();
  }
}
