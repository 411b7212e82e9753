/**
 * `faultline/core`: the slim entry for browser and mini-program bundles — the taxonomy, classify()
 * with the decision (kind and retry) of every HTTP status, close code and network error, and the
 * retry engine. Providers are values from `faultline/catalog/<name>`, passed where they are used;
 * their text (and the generic catalogs') comes from `faultline/catalog/<name>/en|zh` with `withText()`.
 *
 * It exports what an app needs and no more: every export is bytes in every browser bundle. The
 * building blocks of adapters and tools (decide, Backoff, readers, redaction, the defaults and
 * limits, the clock, the diagnostics channel names) are exported by the full `faultline` entry.
 */
export { ERROR_KINDS } from './kinds.js';
export type { ErrorKind, RetrySemantics, LocalizedText } from './kinds.js';
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
  createError,
  isFaultlineError,
} from './errors.js';
export type { FaultlineErrorInit, RequestInfo, AttemptRecord, ErrorOfKind, KindErrorClass } from './errors.js';
export type { Catalog, CatalogRow, CatalogText, Code, DocumentedCode, Lang, RowText } from './catalog-types.js';
export { defineProvider, withText } from './provider.js';
export type { Provider, ProviderSpec } from './provider.js';
export { classify, classifyRaw, classifyClose } from './classify.js';
export type { ClassifyOptions, Detector } from './classify.js';
export type { RawFault, Reader, HeadersInput } from './raw-fault.js';
export type { BackoffOptions, Jitter } from './backoff.js';
export { RetryBudget } from './budget.js';
export type { RetryBudgetOptions } from './budget.js';
export type { Decision, DecideState, DecideOptions, GiveUpReason } from './decide.js';
export { createRetryPolicy, retry } from './policy.js';
export type * from './policy-types.js';
export type * from './store-types.js';
export type { Clock } from './clock.js';
