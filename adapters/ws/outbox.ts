import { QuotaExceededError, TimeoutError, type FaultlineError } from '../../src/errors.js';
import type { Clock } from '../../src/clock.js';
import { SOCKET_DEFAULTS } from '../../src/constants.js';
import type { AckKey, OutboxOptions, SocketData } from './types.js';

interface Entry {
  readonly data: SocketData;
  readonly bytes: number;
  readonly due: number;
  /** Set: kept until the server acknowledges this key. Unset: done once handed over. */
  readonly key: AckKey | undefined;
  readonly resolve: () => void;
  readonly reject: (error: FaultlineError) => void;
}

const isBlob = (data: unknown): data is Blob => typeof Blob === 'function' && data instanceof Blob;

/** A value every WebSocket implementation can send. */
export function isSocketData(data: unknown): data is SocketData {
  return typeof data === 'string' || data instanceof ArrayBuffer || ArrayBuffer.isView(data) || isBlob(data);
}

function sizeOf(data: SocketData): number {
  if (typeof data === 'string') return new TextEncoder().encode(data).byteLength;
  return isBlob(data) ? data.size : data.byteLength;
}

/**
 * Messages kept for the socket, oldest first: those waiting for an open, ready connection, and
 * (acknowledged outbox) those handed over but not yet acknowledged. A message that does not fit
 * is refused (never an older one dropped), so what was accepted goes out in order, once per
 * connection: a connection that drops gets the unacknowledged ones again on the next, never twice
 * on one. One timer, for the oldest message: all share one TTL, so they expire in order.
 */
export class Outbox {
  readonly #queue: Entry[] = [];
  #bytes = 0;
  #timer: unknown;
  /** The connection the first `#handed` entries were handed to (handed entries are always a prefix). */
  #connection: number | undefined;
  #handed = 0;
  readonly #max: number;
  readonly #maxBytes: number;
  readonly #ttl: number;
  readonly #clock: Clock;

  constructor(options: OutboxOptions = {}, clock: Clock) {
    this.#max = options.maxMessages ?? SOCKET_DEFAULTS.outboxMaxMessages;
    this.#maxBytes = options.maxBytes ?? SOCKET_DEFAULTS.outboxMaxBytes;
    this.#ttl = options.ttlMs ?? SOCKET_DEFAULTS.outboxTtlMs;
    this.#clock = clock;
  }

  /** Messages kept: waiting to be sent, or for their acknowledgement. */
  get size(): number {
    return this.#queue.length;
  }

  /** Whether every kept message was handed to `connection`: a new one may go straight out after them. */
  caughtUp(connection: number): boolean {
    return this.#queue.length === 0 || (this.#connection === connection && this.#handed === this.#queue.length);
  }

  push(data: SocketData, key?: AckKey): Promise<void> {
    const bytes = sizeOf(data);
    if (this.#queue.length >= this.#max || this.#bytes + bytes > this.#maxBytes) {
      return Promise.reject(
        new QuotaExceededError({
          code: 'OUTBOX_FULL',
          message: `The outbox is full (${this.#queue.length} messages, ${this.#bytes} bytes waiting to be sent or acknowledged)`,
          advice: {
            en: 'Send less while disconnected, or raise outbox.maxMessages / outbox.maxBytes; wait for the open event before sending bulk data.',
            zh: '断线期间减少发送，或调大 outbox.maxMessages / outbox.maxBytes；大量数据请在 open 事件之后再发送。',
          },
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ data, bytes, due: this.#clock.now() + this.#ttl, key, resolve, reject });
      this.#bytes += bytes;
      if (this.#queue.length === 1) this.#arm();
    });
  }

  /**
   * Hands `connection` every message it has not had yet, oldest first: one without an ack key is
   * done (resolved) once handed over, one with a key stays until acknowledged. A send that throws
   * stops the flush; that message and the rest wait for the next one.
   */
  flush(connection: number, send: (data: SocketData) => void): void {
    this.#expire();
    if (connection !== this.#connection) [this.#connection, this.#handed] = [connection, 0];
    let entry: Entry | undefined;
    while ((entry = this.#queue[this.#handed])) {
      try {
        send(entry.data);
      } catch {
        break;
      }
      if (entry.key === undefined) this.#take(this.#handed).resolve();
      else this.#handed++;
    }
    this.#arm();
  }

  /** The server acknowledged these keys: their messages are done. Unknown keys (a late repeat) are ignored. */
  ack(keys: readonly AckKey[]): void {
    for (const key of keys) {
      const i = this.#queue.findIndex((e) => e.key === key);
      if (i >= 0) this.#take(i).resolve();
    }
    this.#arm();
  }

  rejectAll(error: FaultlineError): void {
    while (this.#queue.length > 0) this.#take(0).reject(error);
    this.#arm();
  }

  #take(i: number): Entry {
    const [entry] = this.#queue.splice(i, 1) as [Entry];
    this.#bytes -= entry.bytes;
    if (i < this.#handed) this.#handed--;
    return entry;
  }

  #expire(): void {
    const now = this.#clock.now();
    while (this.#queue.length > 0 && (this.#queue[0] as Entry).due <= now) {
      const entry = this.#take(0);
      entry.reject(
        new TimeoutError({
          code: 'OUTBOX_TTL',
          // An acknowledged message may have reached the server all the same (its ack was lost).
          retry: entry.key === undefined ? 'always' : 'idempotent',
          message: `The message was not ${entry.key === undefined ? 'sent' : 'acknowledged'} within ${this.#ttl} ms`,
        }),
      );
    }
  }

  #arm(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const head = this.#queue[0];
    if (!head || !Number.isFinite(head.due)) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#expire();
      this.#arm();
    }, head.due - this.#clock.now());
  }
}
