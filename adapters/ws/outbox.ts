import { QuotaExceededError, TimeoutError, type FaultlineError } from '../../src/errors.js';
import type { Clock } from '../../src/clock.js';
import type { OutboxOptions, SocketData } from './types.js';

interface Entry {
  readonly data: SocketData;
  readonly bytes: number;
  readonly due: number;
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
 * Messages waiting for an open, ready socket, oldest first. A message that does not fit is refused
 * (never an older one dropped), so what was accepted goes out exactly once and in order.
 * One timer, for the oldest message: all share one TTL, so they expire in order.
 */
export class Outbox {
  readonly #queue: Entry[] = [];
  #bytes = 0;
  #timer: unknown;
  readonly #max: number;
  readonly #maxBytes: number;
  readonly #ttl: number;
  readonly #clock: Clock;

  constructor(options: OutboxOptions = {}, clock: Clock) {
    this.#max = options.maxMessages ?? 1_000;
    this.#maxBytes = options.maxBytes ?? 1_048_576;
    this.#ttl = options.ttlMs ?? Infinity;
    this.#clock = clock;
  }

  get size(): number {
    return this.#queue.length;
  }

  push(data: SocketData): Promise<void> {
    const bytes = sizeOf(data);
    if (this.#queue.length >= this.#max || this.#bytes + bytes > this.#maxBytes) {
      return Promise.reject(
        new QuotaExceededError({
          code: 'OUTBOX_FULL',
          message: `The outbox is full (${this.#queue.length} messages, ${this.#bytes} bytes) while the socket is not open`,
          advice: {
            en: 'Send less while disconnected, or raise outbox.maxMessages / outbox.maxBytes; wait for the open event before sending bulk data.',
            zh: '断线期间减少发送，或调大 outbox.maxMessages / outbox.maxBytes；大量数据请在 open 事件之后再发送。',
          },
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ data, bytes, due: this.#clock.now() + this.#ttl, resolve, reject });
      this.#bytes += bytes;
      if (this.#queue.length === 1) this.#arm();
    });
  }

  /** Hands the messages, oldest first, to `send`; one that throws stays queued for the next open. */
  flush(send: (data: SocketData) => void): void {
    this.#expire();
    let entry: Entry | undefined;
    while ((entry = this.#queue[0])) {
      try {
        send(entry.data);
      } catch {
        break;
      }
      this.#take().resolve();
    }
    this.#arm();
  }

  rejectAll(error: FaultlineError): void {
    while (this.#queue.length > 0) this.#take().reject(error);
    this.#arm();
  }

  #take(): Entry {
    const entry = this.#queue.shift() as Entry;
    this.#bytes -= entry.bytes;
    return entry;
  }

  #expire(): void {
    const now = this.#clock.now();
    while (this.#queue.length > 0 && (this.#queue[0] as Entry).due <= now) {
      this.#take().reject(
        new TimeoutError({
          code: 'OUTBOX_TTL',
          retry: 'always',
          message: `The message waited ${this.#ttl} ms for an open socket and was not sent`,
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
