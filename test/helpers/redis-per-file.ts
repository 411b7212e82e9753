import { afterAll, afterEach, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from './redis-server.js';

/** What the Redis test files share: one real redis-server per file, and what to undo after each test. */
export interface RedisForFile {
  /** The file's server, started before its first test and stopped after its last. */
  readonly server: RedisServer;
  /** Steps undone after each test, the newest first (clients quit, stores closed, servers stopped). */
  readonly cleanup: (() => Promise<void>)[];
}

/** Registers the hooks; call at the top of a test file. */
export function redisForThisFile(): RedisForFile {
  let server: RedisServer | undefined;
  const cleanup: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  return {
    get server() {
      if (!server) throw new Error('the redis-server starts in beforeAll: use it inside a test or a hook');
      return server;
    },
    cleanup,
  };
}
