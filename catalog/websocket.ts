import type { Catalog, CatalogEntry } from '../src/catalog.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';

/** [kind, retry, advice en, advice zh] shared by the close codes that call for the same next step. */
type Group = readonly [ErrorKind, RetrySemantics, string, string];
/** [close code, RFC 6455 / IANA name (also the English description), description zh, group]. */
type Row = readonly [number, string, string, Group];

// Private 4000–4999 and registered 3000–3999 codes are classify()'s business, not rows here.
const RECONNECT: Group = ['connection_closed', 'always', 'Reconnect with backoff and resend what was not acknowledged.', '退避后重连，并重发未确认的消息。'];
const LATER: Group = ['unavailable', 'always', 'The server is overloaded or its upstream failed: reconnect after a longer backoff.', '服务端过载或上游故障：加大退避间隔后重连。'];
const PROTOCOL: Group = ['invalid_request', 'never', 'Fix what the client sends (frames, data type, size or extensions); reconnecting alone will not help.', '修正客户端发送的内容（帧、数据类型、大小或扩展），单纯重连无效。'];
const POLICY: Group = ['permission_denied', 'never', 'The server rejected this client by policy: check credentials and permissions, do not reconnect blindly.', '服务端按策略拒绝了该客户端：检查凭证与权限，不要盲目重连。'];
const TLS: Group = ['configuration', 'never', 'Fix the TLS setup (certificate, hostname, wss:// URL); reconnecting will not help.', '修复 TLS 配置（证书、域名、wss:// 地址），重连无效。'];
const RESERVED: Group = ['unknown', 'never', 'A reserved code no endpoint should send: log it and check the server.', '该保留码不应出现：记录日志并检查服务端。'];

const rows: readonly Row[] = [
  [1000, 'Normal Closure', '正常关闭', RECONNECT],
  [1001, 'Going Away', '对端离开（如服务端重启或页面关闭）', RECONNECT],
  [1002, 'Protocol Error', '协议错误', PROTOCOL],
  [1003, 'Unsupported Data', '不支持的数据类型', PROTOCOL],
  [1004, 'Reserved', '保留', RESERVED],
  [1005, 'No Status Received', '关闭帧中没有状态码', RECONNECT],
  [1006, 'Abnormal Closure', '连接异常断开（未收到关闭帧）', RECONNECT],
  [1007, 'Invalid Frame Payload Data', '消息数据无效（如非 UTF-8 文本）', PROTOCOL],
  [1008, 'Policy Violation', '违反服务端策略', POLICY],
  [1009, 'Message Too Big', '消息过大', PROTOCOL],
  [1010, 'Mandatory Extension', '服务端未协商客户端要求的扩展', PROTOCOL],
  [1011, 'Internal Error', '服务端内部错误', RECONNECT],
  [1012, 'Service Restart', '服务端重启', RECONNECT],
  [1013, 'Try Again Later', '服务端暂时过载，请稍后再试', LATER],
  [1014, 'Bad Gateway', '网关收到上游的无效响应', LATER],
  [1015, 'TLS Handshake', 'TLS 握手失败', TLS],
];

const entries: CatalogEntry[] = /* @__PURE__ */ rows.map(([code, name, zh, [kind, retry, en, adviceZh]]) => ({
  provider: 'websocket',
  code,
  names: [name],
  kind,
  retry,
  message: name,
  description: { en: name, zh },
  advice: { en, zh: adviceZh },
}));

/** RFC 6455 close codes and the IANA registrations 1012–1015. */
export const websocket: Catalog = { provider: 'websocket', entries };
