import type { Catalog } from '../../src/catalog-types.js';

/**
 * Easemob (环信) REST errors, from its error-code document: the HTTP statuses with Easemob's own
 * meaning, then its error table keyed by status and `error`.
 */
export const easemobDecisions: Catalog = [
  // The HTTP statuses: what Easemob means by each when the body names no `error` this catalog knows.
  { status: 400, kind: 'invalid_request' },
  { status: 401, kind: 'unauthenticated' },
  { status: 403, kind: 'permission_denied' },
  { status: 404, kind: 'not_found' },
  { status: 405, kind: 'invalid_request' },
  { status: 408, kind: 'timeout' },
  { status: 413, kind: 'invalid_request' },
  { status: 415, kind: 'invalid_request' },
  { status: 429, kind: 'rate_limited' },
  { status: 500, kind: 'internal' },
  { status: 501, kind: 'invalid_request' },
  { status: 502, kind: 'unavailable', retry: 'idempotent' },
  { status: 503, kind: 'unavailable' },
  { status: 504, kind: 'timeout' },
  // The error table: `error` with the status it comes with. Rows sharing both are told apart by a
  // distinctive piece of error_description (`match`); the row without `match` is what the document
  // says of the pair in general, and what a message matching none of them falls back on.
  { status: 400, code: 'invalid_grant', kind: 'unauthenticated' },
  { status: 400, code: 'invalid_grant', match: 'does not match', kind: 'unauthenticated' },
  { status: 400, code: 'json_parse', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'property named username', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'password or pin', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'newpassword', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'oldpassword', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'group member', kind: 'not_found' },
  { status: 400, code: 'illegal_argument', match: 'invalid request', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'be empty', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'target_type', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'not legal', kind: 'invalid_request' },
  { status: 400, code: 'illegal_argument', match: 'chatmessage request', kind: 'invalid_request' },
  // "Not generated yet" clears by itself later, but not within a retry loop: ask again later.
  { status: 400, code: 'illegal_argument', match: 'history is expired', kind: 'not_found' },
  { status: 400, code: 'invalid_parameter', kind: 'invalid_request' },
  { status: 400, code: 'required_property_not_found', kind: 'invalid_request' },
  { status: 400, code: 'duplicate_unique_property_exists', kind: 'conflict' },
  { status: 400, code: 'illegal_argument', match: 'too large', kind: 'invalid_request' },
  // Presence rows have no `error`: their error_description is the code. Setting a status is
  // naturally idempotent, and nothing in the text blames the request.
  { status: 400, code: 'set presence failed', kind: 'internal' },
  { status: 400, code: 'ext is too big', kind: 'invalid_request' },
  { status: 400, code: 'resource not exist', kind: 'not_found' },
  { status: 400, code: "you can't sub yourself", kind: 'invalid_request' },
  { status: 400, code: 'too many sub presence', kind: 'invalid_request' },
  { status: 400, code: 'too many get presences', kind: 'invalid_request' },
  { status: 400, code: 'too many unsub presences', kind: 'invalid_request' },
  // A count of queries, not a malformed request: waiting lets it through again.
  { status: 400, code: 'too many queries', kind: 'rate_limited' },
  // Both `unauthorized` rows name a missing or expired App Token: both refresh once, and so does
  // an `unauthorized` whose message matches neither (the common expired-token case must not stop).
  { status: 401, code: 'unauthorized', kind: 'session_expired' },
  { status: 401, code: 'unauthorized', match: 'registration', kind: 'session_expired' },
  // A token this server did not issue ("Unable to authenticate"), or one it cannot read: a refresh
  // from the same misconfigured source would not help.
  { status: 401, code: 'auth_bad_access_token', kind: 'unauthenticated' },
  { status: 401, code: 'auth_bad_access_token', match: 'corrupt', kind: 'unauthenticated' },
  // The seven group and chat-room rules share status and `error`; each row holds only for its own
  // message (a user name or group id in it does not matter).
  { status: 403, code: 'forbidden_op', kind: 'permission_denied' },
  { status: 403, code: 'forbidden_op', match: 'already in group', kind: 'conflict' },
  { status: 403, code: 'forbidden_op', match: 'are not members', kind: 'invalid_request' },
  { status: 403, code: 'forbidden_op', match: 'exist in group', kind: 'invalid_request' },
  { status: 403, code: 'forbidden_op', match: 'owner are the same', kind: 'invalid_request' },
  { status: 403, code: 'forbidden_op', match: 'group owner', kind: 'permission_denied' },
  { status: 403, code: 'forbidden_op', match: 'joined too many', kind: 'quota_exceeded' },
  { status: 403, code: 'forbidden_op', match: 'create too many', kind: 'quota_exceeded' },
  { status: 404, code: 'organization_application_not_found', kind: 'configuration' },
  // The document gives this pair three readings with one message: one row, all three texts.
  { status: 404, code: 'service_resource_not_found', kind: 'not_found' },
  { status: 404, code: 'storage_object_not_found', kind: 'not_found' },
  { status: 413, code: 'Request Entity Too Large', kind: 'invalid_request' },
  { status: 415, code: 'web_application', kind: 'invalid_request' },
  // The body says quota (the Free edition's limit), not throttle: this status+code row outranks
  // the 429 status row.
  { status: 429, code: 'resource_limited', kind: 'quota_exceeded' },
  { status: 429, code: 'reach_limit', kind: 'rate_limited' },
  // 500s that are the caller's fault.
  { status: 500, code: 'no_full_text_index', kind: 'invalid_request' },
  { status: 500, code: 'unsupported_service_operation', kind: 'invalid_request' },
  { status: 500, code: 'web_application', kind: 'invalid_request' },
];
