/**
 * `faultline/breaker`: an opt-in circuit breaker for a policy (`createRetryPolicy({ circuitBreaker:
 * new CircuitBreaker() })`). Kept out of `faultline/core` so that apps without one do not carry it.
 */
import { resolveClock, type Clock } from './clock.js';
import { BREAKER_DEFAULTS } from './constants.js';
import { createError, type FaultlineError } from './errors.js';
import { Emitter } from './events.js';
import type { ErrorKind } from './kinds.js';
import { count, fn, object, positive, share, validate } from './options.js';
import type { CircuitState, SharedBreaker } from './store-types.js';

export type { CircuitState };

export interface CircuitStateEvent {
  readonly from: CircuitState;
  readonly to: CircuitState;
  /** Clock time of the change. */
  readonly at: number;
  /** The failure that opened (or re-opened) the circuit. */
  readonly error?: FaultlineError;
}

export interface CircuitBreakerOptions {
  /** Consecutive server faults that open it. Default 5. */
  failureThreshold?: number;
  /** Alternatively, the share of the last `windowSize` calls that failed. */
  failureRatio?: number;
  /** Default 20. */
  windowSize?: number;
  /** How long it stays open before one probe is let through. Default 30,000 ms. */
  halfOpenAfterMs?: number;
  /** Which failures count toward opening; default `isBreakerFailure`. */
  isFailure?: (error: FaultlineError) => boolean;
  clock?: Partial<Clock>;
}

/**
 * Failures that say the service itself is unhealthy: it did not answer (network, timeout), said it
 * is down (503/502/524), failed internally (500) or dropped the connection. Not: 4xx answers (the
 * service is up and answered), rate_limited (it is healthy and paces us), canceled (says nothing
 * about the service), unknown (we cannot tell).
 */
const SERVER_FAULTS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['network', 'timeout', 'unavailable', 'internal', 'connection_closed']);

export function isBreakerFailure(error: FaultlineError): boolean {
  return SERVER_FAULTS.has(error.kind);
}

/**
 * Opens after `failureThreshold` consecutive server faults, or — with `failureRatio` — when at least
 * that share of the last `windowSize` calls (window full) failed. While open, `admit()` fails fast
 * with a ServiceUnavailableError 'CIRCUIT_OPEN' whose retryAfterMs is the time left until half-open.
 * Half-open lets one probe through: success closes, a fault re-opens. A probe that never reports
 * back frees its slot after another `halfOpenAfterMs`, so the circuit cannot stick half-open.
 */
export class CircuitBreaker implements SharedBreaker {
  readonly failureThreshold: number;
  readonly failureRatio: number | undefined;
  readonly windowSize: number;
  readonly halfOpenAfterMs: number;
  readonly #clock: Clock;
  readonly #isFailure: (error: FaultlineError) => boolean;
  readonly #events = new Emitter<{ stateChange: CircuitStateEvent }>(true);
  #state: CircuitState = 'closed';
  #consecutive = 0;
  #window: boolean[] = [];
  #openedAt = 0;
  #probeAt: number | undefined;

  constructor(options: CircuitBreakerOptions = {}) {
    const o = validate('CircuitBreaker', options, {
      failureThreshold: count,
      failureRatio: share,
      windowSize: count,
      halfOpenAfterMs: positive,
      isFailure: fn,
      clock: object,
    });
    this.failureThreshold = o.failureThreshold ?? BREAKER_DEFAULTS.failureThreshold;
    this.failureRatio = o.failureRatio;
    this.windowSize = o.windowSize ?? BREAKER_DEFAULTS.windowSize;
    this.halfOpenAfterMs = o.halfOpenAfterMs ?? BREAKER_DEFAULTS.halfOpenAfterMs;
    this.#clock = resolveClock(o.clock);
    this.#isFailure = o.isFailure ?? isBreakerFailure;
  }

  get state(): CircuitState {
    if (this.#state === 'open' && this.#clock.now() - this.#openedAt >= this.halfOpenAfterMs) this.#transition('half-open');
    return this.#state;
  }

  /** Listens to state changes; returns the unsubscribe function. */
  on(event: 'stateChange', listener: (event: CircuitStateEvent) => void): () => void {
    return this.#events.on(event, listener);
  }

  admit(): FaultlineError | undefined {
    const state = this.state;
    if (state === 'closed') return undefined;
    const now = this.#clock.now();
    if (state === 'half-open') {
      if (this.#probeAt === undefined || now - this.#probeAt >= this.halfOpenAfterMs) {
        this.#probeAt = now;
        return undefined;
      }
      return openError(this.halfOpenAfterMs - (now - this.#probeAt));
    }
    return openError(this.halfOpenAfterMs - (now - this.#openedAt));
  }

  recordSuccess(): void {
    const state = this.state;
    this.#consecutive = 0;
    this.#push(false);
    if (state === 'half-open') this.#close();
  }

  recordFailure(error: FaultlineError): void {
    if (error.kind === 'canceled') {
      // No verdict on the service; just free the probe slot so the next caller can probe.
      this.#probeAt = undefined;
      return;
    }
    // The service answered (a 4xx): as good as a success for its health.
    if (!this.#isFailure(error)) return this.recordSuccess();
    const state = this.state;
    if (state === 'half-open') return this.#open(error);
    if (state === 'open') return;
    this.#consecutive++;
    this.#push(true);
    if (this.#shouldOpen()) this.#open(error);
  }

  /** Back to closed with clean counters (after a manual health check). */
  reset(): void {
    this.#close();
  }

  #shouldOpen(): boolean {
    if (this.failureRatio === undefined) return this.#consecutive >= this.failureThreshold;
    if (this.#window.length < this.windowSize) return false;
    return this.#window.filter(Boolean).length / this.#window.length >= this.failureRatio;
  }

  #push(failed: boolean): void {
    if (this.failureRatio === undefined) return;
    this.#window.push(failed);
    if (this.#window.length > this.windowSize) this.#window.shift();
  }

  #open(error: FaultlineError): void {
    this.#openedAt = this.#clock.now();
    this.#probeAt = undefined;
    this.#transition('open', error);
  }

  #close(): void {
    this.#consecutive = 0;
    this.#window = [];
    this.#probeAt = undefined;
    if (this.#state !== 'closed') this.#transition('closed');
  }

  #transition(to: CircuitState, error?: FaultlineError): void {
    const from = this.#state;
    this.#state = to;
    const at = this.#clock.now();
    const event: CircuitStateEvent = error ? { from, to, at, error } : { from, to, at };
    this.#events.emit('stateChange', event);
  }
}

export function openError(retryAfterMs: number): FaultlineError {
  return createError('unavailable', { code: 'CIRCUIT_OPEN', message: 'circuit open', retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)) });
}
