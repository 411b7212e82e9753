import http from 'node:http';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import ky from 'ky';
import { withFaultline as withAxios } from '../dist/axios.js';
import { createFetch } from '../dist/fetch.js';
import { withFaultline as withKy } from '../dist/ky.js';
import { compareAsync, table } from './measure.mjs';
import { startHttp } from './servers.mjs';

/**
 * 1. What wrapping a client costs when every call succeeds: calls per second, sequential, each
 * reading its body. In-process (a stub transport: no I/O, so the wrapper's own cost shows) and
 * on a loopback keep-alive server (the cost as a share of a real request).
 */
export async function benchSuccessPath() {
  const tables = [];

  // In-process: an axios adapter function and a fetch stub, answering at once.
  const adapter = (config) => Promise.resolve({ data: '{"ok":true}', status: 200, statusText: 'OK', headers: {}, config, request: {} });
  const stub = () => Promise.resolve(new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }));
  tables.push(...(await groups('in-process stub transport', 'http://stub.invalid', {
    axios: (opts) => axios.create({ ...opts, adapter }),
    fetch: stub,
  })));

  const server = await startHttp();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  try {
    tables.push(...(await groups('loopback keep-alive server', server.url, {
      axios: (opts) => axios.create({ ...opts, httpAgent: agent }),
      fetch: undefined,
    }, { roundMs: 300 })));
  } finally {
    agent.destroy();
    await server.close();
  }
  return tables;
}

async function groups(where, base, transport, timing = {}) {
  const url = `${base}/ok`;
  const fetchImpl = transport.fetch;
  const rawFetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));

  const plainAxios = transport.axios();
  const flAxios = withAxios(transport.axios());
  const retryAxios = transport.axios();
  axiosRetry(retryAxios);

  const flFetch = createFetch(fetchImpl ? { fetch: fetchImpl } : {});

  const kyBase = fetchImpl ? { fetch: fetchImpl } : {};
  const kyPlain = ky.create({ ...kyBase, retry: 0 });
  const kyFl = withKy(ky.create(kyBase));
  const kyOwn = ky.create(kyBase);

  const axiosRows = await compareAsync([
    { label: 'axios', fn: () => plainAxios.get(url) },
    { label: 'withFaultline(axios)', fn: () => flAxios.get(url) },
    { label: 'axios + axios-retry', fn: () => retryAxios.get(url) },
  ], timing);
  const fetchRows = await compareAsync([
    { label: 'fetch', fn: async () => (await rawFetch(url)).text() },
    { label: 'createFetch()', fn: async () => (await flFetch(url)).text() },
  ], timing);
  const kyRows = await compareAsync([
    { label: 'ky (retry 0)', fn: () => kyPlain.get(url).text() },
    { label: 'withFaultline(ky)', fn: () => kyFl.get(url).text() },
    { label: 'ky (its own retry)', fn: () => kyOwn.get(url).text() },
  ], timing);
  return [
    table(`1. Success path, ${where}: axios`, 'calls/s', 'axios', axiosRows),
    table(`1. Success path, ${where}: fetch`, 'calls/s', 'fetch', fetchRows),
    table(`1. Success path, ${where}: ky`, 'calls/s', 'ky (retry 0)', kyRows),
  ];
}
