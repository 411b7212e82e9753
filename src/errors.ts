import type { Code } from './catalog-types.js';
import { LIMITS } from './constants.js';
import { kindText } from './kind-text.js';
import { ERROR_KINDS, KINDS, type ErrorKind, type LocalizedText, type RetrySemantics } from './kinds.js';
import { clip, redactText } from './redact.js';

/** Shared across every copy of the package (ESM and CJS, duplicated installs). */
const BRAND: unique symbol = Symbol.for('faultline.error') as never;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** A provider's secret formats an error's texts must never show: read by the copies made of it. */
let secretsOf: (error: FaultlineError) => readonly RegExp[] | undefined;
/** V8's knob (also in browsers built on it); elsewhere setting it is harmless. */
const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number };

export interface RequestInfo {
  readonly method?: string;
  readonly url?: string;
}

/** One earlier attempt of a retry loop. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly kind: ErrorKind;
  readonly code?: Code;
  readonly status?: number;
  readonly delayMs?: number;
}

export interface FaultlineErrorInit {
  message?: string;
  provider?: string;
  code?: Code;
  status?: number;
  closeCode?: number;
  retry?: RetrySemantics;
  retryAfterMs?: number;
  advice?: LocalizedText;
  description?: LocalizedText;
  requestId?: string;
  request?: RequestInfo;
  cause?: unknown;
  /** Given by a loop that gave up: attempts made, the first included. */
  attempts?: number;
  /** Given by a loop that gave up: the delays it slept, summed. */
  totalDelayMs?: number;
  /** Given by a loop that gave up: the earlier attempts' failures, oldest first. */
  history?: readonly AttemptRecord[];
  /** Patterns of secrets this error's texts must never show, besides the generic ones (a provider's token formats). */
  secrets?: readonly RegExp[];
}

/**
 * The one error faultline throws. A value: nothing changes it after it is made; a loop that gives up
 * throws a copy carrying `attempts`, `totalDelayMs` and `history` (see `withAttempts`).
 *
 * No stack is captured when it is made: the frames would be faultline's own, and capturing them is
 * most of what classifying costs. `stack` is its name and message; where the failure really came
 * from is the cause's stack, which `util.inspect` shows (redacted) after it.
 */
export class FaultlineError extends Error {
  declare readonly [BRAND]: true;
  declare readonly kind: ErrorKind;
  declare readonly provider: string | undefined;
  declare readonly code: Code | undefined;
  declare readonly status: number | undefined;
  declare readonly closeCode: number | undefined;
  declare readonly retry: RetrySemantics;
  declare readonly retryAfterMs: number | undefined;
  declare readonly advice: LocalizedText;
  declare readonly description: LocalizedText;
  declare readonly requestId: string | undefined;
  declare readonly request: RequestInfo | undefined;
  declare readonly attempts: number | undefined;
  declare readonly totalDelayMs: number | undefined;
  declare readonly history: readonly AttemptRecord[] | undefined;
  /** Kept beside the error's fields, not among them (a WeakMap was slower to fill than the rest of the error). */
  #secrets: readonly RegExp[] | undefined;
  #cause: unknown;

  static {
    // An error of another copy of the package has none to give.
    secretsOf = (error) => (#secrets in error ? error.#secrets : undefined);
    // `cause` read from a private field: Error's own `{ cause }` option costs a sixth of classify().
    Object.defineProperty(this.prototype, 'cause', {
      get(this: FaultlineError): unknown {
        return #cause in this ? this.#cause : undefined;
      },
      configurable: true,
    });
  }

  constructor(kind: ErrorKind, init: FaultlineErrorInit = {}) {
    const { secrets, code, retryAfterMs: after, requestId, request, history } = init;
    // V8 captures a stack in the constructor unless told not to: these frames would be faultline's own.
    const limit = V8Error.stackTraceLimit;
    V8Error.stackTraceLimit = 0;
    super(safe(init.message ?? kindText(kind, 0).en, LIMITS.message, secrets));
    V8Error.stackTraceLimit = limit;
    this.#secrets = secrets;
    this.#cause = init.cause;
    this.kind = kind;
    this.provider = init.provider;
    // A code read from a body may be any text the server echoed: cut and redacted like a message.
    this.code = typeof code === 'string' ? safe(code, LIMITS.code, secrets) : code;
    this.status = init.status;
    this.closeCode = init.closeCode;
    this.retry = init.retry ?? KINDS[kind][0];
    this.retryAfterMs = (after as number) >= 0 && (after as number) < Infinity ? after : undefined;
    this.advice = init.advice ?? kindText(kind, 1);
    this.description = init.description ?? kindText(kind, 0);
    this.requestId = requestId === undefined ? undefined : safe(String(requestId), LIMITS.code, secrets);
    this.request = request && {
      ...(typeof request.method === 'string' && { method: clip(request.method, LIMITS.code).toUpperCase() }),
      ...(typeof request.url === 'string' && { url: safe(request.url, LIMITS.cause * 2, secrets) }),
    };
    this.attempts = init.attempts;
    this.totalDelayMs = init.totalDelayMs;
    this.history = history && Object.freeze([...history]);
  }

  /** Whether trying again can help at all (`retry !== 'never'`). */
  get retryable(): boolean {
    return this.retry !== 'never';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isFaultlineError(value)) return false;
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    // Another copy of the package made it: match our own classes by kind.
    const kind = CLASS_KIND.get(this);
    return kind === '*' || (kind !== undefined && value.kind === kind);
  }

  /** A redacted, JSON-safe view; `cause` is summarised, never dumped (it may hold a request config). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message, retryable: this.retryable };
    // Its own fields, all set in the constructor and already redacted there.
    for (const [key, value] of Object.entries(this)) if (value !== undefined) out[key] = value;
    const cause = summarize(this.cause, this.#secrets);
    if (cause !== undefined) out.cause = cause;
    return out;
  }

  /** `util.inspect`: the error, then the frames of its cause (where the failure really came from), then its fields, all redacted. */
  [INSPECT](): string {
    const { name: _n, message: _m, ...fields } = this.toJSON();
    let frames = '';
    try {
      const stack = (this.cause as { stack?: unknown } | undefined)?.stack;
      const at = typeof stack === 'string' ? stack.indexOf('\n    at ') : -1;
      if (at >= 0) frames = safe((stack as string).slice(at), LIMITS.cause * 2, this.#secrets);
    } catch {
      // A cause with a throwing `stack` getter.
    }
    return `${this.name}: ${this.message}${frames} ${JSON.stringify(fields, null, 2)}`;
  }
}
Object.defineProperty(FaultlineError.prototype, BRAND, { value: true });

/**
 * Text an error keeps from what it was made of: cut before redacting (a bounded scan) and again
 * after ('[REDACTED]' may be longer than what it hides).
 */
function safe(text: string, max: number, secrets: readonly RegExp[] | undefined): string {
  return clip(redactText(clip(text, max), secrets), max);
}

function summarize(cause: unknown, secrets: readonly RegExp[] | undefined): unknown {
  try {
    if (cause === undefined || cause === null) return undefined;
    if (isFaultlineError(cause)) return cause.toJSON();
    if (typeof cause !== 'object') return safe(String(cause), LIMITS.cause, secrets);
    // Each field read once: a getter may answer differently the second time.
    const { name, message, code } = cause as { name?: unknown; message?: unknown; code?: unknown };
    const out: Record<string, unknown> = {};
    if (typeof name === 'string') out.name = safe(name, LIMITS.cause, secrets);
    if (typeof message === 'string') out.message = safe(message, LIMITS.cause, secrets);
    if (typeof code === 'string') out.code = safe(code, LIMITS.cause, secrets);
    else if (Number.isFinite(code)) out.code = code;
    return out;
  } catch {
    return '[unreadable cause]';
  }
}

/** True for a FaultlineError made by any copy of the package. */
export function isFaultlineError(value: unknown): value is FaultlineError {
  try {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  } catch {
    return false; // a Proxy with a throwing getter is not one of ours
  }
}

/** The class of one kind: `new NotFoundError(init)`, and `instanceof` narrows `kind`. */
export interface KindErrorClass<K extends ErrorKind> {
  new (init?: FaultlineErrorInit): FaultlineError & { readonly kind: K };
  readonly prototype: FaultlineError & { readonly kind: K };
}

export type ErrorOfKind<K extends ErrorKind> = FaultlineError & { readonly kind: K };

const CLASS_KIND = new Map<unknown, ErrorKind | '*'>([[FaultlineError, '*']]);

/** `name` on a prototype, so it is right wherever an error is printed. */
const named = (prototype: object, name: string): void => void Object.defineProperty(prototype, 'name', { value: name, configurable: true, writable: true });
named(FaultlineError.prototype, 'FaultlineError');

/** The class of each kind, for `createError` and cross-copy `instanceof`. */
export const ERROR_CLASSES = {} as { readonly [K in ErrorKind]: KindErrorClass<K> };
ERROR_KINDS.forEach((kind) => {
  const name = KINDS[kind][1];
  // A class made under its name as a key is named by it, minified or not.
  const KindError = {
    [name]: class extends FaultlineError {
      constructor(init?: FaultlineErrorInit) {
        super(kind, init);
      }
    },
  }[name] as KindErrorClass<ErrorKind>;
  named(KindError.prototype, name);
  CLASS_KIND.set(KindError, kind);
  (ERROR_CLASSES as Record<ErrorKind, unknown>)[kind] = KindError;
});

export const {
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
} = ERROR_CLASSES;
export type NetworkError = ErrorOfKind<'network'>;
export type TimeoutError = ErrorOfKind<'timeout'>;
export type RateLimitError = ErrorOfKind<'rate_limited'>;
export type QuotaExceededError = ErrorOfKind<'quota_exceeded'>;
export type ServiceUnavailableError = ErrorOfKind<'unavailable'>;
export type ServerError = ErrorOfKind<'internal'>;
export type SessionExpiredError = ErrorOfKind<'session_expired'>;
export type AuthenticationError = ErrorOfKind<'unauthenticated'>;
export type PermissionDeniedError = ErrorOfKind<'permission_denied'>;
export type NotFoundError = ErrorOfKind<'not_found'>;
export type ValidationError = ErrorOfKind<'invalid_request'>;
export type ConflictError = ErrorOfKind<'conflict'>;
export type ConfigurationError = ErrorOfKind<'configuration'>;
export type SessionReplacedError = ErrorOfKind<'session_replaced'>;
export type ConnectionClosedError = ErrorOfKind<'connection_closed'>;
export type CanceledError = ErrorOfKind<'canceled'>;
export type UnknownError = ErrorOfKind<'unknown'>;

/** Builds the error class of `kind`. */
export function createError<K extends ErrorKind>(kind: K, init?: FaultlineErrorInit): ErrorOfKind<K> {
  return new ERROR_CLASSES[kind](init);
}

/** What an error was made from, to make another like it: its own fields, message and cause. */
function initOf(error: FaultlineError): FaultlineErrorInit {
  return { ...error, message: error.message, cause: error.cause, secrets: secretsOf(error) };
}

/** A copy of `error` carrying what a loop that gave up on it knows: its own attempts, delays and history. */
export function withAttempts(error: FaultlineError, attempts: number, totalDelayMs: number, history: readonly AttemptRecord[]): FaultlineError {
  return createError(error.kind, { ...initOf(error), attempts, totalDelayMs, history });
}

/** A copy of `error` with some fields changed (the socket's handshake and kick-loop errors). */
export function varyError(error: FaultlineError, kind: ErrorKind, changes: FaultlineErrorInit): FaultlineError {
  return createError(kind, { ...initOf(error), ...changes });
}
