import type { CatalogText } from '../../src/catalog-types.js';

/** Network failures in Chinese: what happened and what to do next, keyed by rowKey (errno, code or message). */
export const networkZh: CatalogText = {
  catalog: 'network',
  lang: 'zh',
  rows: {
    'ECONNREFUSED': [
      '连接被拒绝',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'ENOTFOUND': [
      '域名解析失败',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'EAI_AGAIN': [
      'DNS 暂时解析失败',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'EAI_FAIL': [
      'DNS 解析失败',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'ENETUNREACH': [
      '网络不可达',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'EHOSTUNREACH': [
      '主机不可达',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'ENETDOWN': [
      '网络已断开',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'EHOSTDOWN': [
      '主机已关闭',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'EADDRNOTAVAIL': [
      '本地地址或端口耗尽',
      '请求未发出：退避后重试；持续出现请检查主机、DNS 与网络。',
    ],
    'ECONNRESET': [
      '连接被对端重置',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'EPIPE': [
      '写入时连接已断开',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'ECONNABORTED': [
      '连接被中止',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'ERR_NETWORK': [
      '网络错误（axios）',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'UND_ERR_SOCKET': [
      '对端关闭了连接',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'UND_ERR_CLOSED': [
      '客户端已关闭',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'UND_ERR_DESTROYED': [
      '客户端已销毁',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'ERR_STREAM_PREMATURE_CLOSE': [
      '流提前关闭',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'Failed to fetch': [
      '请求失败（Chrome）',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'NetworkError when attempting to fetch resource.': [
      '请求失败（Firefox）',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'Load failed': [
      '请求失败（Safari）',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'fetch failed': [
      '请求失败（undici，详见 cause）',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'Network request failed': [
      '请求失败（React Native）',
      '服务端可能已收到请求：仅幂等请求或带幂等键时可重试。',
    ],
    'ETIMEDOUT': [
      '连接或读取超时',
      '幂等请求可重试；写操作先确认是否已生效。',
    ],
    'ESOCKETTIMEDOUT': [
      '套接字超时',
      '幂等请求可重试；写操作先确认是否已生效。',
    ],
    'UND_ERR_HEADERS_TIMEOUT': [
      '等待响应头超时',
      '幂等请求可重试；写操作先确认是否已生效。',
    ],
    'UND_ERR_BODY_TIMEOUT': [
      '等待响应体超时',
      '幂等请求可重试；写操作先确认是否已生效。',
    ],
    'TimeoutError': [
      '操作超时（AbortSignal.timeout）',
      '幂等请求可重试；写操作先确认是否已生效。',
    ],
    'UND_ERR_CONNECT_TIMEOUT': [
      '建立连接超时',
      '未能建立连接：退避后重试；持续出现请检查主机与防火墙。',
    ],
    'ERR_SOCKET_CONNECTION_TIMEOUT': [
      '建立连接超时',
      '未能建立连接：退避后重试；持续出现请检查主机与防火墙。',
    ],
    'AbortError': [
      '操作已中止',
      '调用方已取消（AbortSignal 或取消令牌）；如仍需要请重新发起。',
    ],
    'ABORT_ERR': [
      '操作已中止',
      '调用方已取消（AbortSignal 或取消令牌）；如仍需要请重新发起。',
    ],
    'UND_ERR_ABORTED': [
      '请求已中止',
      '调用方已取消（AbortSignal 或取消令牌）；如仍需要请重新发起。',
    ],
    'UND_ERR_ABORT': [
      '操作已中止',
      '调用方已取消（AbortSignal 或取消令牌）；如仍需要请重新发起。',
    ],
    'ERR_CANCELED': [
      '请求已取消（axios）',
      '调用方已取消（AbortSignal 或取消令牌）；如仍需要请重新发起。',
    ],
    'CERT_HAS_EXPIRED': [
      '证书已过期',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'CERT_NOT_YET_VALID': [
      '证书尚未生效',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE': [
      '无法验证证书（常见于缺少中间证书）',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY': [
      '本地找不到签发者证书',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'DEPTH_ZERO_SELF_SIGNED_CERT': [
      '自签名证书',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'SELF_SIGNED_CERT_IN_CHAIN': [
      '证书链中有自签名证书',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'ERR_TLS_CERT_ALTNAME_INVALID': [
      '证书与域名不匹配',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'EPROTO': [
      'TLS 协议错误（如对非 HTTPS 端口发起 HTTPS）',
      '修复证书、证书链或域名（或用 NODE_EXTRA_CA_CERTS 信任 CA）；生产环境切勿关闭证书校验。',
    ],
    'ERR_INVALID_URL': [
      'URL 无效',
      '修正传给 HTTP 客户端的 URL、请求头或参数。',
    ],
    'ERR_INVALID_ARG_TYPE': [
      '参数类型错误',
      '修正传给 HTTP 客户端的 URL、请求头或参数。',
    ],
    'UND_ERR_INVALID_ARG': [
      '参数无效',
      '修正传给 HTTP 客户端的 URL、请求头或参数。',
    ],
    'ERR_INVALID_CHAR': [
      '请求头含非法字符',
      '修正传给 HTTP 客户端的 URL、请求头或参数。',
    ],
    'ERR_INVALID_PROTOCOL': [
      '不支持的协议',
      '修正传给 HTTP 客户端的 URL、请求头或参数。',
    ],
    'ERR_UNESCAPED_CHARACTERS': [
      '路径含未转义字符',
      '修正传给 HTTP 客户端的 URL、请求头或参数。',
    ],
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH': [
      '请求体长度与 Content-Length 不符',
      '请求体与 Content-Length 不符：不要手动设置该头；服务端或代理截断时请反馈。',
    ],
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH': [
      '响应体长度与 Content-Length 不符',
      '请求体与 Content-Length 不符：不要手动设置该头；服务端或代理截断时请反馈。',
    ],
    'EMFILE': [
      '打开的文件过多',
      '本机套接字或缓冲区耗尽：复用 keep-alive Agent、关闭空闲连接、调高 ulimit -n。',
    ],
    'ENFILE': [
      '系统文件表已满',
      '本机套接字或缓冲区耗尽：复用 keep-alive Agent、关闭空闲连接、调高 ulimit -n。',
    ],
    'ENOBUFS': [
      '缓冲区空间不足',
      '本机套接字或缓冲区耗尽：复用 keep-alive Agent、关闭空闲连接、调高 ulimit -n。',
    ],
    'NON_JSON_RESPONSE': [
      '服务器返回的不是 API 的 JSON（网关的错误页面或空响应体）；SDK 只留下了解析错误，没有状态码。',
      '读请求可稍后重试，并检查服务前面的代理或负载均衡。能接入传输插件的 SDK，插件可以拿到真实的状态码。',
    ],
  },
};
