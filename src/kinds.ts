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

/**
 * Everything faultline says of each kind, one row per kind: its usual semantics (what a catalog row
 * of that kind means unless it says otherwise), the name of its error class (spelled out, so
 * minified bundles still print it), and what it means and what to do in a few words, for errors no
 * catalog text module says more about: description in Chinese, advice in English and Chinese (the
 * English description is the kind itself: 'rate_limited' → 'Rate limited.'). Kept short on
 * purpose: every browser bundle carries it.
 */
export const KINDS: Readonly<Record<ErrorKind, readonly [retry: RetrySemantics, className: string, descriptionZh: string, adviceEn: string, adviceZh: string]>> = {
  network: ['idempotent', 'NetworkError', '网络错误', 'Check the network; retry.', '检查网络后重试'],
  timeout: ['idempotent', 'TimeoutError', '超时', 'Retry if idempotent.', '幂等请求可重试'],
  rate_limited: ['always', 'RateLimitError', '限流', 'Wait, then slow down.', '稍候并降低频率'],
  quota_exceeded: ['never', 'QuotaExceededError', '超出配额', 'Raise the quota.', '提升配额'],
  unavailable: ['always', 'ServiceUnavailableError', '服务不可用', 'Retry later.', '稍后重试'],
  internal: ['idempotent', 'ServerError', '服务端错误', 'Retry if idempotent.', '幂等请求可重试'],
  session_expired: ['after-refresh', 'SessionExpiredError', '会话过期', 'Refresh, then retry once.', '刷新后重试一次'],
  unauthenticated: ['never', 'AuthenticationError', '认证失败', 'Check the credentials.', '检查凭证'],
  permission_denied: ['never', 'PermissionDeniedError', '无权限', 'Check permissions.', '检查权限'],
  not_found: ['never', 'NotFoundError', '未找到', 'Check the ID or path.', '检查 ID 或路径'],
  invalid_request: ['never', 'ValidationError', '请求无效', 'Fix the request.', '修正请求'],
  conflict: ['never', 'ConflictError', '冲突', 'Reload, resolve, resend.', '刷新并解决冲突'],
  configuration: ['never', 'ConfigurationError', '配置错误', 'Fix the setup.', '修正配置'],
  session_replaced: ['never', 'SessionReplacedError', '已在别处登录', 'Ask the user; do not reconnect.', '询问用户，勿自动重连'],
  connection_closed: ['always', 'ConnectionClosedError', '连接断开', 'Reconnect with backoff.', '退避后重连'],
  canceled: ['never', 'CanceledError', '已取消', 'Nothing to do.', '无需处理'],
  unknown: ['never', 'UnknownError', '未知错误', 'See the cause.', '查看 cause'],
};

/** The kinds of failure faultline knows, one error class each (see errors.ts), in KINDS' order. */
export const ERROR_KINDS = Object.keys(KINDS) as readonly ErrorKind[];

/** The usual semantics of each kind: what a catalog row of that kind means unless it says otherwise. */
export const KIND_RETRY = /* @__PURE__ */ (() => Object.fromEntries(ERROR_KINDS.map((kind) => [kind, KINDS[kind][0]])))() as Readonly<Record<ErrorKind, RetrySemantics>>;

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
