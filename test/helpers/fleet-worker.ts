import { redisStore } from 'faultline/redis';
import type { FleetScenario, Handlers, TestMessage, WorkerMessage, WorkerSetup } from './fleet.js';
import { connectClient } from './redis-clients.js';

/** The runtime of one fleet child: its Redis client and store, the scenario's handlers, the message loop. */
export async function runWorker(scenario: FleetScenario): Promise<void> {
  const send = (message: WorkerMessage): void => {
    process.send?.(message);
  };
  const setup = JSON.parse(process.env.FAULTLINE_FLEET ?? '') as WorkerSetup;
  const app = await connectClient(setup.flavor, setup.redisPort);
  let offset = 0;
  const clock = {
    now: () => Date.now() + offset,
    advance: (ms: number) => void (offset += ms),
  };
  const store = redisStore(app.client, { ...setup.store, prefix: setup.prefix, processId: `worker-${setup.index}`, timeoutMs: setup.timeoutMs, clock });
  for (const name of ['fallback', 'recovered'] as const) {
    store.on(name, (event) => send({ type: 'event', name, data: { operation: event.operation, error: event.error === undefined ? undefined : String(event.error) } }));
  }
  store.on('update', (update) => send({ type: 'event', name: 'update', data: update }));
  const emit = (name: string, data?: unknown): void => send({ type: 'event', name, data });
  const handlers: Handlers = await scenario.setup({ index: setup.index, store, clock, config: setup.config, emit });

  const stop = async (): Promise<void> => {
    await store.close();
    await app.quit();
    process.exit(0);
  };
  // The test went away: so does the fleet.
  process.on('disconnect', () => void stop());
  process.on('message', (raw) => {
    const message = raw as TestMessage;
    if (message.type === 'stop') {
      void stop();
      return;
    }
    const handler = handlers[message.command];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`the scenario has no command ${JSON.stringify(message.command)}`);
        return handler(message.payload as never);
      })
      .then(
        (value) => send({ type: 'reply', id: message.id, ok: true, value }),
        (error: unknown) => send({ type: 'reply', id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  send({ type: 'ready' });
}
