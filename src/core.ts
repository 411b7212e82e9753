/**
 * `faultline/core`: the slim entry for browser and mini-program bundles — the taxonomy,
 * classify() with the decisions (kind and retry) of every HTTP status, close code and network
 * error, and the retry engine. Nothing is registered: errors carry their kind's description and
 * advice. For each code's own text, register its catalog from `faultline/catalog/<name>`
 * (http, websocket, network, or a provider) with `registerCatalog()`, or import `faultline`.
 */
export { ERROR_KINDS, RETRY_SEMANTICS, PROVIDER_CATALOGS } from './kinds.js';
export type { ErrorKind, RetrySemantics, ProviderName, BaasProvider, LocalizedText } from './kinds.js';
export { KIND_DEFAULTS } from './kind-defaults.js';
export {
  FaultlineError,
  NetworkError,
  TimeoutError,
  RateLimitError,
  QuotaExceededError,
  ServiceUnavailableError,
  ServerError,
  SessionExpiredError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ValidationError,
  ConflictError,
  ConfigurationError,
  SessionReplacedError,
  ConnectionClosedError,
  CanceledError,
  UnknownError,
  ERROR_CLASSES,
  createError,
  isFaultlineError,
} from './errors.js';
export type { FaultlineErrorInit, RequestInfo, AttemptRecord, ErrorOfKind } from './errors.js';
export type { Catalog, CatalogEntry } from './catalog.js';
export type { ClassifyOptions, HeadersInput } from './classify-types.js';
export { classify, classifyClose } from './classify.js';
export { registerCatalog, lookup, lookupAll, getCatalog, registeredProviders } from './registry.js';
export type { LookupOptions } from './registry.js';
export { retryAfterFromHeaders, parseRetryAfter } from './retry-after.js';
export { redactText, redactUrl, redactHeaders, REDACTED } from './redact.js';
export { computeBackoff, DEFAULT_BACKOFF } from './backoff.js';
export { RetryBudget, DEFAULT_BUDGET } from './budget.js';
export type { RetryBudgetOptions } from './budget.js';
export { CircuitBreaker, isBreakerFailure } from './circuit-breaker.js';
export type { CircuitStateEvent, CircuitStateListener, CircuitBreakerConfig } from './circuit-breaker.js';
export { systemClock, resolveClock } from './clock.js';
export { CHANNELS as DIAGNOSTICS_CHANNELS } from './diagnostics.js';
export { retry, createRetryPolicy, isRetryPolicy, DEFAULT_RETRY } from './retry.js';
export type { RetryPolicy } from './retry.js';
export type * from './retry-types.js';
