import { createError, type FaultlineError } from './errors.js';
import type { ErrorKind } from './kinds.js';
import { resolveClock } from './clock.js';
import { publish, CHANNELS } from './diagnostics.js';
import type { CircuitBreakerLike, CircuitBreakerOptions, CircuitState, Clock } from './retry-types.js';

export interface CircuitStateEvent {
  readonly from: CircuitState;
  readonly to: CircuitState;
  /** Clock time of the change. */
  readonly at: number;
  /** The failure that opened (or re-opened) the circuit. */
  readonly error?: FaultlineError;
}

export type CircuitStateListener = (event: CircuitStateEvent) => void;

export interface CircuitBreakerConfig extends CircuitBreakerOptions {
  /** Which failures count toward opening; default `isBreakerFailure`. */
  isFailure?: (error: FaultlineError) => boolean;
  onStateChange?: CircuitStateListener;
}

/**
 * Failures that say the service itself is unhealthy: it did not answer (network, timeout), said it
 * is down (503/502/524), failed internally (500) or dropped the connection. Excluded on purpose:
 * 4xx answers (invalid_request, not_found, permission…: the service is up and answered), rate_limited
 * (the service is healthy and paces us with Retry-After, which the retry loop honours), canceled
 * (says nothing about the service) and unknown (we cannot tell).
 */
const SERVER_FAULTS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['network', 'timeout', 'unavailable', 'internal', 'connection_closed']);

export function isBreakerFailure(error: FaultlineError): boolean {
  return SERVER_FAULTS.has(error.kind);
}

function positive(value: number | undefined, fallback: number, name: string, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new TypeError(`CircuitBreaker: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
  return value;
}

/**
 * Opens after `failureThreshold` consecutive server faults (default 5), or — when `failureRatio` is
 * set — when at least that share of the last `windowSize` calls (default 20, window full) failed.
 * While open, `admit()` fails fast with a ServiceUnavailableError `CIRCUIT_OPEN` whose retryAfterMs
 * is the time left until half-open. Half-open lets one probe through: success closes, a fault
 * re-opens. A probe that never reports back (its caller vanished) frees its slot after another
 * `halfOpenAfterMs`, so the circuit cannot stick half-open forever.
 */
export class CircuitBreaker implements CircuitBreakerLike {
  readonly failureThreshold: number;
  readonly failureRatio: number | undefined;
  readonly windowSize: number;
  readonly halfOpenAfterMs: number;
  readonly #clock: Clock;
  readonly #isFailure: (error: FaultlineError) => boolean;
  readonly #listeners = new Set<CircuitStateListener>();
  #state: CircuitState = 'closed';
  #consecutive = 0;
  #window: boolean[] = [];
  #openedAt = 0;
  #probeAt: number | undefined;

  constructor(options: CircuitBreakerConfig = {}) {
    this.failureThreshold = positive(options.failureThreshold, 5, 'failureThreshold', true);
    if (options.failureRatio !== undefined && !(options.failureRatio > 0 && options.failureRatio <= 1)) {
      throw new TypeError(`CircuitBreaker: failureRatio must be in (0, 1], got ${String(options.failureRatio)}`);
    }
    this.failureRatio = options.failureRatio;
    this.windowSize = positive(options.windowSize, 20, 'windowSize', true);
    this.halfOpenAfterMs = positive(options.halfOpenAfterMs, 30_000, 'halfOpenAfterMs');
    this.#clock = resolveClock(options.clock);
    this.#isFailure = options.isFailure ?? isBreakerFailure;
    if (options.onStateChange) this.#listeners.add(options.onStateChange);
  }

  get state(): CircuitState {
    if (this.#state === 'open' && this.#clock.now() - this.#openedAt >= this.halfOpenAfterMs) {
      this.#transition('half-open');
    }
    return this.#state;
  }

  /** Listens to state changes; returns the unsubscribe function. */
  on(event: 'stateChange', listener: CircuitStateListener): () => void {
    if (event !== 'stateChange') throw new TypeError(`CircuitBreaker: unknown event ${String(event)}`);
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
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
      return this.#openError(this.halfOpenAfterMs - (now - this.#probeAt));
    }
    return this.#openError(this.halfOpenAfterMs - (now - this.#openedAt));
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
    if (!this.#isFailure(error)) {
      // The service answered (a 4xx): as good as a success for its health.
      this.recordSuccess();
      return;
    }
    const state = this.state;
    if (state === 'half-open') {
      this.#open(error);
      return;
    }
    if (state === 'open') return;
    this.#consecutive++;
    this.#push(true);
    if (this.#shouldOpen()) this.#open(error);
  }

  /** Back to closed with clean counters (e.g. after a manual health check). */
  reset(): void {
    this.#close();
  }

  #shouldOpen(): boolean {
    if (this.failureRatio === undefined) return this.#consecutive >= this.failureThreshold;
    if (this.#window.length < this.windowSize) return false;
    const failures = this.#window.reduce((n, failed) => n + (failed ? 1 : 0), 0);
    return failures / this.#window.length >= this.failureRatio;
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

  #openError(retryAfterMs: number): FaultlineError {
    return createError('unavailable', {
      code: 'CIRCUIT_OPEN',
      message: 'circuit open',
      retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
    });
  }

  #transition(to: CircuitState, error?: FaultlineError): void {
    const from = this.#state;
    this.#state = to;
    const event: CircuitStateEvent = error ? { from, to, at: this.#clock.now(), error } : { from, to, at: this.#clock.now() };
    publish(CHANNELS.breaker, () => ({ from, to, at: event.at, error: error?.toJSON() }));
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not wedge the breaker half-way through a transition.
      }
    }
  }
}
