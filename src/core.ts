/**
 * `faultline/core`: the slim entry for browser and mini-program bundles — the taxonomy, classify()
 * with the decision (kind and retry) of every HTTP status, close code and network error, and the
 * retry engine. Providers are values from `faultline/catalog/<name>`, passed where they are used;
 * their text (and the generic catalogs') comes from `faultline/catalog/<name>/en|zh` with `withText()`.
 */
export { ERROR_KINDS, RETRY_SEMANTICS, KIND_RETRY, isErrorKind, isRetrySemantics } from './kinds.js';
export type { ErrorKind, RetrySemantics, LocalizedText } from './kinds.js';
export { kindText } from './kind-text.js';
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
  withAttempts,
} from './errors.js';
export type { FaultlineErrorInit, RequestInfo, AttemptRecord, ErrorOfKind, KindErrorClass } from './errors.js';
export { rowKey } from './catalog-types.js';
export type { Catalog, CatalogRow, CatalogText, Code, DocumentedCode, Lang, RowText } from './catalog-types.js';
export { defineProvider, withText, isProvider, findRow } from './provider.js';
export type { Provider, ProviderSpec } from './provider.js';
export { classify, classifyRaw, classifyClose } from './classify.js';
export type { ClassifyOptions, Detector } from './classify.js';
export { readGeneric, parseBody } from './raw-fault.js';
export type { RawFault, Reader, HeadersInput } from './raw-fault.js';
export { retryAfterFromHeaders, parseRetryAfter } from './retry-after.js';
export { redactText, REDACTED } from './redact.js';
export { Backoff } from './backoff.js';
export type { BackoffOptions, Jitter } from './backoff.js';
export { RetryBudget } from './budget.js';
export type { RetryBudgetOptions } from './budget.js';
export { decide } from './decide.js';
export type { Decision, DecideState, DecideOptions, GiveUpReason } from './decide.js';
export { createRetryPolicy, retry, isRetryPolicy, resolveBreakerConfig } from './policy.js';
export type * from './policy-types.js';
export type * from './store-types.js';
export { RETRY_DEFAULTS, BUDGET_DEFAULTS, BREAKER_DEFAULTS, RETRY_AFTER_JITTER, LIMITS } from './constants.js';
export { systemClock, resolveClock } from './clock.js';
export type { Clock } from './clock.js';
export { CHANNELS as DIAGNOSTICS_CHANNELS } from './events.js';
