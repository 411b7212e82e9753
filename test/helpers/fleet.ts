import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Flavor } from './redis-clients.js';

/**
 * Several real Node processes sharing one Redis through `redisStore`, as a fleet of servers would.
 * Each child runs the worker runtime (fleet-worker.ts) around a scenario module, the pluggable part:
 * it gets the child's store and answers the commands the test sends. Everything is coordinated by
 * messages: the test asks, a child answers when done; children also report the store's events.
 */

/** What a scenario module exports: `setup` makes the handlers of one child. */
export interface FleetScenario {
  setup(context: WorkerContext): Handlers | Promise<Handlers>;
}

export type Handlers = Record<string, (payload: never) => unknown>;

/** A child's clock: the host's, plus an offset the test moves (breaker windows, half-open times). */
export interface FleetClock {
  now(): number;
  advance(ms: number): void;
}

/** What a child's scenario gets. */
export interface WorkerContext {
  readonly index: number;
  /** The child's store (its own Redis connection, `processId` 'worker-<index>', the child's clock). */
  readonly store: import('faultline/redis').RedisPolicyStore;
  /** The clock the store reads: give it to the policies too (they must agree). */
  readonly clock: FleetClock;
  /** The JSON the test passed as `config`. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Reports an event to the test (see Fleet.nextEvent). */
  emit(name: string, data?: unknown): void;
}

export interface FleetOptions {
  size: number;
  /** The scenario module (TypeScript), bundled for the children with the worker runtime. */
  scenario: URL;
  redisPort: number;
  prefix: string;
  /** The Redis client each child makes; 'mixed': ioredis in even children, node-redis in odd ones. Default 'ioredis'. */
  flavor?: Flavor | 'mixed';
  /** More options for each child's redisStore (JSON: heartbeatMs, flushIntervalMs…). */
  store?: Readonly<Record<string, number | string>>;
  /** redisStore's timeoutMs in the children. Default 1,000 (a loaded CI machine is not an outage). */
  timeoutMs?: number;
  /** JSON handed to every child's scenario (server URLs, budgets…). */
  config?: Record<string, unknown>;
  /** Per child: a prefix of its own instead (a fleet that shares nothing, to compare with). */
  isolated?: boolean;
}

export interface Fleet {
  readonly size: number;
  /** Sends `command` to child `index`; resolves with what its handler returned. */
  ask<T = unknown>(index: number, command: string, payload?: unknown): Promise<T>;
  /** The same command to every child at once. */
  askAll<T = unknown>(command: string, payload?: unknown): Promise<T[]>;
  /** Resolves with the data of the next event `name` child `index` reports (store events: fallback, recovered, update). */
  nextEvent(index: number, name: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** Worker → test messages. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string }
  | { readonly type: 'event'; readonly name: string; readonly data: unknown };

/** Test → worker messages. */
export type TestMessage = { readonly type: 'ask'; readonly id: number; readonly command: string; readonly payload: unknown } | { readonly type: 'stop' };

/** What a child reads from FAULTLINE_FLEET. */
export interface WorkerSetup {
  readonly index: number;
  readonly redisPort: number;
  readonly prefix: string;
  readonly flavor: Flavor;
  readonly timeoutMs: number;
  readonly store: Readonly<Record<string, number | string>>;
  readonly config: Record<string, unknown>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const worker = fileURLToPath(new URL('./fleet-worker.ts', import.meta.url));
const bundles = new Map<string, Promise<string>>();
const written: string[] = [];

/** Removes the bundles made so far (call it in afterAll; the fleets using them must be stopped). */
export function removeFleetBundles(): void {
  for (const file of written.splice(0)) rmSync(file, { force: true });
  bundles.clear();
}
process.once('exit', removeFleetBundles);

/** One bundle per scenario for this test file's fleets (made once, removed when the test process ends). */
function bundle(scenario: URL): Promise<string> {
  let made = bundles.get(scenario.href);
  if (!made) bundles.set(scenario.href, (made = bundleOnce(scenario, bundles.size)));
  return made;
}

/** The worker runtime and the scenario in one ESM file inside the repository (so `node_modules` resolves). */
async function bundleOnce(scenario: URL, serial: number): Promise<string> {
  const dir = `${root}.cache/fleet`;
  await mkdir(dir, { recursive: true });
  const outfile = `${dir}/worker-${process.pid}-${serial}.mjs`;
  written.push(outfile);
  await build({
    stdin: {
      contents: `import { runWorker } from ${JSON.stringify(worker)};\nimport * as scenario from ${JSON.stringify(fileURLToPath(scenario))};\nrunWorker(scenario);\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    tsconfig: `${root}tsconfig.json`,
    // The clients stay packages the child loads, as the app would; faultline's own sources are bundled.
    external: ['ioredis', 'redis', 'axios', 'ws'],
    logLevel: 'error',
  });
  return outfile;
}

interface Child {
  readonly process: ChildProcess;
  readonly pending: Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
  readonly waiters: Map<string, ((data: unknown) => void)[]>;
  exitError?: Error;
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const outfile = await bundle(options.scenario);
  const children: Child[] = [];
  let nextId = 0;
  let stopping = false;

  const spawnChild = (index: number): Promise<Child> => {
    const setup: WorkerSetup = {
      index,
      redisPort: options.redisPort,
      prefix: options.isolated ? `${options.prefix}-alone-${index}` : options.prefix,
      flavor: options.flavor === 'mixed' ? (index % 2 === 0 ? 'ioredis' : 'node-redis') : (options.flavor ?? 'ioredis'),
      timeoutMs: options.timeoutMs ?? 1_000,
      store: options.store ?? {},
      config: options.config ?? {},
    };
    const child = fork(outfile, [], {
      env: { ...process.env, FAULTLINE_FLEET: JSON.stringify(setup) },
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const entry: Child = { process: child, pending: new Map(), waiters: new Map() };
    return new Promise((resolve, reject) => {
      child.on('message', (raw) => {
        const message = raw as WorkerMessage;
        if (message.type === 'ready') resolve(entry);
        else if (message.type === 'reply') {
          const waiting = entry.pending.get(message.id);
          entry.pending.delete(message.id);
          if (message.ok) waiting?.resolve(message.value);
          else waiting?.reject(new Error(`fleet worker ${index}: ${message.error}`));
        } else if (message.type === 'event') {
          const list = entry.waiters.get(message.name);
          const first = list?.shift();
          first?.(message.data);
        }
      });
      child.once('exit', (code, signal) => {
        const error = new Error(`fleet worker ${index} exited (${signal ?? code})`);
        entry.exitError = error;
        for (const waiting of entry.pending.values()) waiting.reject(error);
        entry.pending.clear();
        if (!stopping) reject(error);
      });
    });
  };

  try {
    children.push(...(await Promise.all(Array.from({ length: options.size }, (_, index) => spawnChild(index)))));
  } catch (error) {
    stopping = true;
    for (const child of children) child.process.kill('SIGKILL');
    throw error;
  }

  const childAt = (index: number): Child => {
    const child = children[index];
    if (!child) throw new RangeError(`no fleet worker ${index} (size ${children.length})`);
    return child;
  };

  const ask = <T>(index: number, command: string, payload?: unknown): Promise<T> => {
    const child = childAt(index);
    if (child.exitError) return Promise.reject(child.exitError);
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      child.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: TestMessage = { type: 'ask', id, command, payload };
      child.process.send(message);
    });
  };

  return {
    size: children.length,
    ask,
    askAll: <T>(command: string, payload?: unknown) => Promise.all(children.map((_, index) => ask<T>(index, command, payload))),
    nextEvent(index, name) {
      const child = childAt(index);
      return new Promise((resolve) => {
        const list = child.waiters.get(name) ?? [];
        list.push(resolve);
        child.waiters.set(name, list);
      });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitError) return resolve();
              child.process.once('exit', () => resolve());
              const message: TestMessage = { type: 'stop' };
              child.process.send(message);
            }),
        ),
      );
    },
  };
}
