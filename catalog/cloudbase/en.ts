import type { CatalogText } from '../../src/catalog-types.js';

/** CloudBase: what each code means (the document's 含义 in English) and what to do next. */
export const cloudbaseEn: CatalogText = {
  catalog: 'cloudbase',
  lang: 'en',
  rows: {
    'AUTH_INVALID_CUSTOM_LOGIN_TICKET': [
      'The custom login ticket is invalid (malformed, expired, failed verification, etc.)',
      'Issue a new ticket on your server with the current private key.',
    ],
    'AUTH_WX_OAUTH_FAILED': [
      'WeChat OAuth failed',
      'Restart WeChat authorization; check the AppID bound in the console.',
    ],
    'AUTH_CUSTOM_USER_ID_HAS_BEEN_BOUND': [
      'The CustomUserId is already linked to an account',
      'Sign in with the account it is bound to, or unbind it first.',
    ],
    'AUTH_OPEN_ID_HAS_BEEN_BOUND': [
      'The openId is already linked to an account',
      'Sign in with the account it is bound to, or unbind it first.',
    ],
    'AUTH_UNION_ID_HAS_BEEN_BOUND': [
      'The unionId is already linked to an account',
      'Sign in with the account it is bound to, or unbind it first.',
    ],
    'AUTH_EMAIL_HAS_BEEN_BOUND': [
      'The email is already linked to an account',
      'Sign in with the account it is bound to, or unbind it first.',
    ],
    'INVALID_EMAIL_TOKEN': [
      'The email activation token has expired or does not exist',
      'Send the user a new activation email.',
    ],
    'AUTH_LOGIN_FAILED': [
      'Login failed',
      'Ask the user to check the credentials and sign in again.',
    ],
    'INVALID_ACCESS_TOKEN': [
      'Invalid access token',
      'Sign the user in again to get new tokens.',
    ],
    'ACCESS_TOKEN_DISABLED': [
      'The access token has been disabled',
      'Sign the user in again to get new tokens.',
    ],
    'REFRESH_TOKEN_DISABLED': [
      'The refresh token has been disabled',
      'Sign the user in again to get new tokens.',
    ],
    'PHONE_CODE_NOT_MATCHED': [
      'The SMS verification code does not match',
      'Ask the user to re-enter the code.',
    ],
    'PHONE_CODE_NOTFOUND_OR_EXPIRED': [
      'The SMS verification code was not found or has expired',
      'Send a new code and have the user enter it.',
    ],
    'PHONE_CODE_SEND_LIMIT_EXCEED': [
      'The number of SMS verification codes sent exceeds the limit',
      'Show the user a cooldown and let them try later; never resend automatically.',
    ],
    'MISSING_CREDENTIALS': [
      'The request headers lack the required authentication information',
      'Sign in (anonymously if need be) before calling.',
    ],
    'INVALID_CREDENTIALS': [
      'Authentication failed: the user information did not verify',
      'Ask the user to check the credentials and sign in again.',
    ],
    'ACCESS_TOKEN_INVALID': [
      'The authentication information in the request headers is invalid',
      'Sign the user in again to get new tokens.',
    ],
    'ACCESS_TOKEN_KID_INVALID': [
      'The Key ID (kid) of the access token is invalid',
      'Sign in again for a token signed with the current key; check the env id.',
    ],
    'ACTION_FORBIDDEN': [
      'The current identity has no permission to perform this operation',
      'Grant the permission in the console (security rules, roles), or call from a cloud function.',
    ],
    'WX_WEBSOCKET_TOKEN_EXPIRED': [
      'The token of the WeChat WebSocket connection has expired',
      'Get a new token, then reconnect.',
    ],
    'WX_HEADER_GET_FAILED': [
      'Failed to get the WeChat request headers',
      'Call through wx.cloud from the mini program so WeChat headers are attached.',
    ],
    'UNSUPPORTED_AUTH_TYPE': [
      'The request used an unsupported authentication type',
      'Use a login method enabled for this environment in the console.',
    ],
    'AUTHENTICATION_FAILED': [
      'Request authentication failed',
      'Check the env id, keys or token the request sends.',
    ],
    'ACCESS_TOKEN_EXPIRED': [
      'The access token has expired',
      'Refresh the access token with the refresh token, then send the request once more (the official SDK does this itself).',
    ],
    'REFRESH_TOKEN_EXPIRED': [
      'The refresh token has expired',
      'Sign the user in again to get new tokens.',
    ],
    'INVALID_REFRESH_TOKEN': [
      'The refresh token is invalid',
      'Sign the user in again to get new tokens (an anonymous user signs in anonymously again).',
    ],
    'invalid_grant': [
      'The grant (refresh token, code or password) is invalid, expired or revoked: the OAuth error a failed token refresh gets',
      'Sign the user in again to get new tokens.',
    ],
    'DATABASE_REQUEST_FAILED': [
      'Database request failed; generic database error',
      'Generic code: read the message for the cause, do not branch on it; retry only idempotent calls.',
    ],
    'DATABASE_INVALID_OPERRATOR': [
      'Unsupported operation or invalid database operator',
      'Use only the db.command operators the SDK documents.',
    ],
    'DATABASE_PERMISSION_DENIED': [
      'No permission to operate on the database resource',
      "Adjust the collection's security rules, or write from a cloud function.",
    ],
    'DATABASE_COLLECTION_EXCEED_LIMIT': [
      'The number of database collections exceeds the limit',
      'Delete unused collections or upgrade the plan.',
    ],
    'DATABASE_COLLECTION_NOT_EXIST': [
      'The collection operated on does not exist',
      'Create the collection first; check the env id.',
    ],
    'DATABASE_COLLECTION_ALREADY_EXIST': [
      'The collection already exists when creating it',
      'Treat it as created and go on.',
    ],
    'DATABASE_TIMEOUT': [
      'Database request timed out',
      'Add an index or narrow the query; check a write applied before resending it.',
    ],
    'DATABASE_TRANSACTION_FAIL': [
      'Database transaction request failed',
      'Rerun the whole transaction (runTransaction retries); keep it short.',
    ],
    'DATABASE_TRANSACTION_CONFLICT': [
      'Conflict between database transactions',
      'Rerun the whole transaction, not the call; runTransaction does it.',
    ],
    'DATABASE_DUPLICATE_WRITE': [
      'Database write failed: duplicate index key (e.g. inserting data with the same _id)',
      'Use a new _id or unique value, or update the existing record.',
    ],
    'FUNCTIONS_EXECUTE_FAIL': [
      'Cloud function execution failed; generic cloud function error',
      'Read the function logs in the console and fix what it threw.',
    ],
    'FUNCTIONS_TIME_LIMIT_EXCEEDED': [
      'Cloud function execution timed out',
      'Raise the function timeout or make the work async; retry only idempotent calls.',
    ],
    'FUNCTIONS_MEMORY_LIMIT_EXCEEDED': [
      'Cloud function memory exceeded the limit',
      'Raise the function memory in the console or process data in chunks.',
    ],
    'FUNCTION_NOT_FOUND': [
      'Cloud function not found',
      'Deploy the function; check its name and the env id.',
    ],
    'FUNCTIONS_STATUS_ABNORMITY': [
      'Cloud function status is abnormal',
      'Wait for the deployment to finish; if it stays abnormal, redeploy.',
    ],
    'FUNCTION_INVOCATION_FAILED': [
      'Calling the cloud function timed out or failed',
      'Check the function logs; retry only idempotent calls.',
    ],
    'FUNCTION_QUALIFIER_NOT_FOUND': [
      'The function version to access does not exist',
      'Publish that version or alias, or call $LATEST.',
    ],
    'FUNCTION_STATUS_ABNORMAL': [
      'Function status is abnormal',
      'Wait for the deployment to finish; if it stays abnormal, redeploy.',
    ],
    'FUNCTION_TIME_LIMIT_EXCEEDED': [
      'Function execution timed out',
      'Raise the function timeout or make the work async; retry only idempotent calls.',
    ],
    'FUNCTION_MEMORY_LIMIT_EXCEEDED': [
      'Function execution memory exceeded the limit',
      'Raise the function memory in the console or process data in chunks.',
    ],
    'FUNCTION_EXECUTE_FAIL': [
      'Function execution failed',
      'Read the function logs in the console and fix what it threw.',
    ],
    'FUNCTION_PARAM_INVALID': [
      'The parameters of the function call are invalid',
      'Pass a JSON-serializable data object the function expects.',
    ],
    'FUNCTION_EXCEED_RESOURCE_LIMIT': [
      "The request rate exceeds the function's provisioned concurrency",
      'Back off and retry; raise provisioned concurrency or smooth the load.',
    ],
    'SERVICE_NOT_FOUND': [
      'No matching CloudBase Run service was found',
      'Check the service name and env id, and that it is deployed.',
    ],
    'SERVICE_RESOURCE_NOT_FOUND': [
      'No matching resource was found; check the service and version status',
      'Check the service name and env id, and that it is deployed.',
    ],
    'SERVICE_VERSION_NOT_FOUND': [
      'No matching CloudBase Run service version was found',
      'Deploy a version and route traffic to it.',
    ],
    'SERVICE_ENDPOINT_NOT_FOUND': [
      'No available upstream address was found for the CloudBase Run service',
      'Retry with backoff; if it lasts, check instances are running.',
    ],
    'SERVICE_LB_STATUS_ABNORMAL': [
      'The CloudBase Run load balancer status is abnormal',
      'Retry with backoff; if it lasts, contact support.',
    ],
    'SERVICE_CHARGE_OVERDUE': [
      'Suspended for overdue payment; please top up promptly',
      'Top up the account in the console.',
    ],
    'SERVICE_NOT_READY': [
      'The CloudBase Run service is not ready; it may be cold-starting',
      'Retry after a short backoff; keep a minimum instance to avoid cold starts.',
    ],
    'SERVICE_TIMEOUT': [
      'The CloudBase Run service response timed out',
      'Speed up the handler or raise its timeout.',
    ],
    'STORAGE_REQUEST_FAIL': [
      'Cloud storage request failed; generic cloud storage error',
      'Generic code: read the message for the cause, do not branch on it; retry only idempotent calls.',
    ],
    'EXCEED_UPLOAD_MAXFILESIZE': [
      'The uploaded file exceeds the cloud storage size limit',
      'Compress or split the file before upload.',
    ],
    'STORAGE_SIGN_PARAM_INVALID': [
      'Failed to parse the cloud storage file metadata',
      "Upload with the SDK's uploadFile.",
    ],
    'STORAGE_EXCEED_AUTHORITY': [
      'The current user has no permission to operate on the cloud storage resource',
      'Adjust the storage security rules, or use a cloud function.',
    ],
    'STORAGE_FILE_NONEXIST': [
      'The cloud storage file does not exist',
      'Check the fileID and env id; it may be deleted.',
    ],
    'STORAGE_FILE_PATH_CONFLICT': [
      'Cloud storage file path conflict',
      'Upload to another path, or delete the old file first.',
    ],
    'OBJECT_NOT_EXIST': [
      'The requested object does not exist; the operation cannot be performed',
      'Check the object key and bucket.',
    ],
    'OBJECT_ALREADY_EXIST': [
      'The object already exists; the operation cannot be performed',
      'Use a new key, or delete the existing object first.',
    ],
    'OBJECT_BATCH_TOO_LARGE': [
      'Too many objects in a single batch operation',
      'Split it into smaller batches.',
    ],
    'COS_ACTION_FAILED': [
      'Object storage operation failed',
      'Retry idempotent calls a few times; if it persists, report the request id.',
    ],
    'CDN_SIGNATURE_MISSING': [
      'The signature of the current access link is missing',
      'Use the signed temporary URL from getTempFileURL.',
    ],
    'CDN_INVALID_SIGNATURE': [
      'The signature of the current access link is incorrect',
      'Use the signed temporary URL from getTempFileURL.',
    ],
    'CDN_SIGNATURE_EXPIRED': [
      'The signature of the current access link has expired',
      'Get a new link from getTempFileURL, then request again.',
    ],
    'STATIC_RESOURCE_NONACTIVATED': [
      'Static website hosting is not enabled',
      'Enable static website hosting in the console.',
    ],
    'STATIC_RESOURCE_TOO_MANY_REDIRECTS': [
      'Too many redirects; there may be a redirect loop',
      'Fix the redirect rules in the hosting settings.',
    ],
    'STATIC_RESOURCE_REQUESTS_FAILED': [
      'Request for the static hosting resource failed',
      'Retry with backoff; check the file is deployed.',
    ],
    'AI_MODEL_NOT_FOUND': [
      'The specified model group was not found',
      'Check the group name, or create it in the console.',
    ],
    'AI_MODEL_CONFIG_MISSING': [
      'Missing configuration needed to call the model, such as the API Key',
      'Set the API key and model settings in the console.',
    ],
    'AI_MODEL_REQUEST_FAILED': [
      'The request to the large model failed',
      "Retry with backoff; check the model provider's status.",
    ],
    'AI_MODEL_DISABLED': [
      'The model has been disabled',
      'Re-enable it in the console or switch models.',
    ],
    'EXCEED_TOKEN_QUOTA_LIMIT': [
      'Large model token usage has exceeded the quota',
      'Raise the token quota, or wait for it to reset.',
    ],
    'APIs_GET_OPENAPI_SCHEMA_ERROR': [
      'Failed to get the OpenAPI Schema',
      'Check the OpenAPI schema of the API resource is reachable and valid.',
    ],
  },
};
