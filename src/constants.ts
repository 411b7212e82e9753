/**
 * Every default and limit of faultline, named once. Options are resolved against these once, when
 * a policy, adapter or socket is made; README's defaults tables are generated from this file
 * (`scripts/readme-defaults.mjs`).
 */

/** A request retry policy (`createRetryPolicy`, `retry`, the HTTP adapters). */
export const RETRY_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** Attempts in all, the first included. */
  maxAttempts: 3,
  /** Base of the exponential backoff: base × 2^(attempt−1), capped, then jittered. */
  baseDelayMs: 100,
  /** The base for `rate_limited` errors that came without a server-given delay. */
  rateLimitBaseDelayMs: 1_000,
  /** Cap of any computed delay. */
  maxDelayMs: 20_000,
  jitter: 'full' as const,
  /** Longest server-given delay (Retry-After, retry-after-ms, RateLimit-Reset) honoured. */
  maxRetryAfterMs: 60_000,
  /** A longer one: give up at once, or sleep maxRetryAfterMs. */
  onRetryAfterTooLong: 'give-up' as const,
  /** Whether errors whose retry is 'idempotent' may be retried (the HTTP adapters decide per request). */
  idempotent: false,
});

/**
 * A socket's reconnects. Larger than a request's: a reconnect storm costs a server a TLS handshake
 * and a session per client, and a socket, unlike a request, has nobody waiting on it.
 */
export const RECONNECT_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** Unlimited: a flapping network is met with longer waits, never with stopping for good. */
  maxAttempts: Infinity,
  baseDelayMs: 1_000,
  rateLimitBaseDelayMs: 1_000,
  maxDelayMs: 30_000,
  jitter: 'full' as const,
  /** A connection counts as stable, and the attempt count and backoff start over, once it has lived this long. */
  minUptimeMs: 5_000,
  /** Server-given delays (a 429/503 upgrade answer) longer than this are capped, never a reason to stop. */
  maxRetryAfterMs: 60_000,
});

export const SOCKET_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** From the start of an attempt (URL provider, handshake) to the end of the `ready` gate. */
  connectTimeoutMs: 10_000,
  /** Closes with the same application code (3000–4999 or in-band) within minUptime that stop the socket. */
  kickLoopMaxCloses: 3,
  outboxMaxMessages: 1_000,
  outboxMaxBytes: 1_048_576,
  outboxTtlMs: Infinity,
  /** A close reason is at most 123 UTF-8 bytes (RFC 6455 §5.5): longer ones are cut, so the close always happens. */
  maxCloseReasonBytes: 123,
});

/** Server-given delays get up to this share on top, so clients told the same Retry-After do not return in lockstep. */
export const RETRY_AFTER_JITTER = 0.1;

/**
 * A retry budget: a token bucket in the style of the AWS SDK's standard retry strategy, at half its
 * size. A permanent outage costs at most capacity / retryCost = 50 extra attempts before retries stop.
 */
export const BUDGET_DEFAULTS = /* @__PURE__ */ Object.freeze({
  capacity: 250,
  retryCost: 5,
  /** Timeouts hint at overload and cost the server most. */
  timeoutCost: 10,
  /** What a first-attempt success gives back (a successful retry refunds its cost). */
  successRefill: 1,
});

export const BREAKER_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** Consecutive server faults (network, timeout, 5xx, dropped connections) that open it. */
  failureThreshold: 5,
  /** Alternatively: the share of the last `windowSize` calls that failed. */
  windowSize: 20,
  /** How long it stays open before one probe is let through. */
  halfOpenAfterMs: 30_000,
  /** Shared stores: processes that must see failures before it opens fleet-wide. */
  quorum: 2,
});

/** The HTTP adapters. */
export const HTTP_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** How much of an error body faultline reads; the rest is discarded. */
  maxErrorBodyBytes: 65_536,
  /** How long faultline waits for the rest of an error body once the headers arrived; what came by then is classified. */
  errorBodyTimeoutMs: 5_000,
});

/**
 * An `onRefresh` hook runs within the deadline or the attempt timeout; with neither, within this,
 * so a hook that never settles cannot hang a call.
 */
export const REFRESH_TIMEOUT_MS = 30_000;

/** Limits on what an error keeps of what it was made from: long server dumps say nothing more past these. */
export const LIMITS = /* @__PURE__ */ Object.freeze({
  /** Characters of a message (the server's text, a close reason). */
  message: 500,
  /** Characters of a code read from a body or an SDK error. */
  code: 100,
  /** Characters of a cause's text in toJSON(). */
  cause: 1_000,
  /** Characters of a body classify() scans (JSON parse, HTML title): at most what the adapters read. */
  body: 65_536,
  /** Failures kept in `history` by an unbounded loop: the latest. */
  history: 100,
});

/** setTimeout's delay is a signed 32-bit int: anything longer fires at once (a bug retry libraries have shipped). */
export const MAX_TIMER_MS = 2_147_483_647;
