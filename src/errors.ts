import type { ErrorKind, LocalizedText, RetrySemantics } from './kinds.js';
import { KIND_DEFAULTS } from './kind-defaults.js';
import { redactText, redactUrl } from './redact.js';

/** Shared across every copy of the package (ESM and CJS, duplicated installs). */
const BRAND: unique symbol = Symbol.for('faultline.error') as never;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export interface RequestInfo {
  readonly method?: string;
  readonly url?: string;
}

/** One earlier attempt of a retry loop. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly kind: ErrorKind;
  readonly code?: number | string;
  readonly status?: number;
  readonly delayMs?: number;
}

export interface FaultlineErrorInit {
  message?: string;
  provider?: string;
  code?: number | string;
  status?: number;
  closeCode?: number;
  retry?: RetrySemantics;
  retryAfterMs?: number;
  advice?: LocalizedText;
  description?: LocalizedText;
  names?: readonly string[];
  requestId?: string;
  request?: RequestInfo;
  cause?: unknown;
}

export class FaultlineError extends Error {
  declare readonly [BRAND]: true;
  readonly kind: ErrorKind;
  readonly provider: string | undefined;
  readonly code: number | string | undefined;
  readonly status: number | undefined;
  readonly closeCode: number | undefined;
  readonly retry: RetrySemantics;
  readonly retryAfterMs: number | undefined;
  readonly advice: LocalizedText;
  readonly description: LocalizedText;
  readonly names: readonly string[];
  readonly requestId: string | undefined;
  readonly request: RequestInfo | undefined;
  /** Set by the retry engine when it gives up: attempts made, the first included. */
  attempts: number | undefined;
  /** Set by the retry engine: the sum of the delays it slept. */
  totalDelayMs: number | undefined;
  /** Set by the retry engine: the earlier attempts' failures, oldest first. */
  history: readonly AttemptRecord[] | undefined;

  constructor(kind: ErrorKind, init: FaultlineErrorInit = {}) {
    const defaults = KIND_DEFAULTS[kind];
    super(redactText(init.message ?? defaults.description.en), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.provider = init.provider;
    this.code = init.code;
    this.status = init.status;
    this.closeCode = init.closeCode;
    this.retry = init.retry ?? defaults.retry;
    this.retryAfterMs =
      init.retryAfterMs !== undefined && Number.isFinite(init.retryAfterMs) && init.retryAfterMs >= 0
        ? init.retryAfterMs
        : undefined;
    this.advice = init.advice ?? defaults.advice;
    this.description = init.description ?? defaults.description;
    this.names = init.names ?? [];
    this.requestId = init.requestId;
    this.request = init.request ? redactRequest(init.request) : undefined;
    this.attempts = undefined;
    this.totalDelayMs = undefined;
    this.history = undefined;
  }

  /** Whether trying again can help at all (`retry !== 'never'`). */
  get retryable(): boolean {
    return this.retry !== 'never';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isFaultlineError(value)) return false;
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    // Another copy of the package made it: match our own classes by kind.
    const kind = OWN_CLASS_KIND.get(this as unknown as ErrorClass);
    return kind === ANY_KIND || (kind !== undefined && value.kind === kind);
  }

  /** A redacted, JSON-safe view; `cause` is summarised, never dumped (it may hold a request config). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      kind: this.kind,
      message: this.message,
      retry: this.retry,
      retryable: this.retryable,
    };
    const optional: Record<string, unknown> = {
      provider: this.provider,
      code: this.code,
      status: this.status,
      closeCode: this.closeCode,
      retryAfterMs: this.retryAfterMs,
      requestId: this.requestId === undefined ? undefined : redactText(this.requestId),
      request: this.request,
      attempts: this.attempts,
      totalDelayMs: this.totalDelayMs,
      history: this.history,
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
    out.description = this.description;
    out.advice = this.advice;
    const cause = summarizeCause(this.cause);
    if (cause !== undefined) out.cause = cause;
    return out;
  }

  [INSPECT](): string {
    const { name: _n, message: _m, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`} ${JSON.stringify(fields, null, 2)}`;
  }
}
Object.defineProperty(FaultlineError.prototype, BRAND, { value: true });

function redactRequest(request: RequestInfo): RequestInfo {
  const out: { method?: string; url?: string } = {};
  if (typeof request.method === 'string') out.method = request.method.toUpperCase();
  if (typeof request.url === 'string') out.url = redactUrl(request.url);
  return out;
}

function summarizeCause(cause: unknown): unknown {
  try {
    return summarizeReadableCause(cause);
  } catch {
    return '[unreadable cause]';
  }
}

function summarizeReadableCause(cause: unknown): unknown {
  if (cause === undefined || cause === null) return undefined;
  if (isFaultlineError(cause)) return cause.toJSON();
  if (typeof cause === 'object') {
    const c = cause as { name?: unknown; message?: unknown; code?: unknown };
    // Each field read once: a getter may answer differently the second time.
    const { name, message, code } = c;
    const out: Record<string, unknown> = {};
    if (typeof name === 'string') out.name = truncate(name);
    if (typeof message === 'string') out.message = redactText(truncate(message));
    if (typeof code === 'string' || (typeof code === 'number' && Number.isFinite(code))) out.code = typeof code === 'string' ? truncate(code) : code;
    return out;
  }
  return redactText(truncate(String(cause)));
}

/** A cause's text in a log line: long server dumps say nothing more past this. */
const MAX_CAUSE_TEXT = 1_000;

function truncate(text: string): string {
  return text.length > MAX_CAUSE_TEXT ? `${text.slice(0, MAX_CAUSE_TEXT)}…` : text;
}

/** True for a FaultlineError made by any copy of the package. */
export function isFaultlineError(value: unknown): value is FaultlineError {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as { [BRAND]?: unknown })[BRAND] === true;
  } catch {
    return false; // a Proxy with a throwing getter is not one of ours
  }
}

type ErrorClass = abstract new (...args: never[]) => FaultlineError;
const ANY_KIND = '*';
const OWN_CLASS_KIND = new Map<ErrorClass, ErrorKind | typeof ANY_KIND>([[FaultlineError, ANY_KIND]]);

type KindInit = FaultlineErrorInit;

export class NetworkError extends FaultlineError {
  declare readonly kind: 'network';
  constructor(init?: KindInit) { super('network', init); }
}
export class TimeoutError extends FaultlineError {
  declare readonly kind: 'timeout';
  constructor(init?: KindInit) { super('timeout', init); }
}
export class RateLimitError extends FaultlineError {
  declare readonly kind: 'rate_limited';
  constructor(init?: KindInit) { super('rate_limited', init); }
}
export class QuotaExceededError extends FaultlineError {
  declare readonly kind: 'quota_exceeded';
  constructor(init?: KindInit) { super('quota_exceeded', init); }
}
export class ServiceUnavailableError extends FaultlineError {
  declare readonly kind: 'unavailable';
  constructor(init?: KindInit) { super('unavailable', init); }
}
export class ServerError extends FaultlineError {
  declare readonly kind: 'internal';
  constructor(init?: KindInit) { super('internal', init); }
}
export class SessionExpiredError extends FaultlineError {
  declare readonly kind: 'session_expired';
  constructor(init?: KindInit) { super('session_expired', init); }
}
export class AuthenticationError extends FaultlineError {
  declare readonly kind: 'unauthenticated';
  constructor(init?: KindInit) { super('unauthenticated', init); }
}
export class PermissionDeniedError extends FaultlineError {
  declare readonly kind: 'permission_denied';
  constructor(init?: KindInit) { super('permission_denied', init); }
}
export class NotFoundError extends FaultlineError {
  declare readonly kind: 'not_found';
  constructor(init?: KindInit) { super('not_found', init); }
}
export class ValidationError extends FaultlineError {
  declare readonly kind: 'invalid_request';
  constructor(init?: KindInit) { super('invalid_request', init); }
}
export class ConflictError extends FaultlineError {
  declare readonly kind: 'conflict';
  constructor(init?: KindInit) { super('conflict', init); }
}
export class ConfigurationError extends FaultlineError {
  declare readonly kind: 'configuration';
  constructor(init?: KindInit) { super('configuration', init); }
}
export class SessionReplacedError extends FaultlineError {
  declare readonly kind: 'session_replaced';
  constructor(init?: KindInit) { super('session_replaced', init); }
}
export class ConnectionClosedError extends FaultlineError {
  declare readonly kind: 'connection_closed';
  constructor(init?: KindInit) { super('connection_closed', init); }
}
export class CanceledError extends FaultlineError {
  declare readonly kind: 'canceled';
  constructor(init?: KindInit) { super('canceled', init); }
}
export class UnknownError extends FaultlineError {
  declare readonly kind: 'unknown';
  constructor(init?: KindInit) { super('unknown', init); }
}

/** The class of each kind, for `createError` and cross-copy `instanceof`. */
export const ERROR_CLASSES = {
  network: NetworkError,
  timeout: TimeoutError,
  rate_limited: RateLimitError,
  quota_exceeded: QuotaExceededError,
  unavailable: ServiceUnavailableError,
  internal: ServerError,
  session_expired: SessionExpiredError,
  unauthenticated: AuthenticationError,
  permission_denied: PermissionDeniedError,
  not_found: NotFoundError,
  invalid_request: ValidationError,
  conflict: ConflictError,
  configuration: ConfigurationError,
  session_replaced: SessionReplacedError,
  connection_closed: ConnectionClosedError,
  canceled: CanceledError,
  unknown: UnknownError,
} as const satisfies Record<ErrorKind, new (init?: KindInit) => FaultlineError>;

export type ErrorOfKind<K extends ErrorKind> = InstanceType<(typeof ERROR_CLASSES)[K]>;

for (const [kind, cls] of Object.entries(ERROR_CLASSES) as [ErrorKind, ErrorClass][]) {
  OWN_CLASS_KIND.set(cls, kind);
  // On the prototype, so `name` is right when V8 formats the stack inside super().
  Object.defineProperty(cls.prototype, 'name', { value: KIND_DEFAULTS[kind].className, configurable: true, writable: true });
}
Object.defineProperty(FaultlineError.prototype, 'name', { value: 'FaultlineError', configurable: true, writable: true });

/** Builds the error class of `kind`. */
export function createError<K extends ErrorKind>(kind: K, init?: FaultlineErrorInit): ErrorOfKind<K> {
  const cls = ERROR_CLASSES[kind] as unknown as new (init?: FaultlineErrorInit) => ErrorOfKind<K>;
  return new cls(init);
}
