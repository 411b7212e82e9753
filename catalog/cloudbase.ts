import type { Catalog, CatalogEntry } from '../src/catalog.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';

/*
 * Tencent CloudBase (云开发) error codes, from its error-code document (seeds/003), grouped by
 * service as there. Each code is its own name; `message` and `description.zh` are the
 * document's Chinese text verbatim, `description.en` its translation.
 */

/** Advice as [en, zh]. */
type Advice = readonly [en: string, zh: string];
type Row = readonly [code: string, kind: ErrorKind, retry: RetrySemantics, message: string, en: string, advice: Advice];

const LOGIN: Advice = [
  'Sign the user in again to get new tokens.',
  '让用户重新登录以获取新令牌。',
];
const RECHECK: Advice = [
  'Ask the user to check the credentials and sign in again.',
  '请用户核对凭据后重新登录。',
];
const BOUND: Advice = [
  'Sign in with the account it is bound to, or unbind it first.',
  '改用已绑定的帐户登录，或先解除绑定。',
];
const GENERIC: Advice = [
  'Generic code: read the message for the cause, do not branch on it; retry only idempotent calls.',
  '通用错误码：按错误信息排查，勿据此判断；仅重试幂等调用。',
];
const FN: Advice = [
  'Read the function logs in the console and fix what it threw.',
  '在控制台查看函数日志，修复其抛出的错误。',
];
const FN_TIMEOUT: Advice = [
  'Raise the function timeout or make the work async; retry only idempotent calls.',
  '调大函数超时或改为异步处理；仅重试幂等调用。',
];
const FN_MEM: Advice = [
  'Raise the function memory in the console or process data in chunks.',
  '在控制台调大函数内存，或分批处理数据。',
];
const FN_STATUS: Advice = [
  'Wait for the deployment to finish; if it stays abnormal, redeploy.',
  '等待部署完成；持续异常时重新部署。',
];
const SVC_NF: Advice = [
  'Check the service name and env id, and that it is deployed.',
  '检查服务名与环境 ID，并确认已部署。',
];
const TEMP_URL: Advice = [
  'Use the signed temporary URL from getTempFileURL.',
  '使用 getTempFileURL 返回的带签名临时链接。',
];
const INT: Advice = [
  'Retry idempotent calls a few times; if it persists, report the request id.',
  '幂等调用可少量重试；持续出现时提交请求 ID。',
];

const rows: readonly Row[] = [
  // 登录认证错误
  ['AUTH_INVALID_CUSTOM_LOGIN_TICKET', 'unauthenticated', 'never', '自定义登录凭证非法(格式错误、过期、校验失败等)',
    'The custom login ticket is invalid (malformed, expired, failed verification, etc.)',
    ['Issue a new ticket on your server with the current private key.', '在服务端用当前私钥重新签发凭证。']],
  ['AUTH_WX_OAUTH_FAILED', 'unauthenticated', 'never', '微信 OAuth 失败',
    'WeChat OAuth failed',
    ['Restart WeChat authorization; check the AppID bound in the console.', '重新发起微信授权；检查控制台绑定的 AppID。']],
  ['AUTH_CUSTOM_USER_ID_HAS_BEEN_BOUND', 'conflict', 'never', 'CustomUserId 已关联帐户',
    'The CustomUserId is already linked to an account',
    BOUND],
  ['AUTH_OPEN_ID_HAS_BEEN_BOUND', 'conflict', 'never', 'openId 已关联帐户',
    'The openId is already linked to an account',
    BOUND],
  ['AUTH_UNION_ID_HAS_BEEN_BOUND', 'conflict', 'never', 'unionId 已关联帐户',
    'The unionId is already linked to an account',
    BOUND],
  ['AUTH_EMAIL_HAS_BEEN_BOUND', 'conflict', 'never', 'email 已关联帐户',
    'The email is already linked to an account',
    BOUND],
  ['INVALID_EMAIL_TOKEN', 'unauthenticated', 'never', '邮箱激活 token 过期或者不存在',
    'The email activation token has expired or does not exist',
    ['Send the user a new activation email.', '给用户重新发送激活邮件。']],
  ['AUTH_LOGIN_FAILED', 'unauthenticated', 'never', '登录失败',
    'Login failed',
    RECHECK],
  // Invalid or revoked tokens: a refresh cannot make them valid, only a new sign-in.
  ['INVALID_ACCESS_TOKEN', 'unauthenticated', 'never', '非法的访问令牌',
    'Invalid access token',
    LOGIN],
  ['ACCESS_TOKEN_DISABLED', 'unauthenticated', 'never', '访问令牌已禁用',
    'The access token has been disabled',
    LOGIN],
  ['REFRESH_TOKEN_DISABLED', 'unauthenticated', 'never', '刷新令牌已禁用',
    'The refresh token has been disabled',
    LOGIN],
  ['PHONE_CODE_NOT_MATCHED', 'invalid_request', 'never', '手机验证码不匹配',
    'The SMS verification code does not match',
    ['Ask the user to re-enter the code.', '请用户重新输入验证码。']],
  ['PHONE_CODE_NOTFOUND_OR_EXPIRED', 'invalid_request', 'never', '手机验证码未找到或已过期',
    'The SMS verification code was not found or has expired',
    ['Send a new code and have the user enter it.', '重新发送验证码让用户输入。']],
  // The text counts sends (次数), not a request rate: the cap resets over a period far longer
  // than a retry loop, and every automatic resend would spend more of it.
  ['PHONE_CODE_SEND_LIMIT_EXCEED', 'quota_exceeded', 'never', '手机验证码发送次数超限',
    'The number of SMS verification codes sent exceeds the limit',
    ['Show the user a cooldown and let them try later; never resend automatically.', '向用户显示冷却时间，稍后再试；不要自动重发。']],
  ['MISSING_CREDENTIALS', 'unauthenticated', 'never', '请求头中缺少必要的身份鉴权信息',
    'The request headers lack the required authentication information',
    ['Sign in (anonymously if need be) before calling.', '调用前先登录（必要时匿名登录）。']],
  ['INVALID_CREDENTIALS', 'unauthenticated', 'never', '身份认证失败,用户信息校验失败',
    'Authentication failed: the user information did not verify',
    RECHECK],
  ['ACCESS_TOKEN_INVALID', 'unauthenticated', 'never', '请求头中身份认证信息无效',
    'The authentication information in the request headers is invalid',
    LOGIN],
  ['ACCESS_TOKEN_KID_INVALID', 'unauthenticated', 'never', '访问令牌的 Key ID (kid) 无效',
    'The Key ID (kid) of the access token is invalid',
    ['Sign in again for a token signed with the current key; check the env id.', '重新登录获取用当前密钥签发的令牌；检查环境 ID。']],
  ['ACTION_FORBIDDEN', 'permission_denied', 'never', '当前身份无权限执行该操作',
    'The current identity has no permission to perform this operation',
    ['Grant the permission in the console (security rules, roles), or call from a cloud function.', '在控制台（安全规则、角色）授权，或改在云函数中调用。']],
  ['WX_WEBSOCKET_TOKEN_EXPIRED', 'session_expired', 'after-refresh', '微信 WebSocket 连接的令牌已过期',
    'The token of the WeChat WebSocket connection has expired',
    ['Get a new token, then reconnect.', '获取新令牌后重新连接。']],
  // The gateway could not read the WeChat identity headers: no identity, so no retry.
  ['WX_HEADER_GET_FAILED', 'unauthenticated', 'never', '获取微信请求头失败',
    'Failed to get the WeChat request headers',
    ['Call through wx.cloud from the mini program so WeChat headers are attached.', '在小程序中通过 wx.cloud 调用，以带上微信请求头。']],
  ['UNSUPPORTED_AUTH_TYPE', 'unauthenticated', 'never', '请求使用了不支持的认证类型',
    'The request used an unsupported authentication type',
    ['Use a login method enabled for this environment in the console.', '改用控制台中为该环境启用的登录方式。']],
  ['AUTHENTICATION_FAILED', 'unauthenticated', 'never', '请求鉴权失败',
    'Request authentication failed',
    ['Check the env id, keys or token the request sends.', '检查请求携带的环境 ID、密钥或令牌。']],
  // 数据库错误
  ['DATABASE_REQUEST_FAILED', 'internal', 'idempotent', '数据库请求失败,数据库通用错误',
    'Database request failed; generic database error',
    GENERIC],
  ['DATABASE_INVALID_OPERRATOR', 'invalid_request', 'never', '不支持的操作、非法的数据库操作符',
    'Unsupported operation or invalid database operator',
    ['Use only the db.command operators the SDK documents.', '只使用 SDK 文档中的 db.command 操作符。']],
  ['DATABASE_PERMISSION_DENIED', 'permission_denied', 'never', '无权限操作数据库资源',
    'No permission to operate on the database resource',
    ['Adjust the collection\'s security rules, or write from a cloud function.', '调整集合安全规则，或改在云函数中操作。']],
  ['DATABASE_COLLECTION_EXCEED_LIMIT', 'quota_exceeded', 'never', '数据库集合数量超限',
    'The number of database collections exceeds the limit',
    ['Delete unused collections or upgrade the plan.', '删除不用的集合或升级套餐。']],
  ['DATABASE_COLLECTION_NOT_EXIST', 'not_found', 'never', '操作集合不存在',
    'The collection operated on does not exist',
    ['Create the collection first; check the env id.', '先创建集合；检查环境 ID。']],
  ['DATABASE_COLLECTION_ALREADY_EXIST', 'conflict', 'never', '创建集合的时候,集合已存在',
    'The collection already exists when creating it',
    ['Treat it as created and go on.', '视为已创建，继续执行。']],
  ['DATABASE_TIMEOUT', 'timeout', 'idempotent', '数据库请求超时',
    'Database request timed out',
    ['Add an index or narrow the query; check a write applied before resending it.', '加索引或缩小查询；重发写操作前先确认是否已生效。']],
  ['DATABASE_TRANSACTION_FAIL', 'internal', 'idempotent', '数据库事务请求失败',
    'Database transaction request failed',
    ['Rerun the whole transaction (runTransaction retries); keep it short.', '重新执行整个事务（runTransaction 会重试），并保持事务简短。']],
  // Replaying one call of an aborted transaction cannot succeed; the whole transaction must rerun.
  ['DATABASE_TRANSACTION_CONFLICT', 'conflict', 'never', '数据库事务间冲突',
    'Conflict between database transactions',
    ['Rerun the whole transaction, not the call; runTransaction does it.', '重新执行整个事务而非单个调用；runTransaction 会处理。']],
  ['DATABASE_DUPLICATE_WRITE', 'conflict', 'never', '写数据库失败,索引键重复(例如插入相同 _id 的数据)',
    'Database write failed: duplicate index key (e.g. inserting data with the same _id)',
    ['Use a new _id or unique value, or update the existing record.', '换用新的 _id 或唯一值，或更新已有记录。']],
  // 云函数错误
  // A failing function is usually the function's own throw (often a business error), and a
  // replay repeats its side effects: never retried, as Parse 141.
  ['FUNCTIONS_EXECUTE_FAIL', 'internal', 'never', '云函数执行失败,云函数通用错误',
    'Cloud function execution failed; generic cloud function error',
    FN],
  ['FUNCTIONS_TIME_LIMIT_EXCEEDED', 'timeout', 'idempotent', '云函数执行超时',
    'Cloud function execution timed out',
    FN_TIMEOUT],
  ['FUNCTIONS_MEMORY_LIMIT_EXCEEDED', 'quota_exceeded', 'never', '云函数运行内存超限',
    'Cloud function memory exceeded the limit',
    FN_MEM],
  ['FUNCTION_NOT_FOUND', 'not_found', 'never', '云函数未找到',
    'Cloud function not found',
    ['Deploy the function; check its name and the env id.', '部署该函数；检查函数名与环境 ID。']],
  // Not in a runnable state (e.g. still deploying): the call was not run, so any call may retry.
  ['FUNCTIONS_STATUS_ABNORMITY', 'unavailable', 'always', '云函数状态异常',
    'Cloud function status is abnormal',
    FN_STATUS],
  ['FUNCTION_INVOCATION_FAILED', 'internal', 'idempotent', '调用云函数超时或者失败',
    'Calling the cloud function timed out or failed',
    ['Check the function logs; retry only idempotent calls.', '查看函数日志；仅重试幂等调用。']],
  ['FUNCTION_QUALIFIER_NOT_FOUND', 'not_found', 'never', '指定访问的函数版本不存在',
    'The function version to access does not exist',
    ['Publish that version or alias, or call $LATEST.', '发布该版本或别名，或调用 $LATEST。']],
  ['FUNCTION_STATUS_ABNORMAL', 'unavailable', 'always', '函数状态异常',
    'Function status is abnormal',
    FN_STATUS],
  ['FUNCTION_TIME_LIMIT_EXCEEDED', 'timeout', 'idempotent', '函数执行超时',
    'Function execution timed out',
    FN_TIMEOUT],
  ['FUNCTION_MEMORY_LIMIT_EXCEEDED', 'quota_exceeded', 'never', '函数执行内存超出限制',
    'Function execution memory exceeded the limit',
    FN_MEM],
  ['FUNCTION_EXECUTE_FAIL', 'internal', 'never', '执行函数失败',
    'Function execution failed',
    FN],
  ['FUNCTION_PARAM_INVALID', 'invalid_request', 'never', '调用函数的参数异常',
    'The parameters of the function call are invalid',
    ['Pass a JSON-serializable data object the function expects.', '传入函数所需、可 JSON 序列化的 data 对象。']],
  // The text names a request rate (频率) against provisioned concurrency: a throttle.
  ['FUNCTION_EXCEED_RESOURCE_LIMIT', 'rate_limited', 'always', '请求频率超过函数预置并发',
    'The request rate exceeds the function\'s provisioned concurrency',
    ['Back off and retry; raise provisioned concurrency or smooth the load.', '退避后重试；调高预置并发或平滑流量。']],
  // 云托管相关错误
  ['SERVICE_NOT_FOUND', 'not_found', 'never', '未找到对应的云托管服务',
    'No matching CloudBase Run service was found',
    SVC_NF],
  ['SERVICE_RESOURCE_NOT_FOUND', 'not_found', 'never', '未找到对应的资源,请检查服务和版本状态',
    'No matching resource was found; check the service and version status',
    SVC_NF],
  ['SERVICE_VERSION_NOT_FOUND', 'not_found', 'never', '找不到匹配的云托管服务版本',
    'No matching CloudBase Run service version was found',
    ['Deploy a version and route traffic to it.', '部署版本并为其分配流量。']],
  // No upstream to forward to (instances scaled to zero or starting): nothing reached the app.
  ['SERVICE_ENDPOINT_NOT_FOUND', 'unavailable', 'always', '找不到云托管服务可用的上游地址',
    'No available upstream address was found for the CloudBase Run service',
    ['Retry with backoff; if it lasts, check instances are running.', '退避后重试；持续出现时检查实例是否在运行。']],
  ['SERVICE_LB_STATUS_ABNORMAL', 'unavailable', 'always', '云托管负载均衡状态异常',
    'The CloudBase Run load balancer status is abnormal',
    ['Retry with backoff; if it lasts, contact support.', '退避后重试；持续出现时联系客服。']],
  // Suspended for an unpaid bill: an account state only the console can change.
  ['SERVICE_CHARGE_OVERDUE', 'configuration', 'never', '欠费停机,请及时充值',
    'Suspended for overdue payment; please top up promptly',
    ['Top up the account in the console.', '在控制台为帐户充值。']],
  ['SERVICE_NOT_READY', 'unavailable', 'always', '云托管服务处于未就绪状态,可能正在冷启动',
    'The CloudBase Run service is not ready; it may be cold-starting',
    ['Retry after a short backoff; keep a minimum instance to avoid cold starts.', '短暂退避后重试；设置最小实例数以避免冷启动。']],
  ['SERVICE_TIMEOUT', 'timeout', 'idempotent', '云托管服务响应超时',
    'The CloudBase Run service response timed out',
    ['Speed up the handler or raise its timeout.', '优化处理逻辑或调大超时。']],
  // 云存储错误
  ['STORAGE_REQUEST_FAIL', 'internal', 'idempotent', '云存储请求失败,云存储通用错误',
    'Cloud storage request failed; generic cloud storage error',
    GENERIC],
  ['EXCEED_UPLOAD_MAXFILESIZE', 'invalid_request', 'never', '云存储上传文件大小超限',
    'The uploaded file exceeds the cloud storage size limit',
    ['Compress or split the file before upload.', '上传前压缩或拆分文件。']],
  ['STORAGE_SIGN_PARAM_INVALID', 'invalid_request', 'never', '云存储文件元数据解析失败',
    'Failed to parse the cloud storage file metadata',
    ['Upload with the SDK\'s uploadFile.', '使用 SDK 的 uploadFile 上传。']],
  ['STORAGE_EXCEED_AUTHORITY', 'permission_denied', 'never', '当前用户无权限操作云存储资源',
    'The current user has no permission to operate on the cloud storage resource',
    ['Adjust the storage security rules, or use a cloud function.', '调整云存储安全规则，或改用云函数。']],
  ['STORAGE_FILE_NONEXIST', 'not_found', 'never', '云存储文件不存在',
    'The cloud storage file does not exist',
    ['Check the fileID and env id; it may be deleted.', '检查 fileID 与环境 ID，文件可能已删除。']],
  ['STORAGE_FILE_PATH_CONFLICT', 'conflict', 'never', '云存储文件路径冲突',
    'Cloud storage file path conflict',
    ['Upload to another path, or delete the old file first.', '换路径上传，或先删除旧文件。']],
  ['OBJECT_NOT_EXIST', 'not_found', 'never', '请求的对象不存在,无法执行指定操作',
    'The requested object does not exist; the operation cannot be performed',
    ['Check the object key and bucket.', '检查对象键与存储桶。']],
  ['OBJECT_ALREADY_EXIST', 'conflict', 'never', '对象已经存在,无法执行指定操作',
    'The object already exists; the operation cannot be performed',
    ['Use a new key, or delete the existing object first.', '换用新键，或先删除已有对象。']],
  ['OBJECT_BATCH_TOO_LARGE', 'invalid_request', 'never', '单次批量操作的对象数量过多',
    'Too many objects in a single batch operation',
    ['Split it into smaller batches.', '拆成更小的批次。']],
  ['COS_ACTION_FAILED', 'internal', 'idempotent', '对象存储操作执行失败',
    'Object storage operation failed',
    INT],
  ['CDN_SIGNATURE_MISSING', 'unauthenticated', 'never', '当前访问链接的签名缺失',
    'The signature of the current access link is missing',
    TEMP_URL],
  ['CDN_INVALID_SIGNATURE', 'unauthenticated', 'never', '当前访问链接的签名不正确',
    'The signature of the current access link is incorrect',
    TEMP_URL],
  // An expired signed link is renewed like a token: fetch a new link, then retry once.
  ['CDN_SIGNATURE_EXPIRED', 'session_expired', 'after-refresh', '当前访问链接的签名已过期',
    'The signature of the current access link has expired',
    ['Get a new link from getTempFileURL, then request again.', '重新调用 getTempFileURL 获取链接后再请求。']],
  // 静态托管相关错误
  ['STATIC_RESOURCE_NONACTIVATED', 'configuration', 'never', '未开启静态网站托管服务',
    'Static website hosting is not enabled',
    ['Enable static website hosting in the console.', '在控制台开通静态网站托管。']],
  ['STATIC_RESOURCE_TOO_MANY_REDIRECTS', 'configuration', 'never', '请求重定向次数过多,可能存在重定向死循环',
    'Too many redirects; there may be a redirect loop',
    ['Fix the redirect rules in the hosting settings.', '修正托管设置中的重定向规则。']],
  ['STATIC_RESOURCE_REQUESTS_FAILED', 'internal', 'idempotent', '请求静态托管资源失败',
    'Request for the static hosting resource failed',
    ['Retry with backoff; check the file is deployed.', '退避后重试；检查文件是否已部署。']],
  // 大模型调用相关错误
  ['AI_MODEL_NOT_FOUND', 'not_found', 'never', '未找到指定模型分组',
    'The specified model group was not found',
    ['Check the group name, or create it in the console.', '检查分组名，或在控制台创建。']],
  ['AI_MODEL_CONFIG_MISSING', 'configuration', 'never', '缺少 API Key 等调用模型的必要配置',
    'Missing configuration needed to call the model, such as the API Key',
    ['Set the API key and model settings in the console.', '在控制台填写 API Key 等模型配置。']],
  // The upstream model failed, as a 502 would: it may have run, so only idempotent calls retry.
  ['AI_MODEL_REQUEST_FAILED', 'unavailable', 'idempotent', '请求大模型失败',
    'The request to the large model failed',
    ['Retry with backoff; check the model provider\'s status.', '退避后重试；检查模型服务商状态。']],
  ['AI_MODEL_DISABLED', 'configuration', 'never', '模型已停用',
    'The model has been disabled',
    ['Re-enable it in the console or switch models.', '在控制台重新启用，或换用其他模型。']],
  ['EXCEED_TOKEN_QUOTA_LIMIT', 'quota_exceeded', 'never', '大模型 Token 用量已超出配额',
    'Large model token usage has exceeded the quota',
    ['Raise the token quota, or wait for it to reset.', '提高 Token 配额，或等待配额重置。']],
  ['APIs_GET_OPENAPI_SCHEMA_ERROR', 'internal', 'idempotent', '获取 OpenAPI Schema 失败',
    'Failed to get the OpenAPI Schema',
    ['Check the OpenAPI schema of the API resource is reachable and valid.', '检查 API 资源的 OpenAPI Schema 是否可访问且有效。']],
];

function entry([code, kind, retry, message, en, [adviceEn, adviceZh]]: Row): CatalogEntry {
  return {
    provider: 'cloudbase',
    code,
    names: [code],
    kind,
    retry,
    message,
    description: { en, zh: message },
    advice: { en: adviceEn, zh: adviceZh },
  };
}

export const cloudbase: Catalog = { provider: 'cloudbase', entries: /* @__PURE__ */ rows.map(entry) };

