import { isBreakerFailure } from '../../src/breaker.js';
import { createError, type FaultlineError } from '../../src/errors.js';
import type { BreakerConfig, CircuitState, SharedBreaker } from '../../src/store-types.js';
import type { Backend } from './backend.js';
import { Listeners } from './events.js';
import { channelOf, KEY_TTL_MS, keyOf, type ResolvedRedisStoreOptions } from './options.js';
import { BREAKER_FORGET, BREAKER_HOLD, BREAKER_PROBE, BREAKER_READ, BREAKER_REPORT, BREAKER_SETTLE, type Script } from './scripts.js';

/** How long a process may own the fleet's probe before it starts it: the time for its caller to come back. */
const OWNER_GRACE_MS = 1_000;

type StateChange = { readonly from: CircuitState; readonly to: CircuitState };

/** The fleet's word on the breaker: from a script's answer or a published message. */
export interface FleetNews {
  readonly state: 'open' | 'closed';
  /** Orders the fleet's changes; 0 when Redis holds no state for this breaker. */
  readonly gen: number;
  /** How long it stays open (0: half-open now). */
  readonly ms: number;
}

function checkConfig(config: BreakerConfig): BreakerConfig {
  if (typeof config !== 'object' || config === null) throw new TypeError('faultline: redisStore.breaker needs its options');
  const { failureThreshold, halfOpenAfterMs, quorum } = config;
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
    throw new TypeError(`faultline: redisStore.breaker.failureThreshold must be an integer >= 1, got ${String(failureThreshold)}`);
  }
  if (typeof halfOpenAfterMs !== 'number' || !Number.isFinite(halfOpenAfterMs) || halfOpenAfterMs <= 0 || halfOpenAfterMs > 2_147_483_647) {
    throw new TypeError(`faultline: redisStore.breaker.halfOpenAfterMs must be a number of milliseconds > 0, got ${String(halfOpenAfterMs)}`);
  }
  const share = typeof quorum === 'number' && quorum > 0 && quorum < 1;
  if (!share && !(Number.isInteger(quorum) && quorum >= 1)) {
    throw new TypeError(`faultline: redisStore.breaker.quorum must be a count (an integer >= 1) or a share (0 < quorum < 1), got ${String(quorum)}`);
  }
  return config;
}

/**
 * A circuit breaker whose state this process reads without I/O, mirrored from the fleet's.
 *
 * This process's own run of `failureThreshold` failures opens its local view and is reported; the
 * breaker opens for the whole fleet only when `quorum` processes reported within `halfOpenAfterMs`,
 * and every process then fails fast. When the open time is over, one process of the fleet at a
 * time owns the probe (a lock in Redis): its success closes the breaker everywhere, its failure
 * opens it again. When Redis is away each process runs its own view as a local breaker.
 */
export class RedisBreaker implements SharedBreaker {
  readonly #config: BreakerConfig;
  readonly #keys: readonly string[];
  readonly #name: string;
  readonly #channel: string;
  readonly #backend: Backend;
  readonly #options: ResolvedRedisStoreOptions;
  readonly #degraded: () => boolean;
  readonly #onUpdate: () => void;
  readonly #listeners = new Listeners<{ stateChange: StateChange }>();
  #state: CircuitState = 'closed';
  /** Who opened this view: this process alone, or the fleet (then probes need the fleet's lock). */
  #scope: 'local' | 'fleet' = 'local';
  #openUntil = 0;
  #consecutive = 0;
  #gen = 0;
  /** This process's part in a half-open round. */
  #probe: 'none' | 'asking' | 'owned' | 'running' = 'none';
  #probeAt = 0;
  /** When this process won the fleet's probe lock (on its clock). */
  #ownedAt = 0;
  /** Another process owns the fleet's probe until then. */
  #busyUntil = 0;

  constructor(name: string, config: BreakerConfig, backend: Backend, options: ResolvedRedisStoreOptions, degraded: () => boolean, onUpdate: () => void) {
    this.#config = checkConfig(config);
    this.#name = name;
    this.#keys = ['state', 'open', 'processes', 'failures', 'probe'].map((part) => keyOf(options.prefix, name, `breaker:${part}`));
    this.#channel = channelOf(options.prefix);
    this.#backend = backend;
    this.#options = options;
    this.#degraded = degraded;
    this.#onUpdate = onUpdate;
    void this.sync();
  }

  get state(): CircuitState {
    if (this.#state === 'open' && this.#options.now() >= this.#openUntil) this.#enterHalfOpen();
    return this.#state;
  }

  on(event: 'stateChange', listener: (event: StateChange) => void): () => void {
    if (event !== 'stateChange') throw new TypeError(`faultline: redisStore breaker has no event ${String(event)}`);
    return this.#listeners.on('stateChange', listener);
  }

  admit(): FaultlineError | undefined {
    const state = this.state;
    if (state === 'closed') return undefined;
    const now = this.#options.now();
    if (state === 'open') return openError(this.#openUntil - now);
    const halfOpenAfterMs = this.#config.halfOpenAfterMs;
    if (this.#scope === 'local' || this.#degraded()) {
      // One probe per process per halfOpenAfterMs, as a local breaker.
      if (this.#probe !== 'running' || now - this.#probeAt >= halfOpenAfterMs) return this.#startProbe(now);
      return openError(halfOpenAfterMs - (now - this.#probeAt));
    }
    switch (this.#probe) {
      case 'owned':
        if (now - this.#ownedAt < this.#graceMs()) {
          void this.#backend.run('breaker', BREAKER_HOLD, this.#keys, [this.#options.processId, this.#windowMs()]);
          return this.#startProbe(now);
        }
        break; // the lock may have lapsed: ask again
      case 'running':
        // Our probe's caller never reported back: its lock has expired by now, ask again.
        if (now - this.#probeAt < halfOpenAfterMs) return openError(halfOpenAfterMs - (now - this.#probeAt));
        break;
      case 'asking':
        return openError(this.#options.timeoutMs);
      case 'none':
        if (now < this.#busyUntil) return openError(this.#busyUntil - now);
    }
    // Only a process with a call in hand asks for the probe; this call fails fast meanwhile, the
    // next one (after the lock's answer, within timeoutMs) is the probe if this process won it.
    void this.#ask();
    return openError(this.#options.timeoutMs);
  }

  recordSuccess(): void {
    const state = this.state;
    this.#consecutive = 0;
    if (state !== 'half-open') return;
    if (this.#scope === 'fleet' && !this.#degraded()) {
      // Only the fleet's probe gives the verdict; a late success of an older call does not.
      if (this.#probe !== 'running') return;
      this.#close();
      void this.#settle('closed');
      return;
    }
    this.#close();
    void this.#run(BREAKER_FORGET, [this.#options.processId, 0]);
  }

  recordFailure(error: FaultlineError): void {
    if (error?.kind === 'canceled') {
      // No verdict on the service: free the probe slot (a fleet lock we hold is granted to us again).
      if (this.#probe === 'running') {
        this.#probe = 'none';
        this.#probeAt = 0;
      }
      return;
    }
    if (!isBreakerFailure(error)) {
      // The service answered (a 4xx): as good as a success for its health.
      this.recordSuccess();
      return;
    }
    const state = this.state;
    if (state === 'open') return;
    const now = this.#options.now();
    if (state === 'half-open') {
      if (this.#scope === 'fleet' && !this.#degraded()) {
        if (this.#probe !== 'running') return;
        this.#open(now, this.#config.halfOpenAfterMs, 'fleet');
        void this.#settle('open');
      } else {
        this.#open(now, this.#config.halfOpenAfterMs, this.#scope);
        if (this.#scope === 'local') void this.#report(now);
      }
      return;
    }
    this.#consecutive++;
    if (this.#consecutive < this.#config.failureThreshold) return;
    this.#open(now, this.#config.halfOpenAfterMs, 'local');
    void this.#report(now);
  }

  /** Says this process is alive and reads the fleet's state (first use, heartbeat, after an outage). */
  async sync(): Promise<void> {
    const reply = await this.#run(BREAKER_READ, [this.#options.processId, this.#options.now(), this.#options.aliveMs, KEY_TTL_MS]);
    if (reply) this.receive(reply);
  }

  /** Leaving the fleet: its report and heartbeat no longer count. */
  async leave(): Promise<void> {
    await this.#run(BREAKER_FORGET, [this.#options.processId, 1]);
  }

  /** The fleet's state, from a script or a message: applied unless older than what this process knows. */
  receive(news: FleetNews): void {
    if (news.gen === 0) {
      // Redis holds nothing (it lost its data, or the state expired): a fleet view goes on locally.
      if (this.#scope === 'fleet') this.#scope = 'local';
      return;
    }
    if (news.gen <= this.#gen) return;
    this.#gen = news.gen;
    const now = this.#options.now();
    if (news.state === 'open') this.#open(now, news.ms, 'fleet');
    else this.#close();
    this.#onUpdate();
  }

  #windowMs(): number {
    return Math.ceil(this.#config.halfOpenAfterMs);
  }

  /** The probe lock before its owner starts the probe: short, but never shorter than a call to Redis may take. */
  #graceMs(): number {
    return Math.min(this.#windowMs(), Math.max(OWNER_GRACE_MS, Math.ceil(20 * this.#options.timeoutMs)));
  }

  async #report(now: number): Promise<void> {
    const reply = await this.#run(BREAKER_REPORT, [
      this.#options.processId,
      now,
      this.#windowMs(),
      this.#config.quorum,
      this.#options.aliveMs,
      KEY_TTL_MS,
      this.#channel,
      this.#name,
    ]);
    if (reply?.state === 'open') this.receive(reply);
  }

  async #settle(verdict: 'open' | 'closed'): Promise<void> {
    const reply = await this.#run(BREAKER_SETTLE, [this.#options.processId, verdict, this.#windowMs(), KEY_TTL_MS, this.#channel, this.#name]);
    if (reply) this.receive(reply);
  }

  async #ask(): Promise<void> {
    this.#probe = 'asking';
    const askedAt = this.#options.now();
    const reply = await this.#backend.run('breaker', BREAKER_PROBE, this.#keys, [this.#options.processId, this.#graceMs()]);
    if (this.#probe !== 'asking') return; // the state moved on meanwhile
    this.#probe = 'none';
    if (!reply.ok) return;
    const [state, gen, ms, owned] = reply.value as [unknown, unknown, unknown, unknown];
    if (state === 'closed') {
      // The fleet closed it and this process missed the message.
      this.#gen = Math.max(this.#gen, Number(gen));
      this.#close();
      return;
    }
    if (Number(owned) === 1) {
      this.#probe = 'owned';
      this.#ownedAt = askedAt;
    } else this.#busyUntil = this.#options.now() + Number(ms);
  }

  async #run(script: Script, args: readonly (string | number)[]): Promise<FleetNews | undefined> {
    const reply = await this.#backend.run('breaker', script, this.#keys, args);
    if (!reply.ok || !Array.isArray(reply.value)) return undefined;
    const [state, gen, ms] = reply.value as unknown[];
    return { state: state === 'open' ? 'open' : 'closed', gen: Number(gen) || 0, ms: Math.max(0, Number(ms) || 0) };
  }

  #startProbe(now: number): undefined {
    this.#probe = 'running';
    this.#probeAt = now;
    return undefined;
  }

  #open(now: number, ms: number, scope: 'local' | 'fleet'): void {
    this.#scope = scope;
    this.#openUntil = now + ms;
    this.#consecutive = 0;
    this.#resetProbe();
    if (ms <= 0) this.#enterHalfOpen();
    else this.#transition('open');
  }

  #enterHalfOpen(): void {
    this.#resetProbe();
    this.#transition('half-open');
  }

  #close(): void {
    this.#scope = 'local';
    this.#consecutive = 0;
    this.#resetProbe();
    this.#transition('closed');
  }

  #resetProbe(): void {
    this.#probe = 'none';
    this.#probeAt = 0;
    this.#busyUntil = 0;
  }

  #transition(to: CircuitState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#listeners.emit('stateChange', { from, to });
  }
}

function openError(retryAfterMs: number): FaultlineError {
  return createError('unavailable', {
    code: 'CIRCUIT_OPEN',
    message: 'circuit open',
    retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
  });
}
