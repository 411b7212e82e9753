import type { Catalog, CatalogEntry } from '../src/catalog.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';

/** [kind, retry, advice en, advice zh] shared by the codes that call for the same next step. */
type Group = readonly [ErrorKind, RetrySemantics, string, string];
/** [code (errno, undici/axios code, DOMException name or browser message), message, description zh, group]. */
type Row = readonly [string, string, string, Group];

// The connection was never made, so the server cannot have seen the request: any method may retry.
const UNSENT: Group = ['network', 'always', 'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.', '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。'];
// The connection broke after the request may have reached the server.
const DROPPED: Group = ['network', 'idempotent', 'The server may have received it: retry only if idempotent or sent with an idempotency key.', '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。'];
const TIMEOUT: Group = ['timeout', 'idempotent', 'Retry if idempotent; check that a write did not take effect first.', '幂等请求可重试；写操作先确认是否已生效。'];
const CONNECT_TIMEOUT: Group = ['timeout', 'always', 'Never connected: retry with backoff; check the host and firewall if it lasts.', '未能建立连接：退避后重试；持续出现请检查主机与防火墙。'];
const CANCELED: Group = ['canceled', 'never', 'Canceled by the caller (AbortSignal or cancel token); start a new request if still needed.', '调用方已取消（AbortSignal 或取消令牌）；如仍需要请重新发起。'];
const TLS: Group = ['configuration', 'never', 'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.', '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。'];
const BAD_ARG: Group = ['invalid_request', 'never', 'Fix the URL, header or option passed to the HTTP client.', '修正传给 HTTP 客户端的 URL、请求头或参数。'];
const LENGTH: Group = ['invalid_request', 'never', 'The body disagrees with Content-Length: do not set that header by hand; report a truncating server or proxy.', '请求体与 Content-Length 不符：不要手动设置该头；服务端或代理截断时请反馈。'];
const LOCAL: Group = ['internal', 'idempotent', 'This machine ran out of sockets or buffers: reuse a keep-alive agent, close idle connections, raise ulimit -n.', '本机套接字或缓冲区耗尽：复用 keep-alive Agent、关闭空闲连接、调高 ulimit -n。'];

const rows: readonly Row[] = [
  ['ECONNREFUSED', 'connection refused', '连接被拒绝', UNSENT],
  ['ENOTFOUND', 'DNS lookup found no such host', '域名解析失败', UNSENT],
  ['EAI_AGAIN', 'temporary failure in name resolution', 'DNS 暂时解析失败', UNSENT],
  ['EAI_FAIL', 'non-recoverable failure in name resolution', 'DNS 解析失败', UNSENT],
  ['ENETUNREACH', 'network is unreachable', '网络不可达', UNSENT],
  ['EHOSTUNREACH', 'host is unreachable', '主机不可达', UNSENT],
  ['ENETDOWN', 'network is down', '网络已断开', UNSENT],
  ['EHOSTDOWN', 'host is down', '主机已关闭', UNSENT],
  ['EADDRNOTAVAIL', 'address not available', '本地地址或端口耗尽', UNSENT],
  ['ECONNRESET', 'connection reset by peer', '连接被对端重置', DROPPED],
  ['EPIPE', 'broken pipe', '写入时连接已断开', DROPPED],
  ['ECONNABORTED', 'software caused connection abort', '连接被中止', DROPPED],
  ['ERR_NETWORK', 'Network Error', '网络错误（axios）', DROPPED],
  ['UND_ERR_SOCKET', 'other side closed', '对端关闭了连接', DROPPED],
  ['UND_ERR_CLOSED', 'The client is closed', '客户端已关闭', DROPPED],
  ['UND_ERR_DESTROYED', 'The client is destroyed', '客户端已销毁', DROPPED],
  ['ERR_STREAM_PREMATURE_CLOSE', 'Premature close', '流提前关闭', DROPPED],
  // fetch() rejects with a TypeError that cannot tell "never sent" from "sent, then dropped".
  ['Failed to fetch', 'Failed to fetch', '请求失败（Chrome）', DROPPED],
  ['NetworkError when attempting to fetch resource.', 'NetworkError when attempting to fetch resource.', '请求失败（Firefox）', DROPPED],
  ['Load failed', 'Load failed', '请求失败（Safari）', DROPPED],
  ['fetch failed', 'fetch failed', '请求失败（undici，详见 cause）', DROPPED],
  ['Network request failed', 'Network request failed', '请求失败（React Native）', DROPPED],
  ['ETIMEDOUT', 'connection timed out', '连接或读取超时', TIMEOUT],
  ['ESOCKETTIMEDOUT', 'socket timed out', '套接字超时', TIMEOUT],
  ['UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error', '等待响应头超时', TIMEOUT],
  ['UND_ERR_BODY_TIMEOUT', 'Body Timeout Error', '等待响应体超时', TIMEOUT],
  ['TimeoutError', 'The operation was aborted due to timeout', '操作超时（AbortSignal.timeout）', TIMEOUT],
  // Both are connect-phase timeouts: no request bytes were written.
  ['UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error', '建立连接超时', CONNECT_TIMEOUT],
  ['ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', '建立连接超时', CONNECT_TIMEOUT],
  ['AbortError', 'This operation was aborted', '操作已中止', CANCELED],
  ['ABORT_ERR', 'The operation was aborted', '操作已中止', CANCELED],
  ['UND_ERR_ABORTED', 'Request aborted', '请求已中止', CANCELED],
  ['UND_ERR_ABORT', 'The operation was aborted', '操作已中止', CANCELED],
  ['ERR_CANCELED', 'canceled', '请求已取消（axios）', CANCELED],
  ['CERT_HAS_EXPIRED', 'certificate has expired', '证书已过期', TLS],
  ['CERT_NOT_YET_VALID', 'certificate is not yet valid', '证书尚未生效', TLS],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', '无法验证证书（常见于缺少中间证书）', TLS],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate', '本地找不到签发者证书', TLS],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', '自签名证书', TLS],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', '证书链中有自签名证书', TLS],
  ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", '证书与域名不匹配', TLS],
  ['EPROTO', 'protocol error', 'TLS 协议错误（如对非 HTTPS 端口发起 HTTPS）', TLS],
  ['ERR_INVALID_URL', 'Invalid URL', 'URL 无效', BAD_ARG],
  ['ERR_INVALID_ARG_TYPE', 'invalid argument type', '参数类型错误', BAD_ARG],
  ['UND_ERR_INVALID_ARG', 'Invalid Argument Error', '参数无效', BAD_ARG],
  ['ERR_INVALID_CHAR', 'Invalid character in header content', '请求头含非法字符', BAD_ARG],
  ['ERR_INVALID_PROTOCOL', 'Protocol not supported', '不支持的协议', BAD_ARG],
  ['ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters', '路径含未转义字符', BAD_ARG],
  ['UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'Request body length does not match content-length header', '请求体长度与 Content-Length 不符', LENGTH],
  ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'Response body length does not match content-length header', '响应体长度与 Content-Length 不符', LENGTH],
  ['EMFILE', 'too many open files', '打开的文件过多', LOCAL],
  ['ENFILE', 'file table overflow', '系统文件表已满', LOCAL],
  ['ENOBUFS', 'no buffer space available', '缓冲区空间不足', LOCAL],
];

const entries: CatalogEntry[] = /* @__PURE__ */ rows.map(([code, message, zh, [kind, retry, en, adviceZh]]) => ({
  provider: 'network',
  code,
  names: [code],
  kind,
  retry,
  message,
  description: { en: message, zh },
  advice: { en, zh: adviceZh },
}));

/** Node errno, undici UND_ERR_*, axios codes, DOMException names and browser fetch messages. */
export const network: Catalog = { provider: 'network', entries };
