import type { Catalog, CatalogEntry } from '../src/catalog.js';
import type { ErrorKind, RetrySemantics } from '../src/kinds.js';

/** [kind, retry, advice en, advice zh]: what the row means for a retry and what to do next. */
type Group = readonly [ErrorKind, RetrySemantics, string, string];
/** A row of the status table: [status, reason phrase, doc text (zh), en, group]. */
type StatusRow = readonly [number, string, string, string, Group];
/**
 * A row of the error table: [status, `error`, `error_description`, doc text (zh), en, group].
 * The presence rows have no `error` in the document: their `error_description` is the code. Other
 * rows keep `error_description` (as a second name) only where it tells apart rows sharing `error`
 * and status, e.g. the seven 403 `forbidden_op` rows; elsewhere it is '' to save bytes.
 */
type ErrorRow = readonly [number, string, string, string, string, Group];

// --- shared by several rows ---
const FIX: Group = ['invalid_request', 'never', 'Check the URL, headers and JSON body against the API reference; see error_description.', '对照接口文档检查 URL、请求头与 JSON 请求体，详见 error_description。'];
const FIELD: Group = ['invalid_request', 'never', 'Add or correct the field named in error_description, then send again.', '补全或修正 error_description 中指出的字段后再发送。'];
const METHOD: Group = ['invalid_request', 'never', 'Use the HTTP method the Easemob API reference gives for this endpoint.', '按环信接口文档使用该接口规定的 HTTP 方法。'];
const CONTENT_TYPE: Group = ['invalid_request', 'never', 'Send Content-Type: application/json and a valid JSON body.', '设置 Content-Type: application/json 并发送合法的 JSON 请求体。'];
const SPLIT: Group = ['invalid_request', 'never', 'Split the payload into smaller requests; resending it whole fails again.', '将请求体拆成更小的多个请求；整体重发仍会失败。'];
const BATCH: Group = ['invalid_request', 'never', 'Split the user list into smaller batches.', '将用户列表拆成更小的批次。'];
const TIMEOUT: Group = ['timeout', 'idempotent', 'Retry idempotent calls with backoff; check that a write (e.g. a sent message) did not take effect first.', '幂等调用可退避重试；发消息等写操作重试前先确认是否已生效。'];
const SERVER: Group = ['internal', 'idempotent', 'Retry idempotent calls a few times; if it persists, log it and contact Easemob support.', '幂等调用可少量重试；持续出现请记录日志并联系环信技术支持。'];
const MISSING: Group = ['not_found', 'never', 'Check the user, group or chat room ID; create it first if it should exist.', '检查用户、群组或聊天室 ID；如应存在请先创建。'];
const STALE: Group = ['not_found', 'never', 'If the user list still shows it, delete it by uuid, then recreate it if needed.', '若用户列表仍有该用户，用 uuid 删除残留数据，需要时再重建。'];

// --- statuses ---
const AUTH: Group = ['unauthenticated', 'never', 'Send a valid App Token as Authorization: Bearer <token>; get a new one if it expired.', '以 Authorization: Bearer <token> 携带有效的 App Token；过期时重新获取。'];
const FORBIDDEN: Group = ['permission_denied', 'never', 'Read error_description and fix the call (check membership and roles first); retrying will not help.', '查看 error_description，先核对成员关系与角色再调整调用，重试无效。'];
const PATH: Group = ['not_found', 'never', "Check the endpoint path, org_name/app_name and the REST host of your app's cluster.", '检查接口路径、org_name/app_name 以及应用所在集群的 REST 域名。'];
const RATE: Group = ['rate_limited', 'always', 'Back off and lower the call rate; if it never clears, a plan limit is hit: contact Easemob sales.', '退避并降低调用频率；若一直不恢复则是触及套餐限制，请联系环信商务。'];
const BAD_GATEWAY: Group = ['unavailable', 'idempotent', 'Retry idempotent calls with backoff; check writes took no effect before repeating them.', '幂等调用可退避重试；写操作先确认未生效再重发。'];
const DOWN: Group = ['unavailable', 'always', 'Retry with backoff; if it lasts, check the Easemob status page or contact support.', '退避后重试；持续出现请查看环信服务状态或联系技术支持。'];

// --- 400 ---
const LOGIN: Group = ['unauthenticated', 'never', 'Check the username and password; do not retry the same credentials.', '检查用户名与密码，不要用同样的凭证反复重试。'];
const CLIENT: Group = ['unauthenticated', 'never', 'Copy client_id and client_secret from Application Details in the Easemob console.', '从环信控制台「应用详情」页复制正确的 client_id 与 client_secret。'];
const JSON_BODY: Group = ['invalid_request', 'never', 'Serialize the body with JSON.stringify and send Content-Type: application/json.', '用 JSON.stringify 序列化请求体，并设置 Content-Type: application/json。'];
const NO_MEMBER: Group = ['not_found', 'never', 'Register that user first, or drop it from the list and add the others.', '先注册该用户，或将其从列表中移除后再添加其他成员。'];
const CURL: Group = ['invalid_request', 'never', 'Compare the URL, headers and body with the API reference; reproduce with curl to find the difference.', '对照接口文档检查 URL、请求头与请求体，可用 curl 复现并定位差异。'];
const FROM: Group = ['invalid_request', 'never', 'Set from to a valid user ID, or leave it out to send as admin.', '将 from 设为有效的用户 ID，或不传该字段以 admin 身份发送。'];
const TARGET: Group = ['invalid_request', 'never', 'Set target_type to users, chatgroups or chatrooms.', '将 target_type 设为 users、chatgroups 或 chatrooms。'];
const USERNAME: Group = ['invalid_request', 'never', 'Use a user ID of at most 64 letters, digits, "_", "-" or "." as the registration rules require.', '按注册规则使用仅含字母、数字及 _ - . 且不超过 64 个字符的用户 ID。'];
const HOUR: Group = ['invalid_request', 'never', 'Format the time as YYYYMMDDHH, e.g. 2018020912.', '时间参数使用 YYYYMMDDHH 格式，如 2018020912。'];
// "Not generated yet" clears by itself later, but not within a retry loop: ask again later.
const HISTORY: Group = ['not_found', 'never', 'Ask for an hour inside the retention period; the latest hour may not be generated yet, so query it later.', '查询保留期内的时段；最近一小时的记录可能尚未生成，请稍后再查。'];
const GROUP_FIELDS: Group = ['invalid_request', 'never', 'Send only groupname, description and maxusers.', '只修改 groupname、description、maxusers 三个字段。'];
const TAKEN: Group = ['conflict', 'never', 'Pick another user ID; in a batch, remove the existing IDs and register the rest again.', '更换用户 ID；批量注册时移除已存在的 ID 后重新注册其余 ID。'];
const MESSAGE_SIZE: Group = ['invalid_request', 'never', 'Keep each message under 40 KB: split it, or upload large content as a file and send its URL.', '单条消息需小于 40 KB：拆分内容，或将大内容作为文件上传后发送链接。'];
// Setting a status is naturally idempotent; nothing in the text says the request was at fault.
const PRESENCE: Group = ['internal', 'idempotent', 'Retry once or twice; if it keeps failing, contact Easemob support.', '可重试一两次；持续失败请联系环信技术支持。'];
const EXT: Group = ['invalid_request', 'never', 'Shorten ext to within the length limit.', '将 ext 缩短到长度限制以内。'];
const RESOURCE: Group = ['not_found', 'never', 'Use the resource (device) ID of a device that is logged in.', '使用当前已登录设备的 resource（设备）ID。'];
const SELF: Group = ['invalid_request', 'never', "Remove the user's own ID from the list.", '从列表中移除用户自己的 ID。'];
const SUB_LIMIT: Group = ['invalid_request', 'never', 'Subscribe to fewer users per call; at the total cap, unsubscribe users you no longer follow.', '每次订阅更少的用户；达到总上限时先取消不再关注的订阅。'];
// A count of queries, not a malformed request: waiting lets it through again.
const QUERIES: Group = ['rate_limited', 'always', 'Query less often and back off before retrying.', '降低查询频率，退避后再重试。'];

// --- 401 ---
// Both `unauthorized` rows name a missing or expired App Token as the cause, so both refresh
// once; lookup('unauthorized', 401) lands on the first row, and that must not stop the common
// expired-token case.
const REGISTER: Group = ['session_expired', 'after-refresh', 'Register users from your server with a fresh App Token (refresh, retry once), or enable open registration in the console.', '在服务端用有效的 App Token 注册（刷新后重试一次），或在控制台开启开放注册。'];
const EXPIRED: Group = ['session_expired', 'after-refresh', 'Get a new App Token (POST /{org}/{app}/token), retry once, and renew it before expires_in runs out.', '重新获取 App Token（POST /{org}/{app}/token）后重试一次，并在 expires_in 到期前续期。'];
const CORRUPT: Group = ['unauthenticated', 'never', 'Send the token unaltered as Authorization: Bearer <token>, or get a new one.', '以 Authorization: Bearer <token> 原样发送 Token，或重新获取。'];
const FOREIGN: Group = ['unauthenticated', 'never', 'Use a token issued by the same app and cluster as the REST host (check AppKey and base URL).', '使用所调用 REST 域名对应应用与集群签发的 Token（检查 AppKey 与 baseurl）。'];

// --- 403 forbidden_op ---
const ALREADY_IN: Group = ['conflict', 'never', 'Treat it as done, or check membership before adding.', '可视为已完成，或添加前先检查成员关系。'];
const NOT_IN: Group = ['invalid_request', 'never', 'Treat it as done, or refresh the member list before removing.', '可视为已完成，或移除前先刷新成员列表。'];
const NOT_MEMBER_OWNER: Group = ['invalid_request', 'never', 'Add the user to the group first, then hand it over.', '先将该用户加入群组，再转让群主。'];
const SAME_OWNER: Group = ['invalid_request', 'never', 'Nothing to do: the user already owns the group.', '无需操作：该用户已是群主。'];
const OWNER: Group = ['permission_denied', 'never', 'Leave the owner out of this operation, or transfer ownership first.', '将群主排除在该操作之外，或先转让群主。'];
const TOO_MANY_JOINED: Group = ['quota_exceeded', 'never', 'Leave some groups or chat rooms first, or ask Easemob to raise the per-user limit.', '先退出部分群组或聊天室，或联系环信提升单用户上限。'];
const FULL: Group = ['quota_exceeded', 'never', 'Raise maxusers or the plan (Easemob sales), or remove unused members and groups.', '调大 maxusers 或联系环信商务升级套餐，或清理不用的成员与群组。'];

// --- 404 ---
const APP_PATH: Group = ['configuration', 'never', 'Use orgname/appname from the AppKey (# → /) and the REST host shown in the console.', '路径用 AppKey 的 orgname/appname（# 换成 /），域名用控制台显示的 REST 域名。'];
const NO_HISTORY: Group = ['not_found', 'never', 'Treat it as no messages in that hour; if there were some, write to support@easemob.com.', '视为该时段没有消息；如确有消息，请联系 support@easemob.com。'];

// --- 429 ---
const PLAN: Group = ['quota_exceeded', 'never', 'Retrying will not help: upgrade the plan via Easemob sales or cut usage.', '重试无效：联系环信商务升级套餐，或降低用量。'];
const REACH_LIMIT: Group = ['rate_limited', 'always', 'Back off (honour Retry-After), then retry; spread or batch calls.', '退避后重试（遵循 Retry-After）；分散或合并调用。'];

// --- 500 that are the caller's fault ---
const FULLTEXT: Group = ['invalid_request', 'never', 'Query users by exact username instead of contains.', '改用精确的 username 查询，不要使用 contains。'];
const URL_PATH: Group = ['invalid_request', 'never', 'Check the URL path against the API reference (org/app, resource names, path segments).', '对照接口文档检查 URL 路径（org/app、资源名及路径段）。'];

const statuses: readonly StatusRow[] = [
  [400, 'Bad Request', '（错误请求）服务器不理解请求的语法。', 'Bad request: the server cannot understand the request\'s syntax.', FIX],
  [401, 'Unauthorized', '（未授权）请求要求身份验证。对于需要 token 的接口，服务器可能返回此响应。', 'Unauthorized: the request needs authentication; endpoints that need a token may answer this.', AUTH],
  [403, 'Forbidden', '（禁止）服务器拒绝请求。对于群组/聊天室服务，表示本次调用不符合群组/聊天室操作的正确逻辑，例如调用添加成员接口，添加已经在群组里的用户，或者移除聊天室中不存在的成员等操作。', 'Forbidden: the server refuses the request. For groups and chat rooms, the call breaks their rules, e.g. adding a user who is already a member or removing one who is not.', FORBIDDEN],
  [404, 'Not Found', '（未找到）服务器找不到请求的接口。', 'Not found: the server cannot find the requested endpoint.', PATH],
  [405, 'Method Not Allowed', '（请求方式错误）请按照环信官网接口说明，正确的使用接口 GET，POST 等请求方式。', 'Wrong method: use GET, POST etc. exactly as the Easemob API reference says.', METHOD],
  [408, 'Request Timeout', '（请求超时）服务器等候请求时发生超时。', 'Request timeout: the server timed out waiting for the request.', TIMEOUT],
  [413, 'Payload Too Large', '（请求体过大）请求体超过了 5 KB，拆成更小的请求体重试即可。', 'Request body too large: it exceeds 5 KB; split it into smaller requests and retry.', SPLIT],
  [415, 'Unsupported Media Type', '请求体的类型不支持。', 'The request body type is not supported.', CONTENT_TYPE],
  [429, 'Too Many Requests', '（服务不可用）请求接口超过调用频率限制，即接口被限流。或超过社区版限制，如有需要可联系商务。', 'Rate limited: the API call rate limit was exceeded, or a Community edition limit was reached (contact sales if needed).', RATE],
  [500, 'Internal Server Error', '（服务器内部错误）服务器遇到错误，无法完成请求。', 'Internal server error: the server hit an error and could not complete the request.', SERVER],
  [501, 'Not Implemented', '（尚未实施）服务器不具备完成请求的功能。例如，服务器无法识别请求方法时可能会返回此代码。', 'Not implemented: the server lacks the function needed, e.g. it does not recognise the request method.', METHOD],
  [502, 'Bad Gateway', '（错误网关）服务器作为网关或代理，从上游服务器收到无效响应。', 'Bad gateway: acting as a gateway or proxy, the server got an invalid response from upstream.', BAD_GATEWAY],
  [503, 'Service Unavailable', '（服务器超时）Service Unavailable。', 'Service unavailable.', DOWN],
  [504, 'Gateway Timeout', '（网关超时）服务器作为网关或代理，但是没有及时从上游服务器收到请求。', 'Gateway timeout: acting as a gateway or proxy, the server did not get a timely answer from upstream.', TIMEOUT],
];

const errors: readonly ErrorRow[] = [
  [400, 'invalid_grant', 'invalid username or password', '用户名或者密码输入错误。', 'Wrong username or password.', LOGIN],
  [400, 'invalid_grant', 'client_id does not match', '- “client_id does not match”：传入的 client_id 不正确；\n- “client_secret does not match”：传入的 client_secret 不正确。\nclient_id 以及 client_secret 在环信管理后台的应用详情页面中查看。', '"client_id does not match": the client_id is wrong; "client_secret does not match": the client_secret is wrong. Both are on the Application Details page of the Easemob console.', CLIENT],
  [400, 'json_parse', '', '发送请求时请求体不符合标准的 JSON 格式，服务器无法正确解析。', 'The request body is not valid JSON, so the server cannot parse it.', JSON_BODY],
  [400, 'illegal_argument', 'Entity user requires a property named username', '注册用户请求未提供用户 ID（username）。', 'The register-user request has no user ID (username).', FIELD],
  [400, 'illegal_argument', 'password or pin must provided', '注册用户请求未提供用户密码（password）或提供的密码为空。', 'The register-user request has no password, or an empty one.', FIELD],
  [400, 'illegal_argument', 'newpassword is required', '修改用户密码的请求体未提供 newpassword 属性。', 'The change-password body has no newpassword property.', FIELD],
  [400, 'illegal_argument', 'oldPassword is required', '修改用户密码的请求体未提供 oldPassword 属性。', 'The change-password body has no oldPassword property.', FIELD],
  [400, 'illegal_argument', 'group member username1 doesn’t exist', '批量添加群组成员时，username1 不存在。', 'When adding group members in bulk, username1 does not exist.', NO_MEMBER],
  [400, 'illegal_argument', 'this is an invalid request.', '请求无效，请检查调用接口的 url、header、body，是否符合所调用接口的要求，可以使用 curl 命令进行测试。', 'Invalid request: check that the URL, headers and body match what the API expects; curl helps to test.', CURL],
  [400, 'illegal_argument', 'from can\'t be empty', '消息发送方（from）为空。若不传该字段， 服务器会默认设置为 admin。', 'The message sender (from) is empty. Omitted, it defaults to admin.', FROM],
  [400, 'illegal_argument', 'target_type can only be \'users\' or \'chatgroups\' or \'chatrooms\'', '发送消息时，对象类型（target_type）只能传入 users、chatgroups 或 chatrooms。若传入其他值，提示该错误。', 'When sending a message, target_type may only be users, chatgroups or chatrooms; any other value gives this error.', TARGET],
  [400, 'illegal_argument', 'username is not legal', '注册用户时传入的 username 不合法，详见 用户体系集成', 'The username given at registration is not valid (see User System Integration).', USERNAME],
  [400, 'illegal_argument', 'This chatmessage request is not supported', '查询历史消息时传入的时间格式不正确，正确的格式为 YYYYMMDDHH。例如，要获取 2018 年 02 月 09 日 12 点到 13 点的历史消息，传入的时间为 2018020912。', 'Wrong time format in a message-history query: use YYYYMMDDHH, e.g. 2018020912 for 12:00–13:00 on 9 Feb 2018.', HOUR],
  [400, 'illegal_argument', 'illegal arguments: appkey: easemob-demo#chatdemoui, time: 2018020918, maybe chat message history is expired or unstored', '查询的历史消息未生成或已过期。消息的保留时间取决于初始设置。', 'The message history asked for has not been generated yet or has expired; retention depends on the initial settings.', HISTORY],
  [400, 'invalid_parameter', '', '修改的群组信息时，传入的参数不支持，例如修改 groupid。修改群信息目前只支持修改“群名称”、“群描述” 和 “群最大人数”。', 'Unsupported field when modifying a group, e.g. groupid; only the name, description and maximum members can be changed.', GROUP_FIELDS],
  [400, 'required_property_not_found', '', '修改用户密码请求未提供用户 ID（username）。', 'The change-password request has no user ID (username).', FIELD],
  [400, 'duplicate_unique_property_exists', '', '注册用户时，用户 ID 已存在，请更换用户 ID 重新注册。 注：如果是批量注册，若一次调用返回一个 ID 已存在，则此次调用注册的其他不存在的 ID 不会注册，需将已存在的 ID 从数组中移除重新调用注册。', 'The user ID already exists at registration; pick another. In a batch, one existing ID stops all the others from being registered: remove it and call again.', TAKEN],
  [400, 'illegal_argument', 'message is too large', '发送消息时消息体超过了 40 KB 会导致该错误，需要拆成几个更小的请求体重试。', 'The message body exceeds 40 KB; split it into smaller requests.', MESSAGE_SIZE],
  [400, '', 'set presence failed', '在线状态设置失败。', 'Setting the presence status failed.', PRESENCE],
  [400, '', 'ext is too big', '在线状态扩展信息长度超过限制', 'The presence extension (ext) is too long.', EXT],
  [400, '', 'resource not exist', '设备来源不存在。', 'The device resource does not exist.', RESOURCE],
  [400, '', 'you can\'t sub yourself', '无法订阅自己的在线状态。', 'A user cannot subscribe to their own presence.', SELF],
  [400, '', 'too many sub presence', '订阅用户数量超过上限。', 'Too many users to subscribe to.', SUB_LIMIT],
  [400, '', 'too many get presences', '获取在线状态的用户数量超过上限。', 'Too many users in one presence query.', BATCH],
  [400, '', 'too many unsub presences', '取消订阅的用户数量超过上限。', 'Too many users to unsubscribe from in one call.', BATCH],
  [400, '', 'too many queries', '查询次数超过限制。', 'Too many queries: the query limit was exceeded.', QUERIES],
  [401, 'unauthorized', 'registration is not open, please contact the app admin', '授权注册模式下，调用注册单个用户和批量注册用户的 RESTful 接口时，未传入 App Token 或传入了错误的 App Token 时提示该错误，例如 Token 已过期或格式不正确。', 'In authorized-registration mode, registering one or many users without an App Token, or with a wrong one (e.g. expired or malformed).', REGISTER],
  [401, 'unauthorized', 'Unable to authenticate due to expired access token', '调用 RESTful 接口发送请求时使用的 App Token 过期或未传入 App Token。\n该错误码针对除注册单个用户和批量注册用户之外的 RESTful 接口有效。', 'The App Token of the REST call has expired or is missing (all endpoints except user registration).', EXPIRED],
  [401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token', '调用 RESTful 接口发送请求时使用的 App Token 格式错误。\n该错误码针对除注册单个用户和批量注册用户之外的 RESTful 接口有效。', 'The App Token is malformed (all endpoints except user registration).', CORRUPT],
  [401, 'auth_bad_access_token', 'Unable to authenticate', '调用 RESTful 接口发送请求时使用的 App Token 无效。App Token 的格式正确，但不是由接收请求的服务器生成的，导致服务器无法识别该 Token。\n该错误码针对除注册单个用户和批量注册用户两个 RESTful 接口之外的接口有效。', 'The App Token is well-formed but was not issued by the server receiving it, so it is not recognised (all endpoints except user registration).', FOREIGN],
  [403, 'forbidden_op', 'can not join this group, reason:user: hxtest1 already in group: 40659491815425', '添加群组或聊天室成员时，被添加用户已在群组或聊天室内。', 'The user being added is already in the group or chat room.', ALREADY_IN],
  [403, 'forbidden_op', 'users [hxtest100] are not members of this group!', '踢除群组或聊天室成员时，被踢除的用户不在群组或聊天室内。', 'The user being removed is not in the group or chat room.', NOT_IN],
  [403, 'forbidden_op', 'user: username1 doesn\'t exist in group: 40659491815425', '转让群组时，被转让的用户不是群组内成员。', 'The user to hand the group to is not a member of it.', NOT_MEMBER_OWNER],
  [403, 'forbidden_op', 'new owner and old owner are the same', '转让群组时，被转让的用户已经是群主。', 'The user to hand the group to already owns it.', SAME_OWNER],
  [403, 'forbidden_op', 'forbidden operation on group owner!', '当前操作禁止对群主使用，如将群主加入黑名单。', 'This operation may not target the group owner, e.g. blocking the owner.', OWNER],
  [403, 'forbidden_op', 'can not join this group, reason：user %s has joined too many groups/chatroom!', '用户加入的群组或聊天室数超过了限制。', 'The user has joined too many groups or chat rooms.', TOO_MANY_JOINED],
  [403, 'forbidden_op', 'this appKey has create too many groups/chatrooms!', '加入群组或聊天室时，群组或聊天室人数已达到上限。', 'The group or chat room is full (the error text speaks of the app creating too many groups/chat rooms).', FULL],
  [404, 'organization_application_not_found', '', 'hx/hxdeo2 这个设置不正确或不存在，或 baseurl 集群设置错误（只针对 vip 集群的 AppKey），正确的是 orgname/appname，即 AppKey 的 “#“ 换成 ”/“。', 'hx/hxdeo2 is wrong or does not exist, or the base URL names the wrong cluster (VIP-cluster AppKeys only); it must be orgname/appname, i.e. the AppKey with "#" replaced by "/".', APP_PATH],
  [404, 'service_resource_not_found', '', 'URL 指定的资源不存在，如用户相关接口提示用户不存在，群组相关接口提示群组不存在，聊天室相关接口提示聊天室不存在。', 'The resource in the URL does not exist: the user, group or chat room, depending on the endpoint.', MISSING],
  [404, 'service_resource_not_found', '', '获取的 username 不存在，若用户列表存在该 username，则是因为存在脏数据，可以使用 uuid 代替 username 将该 ID 删除，再使用该 username 重新创建。', 'The username does not exist. If the user list still shows it, that is stale data: delete it by uuid, then create the username again.', STALE],
  [404, 'service_resource_not_found', '', '要删除的 username 不存在，若用户列表存在该 username，则可使用 user 的 uuid 代替 username 删除。', 'The username to delete does not exist. If the user list still shows it, delete it by its uuid instead.', STALE],
  [404, 'storage_object_not_found', '', '对应的时间没有历史消息，如确定有历史消息，请联系环信技术支持。', 'No message history for that hour. If you are sure there were messages, contact Easemob support.', NO_HISTORY],
  [413, 'Request Entity Too Large', '', '请求体过大，如上传文件时文件过大，需要拆成几个更小的请求体重试。', 'Request body too large, e.g. an uploaded file; split it into smaller requests and retry.', SPLIT],
  [415, 'web_application', '', '请求体的类型不支持，请检查请求头是否添加了 Content-Type: application/json，请求包体是否符合标准的 JSON 格式，以及请求头中是否有接口不需要的参数。', 'Unsupported body type: check the Content-Type: application/json header, that the body is valid JSON, and that no headers the endpoint does not take are sent.', CONTENT_TYPE],
  [429, 'resource_limited', '', '超过免费版套餐包限制。如需开通其他版本套餐包，需联系环信商务。', 'The Free edition limit is exceeded; contact Easemob sales to enable another edition.', PLAN],
  [429, 'reach_limit', '', '超过即时通讯 RESTful API 的调用频率限制。', 'The Chat RESTful API call rate limit is exceeded.', REACH_LIMIT],
  [500, 'no_full_text_index', '', 'username 不支持全文索引，不可以对该字段进行 contains 操作。', 'username has no full-text index, so the contains operator cannot be used on it.', FULLTEXT],
  [500, 'unsupported_service_operation', '', '请求 URL 不支持该请求方式。', 'The request URL does not support this HTTP method.', METHOD],
  [500, 'web_application', '', '请求 URL 错误。', 'The request URL is wrong.', URL_PATH],
];

const entry = (status: number, code: number | string, names: string[], message: string, en: string, [kind, retry, adviceEn, adviceZh]: Group): CatalogEntry => ({
  provider: 'easemob',
  code,
  status,
  names,
  kind,
  retry,
  message,
  description: { en, zh: message },
  advice: { en: adviceEn, zh: adviceZh },
});

const build = (): CatalogEntry[] => [
  ...statuses.map(([status, phrase, zh, en, group]) => entry(status, status, [phrase], zh, en, group)),
  ...errors.map(([status, error, desc, zh, en, group]) => entry(status, error || desc, error ? (desc ? [error, desc] : [error]) : [desc], zh, en, group)),
];

/**
 * Easemob (环信) REST errors. Rows of the error table are keyed by their `error` string and told
 * apart by HTTP status (`lookup('easemob', 'reach_limit', { status: 429 })`); rows sharing both keep
 * document order, and their `error_description` is the second name for finer matching.
 */
export const easemob: Catalog = { provider: 'easemob', entries: /* @__PURE__ */ build() };
