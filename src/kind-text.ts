import type { ErrorKind } from './kinds.js';

/**
 * What an error of each kind means and what to do, in a few words: what errors carry when no
 * catalog text module says more about their code (`withText()`, or the full `faultline` entry).
 * Kept short on purpose: every browser bundle carries it.
 * [description en, advice en, description zh, advice zh]
 */
export const KIND_TEXT: Readonly<Record<ErrorKind, readonly [string, string, string, string]>> = {
  network: ['The network connection failed.', 'Check the connection; retry with backoff.', '网络连接失败。', '检查网络后退避重试。'],
  timeout: ['The operation timed out.', 'Retry if the request is idempotent.', '操作超时。', '幂等请求可以重试。'],
  rate_limited: ['Too many requests.', 'Wait for Retry-After, then send less often.', '请求过于频繁。', '按 Retry-After 等待后降低频率。'],
  quota_exceeded: ['A quota or limit is exhausted.', 'Raise the quota; retrying will not help.', '超出配额或限制。', '提升配额，重试无效。'],
  unavailable: ['The service is unavailable.', 'Retry with backoff.', '服务暂不可用。', '退避后重试。'],
  internal: ['The server failed.', 'Retry if idempotent; report it if it persists.', '服务端内部错误。', '幂等请求可重试，持续出现请反馈。'],
  session_expired: ['The session or token expired.', 'Refresh it, then retry once.', '会话或令牌已过期。', '刷新后重试一次。'],
  unauthenticated: ['The credentials were refused.', 'Check the credentials.', '认证失败。', '检查凭证。'],
  permission_denied: ['Permission denied.', 'Check permissions; retrying will not help.', '没有权限。', '检查权限，重试无效。'],
  not_found: ['Not found.', 'Check the ID or path.', '未找到。', '检查 ID 或路径。'],
  invalid_request: ['The request is invalid.', 'Fix the request before sending it again.', '请求无效。', '修正请求后再发送。'],
  conflict: ['The request conflicts with the current state.', 'Reload, resolve the conflict, then resend.', '请求与当前状态冲突。', '重新读取并解决冲突后再发送。'],
  configuration: ['Something is misconfigured.', 'Fix the setup; retrying will not help.', '配置有误。', '修正配置，重试无效。'],
  session_replaced: ['Signed in elsewhere.', 'Do not reconnect on your own; ask the user.', '已在其他设备登录。', '不要自动重连，请询问用户。'],
  connection_closed: ['The connection closed.', 'Reconnect with backoff.', '连接已断开。', '退避后重连。'],
  canceled: ['The operation was canceled.', 'Nothing to do unless it was unintended.', '操作已取消。', '如非预期，请检查取消原因。'],
  unknown: ['Unrecognised error.', 'See the cause.', '无法识别的错误。', '请查看 cause。'],
};
