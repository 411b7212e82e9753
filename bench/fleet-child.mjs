// One process of a bench fleet (forked by bench/fleet.mjs): the built package as an app uses it.
// One retry policy on a redisStore over the app's own client (ioredis in even processes,
// node-redis in odd ones), given to createFetch (even) or withFaultline(axios) (odd); beside it
// the same policy with no store, as every process runs today. Driven by IPC: { id, cmd, ...args }.
import axios from 'axios';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { withFaultline } from '../dist/axios.js';
import { createRetryPolicy, isFaultlineError } from '../dist/core.js';
import { createFetch } from '../dist/fetch.js';
import { redisStore } from '../dist/redis.js';

const setup = JSON.parse(process.env.FAULTLINE_BENCH_FLEET ?? '{}');
const { index, redisPort, prefix, servers, policy: options, store: storeOptions = {} } = setup;

async function connect() {
  if (index % 2 === 0) {
    const client = new Redis({ host: '127.0.0.1', port: redisPort, lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
    return { client, quit: () => client.disconnect() };
  }
  const client = createClient({ socket: { host: '127.0.0.1', port: redisPort } });
  client.on('error', () => undefined);
  await client.connect();
  return { client, quit: () => client.destroy() };
}

const app = await connect();
const store = redisStore(app.client, { timeoutMs: 5_000, ...storeOptions, prefix, processId: `bench-${index}` });
const shared = createRetryPolicy({ ...options, store });
const local = createRetryPolicy({ ...options, circuitBreaker: undefined });
const via = index % 2 === 0 ? 'fetch' : 'axios';
const clientsOf = (policy) => ({ fetch: createFetch({ retry: policy }), axios: withFaultline(axios.create(), { retry: policy }) });
const clients = { shared: clientsOf(shared), local: clientsOf(local) };
const gate = store.gate(shared.options.name);

async function call({ server, path, local: alone = false }) {
  const client = clients[alone ? 'local' : 'shared'];
  const url = `${servers[server]}${path}`;
  try {
    if (via === 'fetch') await (await client.fetch(url)).arrayBuffer();
    else await client.axios.get(url);
    return { ok: true };
  } catch (error) {
    if (!isFaultlineError(error)) throw error;
    return { ok: false, code: error.code ?? error.kind };
  }
}

/** Resolves once the gate of `server`'s host is closed here (heard from the fleet, or closed by this process's own call). */
function gated({ server }) {
  const host = new URL(servers[server]).host;
  const wait = () => gate.waitMs(Date.now(), host);
  if (wait() > 0) return wait();
  return new Promise((resolve) => {
    const check = () => {
      if (wait() <= 0) return;
      for (const off of offs) off();
      resolve(wait());
    };
    const offs = [store.on('update', check), shared.on('retry', check), shared.on('giveUp', check)];
  });
}

const commands = {
  call,
  async calls({ count, ...request }) {
    let ok = 0;
    for (let i = 0; i < count; i++) if ((await call({ ...request, path: `${request.path}?call=${index}-${i}` })).ok) ok++;
    return { ok, failed: count - ok };
  },
  gated,
  idle: () => store.idle(),
  async stop() {
    await store.close();
    app.quit();
    setImmediate(() => process.exit(0));
  },
};

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    process.send({ id, ok: true, value: await commands[cmd](args) });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ id: 0, ok: true, value: 'ready' });
