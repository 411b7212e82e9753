import axios from 'axios';
import { WebSocket } from 'ws';
import { withFaultline } from 'faultline/axios';
import { createFetch } from 'faultline/fetch';
import type { CircuitState } from 'faultline/redis';
import { ReconnectingSocket } from 'faultline/ws';
import { leancloud } from '../../catalog/leancloud/index.js';
import { isFaultlineError } from '../../src/errors.js';
import { createRetryPolicy } from '../../src/policy.js';
import type { RetryOptions, RetryPolicy } from '../../src/policy-types.js';
import type { Handlers, WorkerContext } from './fleet.js';

/**
 * A fleet child as an app would be: one retry policy on the child's redisStore, used by a fetch
 * client, an axios instance and a ReconnectingSocket; beside it the same policy without a store
 * (what each process has today), to compare. Every call goes through the real adapters to the
 * test's loopback servers.
 */
export interface PolicyConfig {
  /** Server name → base URL (`http://127.0.0.1:<port>`). */
  readonly servers: Readonly<Record<string, string>>;
  /** The policy's options besides store, clock and provider (JSON). */
  readonly policy: Omit<RetryOptions, 'store' | 'clock' | 'classify'>;
  /** Give the policy LeanCloud as its provider (its name then names the policy's state). */
  readonly provider?: 'leancloud';
}

export interface CallRequest {
  readonly server: string;
  readonly path: string;
  /** Default: fetch in even children, axios in odd ones. */
  readonly via?: 'fetch' | 'axios';
  /** Use the policy without a store (each process its own budget). */
  readonly local?: boolean;
  /** A client whose calls have this deadline (a gate's wait that does not fit fails fast). */
  readonly deadlineMs?: number;
}

export type CallOutcome = { readonly ok: true } | { readonly ok: false; readonly kind: string; readonly code: string | number | undefined; readonly status: number | undefined };

export interface Tally {
  readonly ok: number;
  readonly failed: number;
  /** Failures by code (or kind when there is none). */
  readonly codes: Record<string, number>;
}

export function setup({ index, store, clock, config, emit }: WorkerContext): Handlers {
  const { servers, policy: options, provider: providerName } = config as unknown as PolicyConfig;
  const provider = providerName === 'leancloud' ? leancloud : undefined;
  const classify = provider ? { provider } : undefined;
  const shared = createRetryPolicy({ ...options, store, clock, classify });
  // A breaker given as options needs a store: the local policy goes without one.
  const local = createRetryPolicy({ ...options, circuitBreaker: undefined, clock, classify });
  const clientsOf = (policy: RetryPolicy, deadlineMs?: number) => ({
    fetch: createFetch({ retry: policy, provider, deadlineMs }),
    axios: withFaultline(axios.create(), { retry: policy, provider, deadlineMs }),
  });
  const made = new Map<string, ReturnType<typeof clientsOf>>();
  const clients = (alone: boolean, deadlineMs: number | undefined): ReturnType<typeof clientsOf> => {
    const key = `${alone}-${deadlineMs}`;
    let found = made.get(key);
    if (!found) made.set(key, (found = clientsOf(alone ? local : shared, deadlineMs)));
    return found;
  };
  const gate = store.gate(shared.options.name);
  const hostOf = (server: string): string => new URL(baseOf(server)).host;
  const baseOf = (server: string): string => {
    const base = servers[server];
    if (base === undefined) throw new Error(`no server ${server}`);
    return base;
  };

  async function call({ server, path, via = index % 2 === 0 ? 'fetch' : 'axios', local: alone = false, deadlineMs }: CallRequest): Promise<CallOutcome> {
    const client = clients(alone, deadlineMs);
    const url = `${baseOf(server)}${path}`;
    try {
      if (via === 'fetch') await (await client.fetch(url)).arrayBuffer();
      else await client.axios.get(url);
      return { ok: true };
    } catch (error) {
      if (!isFaultlineError(error)) throw error;
      return { ok: false, kind: error.kind, code: error.code, status: error.status };
    }
  }

  async function calls(request: CallRequest & { count: number }): Promise<Tally> {
    const tally = { ok: 0, failed: 0, codes: {} as Record<string, number> };
    for (let i = 0; i < request.count; i++) {
      const outcome = await call(request);
      if (outcome.ok) tally.ok++;
      else {
        tally.failed++;
        const key = String(outcome.code ?? outcome.kind);
        tally.codes[key] = (tally.codes[key] ?? 0) + 1;
      }
    }
    return tally;
  }

  /**
   * Resolves once `ready()` holds: at once, when the store hears news from the fleet, or when this
   * process's own calls change something (a failure closes its gate before 'retry' or 'giveUp').
   */
  function when<T>(ready: () => T | undefined): Promise<T> {
    const now = ready();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const check = (): void => {
        const value = ready();
        if (value === undefined) return;
        for (const off of offs) off?.();
        resolve(value);
      };
      const offs = [store.on('update', check), shared.circuitBreaker?.on('stateChange', check), shared.on('retry', check), shared.on('giveUp', check)];
    });
  }

  let loop: { stop: boolean; done: Promise<Tally & { calls: number }> } | undefined;
  let socket: ReconnectingSocket | undefined;

  return {
    call,
    calls,
    /** This child's wait at the gate of `server`'s host, once it knows the gate is closed. */
    gated: ({ server }: { server: string }) => when(() => {
      const wait = gate.waitMs(clock.now(), hostOf(server));
      return wait > 0 ? wait : undefined;
    }),
    /** The wait now, without waiting for news. */
    gateWait: ({ server }: { server: string }) => gate.waitMs(clock.now(), hostOf(server)),
    breakerIs: ({ state }: { state: CircuitState }) => when(() => (shared.circuitBreaker?.state === state ? state : undefined)),
    state: () => shared.circuitBreaker?.state,
    name: () => shared.options.name,
    advance: ({ ms }: { ms: number }) => clock.advance(ms),
    idle: () => store.idle(),
    degraded: () => store.degraded,
    /** Calls one after another until `stopLoop`; `callId` makes each call's URL its own (?call=<child>-<n>). */
    startLoop(request: CallRequest) {
      const state = { stop: false } as { stop: boolean; done: Promise<Tally & { calls: number }> };
      state.done = (async () => {
        const tally = { ok: 0, failed: 0, codes: {} as Record<string, number>, calls: 0 };
        for (let n = 0; !state.stop; n++) {
          const outcome = await call({ ...request, path: `${request.path}?call=${index}-${n}` });
          tally.calls++;
          if (outcome.ok) tally.ok++;
          else {
            tally.failed++;
            const key = String(outcome.code ?? outcome.kind);
            tally.codes[key] = (tally.codes[key] ?? 0) + 1;
          }
          if (n % 20 === 19) emit('loop', tally.calls);
        }
        return tally;
      })();
      loop = state;
    },
    async stopLoop(): Promise<Tally & { calls: number }> {
      if (!loop) throw new Error('no loop running');
      loop.stop = true;
      return loop.done;
    },
    /** A ReconnectingSocket given the shared policy; reports its faults as 'socket-error' events. */
    openSocket({ url }: { url: string }) {
      socket = new ReconnectingSocket(url, {
        WebSocket,
        provider,
        policy: shared,
        clock,
        // Reconnect at once: the breaker and the budget are what stop it here, not time.
        reconnect: { baseDelayMs: 0, maxDelayMs: 60_000 },
      });
      socket.on('error', ({ error }) => emit('socket-error', { kind: error.kind, code: error.code }));
    },
    closeSocket() {
      socket?.close();
    },
  };
}
