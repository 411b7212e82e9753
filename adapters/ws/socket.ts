import { computeBackoff } from '../../src/backoff.js';
import { classify, classifyClose } from '../../src/classify.js';
import { CanceledError, ConfigurationError, TimeoutError, ValidationError, type FaultlineError } from '../../src/errors.js';
import { resolveClock } from '../../src/clock.js';
import type { Clock } from '../../src/retry-types.js';
import { Emitter } from './events.js';
import { handshakeError, kickLoopError, type CloseEventLike, type ErrorEventLike } from './faults.js';
import { startHeartbeat } from './heartbeat.js';
import { leancloudInBand } from './in-band.js';
import { isSocketData, Outbox } from './outbox.js';
import type {
  ReconnectingSocketOptions,
  SocketData,
  SocketEventMap,
  SocketState,
  UrlSource,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';
import { watchWake } from './wake.js';

const OPEN = 1;
const CLOSED = 3;

function positive(value: unknown, name: string): void {
  if (value !== undefined && !(typeof value === 'number' && value > 0)) {
    throw new ValidationError({ message: `ReconnectingSocket: ${name} must be a number > 0, got ${String(value)}` });
  }
}

/**
 * A WebSocket that reconnects when reconnecting can help and stops when it cannot, with the real
 * close code on every error. One socket at a time: the old one is discarded (and its late events
 * ignored, by generation) before a new one is created.
 *
 * Errors of its own: a close before 'open' is a handshake failure (NetworkError 'HANDSHAKE_FAILED',
 * or what ws's errno / upgrade status classifies as), closeCode as received; ConnectionClosedError
 * 'KICK_LOOP' (retry 'never') when connections keep closing right after opening; TimeoutError
 * 'CONNECT_TIMEOUT' / 'HEARTBEAT_TIMEOUT'; QuotaExceededError 'OUTBOX_FULL', TimeoutError
 * 'OUTBOX_TTL' and CanceledError 'CLOSED' for sends.
 */
export class ReconnectingSocket {
  readonly #url: UrlSource;
  readonly #o: ReconnectingSocketOptions;
  readonly #Ctor: WebSocketConstructor;
  readonly #clock: Clock;
  readonly #events = new Emitter<SocketEventMap>();
  readonly #outbox: Outbox;
  #ws: WebSocketLike | undefined;
  /** Bumped whenever the current attempt or socket is abandoned; stale callbacks compare it. */
  #gen = 0;
  #state: SocketState = 'connecting';
  /** Attempts made in this cycle; back to 0 once a connection is open and ready. */
  #attempt = 0;
  #prevDelay: number | undefined;
  #wait: unknown;
  #connectTimer: unknown;
  #heartbeat: { alive(): void; stop(): void } | undefined;
  #openedAt: number | undefined;
  #kickKey = '';
  #kicks = 0;
  #refreshed = false;
  #stopError: FaultlineError | undefined;
  #unwake: (() => void) | undefined;

  constructor(url: UrlSource, options: ReconnectingSocketOptions = {}) {
    if (typeof url !== 'string' && typeof url !== 'function' && !(url instanceof URL)) {
      throw new ValidationError({ message: 'ReconnectingSocket: url must be a string, a URL, or a function returning one' });
    }
    const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (typeof Ctor !== 'function') {
      throw new ConfigurationError({
        message:
          "ReconnectingSocket: no WebSocket implementation. Pass options.WebSocket (e.g. `import { WebSocket } from 'ws'`), or run where globalThis.WebSocket exists (browsers, Node 22+).",
      });
    }
    const { reconnect = {}, heartbeat, outbox = {}, kickLoop } = options;
    positive(reconnect.maxAttempts, 'reconnect.maxAttempts');
    positive(options.connectTimeoutMs, 'connectTimeoutMs');
    positive(outbox.maxMessages, 'outbox.maxMessages');
    positive(outbox.maxBytes, 'outbox.maxBytes');
    positive(outbox.ttlMs, 'outbox.ttlMs');
    if (heartbeat) {
      positive(heartbeat.intervalMs ?? NaN, 'heartbeat.intervalMs');
      positive(heartbeat.timeoutMs ?? NaN, 'heartbeat.timeoutMs');
    }
    if (kickLoop) {
      positive(kickLoop.windowMs, 'kickLoop.windowMs');
      positive(kickLoop.maxCloses, 'kickLoop.maxCloses');
    }
    this.#url = url;
    this.#o = options;
    this.#Ctor = Ctor;
    this.#clock = resolveClock(options.clock);
    this.#outbox = new Outbox(outbox, this.#clock);
    this.#unwake = watchWake(this.#wake);
    void this.#connect();
  }

  get state(): SocketState {
    return this.#state;
  }

  /** The current underlying WebSocket, if any (read-only use: the socket owns its handlers). */
  get socket(): WebSocketLike | undefined {
    return this.#ws;
  }

  /** Messages waiting for an open, ready socket. */
  get queued(): number {
    return this.#outbox.size;
  }

  on<K extends keyof SocketEventMap>(name: K, listener: (event: SocketEventMap[K]) => void): () => void {
    return this.#events.on(name, listener);
  }

  /**
   * Resolves once `data` is handed to an open, ready socket (at once, or from the outbox after a
   * reconnect). Rejects with QuotaExceededError 'OUTBOX_FULL', TimeoutError 'OUTBOX_TTL', or the
   * error that stopped the socket (CanceledError after close()). Ignoring the promise is safe.
   */
  send(data: SocketData): Promise<void> {
    const sent = this.#send(data);
    // Fire-and-forget sends must not become unhandled rejections: the failure is also reported by
    // the 'stopped' event. Awaiting the promise still sees the rejection.
    sent.catch(() => {});
    return sent;
  }

  #send(data: SocketData): Promise<void> {
    if (this.#stopError) return Promise.reject(this.#stopError);
    if (!isSocketData(data)) return Promise.reject(new ValidationError({ message: 'send(): data must be a string, ArrayBuffer, typed array or Blob' }));
    const ws = this.#ws;
    if (this.#state === 'open' && ws?.readyState === OPEN && this.#outbox.size === 0) {
      try {
        ws.send(data as string);
        return Promise.resolve();
      } catch {
        // Not handed over: the outbox keeps it (and validates it) for the next open socket.
      }
    }
    return this.#outbox.push(data);
  }

  /** Stops for good (until reconnect()): closes the socket, rejects queued sends with CanceledError. */
  close(code = 1000, reason?: string): void {
    if (code !== 1000 && !(code >= 3000 && code <= 4999)) {
      throw new ValidationError({ message: `close(): code must be 1000 or 3000-4999, got ${String(code)}` });
    }
    if (this.#stopError) return;
    this.#stop(new CanceledError({ code: 'CLOSED', message: 'The socket was closed by the application' }), code, reason);
  }

  /** Drops the current connection (if any) and connects now, with fresh attempt counts; also after it stopped. */
  reconnect(): void {
    this.#attempt = this.#kicks = 0;
    this.#prevDelay = undefined;
    this.#refreshed = false;
    if (this.#stopError) {
      this.#stopError = undefined;
      this.#unwake = watchWake(this.#wake);
    }
    void this.#connect();
  }

  readonly #wake = (): void => {
    if (this.#wait !== undefined) void this.#connect();
  };

  #emit<K extends keyof SocketEventMap>(name: K, event: SocketEventMap[K]): void {
    this.#events.emit(name, event);
  }

  #classify(error: unknown): FaultlineError {
    return classify(error, { provider: this.#o.provider });
  }

  async #connect(): Promise<void> {
    this.#discard();
    const gen = this.#gen;
    this.#attempt++;
    this.#state = 'connecting';
    const timeoutMs = this.#o.connectTimeoutMs ?? 10_000;
    if (Number.isFinite(timeoutMs)) {
      this.#connectTimer = this.#clock.setTimeout(
        () => this.#failed(gen, new TimeoutError({ code: 'CONNECT_TIMEOUT', retry: 'always', message: `The WebSocket was not open and ready within ${timeoutMs} ms` })),
        timeoutMs,
      );
    }
    let url: string;
    try {
      const source = this.#url;
      // Called a microtask later, even a plain string: no event fires before the constructor returns.
      url = String(await Promise.resolve().then(() => (typeof source === 'function' ? source() : source)));
    } catch (error) {
      return this.#failed(gen, this.#classify(error));
    }
    if (gen !== this.#gen) return;
    let ws: WebSocketLike;
    try {
      ws = new this.#Ctor(url, this.#o.protocols);
    } catch (error) {
      return this.#failed(gen, new ConfigurationError({ message: 'Could not create the WebSocket: check the URL and protocols', cause: error }));
    }
    this.#ws = ws;
    if (this.#o.binaryType) ws.binaryType = this.#o.binaryType;
    let fault: ErrorEventLike | undefined;
    const live = (): boolean => gen === this.#gen;
    ws.onerror = (event: ErrorEventLike) => void (fault = event);
    ws.onopen = () => void (live() && this.#opened(gen, ws));
    ws.onmessage = (event: { data: unknown }) => void (live() && this.#received(gen, event.data));
    ws.onclose = (event: CloseEventLike) => {
      if (!live()) return;
      const { provider } = this.#o;
      this.#failed(gen, this.#openedAt === undefined ? handshakeError(event, fault, provider) : classifyClose(event.code, event.reason || undefined, { provider }));
    };
    ws.on?.('pong', () => void (live() && this.#heartbeat?.alive()));
  }

  async #opened(gen: number, ws: WebSocketLike): Promise<void> {
    this.#openedAt = this.#clock.now();
    const { heartbeat, ready, budget } = this.#o;
    if (heartbeat) {
      const probe = (): void => {
        const { message } = heartbeat;
        if (ws.ping) ws.ping();
        else if (message !== undefined) ws.send((typeof message === 'function' ? message() : message) as string);
      };
      const dead = (): void =>
        this.#failed(gen, new TimeoutError({ code: 'HEARTBEAT_TIMEOUT', retry: 'always', message: `No sign of life from the server for ${heartbeat.timeoutMs} ms` }));
      this.#heartbeat = startHeartbeat(heartbeat, this.#clock, probe, dead);
    }
    // Without a gate, open synchronously: no message can be emitted before 'open'.
    if (ready) {
      try {
        await ready(ws);
      } catch (error) {
        return this.#failed(gen, this.#classify(error));
      }
      if (gen !== this.#gen) return;
    }
    this.#clock.clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    const attempt = this.#attempt;
    // A delay was scheduled in this cycle: the budget paid for a reconnect, and gets it back.
    budget?.recordSuccess(this.#prevDelay !== undefined);
    this.#attempt = 0;
    this.#prevDelay = undefined;
    this.#state = 'open';
    // A socket already closing keeps the outbox for the next one: its close event is on the way.
    if (ws.readyState === OPEN) this.#outbox.flush((data) => ws.send(data as string));
    this.#emit('open', { attempt });
  }

  #received(gen: number, data: unknown): void {
    this.#heartbeat?.alive();
    this.#emit('message', { data });
    if (gen !== this.#gen) return;
    let fault: FaultlineError | undefined;
    try {
      const found = this.#o.classifyMessage?.(data) ?? (this.#o.provider === 'leancloud' ? leancloudInBand(data) : undefined);
      fault = found === undefined ? undefined : this.#classify(found);
    } catch (error) {
      this.#emit('error', { error: this.#classify(error) });
    }
    if (fault && gen === this.#gen) this.#failed(gen, fault);
  }

  /** The attempt or connection `gen` failed: decide between reconnecting and stopping. */
  #failed(gen: number, error: FaultlineError): void {
    if (gen !== this.#gen) return;
    const openedAt = this.#openedAt;
    this.#discard();
    const current = this.#gen;
    this.#emit('error', { error });
    if (current !== this.#gen) return; // a listener called close() or reconnect()
    const fatal = this.#verdict(error, openedAt);
    if (fatal) return this.#stop(fatal);
    if (error.retry === 'after-refresh') {
      this.#refreshed = true;
      this.#state = 'reconnecting';
      void this.#refresh(current, error);
      return;
    }
    this.#schedule(error);
  }

  /** The error to stop with, or undefined to reconnect. */
  #verdict(error: FaultlineError, openedAt: number | undefined): FaultlineError | undefined {
    const { kickLoop, onRefresh, reconnect } = this.#o;
    if (openedAt !== undefined) {
      const windowMs = (kickLoop && kickLoop.windowMs) || 1_000;
      if (this.#clock.now() - openedAt >= windowMs) {
        // A connection that lived: whatever came before was not a loop.
        this.#kicks = 0;
        this.#refreshed = false;
      } else if (kickLoop !== false) {
        const key = String(error.closeCode ?? error.code ?? error.kind);
        this.#kicks = key === this.#kickKey ? this.#kicks + 1 : 1;
        this.#kickKey = key;
        if (this.#kicks >= ((kickLoop && kickLoop.maxCloses) || 3)) return kickLoopError(error, this.#kicks, windowMs);
      }
    }
    // Close codes follow their catalog; anything else unrecognised (a URL provider or ready gate
    // that threw) is an attempt that failed: reopening a socket is idempotent.
    if (error.retry === 'never' && (error.kind !== 'unknown' || error.closeCode !== undefined)) return error;
    if (error.retry === 'after-refresh' && (!onRefresh || this.#refreshed)) return error;
    if (this.#attempt >= (reconnect?.maxAttempts ?? Infinity)) {
      error.attempts = this.#attempt;
      return error;
    }
    return undefined;
  }

  async #refresh(gen: number, error: FaultlineError): Promise<void> {
    try {
      await this.#o.onRefresh?.(error);
    } catch (refreshError) {
      if (gen === this.#gen) this.#stop(this.#classify(refreshError));
      return;
    }
    if (gen === this.#gen) this.#schedule(error);
  }

  #schedule(error: FaultlineError): void {
    const { reconnect, budget } = this.#o;
    const backoff = { baseDelayMs: 1_000, maxDelayMs: 30_000, ...reconnect, kind: error.kind };
    const random = this.#clock.random;
    let delayMs = computeBackoff(Math.max(1, this.#attempt), backoff, random, this.#prevDelay);
    // Refused by a shared budget: wait the longest delay (jittered, so sockets sharing it do not align), never give up.
    if (budget && !budget.tryAcquire(error)) delayMs = backoff.maxDelayMs * (0.5 + random() / 2);
    this.#prevDelay = delayMs;
    this.#state = 'reconnecting';
    const gen = this.#gen;
    this.#emit('reconnecting', { attempt: this.#attempt + 1, delayMs, error });
    if (gen === this.#gen) this.#wait = this.#clock.setTimeout(() => void this.#connect(), delayMs);
  }

  #stop(error: FaultlineError, code?: number, reason?: string): void {
    this.#discard(code, reason);
    this.#stopError = error;
    this.#state = 'stopped';
    this.#unwake?.();
    this.#unwake = undefined;
    this.#outbox.rejectAll(error);
    this.#emit('stopped', { error });
  }

  /** Abandons the current attempt/socket: timers cleared, socket closed, its late events ignored. */
  #discard(code?: number, reason?: string): void {
    this.#gen++;
    const clock = this.#clock;
    clock.clearTimeout(this.#wait);
    clock.clearTimeout(this.#connectTimer);
    this.#wait = this.#connectTimer = undefined;
    this.#heartbeat?.stop();
    this.#heartbeat = this.#openedAt = undefined;
    const ws = this.#ws;
    this.#ws = undefined;
    if (!ws || ws.readyState === CLOSED) return;
    try {
      // terminate() (ws) frees the connection at once, even from a peer that stopped reading.
      if (code === undefined && ws.terminate) ws.terminate();
      else ws.close(code ?? 1000, reason);
    } catch {
      // Already closing or closed: nothing left to release.
    }
  }
}
