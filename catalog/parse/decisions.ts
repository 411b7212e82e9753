import type { Catalog } from '../../src/catalog-types.js';

/**
 * Parse Server error codes, one row per code (the document gives several names to some: see
 * codes.ts), in the document's order.
 */
export const parseDecisions: Catalog = [
  { code: 101, kind: 'not_found' },
  { code: 102, kind: 'invalid_request' },
  { code: 103, kind: 'invalid_request' },
  { code: 104, kind: 'invalid_request' },
  { code: 105, kind: 'invalid_request' },
  { code: 106, kind: 'invalid_request' },
  { code: 107, kind: 'invalid_request' },
  { code: 108, kind: 'invalid_request' },
  { code: 109, kind: 'configuration' },
  { code: 116, kind: 'invalid_request' },
  { code: 117, kind: 'invalid_request' },
  { code: 118, kind: 'invalid_request' },
  { code: 119, kind: 'permission_denied' },
  { code: 120, kind: 'not_found' },
  { code: 121, kind: 'invalid_request' },
  { code: 123, kind: 'invalid_request' },
  { code: 125, kind: 'invalid_request' },
  { code: 137, kind: 'conflict' },
  { code: 139, kind: 'invalid_request' },
  { code: 140, kind: 'quota_exceeded' },
  // 141 is what Cloud Code returns when a function throws, which is also how functions report
  // business errors ("insufficient balance"): a server-side failure (internal), but a replay
  // repeats the function's side effects and fails the same way, so it is never retried.
  { code: 141, kind: 'internal', retry: 'never' },
  { code: 142, kind: 'invalid_request' },
  // WebhookError (a Cloud Code webhook failed) and ReceiptMissing share 143; the first row
  // is a server-side failure, and neither gets better by replaying the request.
  { code: 143, kind: 'internal', retry: 'never' },
  { code: 150, kind: 'invalid_request' },
  { code: 151, kind: 'invalid_request' },
  { code: 152, kind: 'invalid_request' },
  { code: 158, kind: 'internal' },
  { code: 160, kind: 'invalid_request' },
  { code: 255, kind: 'conflict' },
  { code: 256, kind: 'invalid_request' },
  { code: 902, kind: 'unauthenticated' },
  { code: 903, kind: 'unauthenticated' },
  { code: 111, kind: 'invalid_request' },
  { code: 112, kind: 'invalid_request' },
  { code: 113, kind: 'invalid_request' },
  { code: 114, kind: 'invalid_request' },
  // Push setup (misconfigured, client/REST push disabled) and payload shape share 115; the
  // code's own name is PushMisconfigured, and neither case is fixed by retrying.
  { code: 115, kind: 'configuration' },
  { code: 138, kind: 'invalid_request' },
  { code: 156, kind: 'invalid_request' },
  { code: 157, kind: 'invalid_request' },
  { code: 122, kind: 'invalid_request' },
  { code: 126, kind: 'invalid_request' },
  { code: 127, kind: 'invalid_request' },
  { code: 128, kind: 'invalid_request' },
  { code: 129, kind: 'invalid_request' },
  { code: 130, kind: 'internal' },
  { code: 131, kind: 'internal' },
  { code: 132, kind: 'invalid_request' },
  { code: 133, kind: 'invalid_request' },
  { code: 134, kind: 'invalid_request' },
  { code: 135, kind: 'invalid_request' },
  { code: 136, kind: 'invalid_request' },
  { code: 144, kind: 'invalid_request' },
  { code: 145, kind: 'configuration' },
  { code: 146, kind: 'invalid_request' },
  { code: 147, kind: 'not_found' },
  // Apple's server answered badly: a bad-gateway case, as 502 is.
  { code: 148, kind: 'unavailable', retry: 'idempotent' },
  { code: 149, kind: 'internal' },
  { code: 200, kind: 'invalid_request' },
  { code: 201, kind: 'invalid_request' },
  { code: 202, kind: 'conflict' },
  { code: 203, kind: 'conflict' },
  { code: 204, kind: 'invalid_request' },
  { code: 205, kind: 'not_found' },
  { code: 206, kind: 'unauthenticated' },
  { code: 207, kind: 'invalid_request' },
  { code: 208, kind: 'conflict' },
  // The session was revoked or expired: a refresh hook that logs in again (or a new login) fixes it once.
  { code: 209, kind: 'session_expired' },
  { code: 250, kind: 'invalid_request' },
  // Rejected third-party credentials; a faultline refresh hook renews the Parse session, not the
  // provider's token, so only a new provider login helps (TwitterConnectFailure aside).
  { code: 251, kind: 'unauthenticated' },
  { code: 252, kind: 'configuration' },
  { code: 253, kind: 'invalid_request' },
  { code: 999, kind: 'invalid_request' },
  { code: 100, kind: 'network' },
  // Several errors at once (saveAll, destroyAll): the aggregate says nothing on its own.
  { code: 600, kind: 'unknown' },
  { code: 601, kind: 'invalid_request' },
  { code: 602, kind: 'unknown' },
  { code: 124, kind: 'timeout' },
  { code: 154, kind: 'invalid_request' },
  { code: 155, kind: 'rate_limited' },
  // The Parse SDK (ParseError.DUPLICATE_REQUEST) and parse-server send 159 for a repeated
  // X-Parse-Request-Id: the first request with that id was processed, so this one was dropped.
  // Retrying cannot help, and the write is done: a conflict, never retried. (The legacy
  // Parse.com document's "temporary rejection" is not what any server answers today.)
  { code: 159, kind: 'conflict' },
  { code: 428, kind: 'configuration' },
  { code: -1, kind: 'unknown' },
  { code: 1, kind: 'internal' },
  { code: 2, kind: 'unavailable' },
  { code: 4, kind: 'network' },
];
