import { Backoff } from '../../src/backoff.js';
import { definedOnly, retryCost } from '../../src/budget.js';
import { classify, classifyClose, classifyRaw, type ClassifyOptions } from '../../src/classify.js';
import { resolveClock, type Clock } from '../../src/clock.js';
import { RECONNECT_DEFAULTS, REFRESH_TIMEOUT_MS, SOCKET_DEFAULTS } from '../../src/constants.js';
import { decide, type DecideOptions, type Decision } from '../../src/decide.js';
import { CanceledError, ConfigurationError, TimeoutError, withAttempts, type FaultlineError } from '../../src/errors.js';
import { Emitter } from '../../src/events.js';
import { count, fn, ms, object, oneOf, positive, validate, type Rule } from '../../src/options.js';
import { race } from '../../src/race.js';
import { isProvider } from '../../src/provider.js';
import type { SharedBreaker, SharedBudget } from '../../src/store-types.js';
import { closeReason, handshakeError, kickLoopError, type CloseEventLike, type ErrorEventLike } from './faults.js';
import { startHeartbeat } from './heartbeat.js';
import { isSocketData, Outbox } from './outbox.js';
import type { AckKey, OutboxAck, ReconnectingSocketOptions, SocketData, SocketEventMap, SocketState, UrlSource, WebSocketConstructor, WebSocketLike } from './types.js';
import { watchWake } from './wake.js';

const OPEN = 1;
const CLOSED = 3;

const providerRule: Rule = [isProvider, "a provider value (import { leancloud } from 'faultline/catalog/leancloud')"];
const ackRule: Rule = [(v) => typeof (v as OutboxAck | null)?.id === 'function' && typeof (v as OutboxAck).acked === 'function', 'an object with id and acked functions'];
const kickLoopRule: Rule = [(v) => v === false || (typeof v === 'object' && v !== null), 'an object or false'];

/** The socket's options, checked and completed once. */
function resolve(options: ReconnectingSocketOptions) {
  const o = validate('ReconnectingSocket', options, {
    WebSocket: fn,
    provider: providerRule,
    binaryType: oneOf('arraybuffer', 'blob'),
    reconnect: object,
    connectTimeoutMs: positive,
    heartbeat: object,
    outbox: object,
    kickLoop: kickLoopRule,
    onRefresh: fn,
    classifyMessage: fn,
    ready: fn,
    budget: object,
    policy: object,
    clock: object,
  });
  // The reconnect options over their defaults, once: the backoff and decide() each read their part.
  const r = Object.freeze({
    ...RECONNECT_DEFAULTS,
    ...definedOnly(
      validate('ReconnectingSocket.reconnect', o.reconnect, {
        maxAttempts: count,
        baseDelayMs: ms,
        rateLimitBaseDelayMs: ms,
        maxDelayMs: ms,
        jitter: oneOf('full', 'decorrelated', 'equal', 'none'),
        minUptimeMs: ms,
        maxRetryAfterMs: ms,
      }),
    ),
  });
  validate('ReconnectingSocket.outbox', o.outbox, { maxMessages: count, maxBytes: count, ttlMs: positive, ack: ackRule });
  if (o.heartbeat) {
    const h = validate('ReconnectingSocket.heartbeat', o.heartbeat, { intervalMs: positive, timeoutMs: positive });
    if (h.intervalMs === undefined || h.timeoutMs === undefined) throw new TypeError('faultline: ReconnectingSocket.heartbeat needs intervalMs and timeoutMs');
  }
  const kick = o.kickLoop === false ? undefined : validate('ReconnectingSocket.kickLoop', o.kickLoop, { maxCloses: count });
  const rules: DecideOptions = {
    ...r,
    deadlineMs: undefined,
    onRetryAfterTooLong: 'cap',
    canRefresh: o.onRefresh !== undefined,
    shouldRetry: undefined,
    kickLoopMaxCloses: kick ? (kick.maxCloses ?? SOCKET_DEFAULTS.kickLoopMaxCloses) : 0,
  };
  const connectTimeoutMs = o.connectTimeoutMs ?? SOCKET_DEFAULTS.connectTimeoutMs;
  return Object.freeze({
    backoff: r,
    rules: Object.freeze(rules),
    minUptimeMs: r.minUptimeMs,
    connectTimeoutMs,
    // onRefresh runs within the connect timeout; with that turned off, within the library's bound.
    refreshTimeoutMs: connectTimeoutMs < Infinity ? connectTimeoutMs : REFRESH_TIMEOUT_MS,
    budget: (o.budget ?? o.policy?.budget) as SharedBudget | undefined,
    breaker: o.policy?.circuitBreaker as SharedBreaker | undefined,
  });
}

/**
 * A WebSocket that reconnects when reconnecting can help and stops when it cannot, with the real
 * close code on every error. What to do after each failure is `decide()`'s, in reconnect mode: the
 * socket only carries it out. One socket at a time: the old one is discarded (and its late events
 * ignored, by generation) before a new one is created.
 *
 * A connection counts as stable once it has lived `reconnect.minUptimeMs`; only then do the
 * attempt count and the backoff start over. A network that drops every connection right after it
 * opens is met with ever longer waits, up to the cap — never with stopping for good, which is kept
 * for what the service says is final (4111, 4115, 1008…), `maxAttempts` if set, and the kick-loop
 * guard (the same application close code right after every open).
 *
 * Errors of its own: a close before 'open' is a handshake failure (NetworkError 'HANDSHAKE_FAILED',
 * or what ws's errno / upgrade status classifies as), closeCode as received; ConnectionClosedError
 * 'KICK_LOOP'; TimeoutError 'CONNECT_TIMEOUT' / 'HEARTBEAT_TIMEOUT' / 'REFRESH_TIMEOUT';
 * QuotaExceededError 'OUTBOX_FULL', TimeoutError 'OUTBOX_TTL' and CanceledError 'CLOSED' for sends.
 */
export class ReconnectingSocket {
  readonly #url: UrlSource;
  readonly #o: ReconnectingSocketOptions;
  readonly #r: ReturnType<typeof resolve>;
  readonly #Ctor: WebSocketConstructor;
  readonly #clock: Clock;
  readonly #classifyOptions: ClassifyOptions;
  readonly #events = new Emitter<SocketEventMap>();
  readonly #outbox: Outbox;
  readonly #backoff: Backoff;
  #ws: WebSocketLike | undefined;
  /** Bumped whenever the current attempt or socket is abandoned; stale callbacks compare it. */
  #gen = 0;
  #state: SocketState = 'connecting';
  /** Attempts since the last stable connection. */
  #attempt = 0;
  /** The budget paid for a reconnect since the last stable connection. */
  #spent = false;
  #wait: unknown;
  #connectTimer: unknown;
  #stableTimer: unknown;
  /** The current connection has lived minUptime: its close is not a kick. */
  #stable = false;
  /** Delays waited since the last stable connection (reported on a max-attempts stop). */
  #waited = 0;
  /** Aborts a running onRefresh when the socket moves on (close(), reconnect()). */
  #refreshing: AbortController | undefined;
  #heartbeat: { alive(): void; stop(): void } | undefined;
  #openedAt: number | undefined;
  #kickKey: number | undefined;
  #kicks = 0;
  #refreshed = false;
  #stopError: FaultlineError | undefined;
  #unwake: (() => void) | undefined;

  constructor(url: UrlSource, options: ReconnectingSocketOptions = {}) {
    if (typeof url !== 'string' && typeof url !== 'function' && !(url instanceof URL)) {
      throw new TypeError('faultline: ReconnectingSocket url must be a string, a URL, or a function returning one');
    }
    this.#r = resolve(options);
    const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (typeof Ctor !== 'function') {
      throw new ConfigurationError({
        message:
          "ReconnectingSocket: no WebSocket implementation. Pass options.WebSocket (e.g. `import { WebSocket } from 'ws'`), or run where globalThis.WebSocket exists (browsers, Node 22+).",
      });
    }
    this.#url = url;
    this.#o = options;
    this.#Ctor = Ctor;
    this.#clock = resolveClock(options.clock);
    this.#classifyOptions = { provider: options.provider };
    this.#backoff = new Backoff(this.#r.backoff, this.#clock.random);
    this.#outbox = new Outbox(options.outbox, this.#clock);
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

  /** Messages kept: waiting for an open, ready socket, or (with `outbox.ack`) for their acknowledgement. */
  get queued(): number {
    return this.#outbox.size;
  }

  on<K extends keyof SocketEventMap>(name: K, listener: (event: SocketEventMap[K]) => void): () => void {
    return this.#events.on(name, listener);
  }

  /**
   * Resolves once `data` is handed to an open, ready socket (at once, or from the outbox after a
   * reconnect): handed over, not delivered — a connection that drops right after may lose it.
   * With `outbox.ack`, resolves once the server acknowledged it, resending it after reconnects
   * until then. Rejects with QuotaExceededError 'OUTBOX_FULL', TimeoutError 'OUTBOX_TTL', or the
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
    if (!isSocketData(data)) return Promise.reject(new TypeError('faultline: send() data must be a string, ArrayBuffer, typed array or Blob'));
    let key: AckKey | undefined;
    try {
      key = this.#o.outbox?.ack?.id(data);
    } catch (error) {
      return Promise.reject(error);
    }
    const ws = this.#ws;
    const open = this.#state === 'open' && ws?.readyState === OPEN;
    if (open && key === undefined && this.#outbox.caughtUp(this.#gen)) {
      try {
        ws.send(data as string);
        return Promise.resolve();
      } catch {
        // Not handed over: the outbox keeps it for the next open socket.
      }
    }
    const kept = this.#outbox.push(data, key);
    if (open) this.#flush(ws);
    return kept;
  }

  #flush(ws: WebSocketLike): void {
    this.#outbox.flush(this.#gen, (data) => ws.send(data as string));
  }

  /**
   * Stops for good (until reconnect()): closes the connection, rejects queued sends with
   * CanceledError. A reason longer than a close frame holds (123 UTF-8 bytes) is cut, so the
   * connection always closes.
   */
  close(code = 1000, reason?: string): void {
    if (code !== 1000 && !(Number.isInteger(code) && code >= 3000 && code <= 4999)) {
      throw new TypeError(`faultline: close() code must be 1000 or 3000-4999, got ${String(code)}`);
    }
    if (this.#stopError) return;
    this.#stop(new CanceledError({ code: 'CLOSED', message: 'The socket was closed by the application' }), code, closeReason(reason));
  }

  /** Drops the current connection (if any) and connects now, with fresh attempt counts; also after it stopped. */
  reconnect(): void {
    this.#fresh();
    if (this.#stopError) {
      this.#stopError = undefined;
      this.#unwake = watchWake(this.#wake);
    }
    void this.#connect();
  }

  readonly #wake = (): void => {
    if (this.#wait !== undefined) void this.#connect();
  };

  /** A clean slate: what a stable connection (or the app's reconnect()) earns. */
  #fresh(): void {
    this.#attempt = this.#kicks = this.#waited = 0;
    this.#kickKey = undefined;
    this.#refreshed = false;
    this.#backoff.reset();
  }

  #emit<K extends keyof SocketEventMap>(name: K, event: SocketEventMap[K]): void {
    this.#events.emit(name, event);
  }

  #classify(error: unknown): FaultlineError {
    return classify(error, this.#classifyOptions);
  }

  async #connect(): Promise<void> {
    this.#discard();
    const gen = this.#gen;
    this.#attempt++;
    this.#state = 'connecting';
    const refusal = this.#r.breaker?.admit();
    if (refusal) return void this.#failed(gen, refusal, true);
    const timeoutMs = this.#r.connectTimeoutMs;
    if (timeoutMs < Infinity) {
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
      this.#failed(gen, this.#openedAt === undefined ? handshakeError(event, fault, this.#classifyOptions) : classifyClose(event.code, event.reason || undefined, this.#classifyOptions));
    };
    ws.on?.('pong', () => void (live() && this.#heartbeat?.alive()));
  }

  async #opened(gen: number, ws: WebSocketLike): Promise<void> {
    this.#openedAt = this.#clock.now();
    const { heartbeat, ready } = this.#o;
    if (heartbeat) {
      const probe = (): void => {
        const { message } = heartbeat;
        if (ws.ping) ws.ping();
        else if (message !== undefined) ws.send((typeof message === 'function' ? message() : message) as string);
      };
      const dead = (): void =>
        void this.#failed(gen, new TimeoutError({ code: 'HEARTBEAT_TIMEOUT', retry: 'always', message: `No sign of life from the server for ${heartbeat.timeoutMs} ms` }));
      this.#heartbeat = startHeartbeat(heartbeat, this.#clock, probe, dead);
    }
    // Without a gate, open synchronously: no message can be emitted before 'open'. The gate runs
    // within the connect timeout, which is still armed.
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
    this.#state = 'open';
    this.#r.breaker?.recordSuccess();
    this.#stableTimer = this.#clock.setTimeout(() => this.#becameStable(), this.#r.minUptimeMs);
    // A socket already closing keeps the outbox for the next one: its close event is on the way.
    if (ws.readyState === OPEN) this.#flush(ws);
    this.#emit('open', { attempt });
  }

  /** The connection lived minUptime: whatever came before was not a loop, and the backoff starts over. */
  #becameStable(): void {
    this.#stableTimer = undefined;
    this.#stable = true;
    // The budget paid for this cycle's reconnects: a connection that held gives it back.
    this.#r.budget?.recordSuccess(this.#spent);
    this.#spent = false;
    this.#fresh();
  }

  #received(gen: number, data: unknown): void {
    this.#heartbeat?.alive();
    const ack = this.#o.outbox?.ack;
    if (ack) {
      try {
        const keys = ack.acked(data);
        if (keys !== undefined) this.#outbox.ack(Array.isArray(keys) ? keys : [keys as AckKey]);
      } catch (error) {
        this.#emit('error', { error: this.#classify(error) });
      }
    }
    this.#emit('message', { data });
    if (gen !== this.#gen) return;
    let fault: FaultlineError | undefined;
    try {
      const custom = this.#o.classifyMessage;
      if (custom) {
        const found = custom(data);
        fault = found === undefined ? undefined : this.#classify(found);
      } else {
        const raw = this.#o.provider?.inBand?.(data);
        fault = raw === undefined ? undefined : classifyRaw(raw, this.#classifyOptions, data);
      }
    } catch (error) {
      this.#emit('error', { error: this.#classify(error) });
    }
    if (fault && gen === this.#gen) this.#failed(gen, fault);
  }

  /** The attempt or connection `gen` failed: ask decide(), then carry the decision out. */
  async #failed(gen: number, error: FaultlineError, circuitOpen = false): Promise<void> {
    if (gen !== this.#gen) return;
    const opened = this.#openedAt !== undefined;
    const stable = this.#stable;
    this.#discard();
    const current = this.#gen;
    this.#emit('error', { error });
    if (current !== this.#gen) return; // a listener called close() or reconnect()
    if (!circuitOpen && error.kind !== 'canceled') this.#r.breaker?.recordFailure(error);
    // An application close (3000–4999, in-band kicks included) of a connection that opened but did
    // not become stable: a kick. Network drops in between neither count nor break the run.
    const code = error.closeCode;
    if (opened && !stable && code !== undefined && code >= 3000 && code <= 4999) {
      this.#kicks = code === this.#kickKey ? this.#kicks + 1 : 1;
      this.#kickKey = code;
    }
    const state = {
      mode: 'reconnect' as const,
      attempt: this.#attempt,
      elapsedMs: 0,
      backoffMs: this.#backoff.next(error.kind),
      random: this.#clock.random(),
      idempotent: true,
      refreshed: this.#refreshed,
      circuitOpen,
      kicks: this.#kicks,
    };
    let decision: Decision = decide(error, state, this.#r.rules);
    const budget = this.#r.budget;
    if (decision.action === 'retry' && budget && !circuitOpen) {
      // A local budget answers at once: only a shared store's answer is awaited. A budget that
      // fails does not get to strand the socket: it counts as paid.
      let paid = true;
      try {
        const answer = budget.tryAcquire(retryCost(budget.config, error));
        paid = typeof answer === 'boolean' ? answer : await answer;
      } catch {
        // Reconnect as if it had paid.
      }
      if (current !== this.#gen) return;
      if (paid) this.#spent = true;
      else decision = decide(error, { ...state, budgetRefused: true }, this.#r.rules);
    }
    if (decision.action === 'stop') {
      const reason = decision.reason;
      return this.#stop(reason === 'kick-loop' ? kickLoopError(error, this.#kicks) : reason === 'max-attempts' ? withAttempts(error, this.#attempt, this.#waited, []) : error);
    }
    this.#state = 'reconnecting';
    if (decision.action === 'refresh') {
      this.#refreshed = true;
      const ms = this.#r.refreshTimeoutMs;
      const aborter = (this.#refreshing = new AbortController());
      const settled = await race(() => (this.#o.onRefresh as (e: FaultlineError) => unknown)(error), ms, this.#clock, aborter.signal);
      if (current !== this.#gen || settled.end === 'aborted') return;
      this.#refreshing = undefined;
      if (settled.end === 'done') return this.#schedule(error, 0);
      return this.#stop(
        settled.end === 'failed'
          ? this.#classify(settled.error)
          : new TimeoutError({ code: 'REFRESH_TIMEOUT', message: `onRefresh did not settle within ${ms} ms`, cause: error }),
      );
    }
    this.#schedule(error, decision.action === 'retry' ? decision.delayMs : 0);
  }

  #schedule(error: FaultlineError, delayMs: number): void {
    const gen = this.#gen;
    this.#state = 'reconnecting';
    this.#emit('reconnecting', { attempt: this.#attempt + 1, delayMs, error });
    if (gen !== this.#gen) return;
    this.#waited += delayMs;
    this.#wait = this.#clock.setTimeout(() => void this.#connect(), delayMs);
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
    clock.clearTimeout(this.#stableTimer);
    this.#wait = this.#connectTimer = this.#stableTimer = undefined;
    this.#stable = false;
    this.#refreshing?.abort();
    this.#refreshing = undefined;
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
      // A close the implementation refused: the connection must still go.
      try {
        if (ws.terminate) ws.terminate();
        else ws.close();
      } catch {
        // Already closing or closed: nothing left to release.
      }
    }
  }
}
