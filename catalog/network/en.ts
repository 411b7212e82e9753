import type { CatalogText } from '../../src/catalog-types.js';

/** Network failures in English: the usual message and what to do next, keyed by rowKey (errno, code or message). */
export const networkEn: CatalogText = {
  catalog: 'network',
  lang: 'en',
  rows: {
    'ECONNREFUSED': [
      'connection refused',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'ENOTFOUND': [
      'DNS lookup found no such host',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'EAI_AGAIN': [
      'temporary failure in name resolution',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'EAI_FAIL': [
      'non-recoverable failure in name resolution',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'ENETUNREACH': [
      'network is unreachable',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'EHOSTUNREACH': [
      'host is unreachable',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'ENETDOWN': [
      'network is down',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'EHOSTDOWN': [
      'host is down',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'EADDRNOTAVAIL': [
      'address not available',
      'The request was never sent: retry with backoff; check the host, DNS and connectivity if it lasts.',
    ],
    'ECONNRESET': [
      'connection reset by peer',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'EPIPE': [
      'broken pipe',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'ECONNABORTED': [
      'software caused connection abort',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'ERR_NETWORK': [
      'Network Error',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'UND_ERR_SOCKET': [
      'other side closed',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'UND_ERR_CLOSED': [
      'The client is closed',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'UND_ERR_DESTROYED': [
      'The client is destroyed',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'ERR_STREAM_PREMATURE_CLOSE': [
      'Premature close',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'Failed to fetch': [
      'Failed to fetch',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'NetworkError when attempting to fetch resource.': [
      'NetworkError when attempting to fetch resource.',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'Load failed': [
      'Load failed',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'fetch failed': [
      'fetch failed',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'Network request failed': [
      'Network request failed',
      'The server may have received it: retry only if idempotent or sent with an idempotency key.',
    ],
    'ETIMEDOUT': [
      'connection timed out',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    'ESOCKETTIMEDOUT': [
      'socket timed out',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    'UND_ERR_HEADERS_TIMEOUT': [
      'Headers Timeout Error',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    'UND_ERR_BODY_TIMEOUT': [
      'Body Timeout Error',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    'TimeoutError': [
      'The operation was aborted due to timeout',
      'Retry if idempotent; check that a write did not take effect first.',
    ],
    'UND_ERR_CONNECT_TIMEOUT': [
      'Connect Timeout Error',
      'Never connected: retry with backoff; check the host and firewall if it lasts.',
    ],
    'ERR_SOCKET_CONNECTION_TIMEOUT': [
      'Socket connection timeout',
      'Never connected: retry with backoff; check the host and firewall if it lasts.',
    ],
    'AbortError': [
      'This operation was aborted',
      'Canceled by the caller (AbortSignal or cancel token); start a new request if still needed.',
    ],
    'ABORT_ERR': [
      'The operation was aborted',
      'Canceled by the caller (AbortSignal or cancel token); start a new request if still needed.',
    ],
    'UND_ERR_ABORTED': [
      'Request aborted',
      'Canceled by the caller (AbortSignal or cancel token); start a new request if still needed.',
    ],
    'UND_ERR_ABORT': [
      'The operation was aborted',
      'Canceled by the caller (AbortSignal or cancel token); start a new request if still needed.',
    ],
    'ERR_CANCELED': [
      'canceled',
      'Canceled by the caller (AbortSignal or cancel token); start a new request if still needed.',
    ],
    'CERT_HAS_EXPIRED': [
      'certificate has expired',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'CERT_NOT_YET_VALID': [
      'certificate is not yet valid',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE': [
      'unable to verify the first certificate',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY': [
      'unable to get local issuer certificate',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'DEPTH_ZERO_SELF_SIGNED_CERT': [
      'self-signed certificate',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'SELF_SIGNED_CERT_IN_CHAIN': [
      'self-signed certificate in certificate chain',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'ERR_TLS_CERT_ALTNAME_INVALID': [
      "Hostname/IP does not match certificate's altnames",
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'EPROTO': [
      'protocol error',
      'Fix the certificate, chain or hostname (or trust the CA via NODE_EXTRA_CA_CERTS); never disable verification in production.',
    ],
    'ERR_INVALID_URL': [
      'Invalid URL',
      'Fix the URL, header or option passed to the HTTP client.',
    ],
    'ERR_INVALID_ARG_TYPE': [
      'invalid argument type',
      'Fix the URL, header or option passed to the HTTP client.',
    ],
    'UND_ERR_INVALID_ARG': [
      'Invalid Argument Error',
      'Fix the URL, header or option passed to the HTTP client.',
    ],
    'ERR_INVALID_CHAR': [
      'Invalid character in header content',
      'Fix the URL, header or option passed to the HTTP client.',
    ],
    'ERR_INVALID_PROTOCOL': [
      'Protocol not supported',
      'Fix the URL, header or option passed to the HTTP client.',
    ],
    'ERR_UNESCAPED_CHARACTERS': [
      'Request path contains unescaped characters',
      'Fix the URL, header or option passed to the HTTP client.',
    ],
    'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH': [
      'Request body length does not match content-length header',
      'The body disagrees with Content-Length: do not set that header by hand; report a truncating server or proxy.',
    ],
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH': [
      'Response body length does not match content-length header',
      'The body disagrees with Content-Length: do not set that header by hand; report a truncating server or proxy.',
    ],
    'EMFILE': [
      'too many open files',
      'This machine ran out of sockets or buffers: reuse a keep-alive agent, close idle connections, raise ulimit -n.',
    ],
    'ENFILE': [
      'file table overflow',
      'This machine ran out of sockets or buffers: reuse a keep-alive agent, close idle connections, raise ulimit -n.',
    ],
    'ENOBUFS': [
      'no buffer space available',
      'This machine ran out of sockets or buffers: reuse a keep-alive agent, close idle connections, raise ulimit -n.',
    ],
    'NON_JSON_RESPONSE': [
      'The server answered with something other than the API’s JSON (a gateway’s error page or an empty body); the SDK kept only the parse error, not the status.',
      'Retry reads later and check the proxy or load balancer in front of the service. A transport plug (where the SDK takes one) keeps the real status.',
    ],
  },
};
