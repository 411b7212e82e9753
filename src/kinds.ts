export type ErrorKind =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'quota_exceeded'
  | 'unavailable'
  | 'internal'
  | 'session_expired'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'invalid_request'
  | 'conflict'
  | 'configuration'
  | 'session_replaced'
  | 'connection_closed'
  | 'canceled'
  | 'unknown';

/**
 * Whether trying again can help:
 * - `always`: the server did not act on the request (429, 503, never sent), any method may retry;
 * - `idempotent`: the server may have acted, only idempotent requests may retry;
 * - `after-refresh`: retry once after the credentials are refreshed;
 * - `never`: the same request will fail the same way.
 */
export const RETRY_SEMANTICS = ['always', 'idempotent', 'after-refresh', 'never'] as const;
export type RetrySemantics = (typeof RETRY_SEMANTICS)[number];

/** The usual semantics of each kind: what a catalog row of that kind means unless it says otherwise. */
export const KIND_RETRY: Readonly<Record<ErrorKind, RetrySemantics>> = {
  network: 'idempotent',
  timeout: 'idempotent',
  rate_limited: 'always',
  quota_exceeded: 'never',
  unavailable: 'always',
  internal: 'idempotent',
  session_expired: 'after-refresh',
  unauthenticated: 'never',
  permission_denied: 'never',
  not_found: 'never',
  invalid_request: 'never',
  conflict: 'never',
  configuration: 'never',
  session_replaced: 'never',
  connection_closed: 'always',
  canceled: 'never',
  unknown: 'never',
};

/** The kinds of failure faultline knows, one error class each (see errors.ts), in KIND_RETRY's order. */
export const ERROR_KINDS = Object.keys(KIND_RETRY) as readonly ErrorKind[];

export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return (ERROR_KINDS as readonly unknown[]).includes(value);
}

export function isRetrySemantics(value: unknown): value is RetrySemantics {
  return (RETRY_SEMANTICS as readonly unknown[]).includes(value);
}
