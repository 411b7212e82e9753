/**
 * The few commands the store needs, over whichever client the app made: ioredis (5, 6, Cluster) or
 * node-redis (4 to 6, client or cluster). Told apart by shape, never by importing either.
 */

type Listener = (...args: unknown[]) => void;

/** What the store uses of an ioredis `Redis` or `Cluster`. */
export interface IORedisLike {
  readonly status: string;
  evalsha(...args: [sha: string, numkeys: number, ...keysAndArgs: string[]]): Promise<unknown>;
  eval(...args: [script: string, numkeys: number, ...keysAndArgs: string[]]): Promise<unknown>;
  duplicate(): IORedisSubscriberLike;
  on(event: 'ready', listener: () => void): unknown;
  off(event: 'ready', listener: () => void): unknown;
}

/** An ioredis connection in subscriber mode. */
export interface IORedisSubscriberLike {
  readonly status: string;
  subscribe(channel: string): Promise<unknown>;
  connect(): Promise<unknown>;
  on(event: string, listener: Listener): unknown;
  disconnect(): void;
}

/** What the store uses of a node-redis client (`createClient`) or cluster (`createCluster`). */
export interface NodeRedisLike {
  readonly isReady: boolean;
  duplicate(): NodeRedisSubscriberLike;
  on(event: 'ready', listener: () => void): unknown;
  off(event: 'ready', listener: () => void): unknown;
}

/** A node-redis connection made for subscribing. */
export interface NodeRedisSubscriberLike {
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<unknown>;
  on(event: string, listener: Listener): unknown;
}

/** An ioredis or node-redis client, connected (or connecting) by the app. */
export type RedisClientLike = IORedisLike | NodeRedisLike;

/** The store's whole view of Redis. */
export interface RedisLink {
  readonly flavor: 'ioredis' | 'node-redis';
  /** Connected and ready: a command sent now is not parked in an offline queue. */
  isReady(): boolean;
  evalsha(sha: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  eval(script: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /** The app's client (re)connected. */
  onReady(listener: () => void): () => void;
  /** A connection of our own (the client's duplicate) subscribed to `channel`. */
  subscribe(channel: string, handlers: SubscriberHandlers): Subscription;
}

export interface SubscriberHandlers {
  message(text: string): void;
  /** The subscriber (re)connected and is subscribed: messages sent while it was away are lost. */
  ready(): void;
  error(error: unknown): void;
}

export interface Subscription {
  close(): void;
}

function has(value: object, key: string): boolean {
  return key in value;
}

function isFunction(value: object, key: string): boolean {
  return typeof (value as Record<string, unknown>)[key] === 'function';
}

export function linkTo(client: RedisClientLike): RedisLink {
  if (typeof client !== 'object' || client === null) {
    throw new TypeError(`faultline: redisStore.client must be an ioredis or node-redis client, got ${client === null ? 'null' : typeof client}`);
  }
  if (typeof (client as { isReady?: unknown }).isReady === 'boolean' && isFunction(client, 'sendCommand') && isFunction(client, 'duplicate')) {
    return nodeRedisLink(client as NodeRedisLike);
  }
  if (typeof (client as { status?: unknown }).status === 'string' && isFunction(client, 'evalsha') && isFunction(client, 'duplicate')) {
    return ioredisLink(client as IORedisLike);
  }
  throw new TypeError('faultline: redisStore.client must be an ioredis or node-redis client (one with evalsha/status or sendCommand/isReady, and duplicate)');
}

function readyEvents(client: { on(event: 'ready', listener: () => void): unknown; off(event: 'ready', listener: () => void): unknown }) {
  return (listener: () => void): (() => void) => {
    client.on('ready', listener);
    return () => {
      client.off('ready', listener);
    };
  };
}

function ioredisLink(client: IORedisLike): RedisLink {
  return {
    flavor: 'ioredis',
    isReady: () => client.status === 'ready',
    evalsha: (sha, keys, args) => client.evalsha(sha, keys.length, ...keys, ...args),
    eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
    onReady: readyEvents(client),
    subscribe(channel, handlers) {
      const subscriber = client.duplicate();
      let closed = false;
      subscriber.on('message', ((from: string, text: string) => {
        if (from === channel) handlers.message(text);
      }) as Listener);
      subscriber.on('error', handlers.error as Listener);
      // ioredis says 'ready' first and re-subscribes after: subscribing again (a no-op for Redis)
      // tells when messages flow again.
      const subscribe = (): void => {
        subscriber.subscribe(channel).then(
          () => {
            if (!closed) handlers.ready();
          },
          (error: unknown) => {
            if (!closed) handlers.error(error);
          },
        );
      };
      subscriber.on('ready', subscribe as Listener);
      // A client made with lazyConnect gives a duplicate that waits to be told.
      if (subscriber.status === 'wait') subscriber.connect().catch(() => undefined);
      return {
        close() {
          closed = true;
          subscriber.disconnect();
        },
      };
    },
  };
}

interface NodeRedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

interface NodeRedisClusterCommands {
  sendCommand(firstKey: string | undefined, isReadonly: boolean | undefined, args: string[]): Promise<unknown>;
}

function nodeRedisLink(client: NodeRedisLike): RedisLink {
  // A cluster routes by the first key and takes it as a separate argument.
  const cluster = has(client, 'masters');
  const send = (keys: readonly string[], args: string[]): Promise<unknown> =>
    cluster
      ? (client as unknown as NodeRedisClusterCommands).sendCommand(keys[0], false, args)
      : (client as unknown as NodeRedisCommands).sendCommand(args);
  return {
    flavor: 'node-redis',
    isReady: () => client.isReady,
    evalsha: (sha, keys, args) => send(keys, ['EVALSHA', sha, String(keys.length), ...keys, ...args]),
    eval: (script, keys, args) => send(keys, ['EVAL', script, String(keys.length), ...keys, ...args]),
    onReady: readyEvents(client),
    subscribe(channel, handlers) {
      const subscriber = client.duplicate();
      let closed = false;
      subscriber.on('error', handlers.error as Listener);
      let subscribed = false;
      // node-redis re-subscribes by itself on reconnect; its 'ready' then means messages flow again.
      subscriber.on('ready', (() => {
        if (!closed && subscribed) handlers.ready();
      }) as Listener);
      subscriber
        .connect()
        .then(() => subscriber.subscribe(channel, (text) => handlers.message(text)))
        .then(() => {
          subscribed = true;
          if (closed) end(subscriber);
          else handlers.ready();
        })
        .catch((error: unknown) => {
          if (!closed) handlers.error(error);
        });
      return {
        close() {
          if (closed) return;
          closed = true;
          end(subscriber);
        },
      };
    },
  };
}

/** Drops the subscriber's connection at once: nothing is pending on it worth waiting for. */
function end(subscriber: NodeRedisSubscriberLike): void {
  const handle = subscriber as unknown as { destroy?: () => void; disconnect?: () => Promise<unknown> };
  try {
    // destroy() in node-redis 5+, disconnect() (also immediate) in 4.
    if (typeof handle.destroy === 'function') handle.destroy();
    else handle.disconnect?.()?.catch(() => undefined);
  } catch {
    // Already closed.
  }
}
