import type { Catalog } from '../../src/catalog-types.js';

/**
 * RFC 9110 client and server errors, nginx 499 and the common CDN (Cloudflare) 520–530, keyed by
 * status (`code`). Classify() falls back on these when no provider row knows a response.
 */
export const httpDecisions: Catalog = [
  { code: 400, kind: 'invalid_request' },
  { code: 401, kind: 'unauthenticated' },
  { code: 402, kind: 'quota_exceeded' },
  { code: 403, kind: 'permission_denied' },
  { code: 404, kind: 'not_found' },
  { code: 405, kind: 'invalid_request' },
  { code: 406, kind: 'invalid_request' },
  { code: 407, kind: 'configuration' },
  { code: 408, kind: 'timeout' },
  { code: 409, kind: 'conflict' },
  { code: 410, kind: 'not_found' },
  { code: 411, kind: 'invalid_request' },
  { code: 412, kind: 'conflict' },
  { code: 413, kind: 'invalid_request' },
  { code: 414, kind: 'invalid_request' },
  { code: 415, kind: 'invalid_request' },
  { code: 416, kind: 'invalid_request' },
  { code: 417, kind: 'invalid_request' },
  { code: 418, kind: 'invalid_request' },
  { code: 421, kind: 'network', retry: 'always' },
  { code: 422, kind: 'invalid_request' },
  { code: 423, kind: 'conflict' },
  { code: 424, kind: 'invalid_request' },
  { code: 425, kind: 'network', retry: 'always' },
  { code: 426, kind: 'configuration' },
  { code: 428, kind: 'conflict' },
  { code: 429, kind: 'rate_limited' },
  { code: 431, kind: 'invalid_request' },
  { code: 451, kind: 'permission_denied' },
  { code: 499, kind: 'canceled' },
  { code: 500, kind: 'internal' },
  { code: 501, kind: 'configuration' },
  { code: 502, kind: 'unavailable', retry: 'idempotent' },
  { code: 503, kind: 'unavailable' },
  { code: 504, kind: 'timeout' },
  { code: 505, kind: 'configuration' },
  { code: 506, kind: 'internal', retry: 'never' },
  { code: 507, kind: 'quota_exceeded' },
  { code: 508, kind: 'internal', retry: 'never' },
  { code: 510, kind: 'invalid_request' },
  { code: 511, kind: 'unavailable' },
  { code: 520, kind: 'internal' },
  { code: 521, kind: 'unavailable' },
  // Cloudflare never completed the TCP connection to the origin (or the origin never ACKed the
  // request bytes for 90 s), so the origin cannot have acted on it: safe to retry any method.
  { code: 522, kind: 'timeout', retry: 'always' },
  { code: 523, kind: 'unavailable' },
  // The origin accepted the request and did not answer in time; it may have acted, so only
  // idempotent requests retry.
  { code: 524, kind: 'unavailable', retry: 'idempotent' },
  { code: 525, kind: 'configuration' },
  { code: 526, kind: 'configuration' },
  { code: 527, kind: 'unavailable', retry: 'idempotent' },
  { code: 530, kind: 'unavailable' },
];
