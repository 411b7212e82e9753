import type { Catalog } from '../../src/catalog-types.js';

/**
 * Tencent CloudBase (云开发) error codes, grouped by service as in its error-code document, plus
 * the token codes its SDKs act on. Each code is its own name; CloudBase sends them in the body,
 * often with HTTP 200, so no row is tied to a status.
 */
export const cloudbaseDecisions: Catalog = [
  // 登录认证错误
  { code: 'AUTH_INVALID_CUSTOM_LOGIN_TICKET', kind: 'unauthenticated' },
  { code: 'AUTH_WX_OAUTH_FAILED', kind: 'unauthenticated' },
  { code: 'AUTH_CUSTOM_USER_ID_HAS_BEEN_BOUND', kind: 'conflict' },
  { code: 'AUTH_OPEN_ID_HAS_BEEN_BOUND', kind: 'conflict' },
  { code: 'AUTH_UNION_ID_HAS_BEEN_BOUND', kind: 'conflict' },
  { code: 'AUTH_EMAIL_HAS_BEEN_BOUND', kind: 'conflict' },
  { code: 'INVALID_EMAIL_TOKEN', kind: 'unauthenticated' },
  { code: 'AUTH_LOGIN_FAILED', kind: 'unauthenticated' },
  // Invalid or revoked tokens: a refresh cannot make them valid, only a new sign-in.
  { code: 'INVALID_ACCESS_TOKEN', kind: 'unauthenticated' },
  { code: 'ACCESS_TOKEN_DISABLED', kind: 'unauthenticated' },
  { code: 'REFRESH_TOKEN_DISABLED', kind: 'unauthenticated' },
  { code: 'PHONE_CODE_NOT_MATCHED', kind: 'invalid_request' },
  { code: 'PHONE_CODE_NOTFOUND_OR_EXPIRED', kind: 'invalid_request' },
  // A per-number cap on SMS codes: it clears over minutes to a day, not within a retry loop,
  // and every automatic resend spends more of it. A rate limit that is never retried, as
  // LeanCloud 601.
  { code: 'PHONE_CODE_SEND_LIMIT_EXCEED', kind: 'rate_limited', retry: 'never' },
  { code: 'MISSING_CREDENTIALS', kind: 'unauthenticated' },
  { code: 'INVALID_CREDENTIALS', kind: 'unauthenticated' },
  { code: 'ACCESS_TOKEN_INVALID', kind: 'unauthenticated' },
  { code: 'ACCESS_TOKEN_KID_INVALID', kind: 'unauthenticated' },
  { code: 'ACTION_FORBIDDEN', kind: 'permission_denied' },
  { code: 'WX_WEBSOCKET_TOKEN_EXPIRED', kind: 'session_expired' },
  // The gateway could not read the WeChat identity headers: no identity, so no retry.
  { code: 'WX_HEADER_GET_FAILED', kind: 'unauthenticated' },
  // A login method this environment has not enabled: a console switch, as Parse 252.
  { code: 'UNSUPPORTED_AUTH_TYPE', kind: 'configuration' },
  { code: 'AUTHENTICATION_FAILED', kind: 'unauthenticated' },
  // Not in the document: the codes the official SDKs act on. @cloudbase/app (1.x to 3.x) refreshes
  // the access token on ACCESS_TOKEN_EXPIRED and sends the request once more; 1.x gives the session
  // up on REFRESH_TOKEN_EXPIRED and INVALID_REFRESH_TOKEN (answers to its refresh call), and 2.x/3.x
  // (@cloudbase/oauth) on the OAuth error invalid_grant.
  { code: 'ACCESS_TOKEN_EXPIRED', kind: 'session_expired' },
  { code: 'REFRESH_TOKEN_EXPIRED', kind: 'unauthenticated' },
  { code: 'INVALID_REFRESH_TOKEN', kind: 'unauthenticated' },
  { code: 'invalid_grant', kind: 'unauthenticated' },
  // 数据库错误
  { code: 'DATABASE_REQUEST_FAILED', kind: 'internal' },
  { code: 'DATABASE_INVALID_OPERRATOR', kind: 'invalid_request' },
  { code: 'DATABASE_PERMISSION_DENIED', kind: 'permission_denied' },
  { code: 'DATABASE_COLLECTION_EXCEED_LIMIT', kind: 'quota_exceeded' },
  { code: 'DATABASE_COLLECTION_NOT_EXIST', kind: 'not_found' },
  { code: 'DATABASE_COLLECTION_ALREADY_EXIST', kind: 'conflict' },
  { code: 'DATABASE_TIMEOUT', kind: 'timeout' },
  { code: 'DATABASE_TRANSACTION_FAIL', kind: 'internal' },
  // Replaying one call of an aborted transaction cannot succeed; the whole transaction must rerun.
  { code: 'DATABASE_TRANSACTION_CONFLICT', kind: 'conflict' },
  { code: 'DATABASE_DUPLICATE_WRITE', kind: 'conflict' },
  // 云函数错误
  // A failing function is usually the function's own throw (often a business error), and a
  // replay repeats its side effects: never retried, as Parse 141.
  { code: 'FUNCTIONS_EXECUTE_FAIL', kind: 'internal', retry: 'never' },
  { code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', kind: 'timeout' },
  // A resource cap of the function's configuration: raising it (or doing less per call) is the fix.
  { code: 'FUNCTIONS_MEMORY_LIMIT_EXCEEDED', kind: 'quota_exceeded' },
  { code: 'FUNCTION_NOT_FOUND', kind: 'not_found' },
  // Not in a runnable state (e.g. still deploying): the call was not run, so any call may retry.
  { code: 'FUNCTIONS_STATUS_ABNORMITY', kind: 'unavailable' },
  { code: 'FUNCTION_INVOCATION_FAILED', kind: 'internal' },
  { code: 'FUNCTION_QUALIFIER_NOT_FOUND', kind: 'not_found' },
  { code: 'FUNCTION_STATUS_ABNORMAL', kind: 'unavailable' },
  { code: 'FUNCTION_TIME_LIMIT_EXCEEDED', kind: 'timeout' },
  { code: 'FUNCTION_MEMORY_LIMIT_EXCEEDED', kind: 'quota_exceeded' },
  { code: 'FUNCTION_EXECUTE_FAIL', kind: 'internal', retry: 'never' },
  { code: 'FUNCTION_PARAM_INVALID', kind: 'invalid_request' },
  // The text names a request rate (频率) against provisioned concurrency: a throttle.
  { code: 'FUNCTION_EXCEED_RESOURCE_LIMIT', kind: 'rate_limited' },
  // 云托管相关错误
  { code: 'SERVICE_NOT_FOUND', kind: 'not_found' },
  { code: 'SERVICE_RESOURCE_NOT_FOUND', kind: 'not_found' },
  { code: 'SERVICE_VERSION_NOT_FOUND', kind: 'not_found' },
  // No upstream to forward to (instances scaled to zero or starting): nothing reached the app.
  { code: 'SERVICE_ENDPOINT_NOT_FOUND', kind: 'unavailable' },
  { code: 'SERVICE_LB_STATUS_ABNORMAL', kind: 'unavailable' },
  // Suspended for an unpaid bill: paying is the fix, as LeanCloud 160 and HTTP 402.
  { code: 'SERVICE_CHARGE_OVERDUE', kind: 'quota_exceeded' },
  { code: 'SERVICE_NOT_READY', kind: 'unavailable' },
  { code: 'SERVICE_TIMEOUT', kind: 'timeout' },
  // 云存储错误
  { code: 'STORAGE_REQUEST_FAIL', kind: 'internal' },
  { code: 'EXCEED_UPLOAD_MAXFILESIZE', kind: 'invalid_request' },
  { code: 'STORAGE_SIGN_PARAM_INVALID', kind: 'invalid_request' },
  { code: 'STORAGE_EXCEED_AUTHORITY', kind: 'permission_denied' },
  { code: 'STORAGE_FILE_NONEXIST', kind: 'not_found' },
  { code: 'STORAGE_FILE_PATH_CONFLICT', kind: 'conflict' },
  { code: 'OBJECT_NOT_EXIST', kind: 'not_found' },
  { code: 'OBJECT_ALREADY_EXIST', kind: 'conflict' },
  { code: 'OBJECT_BATCH_TOO_LARGE', kind: 'invalid_request' },
  { code: 'COS_ACTION_FAILED', kind: 'internal' },
  // Signed temporary links: the signature is part of the URL, so a credential refresh cannot fix
  // one; the app must ask getTempFileURL for a new link.
  { code: 'CDN_SIGNATURE_MISSING', kind: 'unauthenticated' },
  { code: 'CDN_INVALID_SIGNATURE', kind: 'unauthenticated' },
  { code: 'CDN_SIGNATURE_EXPIRED', kind: 'unauthenticated' },
  // 静态托管相关错误
  { code: 'STATIC_RESOURCE_NONACTIVATED', kind: 'configuration' },
  { code: 'STATIC_RESOURCE_TOO_MANY_REDIRECTS', kind: 'configuration' },
  { code: 'STATIC_RESOURCE_REQUESTS_FAILED', kind: 'internal' },
  // 大模型调用相关错误
  { code: 'AI_MODEL_NOT_FOUND', kind: 'not_found' },
  { code: 'AI_MODEL_CONFIG_MISSING', kind: 'configuration' },
  // The upstream model failed, as a 502 would: it may have run, so only idempotent calls retry.
  { code: 'AI_MODEL_REQUEST_FAILED', kind: 'unavailable', retry: 'idempotent' },
  { code: 'AI_MODEL_DISABLED', kind: 'configuration' },
  // Quota, not throttle, whatever the HTTP status (a 429 included): the body code says so.
  { code: 'EXCEED_TOKEN_QUOTA_LIMIT', kind: 'quota_exceeded' },
  { code: 'APIs_GET_OPENAPI_SCHEMA_ERROR', kind: 'internal' },
];
