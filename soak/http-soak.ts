/**
 * The HTTP soak: N requests at concurrency C through one adapter against the chaos server, then
 * the figures the acceptance asks for. Every call is bounded by a watchdog, so a call that never
 * settles is counted, not waited for.
 */
import { isFaultlineError } from '../src/errors.js';
import { createRetryPolicy } from '../src/policy.js';
import type { RetryOptions } from '../src/policy-types.js';
import type { ChaosServer, Fault } from './chaos-server.js';
import { createHttpClient, type AdapterName, type SoakRequest } from './http-clients.js';
import { watchDiagnostics } from './observe.js';
import { seededRandom } from './random.js';
import { leaksOf } from './secrets.js';

export interface HttpSoakOptions {
  requests: number;
  concurrency: number;
  seed?: number;
  /** Across all attempts of one call. Default 2,000 ms. */
  deadlineMs?: number;
  /** Per attempt. Default 400 ms. */
  attemptTimeoutMs?: number;
  /** How far past its deadline a call may settle and still count as on time (timer and event-loop lag). Default 250 ms. */
  graceMs?: number;
  /** Retry options of the shared policy (hooks are added by the soak). */
  retry?: RetryOptions;
  /** A call still pending this long after its deadline is abandoned and counted as unsettled. Default 10 s. */
  watchdogMs?: number;
}

export const SOAK_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 20,
  rateLimitBaseDelayMs: 50,
  maxDelayMs: 200,
  maxRetryAfterMs: 1_500,
  // The budget would stop retrying under a 55% failure rate: off, so duplicates get every chance to happen.
  budget: false,
};

export interface HttpSoakFigures {
  readonly adapter: AdapterName;
  readonly requests: number;
  readonly deadlineMs: number;
  readonly graceMs: number;
  /** Adapter promises that settled before the watchdog. */
  settled: number;
  /** …and within deadline + grace. */
  settledInTime: number;
  maxSettleMs: number;
  p50SettleMs: number;
  p99SettleMs: number;
  succeeded: number;
  rejected: number;
  /** Rejections that are FaultlineErrors. */
  typed: number;
  untypedSamples: string[];
  /** A few UnknownErrors (an unclassified failure is a catalog gap worth seeing). */
  unknownSamples: string[];
  kinds: Record<string, number>;
  giveUpReasons: Record<string, number>;
  /** 2xx whose body then failed to arrive (truncated-ok): fetch and ky hand the body to the app unread. */
  bodyReadFailures: number;
  bodyReadSamples: string[];
  /** POSTs without a key applied more than once (sum of the extra applications). */
  duplicatePlainWrites: number;
  /** Keyed POSTs applied under two different keys (the key changed between attempts). */
  keyedDoubleApplied: number;
  /** Repeats of keyed POSTs the server recognised and did not apply again. */
  keyedReplays: number;
  /** Requests that reached the server more than once. */
  retriedRequests: number;
  faults: Record<Fault, number>;
  /** Errors, events and channel messages whose renderings contained a secret. */
  leaks: number;
  leakSamples: string[];
  checked: { errors: number; retryEvents: number; giveUpEvents: number; diagnostics: number };
  durationMs: number;
}

type Settled = { state: 'fulfilled'; value: unknown; ms: number } | { state: 'rejected'; error: unknown; ms: number } | { state: 'hung'; ms: number };

/** Races `promise` against a watchdog, timing the settlement itself (not when the race is observed). */
function watch(promise: Promise<unknown>, started: number, watchdogMs: number): Promise<Settled> {
  return new Promise<Settled>((resolve) => {
    let done = false;
    const finish = (outcome: Settled): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ state: 'hung', ms: performance.now() - started }), watchdogMs);
    promise.then(
      (value) => finish({ state: 'fulfilled', value, ms: performance.now() - started }),
      (error: unknown) => finish({ state: 'rejected', error, ms: performance.now() - started }),
    );
  });
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`.slice(0, 200);
  return String(value).slice(0, 200);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The request mix: reads, plain POSTs, keyed POSTs, PUTs. */
function planRequest(rid: number, random: () => number): SoakRequest {
  const roll = random();
  if (roll < 0.35) return { rid, method: 'GET', keyed: false };
  if (roll < 0.6) return { rid, method: 'POST', keyed: false };
  if (roll < 0.85) return { rid, method: 'POST', keyed: true };
  return { rid, method: 'PUT', keyed: false };
}

/** Runs one adapter's soak against `server` (which must be idle: its ledger is reset). */
export async function runHttpSoak(adapter: AdapterName, server: ChaosServer, options: HttpSoakOptions): Promise<HttpSoakFigures> {
  const { requests, concurrency } = options;
  const deadlineMs = options.deadlineMs ?? 2_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 400;
  const graceMs = options.graceMs ?? 250;
  const watchdogMs = deadlineMs + (options.watchdogMs ?? 10_000);
  const random = seededRandom((options.seed ?? 1) * 7919 + adapter.length);

  const figures: HttpSoakFigures = {
    adapter,
    requests,
    deadlineMs,
    graceMs,
    settled: 0,
    settledInTime: 0,
    maxSettleMs: 0,
    p50SettleMs: 0,
    p99SettleMs: 0,
    succeeded: 0,
    rejected: 0,
    typed: 0,
    untypedSamples: [],
    unknownSamples: [],
    kinds: {},
    giveUpReasons: {},
    bodyReadFailures: 0,
    bodyReadSamples: [],
    duplicatePlainWrites: 0,
    keyedDoubleApplied: 0,
    keyedReplays: 0,
    retriedRequests: 0,
    faults: {} as Record<Fault, number>,
    leaks: 0,
    leakSamples: [],
    checked: { errors: 0, retryEvents: 0, giveUpEvents: 0, diagnostics: 0 },
    durationMs: 0,
  };
  const check = (value: unknown, what: string): void => {
    const found = leaksOf(value);
    if (found.length === 0) return;
    figures.leaks++;
    if (figures.leakSamples.length < 5) figures.leakSamples.push(`${what}: ${found.join(', ')}`);
  };

  const policy = createRetryPolicy({
    ...SOAK_RETRY,
    ...options.retry,
    onRetry: (event) => {
      figures.checked.retryEvents++;
      check(event, 'onRetry');
    },
    onGiveUp: (event) => {
      figures.checked.giveUpEvents++;
      figures.giveUpReasons[event.reason] = (figures.giveUpReasons[event.reason] ?? 0) + 1;
      check(event, 'onGiveUp');
    },
  });
  const stopDiagnostics = watchDiagnostics((message, channel) => {
    figures.checked.diagnostics++;
    check(message, channel);
  });
  const client = createHttpClient(adapter, server.url, { retry: policy, deadlineMs, attemptTimeoutMs });
  const ledger = server.beginRun(requests);
  const settleTimes = new Float64Array(requests);
  const started = performance.now();

  const one = async (rid: number): Promise<void> => {
    const request = planRequest(rid, random);
    const t0 = performance.now();
    const call = client.call(request);
    const outcome = await watch(call.adapter, t0, watchdogMs);
    if (outcome.state === 'hung') {
      settleTimes[rid] = outcome.ms;
      return;
    }
    figures.settled++;
    settleTimes[rid] = outcome.ms;
    if (outcome.ms <= deadlineMs + graceMs) figures.settledInTime++;
    if (outcome.state === 'rejected') {
      figures.rejected++;
      const error = outcome.error;
      if (isFaultlineError(error)) {
        figures.typed++;
        figures.kinds[error.kind] = (figures.kinds[error.kind] ?? 0) + 1;
        if (error.kind === 'unknown' && figures.unknownSamples.length < 3) {
          figures.unknownSamples.push(`${request.method} status=${String(error.status)} code=${String(error.code)}: ${error.message.slice(0, 120)}`);
        }
        figures.checked.errors++;
        check(error, `${error.name} (${String(error.code)})`);
      } else if (figures.untypedSamples.length < 5) {
        figures.untypedSamples.push(describe(error));
      }
      return;
    }
    figures.succeeded++;
    const body = await watch(call.body, t0, watchdogMs);
    if (body.state !== 'fulfilled') {
      figures.bodyReadFailures++;
      if (figures.bodyReadSamples.length < 3) figures.bodyReadSamples.push(body.state === 'hung' ? 'hung' : describe(body.error));
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) await one(next++);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  } finally {
    stopDiagnostics();
    client.close();
  }
  figures.durationMs = performance.now() - started;

  const sorted = settleTimes.slice().sort();
  figures.maxSettleMs = sorted[sorted.length - 1] ?? 0;
  figures.p50SettleMs = percentile(sorted, 50);
  figures.p99SettleMs = percentile(sorted, 99);
  for (let i = 0; i < requests; i++) {
    const plain = ledger.plainApplied[i] as number;
    if (plain > 1) figures.duplicatePlainWrites += plain - 1;
    if ((ledger.keyedApplied[i] as number) > 1) figures.keyedDoubleApplied++;
    if ((ledger.arrivals[i] as number) > 1) figures.retriedRequests++;
  }
  figures.keyedReplays = ledger.replays;
  figures.faults = { ...ledger.faults };
  server.endRun();
  return figures;
}
