import type { Catalog, CatalogEntry } from '../src/catalog.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';

/** kind, retry and the advice every status of the group shares: [kind, retry, advice en, advice zh]. */
type Group = readonly [ErrorKind, RetrySemantics, string, string];
/** [status, reason phrase (also the English description), description zh, group]. */
type Row = readonly [number, string, string, Group];

const FIX: Group = ['invalid_request', 'never', 'Fix the request; an unchanged retry fails the same way.', '修正请求后再发，原样重试会同样失败。'];
const AUTH: Group = ['unauthenticated', 'never', 'Send valid credentials (refresh an expired token).', '请携带有效凭证（令牌过期请先刷新）。'];
const DENY: Group = ['permission_denied', 'never', 'Check permissions; retrying will not help.', '检查权限，重试无效。'];
const GONE: Group = ['not_found', 'never', 'Check the URL and the resource id.', '检查 URL 与资源 ID。'];
const CONFLICT: Group = ['conflict', 'never', 'Reload the resource, resolve the conflict, then resend.', '重新读取资源、解决冲突后再发。'];
const ADVICE_TIMEOUT = ['Retry if idempotent; check that a write did not take effect first.', '幂等请求可重试；写操作先确认是否已生效。'] as const;
const TIMEOUT: Group = ['timeout', 'idempotent', ...ADVICE_TIMEOUT];
const RATE: Group = ['rate_limited', 'always', 'Wait for Retry-After, then retry at a lower rate.', '按 Retry-After 等待后重试，并降低频率。'];
const QUOTA: Group = ['quota_exceeded', 'never', 'Raise the quota or free space; retrying will not help.', '提升配额或释放空间，重试无效。'];
const SERVER: Group = ['internal', 'idempotent', 'Retry if idempotent; report it with the request id if it persists.', '幂等请求可重试；持续出现请带请求 ID 反馈。'];
const BROKEN: Group = ['internal', 'never', 'The server is misconfigured: report it to its owner.', '服务端配置有误，请反馈给服务方。'];
const UNSUPPORTED: Group = ['configuration', 'never', 'Use another endpoint, method or protocol version.', '请更换接口、方法或协议版本。'];
const BAD_GATEWAY: Group = ['unavailable', 'idempotent', 'Upstream failed mid-request: retry only if idempotent.', '上游中途失败：仅幂等请求可重试。'];
const DOWN: Group = ['unavailable', 'always', 'Not processed: retry with backoff.', '请求未被处理：退避后重试。'];
const TLS: Group = ['configuration', 'never', "Fix the origin's TLS certificate or setup.", '修复源站的 TLS 证书或配置。'];
const RECONNECT: Group = ['network', 'always', 'Not processed: retry on a new connection.', '请求未被处理：换新连接重试。'];
const PROXY: Group = ['configuration', 'never', 'Configure the proxy credentials.', '请配置代理认证信息。'];
const PORTAL: Group = ['unavailable', 'always', 'Sign in to the network, then retry.', '先完成网络登录认证再重试。'];
const CANCELED: Group = ['canceled', 'never', 'The client gave up first; raise its timeout if unintended.', '客户端先放弃了请求；若非预期请调大超时。'];

// 522: Cloudflare never completed the TCP connection to the origin (or the origin never ACKed the
// request bytes for 90 s), so the origin cannot have acted on it: safe to retry any method.
// 524: the origin accepted the request and did not answer in time; it may have acted, so only
// idempotent requests retry.
const rows: readonly Row[] = [
  [400, 'Bad Request', '请求有误', FIX],
  [401, 'Unauthorized', '未通过身份验证', AUTH],
  [402, 'Payment Required', '需要付费', QUOTA],
  [403, 'Forbidden', '禁止访问', DENY],
  [404, 'Not Found', '资源不存在', GONE],
  [405, 'Method Not Allowed', '不支持该方法', FIX],
  [406, 'Not Acceptable', '无法提供可接受的格式', FIX],
  [407, 'Proxy Authentication Required', '代理要求认证', PROXY],
  [408, 'Request Timeout', '请求超时', TIMEOUT],
  [409, 'Conflict', '资源状态冲突', CONFLICT],
  [410, 'Gone', '资源已永久删除', GONE],
  [411, 'Length Required', '缺少 Content-Length', FIX],
  [412, 'Precondition Failed', '前置条件不成立', CONFLICT],
  [413, 'Content Too Large', '请求体过大', FIX],
  [414, 'URI Too Long', 'URL 过长', FIX],
  [415, 'Unsupported Media Type', '不支持的请求体类型', FIX],
  [416, 'Range Not Satisfiable', '请求范围无效', FIX],
  [417, 'Expectation Failed', '无法满足 Expect', FIX],
  [418, "I'm a teapot", '保留未用的状态码', FIX],
  [421, 'Misdirected Request', '请求发到了错误的连接', RECONNECT],
  [422, 'Unprocessable Content', '请求内容无法处理', FIX],
  [423, 'Locked', '资源已锁定', CONFLICT],
  [424, 'Failed Dependency', '依赖的操作失败', FIX],
  [425, 'Too Early', '拒绝处理早期数据', RECONNECT],
  [426, 'Upgrade Required', '需要升级协议', UNSUPPORTED],
  [428, 'Precondition Required', '请求须带条件头', CONFLICT],
  [429, 'Too Many Requests', '请求过于频繁', RATE],
  [431, 'Request Header Fields Too Large', '请求头过大', FIX],
  [451, 'Unavailable For Legal Reasons', '因法律原因不可访问', DENY],
  [499, 'Client Closed Request', '客户端提前关闭连接', CANCELED],
  [500, 'Internal Server Error', '服务端内部错误', SERVER],
  [501, 'Not Implemented', '服务端未实现该功能', UNSUPPORTED],
  [502, 'Bad Gateway', '网关收到无效响应', BAD_GATEWAY],
  [503, 'Service Unavailable', '服务暂不可用', DOWN],
  [504, 'Gateway Timeout', '网关超时', TIMEOUT],
  [505, 'HTTP Version Not Supported', '不支持该 HTTP 版本', UNSUPPORTED],
  [506, 'Variant Also Negotiates', '内容协商配置错误', BROKEN],
  [507, 'Insufficient Storage', '服务端存储不足', QUOTA],
  [508, 'Loop Detected', '检测到循环', BROKEN],
  [510, 'Not Extended', '缺少必需的扩展', FIX],
  [511, 'Network Authentication Required', '需要网络认证', PORTAL],
  [520, 'Web Server Returned an Unknown Error', '源站返回未知错误', SERVER],
  [521, 'Web Server Is Down', '源站已宕机', DOWN],
  [522, 'Connection Timed Out', '连接源站超时', ['timeout', 'always', ...ADVICE_TIMEOUT]],
  [523, 'Origin Is Unreachable', '源站不可达', DOWN],
  [524, 'A Timeout Occurred', '源站响应超时', BAD_GATEWAY],
  [525, 'SSL Handshake Failed', '源站 TLS 握手失败', TLS],
  [526, 'Invalid SSL Certificate', '源站证书无效', TLS],
  [527, 'Railgun Error', 'CDN 到源站的连接中断', BAD_GATEWAY],
  [530, 'Origin Error', '源站错误（见正文 1xxx 错误码）', DOWN],
];

const entries: CatalogEntry[] = /* @__PURE__ */ rows.map(([code, phrase, zh, [kind, retry, en, adviceZh]]) => ({
  provider: 'http',
  code,
  names: [phrase],
  kind,
  retry,
  message: phrase,
  description: { en: phrase, zh },
  advice: { en, zh: adviceZh },
}));

/** RFC 9110 client and server errors, nginx 499 and the common CDN (Cloudflare) 520–530. */
export const http: Catalog = { provider: 'http', entries };
