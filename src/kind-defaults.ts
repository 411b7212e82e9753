import type { ErrorKind, LocalizedText, RetrySemantics } from './kinds.js';

export interface KindDefaults {
  readonly className: string;
  readonly retry: RetrySemantics;
  readonly description: LocalizedText;
  readonly advice: LocalizedText;
}

/**
 * What an error of each kind means and what to do about it when no catalog entry says more.
 * Class names are spelled out so minified bundles still print them.
 */
export const KIND_DEFAULTS: Readonly<Record<ErrorKind, KindDefaults>> = {
  network: {
    className: 'NetworkError',
    retry: 'idempotent',
    description: { en: 'The network connection failed.', zh: '网络连接失败。' },
    advice: {
      en: 'Check connectivity and the server address; retry with backoff, and only repeat writes that carry an idempotency key.',
      zh: '检查网络连接与服务器地址；使用退避重试，写操作仅在带幂等键时重试。',
    },
  },
  timeout: {
    className: 'TimeoutError',
    retry: 'idempotent',
    description: { en: 'The operation timed out.', zh: '操作超时。' },
    advice: {
      en: 'Retry idempotent requests with backoff; for writes, check whether the first attempt took effect before repeating it.',
      zh: '幂等请求可退避重试；写操作重试前先确认第一次是否已生效。',
    },
  },
  rate_limited: {
    className: 'RateLimitError',
    retry: 'always',
    description: { en: 'Too many requests: the server is throttling this client.', zh: '请求过于频繁，服务端正在限流。' },
    advice: {
      en: 'Wait for Retry-After (or back off exponentially) before retrying, and lower the request rate or batch calls.',
      zh: '按 Retry-After（或指数退避）等待后重试，并降低请求频率或合并请求。',
    },
  },
  quota_exceeded: {
    className: 'QuotaExceededError',
    retry: 'never',
    description: { en: 'A quota or plan limit was exceeded.', zh: '超出配额或套餐限制。' },
    advice: {
      en: 'Retrying will not help: raise the quota or upgrade the plan in the console, or wait for the quota period to reset.',
      zh: '重试无效：请在控制台提升配额或升级套餐，或等待配额周期重置。',
    },
  },
  unavailable: {
    className: 'ServiceUnavailableError',
    retry: 'always',
    description: { en: 'The service is temporarily unavailable.', zh: '服务暂时不可用。' },
    advice: {
      en: 'Retry with backoff; if it lasts, check the provider status page.',
      zh: '退避后重试；若持续出现，请查看服务商的状态页面。',
    },
  },
  internal: {
    className: 'ServerError',
    retry: 'idempotent',
    description: { en: 'The server failed while handling the request.', zh: '服务端处理请求时出错。' },
    advice: {
      en: 'Retry idempotent requests a few times; if it persists, report it to the provider with the request id.',
      zh: '幂等请求可少量重试；持续出现时请携带请求 ID 联系服务商。',
    },
  },
  session_expired: {
    className: 'SessionExpiredError',
    retry: 'after-refresh',
    description: { en: 'The session or access token has expired.', zh: '会话或访问令牌已过期。' },
    advice: {
      en: 'Refresh the token or log the user in again, then retry once.',
      zh: '刷新令牌或让用户重新登录，然后重试一次。',
    },
  },
  unauthenticated: {
    className: 'AuthenticationError',
    retry: 'never',
    description: { en: 'Authentication failed.', zh: '身份验证失败。' },
    advice: {
      en: 'Check the app id/key, signature and credentials the client sends; retrying the same request will not help.',
      zh: '检查客户端发送的 App ID/Key、签名与凭证；原样重试无效。',
    },
  },
  permission_denied: {
    className: 'PermissionDeniedError',
    retry: 'never',
    description: { en: 'The caller is not allowed to do this.', zh: '调用方无权执行此操作。' },
    advice: {
      en: 'Check ACLs, roles and security rules for this user and resource.',
      zh: '检查该用户与资源的 ACL、角色和安全规则。',
    },
  },
  not_found: {
    className: 'NotFoundError',
    retry: 'never',
    description: { en: 'The resource does not exist.', zh: '资源不存在。' },
    advice: {
      en: 'Check the id, class or path; the object may have been deleted.',
      zh: '检查 ID、Class 或路径；对象可能已被删除。',
    },
  },
  invalid_request: {
    className: 'ValidationError',
    retry: 'never',
    description: { en: 'The request is invalid.', zh: '请求不合法。' },
    advice: {
      en: 'Fix the parameters or body named in the message; the same request will fail again.',
      zh: '按错误信息修正参数或请求体；原样重试仍会失败。',
    },
  },
  conflict: {
    className: 'ConflictError',
    retry: 'never',
    description: { en: 'The request conflicts with the current state.', zh: '请求与当前状态冲突。' },
    advice: {
      en: 'Reload the current state and resolve the conflict (e.g. pick another unique value) before writing again.',
      zh: '重新读取当前状态并解决冲突（例如换一个唯一值）后再写入。',
    },
  },
  configuration: {
    className: 'ConfigurationError',
    retry: 'never',
    description: { en: 'The app or service is not configured for this.', zh: '应用或服务未正确配置。' },
    advice: {
      en: 'Enable or fix the setting in the provider console; retrying will not help until then.',
      zh: '在服务商控制台开启或修正相关设置；在此之前重试无效。',
    },
  },
  session_replaced: {
    className: 'SessionReplacedError',
    retry: 'never',
    description: { en: 'The session was replaced or the user was kicked.', zh: '会话已被替换或用户被踢下线。' },
    advice: {
      en: 'Do not reconnect automatically: tell the user they were signed out and let them log in again.',
      zh: '不要自动重连：提示用户已下线，由用户决定是否重新登录。',
    },
  },
  connection_closed: {
    className: 'ConnectionClosedError',
    retry: 'always',
    description: { en: 'The connection was closed.', zh: '连接已关闭。' },
    advice: {
      en: 'Reconnect with jittered backoff and resend what was not acknowledged.',
      zh: '以带抖动的退避重连，并重发未确认的消息。',
    },
  },
  canceled: {
    className: 'CanceledError',
    retry: 'never',
    description: { en: 'The operation was canceled.', zh: '操作已取消。' },
    advice: {
      en: 'Nothing to do: the caller canceled it. Start it again if it is still needed.',
      zh: '无需处理：操作被调用方取消；如仍需要请重新发起。',
    },
  },
  unknown: {
    className: 'UnknownError',
    retry: 'never',
    description: { en: 'An unrecognised error.', zh: '无法识别的错误。' },
    advice: {
      en: 'Inspect the raw fields (status, code, cause) and report the code so it can be added to the catalog.',
      zh: '查看原始字段（status、code、cause），并反馈该错误码以便加入错误码目录。',
    },
  },
};
