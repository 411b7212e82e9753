/**
 * `faultline`: everything in `faultline/core`, plus every provider with its text in both languages
 * (and the text of every HTTP status, close code and network error), the circuit breaker, and
 * provider names accepted as strings wherever a provider is: `classify(error, { provider: name })`.
 * For Node apps and the CLI; browser bundles import `faultline/core` and the providers they use.
 */
import * as PROVIDERS from '../catalog/providers.js';
import { CLIENT_READERS } from '../adapters/readers.js';
import { GENERIC_CATALOGS, GENERIC_TEXT } from '../catalog/generic.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './breaker.js';
import { rowKey, type CatalogRow, type Code, type DocumentedCode } from './catalog-types.js';
import { classify as classifyCore, classifyClose as classifyCloseCore, type ClassifyOptions } from './classify.js';
import type { FaultlineError } from './errors.js';
import type { ErrorKind, LocalizedText, RetrySemantics } from './kinds.js';
import { createRetryPolicy as createCore } from './policy.js';
import type { AttemptContext, RetryOptions, RetryPolicy } from './policy-types.js';
import { detector, providerReaders } from './detect.js';
import { findRow, isProvider, textOf, type Provider } from './provider.js';
import { KIND_RETRY } from './kinds.js';
import type { SharedBreaker } from './store-types.js';

export * from './core.js';
// What adapters and tools build on, beyond what an app needs from `faultline/core`.
export { RETRY_SEMANTICS, KIND_RETRY, isErrorKind, isRetrySemantics } from './kinds.js';
export { kindText } from './kind-text.js';
export { ERROR_CLASSES, withAttempts } from './errors.js';
export { isProvider, findRow } from './provider.js';
export { readGeneric, parseBody } from './raw-fault.js';
export { retryAfterFromHeaders, parseRetryAfter } from './retry-after.js';
export { Backoff } from './backoff.js';
export { decide } from './decide.js';
export { isRetryPolicy, resolveBreakerConfig } from './policy.js';
export { systemClock, resolveClock } from './clock.js';
export { CHANNELS as DIAGNOSTICS_CHANNELS } from './events.js';
export { RETRY_DEFAULTS, BUDGET_DEFAULTS, BREAKER_DEFAULTS, RETRY_AFTER_JITTER, LIMITS, RECONNECT_DEFAULTS, SOCKET_DEFAULTS, HTTP_DEFAULTS } from './constants.js';
export { redactText, redactHeaders, isSecretName, REDACTED } from './redact.js';
export * from '../catalog/providers.js';
export { CircuitBreaker, isBreakerFailure } from './breaker.js';
export type { CircuitBreakerOptions, CircuitStateEvent } from './breaker.js';

/** The providers this entry knows by name. */
export type ProviderName = keyof typeof PROVIDERS;
/** @deprecated The old name of ProviderName. */
export type BaasProvider = ProviderName;

/** Every provider, with its text: detection candidates, and what string names mean. */
export const ALL_PROVIDERS: readonly Provider[] = Object.values(PROVIDERS);

/** Every catalog, the generic ones (http, websocket, network) after the providers': what the CLI and the docs list. */
export const ALL_CATALOGS: readonly Provider[] = [...ALL_PROVIDERS, ...GENERIC_CATALOGS];

/** A provider value, or the name of one this entry bundles. Throws a TypeError for any other string. */
export function providerOf(provider: Provider | string | undefined): Provider | undefined {
  if (provider === undefined || isProvider(provider)) return provider;
  const found = typeof provider === 'string' ? (PROVIDERS as Record<string, Provider>)[provider] : undefined;
  if (!found) throw new TypeError(`faultline: unknown provider ${JSON.stringify(provider)}; known: ${Object.keys(PROVIDERS).join(', ')} (or pass a value made by defineProvider())`);
  return found;
}

/** classify() options where the provider may also be named. */
export interface FullClassifyOptions extends Omit<ClassifyOptions, 'provider'> {
  readonly provider?: Provider | ProviderName;
}

const DETECT = detector(ALL_PROVIDERS);
const ALL_READERS = [...CLIENT_READERS, ...providerReaders(ALL_PROVIDERS)];

/** The full entry's classify options: every reader, every provider recognised, every text. */
function full(options: FullClassifyOptions | undefined): ClassifyOptions {
  const provider = providerOf(options?.provider);
  return { detect: DETECT, text: GENERIC_TEXT, readers: provider ? CLIENT_READERS : ALL_READERS, ...options, provider };
}

/** classify() knowing every provider: recognised by host, headers, body or SDK error shape, or named. */
export function classify(input: unknown, options?: FullClassifyOptions): FaultlineError {
  return classifyCore(input, full(options));
}

export function classifyClose(code: number, reason?: string, options?: FullClassifyOptions): FaultlineError {
  return classifyCloseCore(code, reason, full(options));
}

export interface FullRetryOptions extends Omit<RetryOptions, 'classify' | 'circuitBreaker'> {
  classify?: FullClassifyOptions;
  /** An instance, or options for the policy's own CircuitBreaker (or, with a `store`, the store's). */
  circuitBreaker?: SharedBreaker | CircuitBreakerOptions | false;
}

function fullRetry(options: FullRetryOptions): RetryOptions {
  const b = options.circuitBreaker;
  const breaker = b && typeof (b as SharedBreaker).admit !== 'function' && !options.store ? new CircuitBreaker({ clock: options.clock, ...(b as CircuitBreakerOptions) }) : b;
  return { ...options, classify: full(options.classify), circuitBreaker: breaker as RetryOptions['circuitBreaker'] };
}

export function createRetryPolicy(options: FullRetryOptions = {}): RetryPolicy {
  return createCore(fullRetry(options));
}

export function retry<T>(fn: (context: AttemptContext) => T | Promise<T>, options: FullRetryOptions = {}): Promise<T> {
  try {
    return createCore(fullRetry(options)).execute(fn);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One documented code, everything known about it. */
export interface CatalogEntry {
  readonly provider: string;
  readonly code: Code;
  readonly status?: number;
  readonly match?: string;
  readonly names: readonly string[];
  readonly kind: ErrorKind;
  readonly retry: RetrySemantics;
  readonly description: LocalizedText;
  readonly advice: LocalizedText;
}

export interface LookupOptions {
  /** The HTTP status, to tell apart rows that share a code. */
  readonly status?: number;
  /** The server's message, to tell apart rows that share code and status. */
  readonly message?: string;
}

function catalogOf(provider: Provider | string): Provider {
  if (isProvider(provider)) return provider;
  const found = ALL_CATALOGS.find((c) => c.name === provider);
  if (!found) throw new TypeError(`faultline: unknown catalog ${JSON.stringify(provider)}; known: ${ALL_CATALOGS.map((c) => c.name).join(', ')}`);
  return found;
}

/** A row of `catalog` with everything known about it. */
function entryOf(catalog: Provider, row: CatalogRow): CatalogEntry {
  const en = textOf(catalog.text, catalog.name, row, 'en');
  const zh = textOf(catalog.text, catalog.name, row, 'zh');
  const same = (d: DocumentedCode): boolean =>
    String(d.code).toLowerCase() === String(row.code ?? row.status).toLowerCase() && (row.status === undefined || d.status === undefined || d.status === row.status) && (row.match === undefined || (d.text ?? d.names.join(' ')).toLowerCase().includes(row.match.toLowerCase()));
  return {
    provider: catalog.name,
    code: row.code ?? (row.status as number),
    ...(row.status !== undefined && { status: row.status }),
    ...(row.match !== undefined && { match: row.match }),
    names: catalog.documented?.find(same)?.names ?? [],
    kind: row.kind,
    retry: row.retry ?? KIND_RETRY[row.kind],
    description: { en: en?.[0] ?? '', zh: zh?.[0] ?? '' },
    advice: { en: en?.[1] ?? '', zh: zh?.[1] ?? '' },
  };
}

/** What `code` means in a catalog (a provider, by value or name, or 'http', 'websocket', 'network'): its decision, names and text. */
export function lookup(catalog: Provider | string, code: Code, options: LookupOptions = {}): CatalogEntry | undefined {
  const c = catalogOf(catalog);
  const row = findRow(c.decisions, code, options.status, options.message);
  return row && entryOf(c, row);
}

/** Every row of a catalog filed under `code` (rows that share a code differ by status or message), in document order. */
export function lookupAll(catalog: Provider | string, code: Code): CatalogEntry[] {
  const c = catalogOf(catalog);
  const key = String(code).trim().toLowerCase();
  return c.decisions.filter((row) => String(row.code ?? row.status).toLowerCase() === key).map((row) => entryOf(c, row));
}

/** Every row of a catalog. */
export function entries(catalog: Provider | string): CatalogEntry[] {
  const c = catalogOf(catalog);
  return c.decisions.map((row) => entryOf(c, row));
}

export { rowKey };
