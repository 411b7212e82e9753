import type { BackoffOptions } from '../../src/backoff.js';
import type { Clock } from '../../src/clock.js';
import type { FaultlineError } from '../../src/errors.js';
import type { RetryPolicy } from '../../src/policy-types.js';
import type { Provider } from '../../src/provider.js';
import type { SharedBudget } from '../../src/store-types.js';

/** What `send()` accepts: the standard WebSocket's data types. */
export type SocketData = string | ArrayBuffer | ArrayBufferView | Blob;

/**
 * - `connecting`: an attempt is in flight (URL provider, handshake, `ready` gate);
 * - `open`: open and ready, `send()` goes straight to the socket;
 * - `reconnecting`: waiting out a backoff delay (or `onRefresh`) before the next attempt;
 * - `stopped`: for good, until `reconnect()`.
 */
export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

/**
 * Handlers typed `(event: never) => void` so that both `ws` and the DOM/undici WebSocket fit
 * without casts; the socket reads only `code`, `reason`, `data`, `error` and `message` from events.
 */
type Handler = ((event: never) => void) | null;

/** The part of a WebSocket the socket uses: the standard API, plus ws's ping/pong/terminate when present. */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType?: string;
  onopen: Handler;
  onmessage: Handler;
  onerror: Handler;
  onclose: Handler;
  /** Typed without Blob (DOM and Node Blob types clash); Blob is sent all the same (ws ≥ 8.18). */
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  /** ws only: a ping frame the peer answers by itself. */
  ping?(): void;
  /** ws only: drops the TCP connection at once, without a closing handshake. */
  terminate?(): void;
  /** ws only: the EventEmitter API, for 'pong'. */
  on?(event: 'pong', listener: () => void): unknown;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** The URL, or a provider called before every attempt (fresh tokens); its failure counts as a failed attempt. */
export type UrlSource = string | URL | (() => string | URL | Promise<string | URL>);

export interface ReconnectOptions extends BackoffOptions {
  /** Attempts until a connection proves stable, the first included. Default unlimited: a socket never gives up on a flaky network. */
  maxAttempts?: number;
  /**
   * A connection counts as stable once it has lived this long: only then do the attempt count and
   * the backoff start over. Until then every drop waits longer, up to maxDelayMs. Default 5,000 ms.
   */
  minUptimeMs?: number;
  /** Longest server-given delay honoured (an upgrade answered 429/503 with Retry-After); longer ones are capped. Default 60,000 ms. */
  maxRetryAfterMs?: number;
}

export interface HeartbeatOptions {
  /** How often to probe the peer. */
  intervalMs: number;
  /** How long a probe may stay unanswered (by a pong or any message) before the socket is declared dead. */
  timeoutMs: number;
  /**
   * Sent as the probe where the WebSocket has no ping() (browsers, undici). Without it, the
   * heartbeat there is an idle timeout: the server must send something at least every `timeoutMs`.
   */
  message?: SocketData | (() => SocketData);
}

/** What identifies a message to the server's acknowledgement (LeanCloud IM's serial `i`). */
export type AckKey = string | number;

/**
 * The acknowledged outbox: how to read the server's acknowledgements. With it, `send()` resolves
 * when the server acknowledged the message, not when it was handed over; a message still
 * unacknowledged when its connection drops is sent again, in order, on the next one (at least
 * once: the server dedupes by the key when only its ack was lost). Keys must be unique among the
 * messages waiting.
 */
export interface OutboxAck {
  /** The key the server will acknowledge this outgoing message by; undefined: it is not acknowledged (done once handed over). */
  id(data: SocketData): AckKey | undefined;
  /** The key(s) an incoming message acknowledges, or undefined. */
  acked(data: unknown): AckKey | readonly AckKey[] | undefined;
}

export interface OutboxOptions {
  /** Messages kept: waiting to be sent, or (with `ack`) for their acknowledgement. Default 1,000. */
  maxMessages?: number;
  /** UTF-8 bytes of strings, byteLength/size otherwise. Default 1 MiB. */
  maxBytes?: number;
  /** How long a message may wait to be sent (with `ack`: acknowledged). Default unlimited. */
  ttlMs?: number;
  /** Opt-in: keep each message until the server acknowledges it, and resend the unacknowledged after a reconnect. */
  ack?: OutboxAck;
}

export interface KickLoopOptions {
  /**
   * Consecutive closes with the same application code (3000–4999, or an in-band kick) before a
   * connection proved stable (`reconnect.minUptimeMs`) that stop the socket: the server sends this
   * client away as soon as it arrives. Default 3.
   */
  maxCloses?: number;
}

export interface ReconnectingSocketOptions {
  /** The WebSocket class (`import { WebSocket } from 'ws'`); default `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
  protocols?: string | string[];
  /** The service (`import { leancloud } from 'faultline/catalog/leancloud'`): its close codes and in-band kicks. */
  provider?: Provider;
  binaryType?: 'arraybuffer' | 'blob';
  /** Backoff between attempts (full jitter). Defaults: base 1,000 ms, cap 30,000 ms, stable after 5,000 ms. */
  reconnect?: ReconnectOptions;
  /** From the start of an attempt to the end of the `ready` gate. Default 10,000 ms; Infinity turns it off. */
  connectTimeoutMs?: number;
  heartbeat?: HeartbeatOptions;
  outbox?: OutboxOptions;
  /** Stops the socket when the server keeps sending it away with one application code; false turns the guard off. */
  kickLoop?: KickLoopOptions | false;
  /** Awaited once before reconnecting after an 'after-refresh' fault (LeanCloud 4112), within connectTimeoutMs; a rejection or a timeout stops the socket. */
  onRefresh?: (error: FaultlineError) => unknown;
  /** In-band faults: a FaultlineError for a message that means the connection is done, else undefined. Default: the provider's. */
  classifyMessage?: (data: unknown) => FaultlineError | undefined;
  /** Awaited after the socket opens and before the outbox flushes (e.g. re-open the IM session). */
  ready?: (socket: WebSocketLike) => unknown;
  /** A retry budget shared with other clients of the same service; when it refuses, the socket waits about maxDelayMs (never gives up). */
  budget?: SharedBudget;
  /** A policy to share its budget and circuit breaker with the app's HTTP clients of the same service. */
  policy?: RetryPolicy;
  clock?: Partial<Clock>;
}

export interface SocketEventMap {
  /** Open and ready; `attempt` is the attempt of this cycle that succeeded (1 = first try). */
  open: { readonly attempt: number };
  message: { readonly data: unknown };
  /** A fault that will be retried: the next attempt starts after `delayMs`. */
  reconnecting: { readonly attempt: number; readonly delayMs: number; readonly error: FaultlineError };
  /** For good: `error` says why (CanceledError after close()). */
  stopped: { readonly error: FaultlineError };
  /** Every fault, before the `reconnecting` or `stopped` it leads to. */
  error: { readonly error: FaultlineError };
}

export type SocketEventName = keyof SocketEventMap;
