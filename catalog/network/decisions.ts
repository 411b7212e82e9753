import type { Catalog } from '../../src/catalog-types.js';

/**
 * Node errno, undici UND_ERR_*, axios codes, DOMException names and the browsers' fetch messages
 * (the message is the code where a TypeError carries nothing else).
 */
export const networkDecisions: Catalog = [
  // The connection was never made, so the server cannot have seen the request: any method may retry.
  { code: 'ECONNREFUSED', kind: 'network', retry: 'always' },
  { code: 'ENOTFOUND', kind: 'network', retry: 'always' },
  { code: 'EAI_AGAIN', kind: 'network', retry: 'always' },
  { code: 'EAI_FAIL', kind: 'network', retry: 'always' },
  { code: 'ENETUNREACH', kind: 'network', retry: 'always' },
  { code: 'EHOSTUNREACH', kind: 'network', retry: 'always' },
  { code: 'ENETDOWN', kind: 'network', retry: 'always' },
  { code: 'EHOSTDOWN', kind: 'network', retry: 'always' },
  { code: 'EADDRNOTAVAIL', kind: 'network', retry: 'always' },
  // The connection broke after the request may have reached the server.
  { code: 'ECONNRESET', kind: 'network' },
  { code: 'EPIPE', kind: 'network' },
  { code: 'ECONNABORTED', kind: 'network' },
  { code: 'ERR_NETWORK', kind: 'network' },
  { code: 'UND_ERR_SOCKET', kind: 'network' },
  { code: 'UND_ERR_CLOSED', kind: 'network' },
  { code: 'UND_ERR_DESTROYED', kind: 'network' },
  { code: 'ERR_STREAM_PREMATURE_CLOSE', kind: 'network' },
  // fetch() rejects with a TypeError that cannot tell "never sent" from "sent, then dropped".
  { code: 'Failed to fetch', kind: 'network' },
  { code: 'NetworkError when attempting to fetch resource.', kind: 'network' },
  { code: 'Load failed', kind: 'network' },
  { code: 'fetch failed', kind: 'network' },
  { code: 'Network request failed', kind: 'network' },
  { code: 'ETIMEDOUT', kind: 'timeout' },
  { code: 'ESOCKETTIMEDOUT', kind: 'timeout' },
  { code: 'UND_ERR_HEADERS_TIMEOUT', kind: 'timeout' },
  { code: 'UND_ERR_BODY_TIMEOUT', kind: 'timeout' },
  { code: 'TimeoutError', kind: 'timeout' },
  // Both are connect-phase timeouts: no request bytes were written.
  { code: 'UND_ERR_CONNECT_TIMEOUT', kind: 'timeout', retry: 'always' },
  { code: 'ERR_SOCKET_CONNECTION_TIMEOUT', kind: 'timeout', retry: 'always' },
  { code: 'AbortError', kind: 'canceled' },
  { code: 'ABORT_ERR', kind: 'canceled' },
  { code: 'UND_ERR_ABORTED', kind: 'canceled' },
  { code: 'UND_ERR_ABORT', kind: 'canceled' },
  { code: 'ERR_CANCELED', kind: 'canceled' },
  { code: 'CERT_HAS_EXPIRED', kind: 'configuration' },
  { code: 'CERT_NOT_YET_VALID', kind: 'configuration' },
  { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', kind: 'configuration' },
  { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', kind: 'configuration' },
  { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', kind: 'configuration' },
  { code: 'SELF_SIGNED_CERT_IN_CHAIN', kind: 'configuration' },
  { code: 'ERR_TLS_CERT_ALTNAME_INVALID', kind: 'configuration' },
  { code: 'EPROTO', kind: 'configuration' },
  { code: 'ERR_INVALID_URL', kind: 'invalid_request' },
  { code: 'ERR_INVALID_ARG_TYPE', kind: 'invalid_request' },
  { code: 'UND_ERR_INVALID_ARG', kind: 'invalid_request' },
  { code: 'ERR_INVALID_CHAR', kind: 'invalid_request' },
  { code: 'ERR_INVALID_PROTOCOL', kind: 'invalid_request' },
  { code: 'ERR_UNESCAPED_CHARACTERS', kind: 'invalid_request' },
  { code: 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', kind: 'invalid_request' },
  { code: 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', kind: 'invalid_request' },
  { code: 'EMFILE', kind: 'internal' },
  { code: 'ENFILE', kind: 'internal' },
  { code: 'ENOBUFS', kind: 'internal' },
  // An SDK that kept only JSON.parse's complaint about the answer (src/raw-fault.ts
  // NON_JSON_RESPONSE): almost always a gateway's 5xx page or an empty body. As with a 502, the
  // request may have reached the service: only idempotent requests retry.
  { code: 'NON_JSON_RESPONSE', kind: 'unavailable', retry: 'idempotent' },
];
