import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from 'faultline/redis';

export type Flavor = 'ioredis' | 'node-redis';
export const FLAVORS: readonly Flavor[] = ['ioredis', 'node-redis'];

/** An app's client, as the app would make it, plus what the test needs to drive and end it. */
export interface AppClient {
  readonly client: RedisClientLike;
  /** A raw command on this connection (the test's own look at Redis). */
  command(...args: string[]): Promise<unknown>;
  /** Resolves on the client's next 'ready' (a reconnect). */
  nextReady(): Promise<void>;
  quit(): Promise<void>;
}

/** Reconnect at once: the tests wait for the reconnect event, so a short retry only makes them quicker. */
const RECONNECT_MS = 20;

export async function connectClient(flavor: Flavor, port: number): Promise<AppClient> {
  if (flavor === 'ioredis') {
    const client = new Redis({ host: '127.0.0.1', port, retryStrategy: () => RECONNECT_MS, lazyConnect: true });
    // Apps listen for errors; without a listener ioredis only logs them.
    client.on('error', () => undefined);
    await client.connect();
    return {
      client,
      command: (...args) => client.call(args[0]!, ...args.slice(1)),
      nextReady: () => new Promise((resolve) => client.once('ready', () => resolve())),
      quit: async () => {
        client.disconnect();
      },
    };
  }
  const client = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: () => RECONNECT_MS } });
  // node-redis throws an unheard 'error' at the process: every app listens for it.
  client.on('error', () => undefined);
  await client.connect();
  return {
    client,
    command: (...args) => client.sendCommand(args),
    nextReady: () => new Promise((resolve) => client.once('ready', () => resolve())),
    quit: async () => {
      client.destroy();
    },
  };
}
