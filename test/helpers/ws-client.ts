import { WebSocket as UndiciWebSocket } from 'undici';
import { afterEach } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import {
  ReconnectingSocket,
  type ReconnectingSocketOptions,
  type SocketEventMap,
  type UrlSource,
  type WebSocketConstructor,
} from '../../adapters/ws.js';
import { closeServers } from './ws-server.js';

/** The WebSocket implementations every socket suite runs against: `ws`, and a standard one. */
export const IMPLEMENTATIONS: ReadonlyArray<readonly [string, WebSocketConstructor]> = [
  ['ws', WsWebSocket],
  ['the standard WebSocket (undici)', UndiciWebSocket],
];

/** Registers the cleanup every socket suite needs: no client or server outlives its test. */
export function closeEverythingAfterEach(): void {
  afterEach(async () => {
    closeClients();
    await closeServers();
  });
}

export interface Recorded {
  readonly socket: ReconnectingSocket;
  /** Every event, in order, as [name, payload]. */
  readonly events: Array<{ [K in keyof SocketEventMap]: [K, SocketEventMap[K]] }[keyof SocketEventMap]>;
  of<K extends keyof SocketEventMap>(name: K): SocketEventMap[K][];
  /** Resolves with the n-th `name` event (1-based) once it has happened. */
  nth<K extends keyof SocketEventMap>(name: K, n: number, timeoutMs?: number): Promise<SocketEventMap[K]>;
}

const sockets = new Set<ReconnectingSocket>();
const NAMES = ['open', 'message', 'reconnecting', 'stopped', 'error'] as const;

/**
 * A ReconnectingSocket whose events are recorded; closed by closeClients(). `nth` waits for the
 * event itself (no polling): a test that injects a FakeClock can act while the socket is still in
 * the state the event announced, however slow the machine.
 */
export function client(url: UrlSource, options: ReconnectingSocketOptions): Recorded {
  const socket = new ReconnectingSocket(url, options);
  sockets.add(socket);
  const events: Recorded['events'] = [];
  const waiters = new Set<() => void>();
  for (const name of NAMES) {
    socket.on(name, (event: unknown) => {
      events.push([name, event] as never);
      for (const wake of [...waiters]) wake();
    });
  }
  const of = <K extends keyof SocketEventMap>(name: K): SocketEventMap[K][] =>
    events.filter((e) => e[0] === name).map((e) => e[1] as SocketEventMap[K]);
  return {
    socket,
    events,
    of,
    nth<K extends keyof SocketEventMap>(name: K, n: number, timeoutMs = 5_000): Promise<SocketEventMap[K]> {
      return new Promise((resolve, reject) => {
        // The timer only bounds a test that would otherwise hang; it never paces one.
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for '${name}' event #${n} (seen: ${events.map((e) => e[0]).join(', ') || 'none'})`));
        }, timeoutMs);
        function check(): void {
          const seen = of(name);
          if (seen.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(seen[n - 1] as SocketEventMap[K]);
        }
        waiters.add(check);
        check();
      });
    },
  };
}

/** Closes every socket client() made (for afterEach). */
export function closeClients(): void {
  for (const socket of sockets) if (socket.state !== 'stopped') socket.close();
  sockets.clear();
}
