#!/usr/bin/env node
// README's defaults tables, generated from the one place every default is named (src/constants.ts,
// read from the built core: run `npm run build` first). `--check` exits 1 when README differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { BREAKER_DEFAULTS, BUDGET_DEFAULTS, HTTP_DEFAULTS, RECONNECT_DEFAULTS, RETRY_AFTER_JITTER, RETRY_DEFAULTS, SOCKET_DEFAULTS } from '../dist/index.js';

/** Text written as it is (a composite default), not quoted like a string option's value. */
const text = (value) => ({ text: value });

const show = (value) => {
  if (typeof value === 'object' && value !== null && 'text' in value) return value.text;
  if (value === Infinity) return 'unlimited';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
};

/** [option, value, meaning]: the meanings are written here, the values come from the constants. */
const TABLES = {
  engine: [
    ['`maxAttempts`', RETRY_DEFAULTS.maxAttempts, 'attempts in all, the first included (`Infinity` allowed)'],
    ['`baseDelayMs`', RETRY_DEFAULTS.baseDelayMs, 'base of the exponential backoff: `base × 2^(attempt−1)`, capped, then jittered'],
    ['`rateLimitBaseDelayMs`', RETRY_DEFAULTS.rateLimitBaseDelayMs, 'the base for `rate_limited` errors that came without Retry-After'],
    ['`maxDelayMs`', RETRY_DEFAULTS.maxDelayMs, 'cap of any computed delay'],
    ['`jitter`', RETRY_DEFAULTS.jitter, "`'full'` (uniform in [0, delay]), `'equal'`, `'decorrelated'` (AWS) or `'none'`"],
    ['`maxRetryAfterMs`', RETRY_DEFAULTS.maxRetryAfterMs, 'longest server-given delay (Retry-After, retry-after-ms, RateLimit-Reset) honoured'],
    ['`onRetryAfterTooLong`', RETRY_DEFAULTS.onRetryAfterTooLong, "a longer one: `'give-up'` at once, or `'cap'` (sleep maxRetryAfterMs)"],
    ['`idempotent`', RETRY_DEFAULTS.idempotent, "whether errors whose `retry` is `'idempotent'` may be retried (the HTTP adapters set it per request)"],
    ['(Retry-After jitter)', text(`+0–${RETRY_AFTER_JITTER * 100}%`), 'server-given delays get up to this much more, so clients told the same Retry-After do not return in lockstep'],
    ['`deadlineMs`', text('none'), 'across all attempts, delays and `onRefresh`; a delay that cannot fit gives up at once'],
    ['`attemptTimeoutMs`', text('none'), "per attempt: aborts its signal, fails it with TimeoutError `ATTEMPT_TIMEOUT`"],
    ['`budget`', text('one per policy'), 'a token bucket shared by every call of the policy (options, a shared instance, or `false`); with a `store`, the store\'s'],
    ['budget `capacity`', BUDGET_DEFAULTS.capacity, 'tokens when full, and at start'],
    ['budget `retryCost`', BUDGET_DEFAULTS.retryCost, 'tokens a retry spends'],
    ['budget `timeoutCost`', BUDGET_DEFAULTS.timeoutCost, 'tokens a retry after a timeout spends'],
    ['budget `successRefill`', BUDGET_DEFAULTS.successRefill, 'tokens a first-attempt success gives back (a successful retry refunds its cost)'],
    ['`circuitBreaker`', text('off'), "`new CircuitBreaker()` from `faultline/breaker` (or options, with the full entry or a `store`): fails fast with ServiceUnavailableError `CIRCUIT_OPEN` while open"],
    ['breaker `failureThreshold`', BREAKER_DEFAULTS.failureThreshold, 'consecutive server faults (network, timeout, 5xx, dropped connections) that open it'],
    ['breaker `failureRatio` / `windowSize`', text(`off / ${BREAKER_DEFAULTS.windowSize}`), 'alternatively: open when this share of the last `windowSize` calls failed'],
    ['breaker `halfOpenAfterMs`', BREAKER_DEFAULTS.halfOpenAfterMs, 'how long it stays open before one probe is let through'],
    ['breaker `quorum` (stores)', BREAKER_DEFAULTS.quorum, 'processes that must see failures before a shared breaker opens fleet-wide'],
    ['`maxErrorBodyBytes` (HTTP adapters)', HTTP_DEFAULTS.maxErrorBodyBytes, 'how much of an error body faultline reads; the rest is discarded'],
    ['`errorBodyTimeoutMs` (HTTP adapters)', HTTP_DEFAULTS.errorBodyTimeoutMs, 'how long faultline waits for an error body after the headers; what arrived by then is classified'],
  ],
  socket: [
    ['`reconnect.baseDelayMs` / `maxDelayMs`', text(`${show(RECONNECT_DEFAULTS.baseDelayMs)} / ${show(RECONNECT_DEFAULTS.maxDelayMs)}`), `backoff between attempts, ${RECONNECT_DEFAULTS.jitter} jitter`],
    ['`reconnect.minUptimeMs`', RECONNECT_DEFAULTS.minUptimeMs, 'a connection counts as stable (attempt count, backoff and kick count start over) once it lived this long'],
    ['`reconnect.maxAttempts`', RECONNECT_DEFAULTS.maxAttempts, 'attempts until a connection proves stable: a flapping network never stops the socket'],
    ['`reconnect.maxRetryAfterMs`', RECONNECT_DEFAULTS.maxRetryAfterMs, 'a server-given delay (an upgrade answered 429/503) is honoured up to this, then capped'],
    ['`connectTimeoutMs`', SOCKET_DEFAULTS.connectTimeoutMs, "from the start of an attempt (URL provider, handshake) to the end of the `ready` gate; also bounds `onRefresh`"],
    ['`kickLoop.maxCloses`', SOCKET_DEFAULTS.kickLoopMaxCloses, 'closes with one application code (3000–4999, in-band kicks) before a connection is stable that stop it; `false` turns the guard off'],
    ['`outbox`', text(`${show(SOCKET_DEFAULTS.outboxMaxMessages)} messages, ${show(SOCKET_DEFAULTS.outboxMaxBytes)} bytes, TTL ${show(SOCKET_DEFAULTS.outboxTtlMs)}`), 'queued sends; a full outbox refuses new ones (QuotaExceededError `OUTBOX_FULL`), never drops old ones'],
    ['close reason', text(`${SOCKET_DEFAULTS.maxCloseReasonBytes} UTF-8 bytes`), '`close(code, reason)` cuts a longer reason at a UTF-8 boundary, so the connection always closes'],
  ],
};

function table(rows) {
  return ['| option | default | meaning |', '|---|---|---|', ...rows.map(([o, v, m]) => `| ${o} | ${show(v)} | ${m} |`)].join('\n');
}

const check = process.argv.includes('--check');
const file = new URL('../README.md', import.meta.url);
let readme = readFileSync(file, 'utf8');
const before = readme;
for (const [name, rows] of Object.entries(TABLES)) {
  const open = `<!-- defaults:${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf('<!-- /defaults -->', start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${open} … <!-- /defaults --> section`);
  readme = `${readme.slice(0, start)}${open}\n${table(rows)}\n${readme.slice(end)}`;
}
if (check) {
  if (readme !== before) {
    console.error('README.md defaults tables are stale: run `node scripts/readme-defaults.mjs` and commit it.');
    process.exit(1);
  }
  console.log('README defaults tables are current');
} else {
  writeFileSync(file, readme);
  console.log('wrote README defaults tables');
}
