import type { ErrorKind, LocalizedText } from './kinds.js';

/**
 * What an error of each kind means and what to do, in a few words: what errors carry when no
 * catalog text module says more about their code (`withText()`, or the full `faultline` entry).
 * Kept short on purpose: every browser bundle carries it. [description zh, advice en, advice zh];
 * the English description is the kind itself ('rate_limited' → 'Rate limited.').
 */
const TEXT: Readonly<Record<ErrorKind, readonly [string, string, string]>> = {
  network: ['网络错误', 'Check the network; retry.', '检查网络后重试'],
  timeout: ['超时', 'Retry if idempotent.', '幂等请求可重试'],
  rate_limited: ['限流', 'Wait, then slow down.', '稍候并降低频率'],
  quota_exceeded: ['超出配额', 'Raise the quota.', '提升配额'],
  unavailable: ['服务不可用', 'Retry later.', '稍后重试'],
  internal: ['服务端错误', 'Retry if idempotent.', '幂等请求可重试'],
  session_expired: ['会话过期', 'Refresh, then retry once.', '刷新后重试一次'],
  unauthenticated: ['认证失败', 'Check the credentials.', '检查凭证'],
  permission_denied: ['无权限', 'Check permissions.', '检查权限'],
  not_found: ['未找到', 'Check the ID or path.', '检查 ID 或路径'],
  invalid_request: ['请求无效', 'Fix the request.', '修正请求'],
  conflict: ['冲突', 'Reload, resolve, resend.', '刷新并解决冲突'],
  configuration: ['配置错误', 'Fix the setup.', '修正配置'],
  session_replaced: ['已在别处登录', 'Ask the user; do not reconnect.', '询问用户，勿自动重连'],
  connection_closed: ['连接断开', 'Reconnect with backoff.', '退避后重连'],
  canceled: ['已取消', 'Nothing to do.', '无需处理'],
  unknown: ['未知错误', 'See the cause.', '查看 cause'],
};

/** Each kind's [description, advice], made once: frozen and shared, as every error of a kind says the same. */
const MADE: Partial<Record<ErrorKind, readonly [LocalizedText, LocalizedText]>> = {};

/** The kind's description or advice (0 or 1), in both languages. */
export function kindText(kind: ErrorKind, which: 0 | 1): LocalizedText {
  return (MADE[kind] ??= made(kind))[which];
}

function made(kind: ErrorKind): readonly [LocalizedText, LocalizedText] {
  const [zh, adviceEn, adviceZh] = TEXT[kind];
  return [Object.freeze({ en: `${kind[0]?.toUpperCase()}${kind.slice(1).replace('_', ' ')}.`, zh }), Object.freeze({ en: adviceEn, zh: adviceZh })];
}
