import type { FaultlineError } from './errors.js';

/**
 * Where a policy keeps the state it shares: its retry budget, its circuit breaker and its
 * Retry-After gate, each by the policy's name. The default store is local to the process;
 * `redisStore()` (`faultline/redis`) shares them across a fleet. A store never makes a request
 * wait on it longer than its own bound: when its backend is slow or down it answers from local
 * state and says so with a `fallback` event.
 */
export interface PolicyStore {
  /** The token bucket named `name` (created on first use with these options). */
  budget(name: string, options: BudgetConfig): SharedBudget;
  /** The circuit breaker named `name` (created on first use with these options). */
  breaker(name: string, options: BreakerConfig): SharedBreaker;
  /** The Retry-After gate named `name`. */
  gate(name: string): SharedGate;
  /** `fallback`: the backend failed or was too slow, local state answers; `recovered`: shared state again. */
  on(event: StoreEventName, listener: (event: StoreEvent) => void): () => void;
}

export type StoreEventName = 'fallback' | 'recovered';

export interface StoreEvent {
  /** What the store was doing: 'budget', 'breaker', 'gate', 'connect'… */
  readonly operation: string;
  /** The backend's failure (fallback only). */
  readonly error?: unknown;
}

export interface BudgetConfig {
  /** Tokens when full, and at start. */
  readonly capacity: number;
  /** Tokens a retry spends. */
  readonly retryCost: number;
  /** Tokens a retry after a timeout spends. */
  readonly timeoutCost: number;
  /** Tokens a first-attempt success gives back (a successful retry refunds retryCost). */
  readonly successRefill: number;
}

export interface SharedBudget {
  /** What a retry costs and a success gives back. */
  readonly config: BudgetConfig;
  /**
   * Spends `cost` tokens for one retry: true when paid. A shared store answers asynchronously and
   * within its bound (else from a local bucket). Called on the failure path only.
   */
  tryAcquire(cost: number): boolean | Promise<boolean>;
  /** A call succeeded, after retries or not. Never awaited: a shared store batches these. */
  recordSuccess(retried: boolean): void;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BreakerConfig {
  /** Consecutive server faults (in this process) that make this process report failures. */
  readonly failureThreshold: number;
  /** How long the breaker stays open before one probe is let through. */
  readonly halfOpenAfterMs: number;
  /**
   * Shared stores only: how many processes must report failures within `halfOpenAfterMs` before
   * the breaker opens fleet-wide — a count (≥ 1), or a share (0 < q < 1) of the processes seen
   * lately. One sick process never opens it for the fleet.
   */
  readonly quorum: number;
}

export interface SharedBreaker {
  readonly state: CircuitState;
  /** Synchronous, no I/O: a ServiceUnavailableError 'CIRCUIT_OPEN' when the call must fail fast, else undefined. */
  admit(): FaultlineError | undefined;
  recordSuccess(): void;
  recordFailure(error: FaultlineError): void;
  on(event: 'stateChange', listener: (event: { readonly from: CircuitState; readonly to: CircuitState }) => void): () => void;
}

export interface SharedGate {
  /**
   * Milliseconds still to wait before a request to `scope` (a host, as `URL.host` gives it) may go
   * out: the longer of that host's gate and the name-wide one. Without a scope: the longest wait of
   * any host under this name (0: nothing is closed). Synchronous, from what this process knows:
   * never a round-trip.
   */
  waitMs(now: number, scope?: string): number;
  /**
   * A server asked every client to wait `delayMs` (Retry-After, a rate-limit code): close the gate
   * of `scope` (the host that said so) for all until then; without a scope, the name-wide gate.
   */
  close(delayMs: number, now: number, scope?: string): void;
}
