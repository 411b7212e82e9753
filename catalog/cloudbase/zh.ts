import type { CatalogText } from '../../src/catalog-types.js';

/** CloudBase：错误码含义（文档原文，标点改为全角）与处理建议。 */
export const cloudbaseZh: CatalogText = {
  catalog: 'cloudbase',
  lang: 'zh',
  rows: {
    'AUTH_INVALID_CUSTOM_LOGIN_TICKET': [
      '自定义登录凭证非法（格式错误、过期、校验失败等）',
      '在服务端用当前私钥重新签发凭证。',
    ],
    'AUTH_WX_OAUTH_FAILED': [
      '微信 OAuth 失败',
      '重新发起微信授权；检查控制台绑定的 AppID。',
    ],
    'AUTH_CUSTOM_USER_ID_HAS_BEEN_BOUND': [
      'CustomUserId 已关联帐户',
      '改用已绑定的帐户登录，或先解除绑定。',
    ],
    'AUTH_OPEN_ID_HAS_BEEN_BOUND': [
      'openId 已关联帐户',
      '改用已绑定的帐户登录，或先解除绑定。',
    ],
    'AUTH_UNION_ID_HAS_BEEN_BOUND': [
      'unionId 已关联帐户',
      '改用已绑定的帐户登录，或先解除绑定。',
    ],
    'AUTH_EMAIL_HAS_BEEN_BOUND': [
      'email 已关联帐户',
      '改用已绑定的帐户登录，或先解除绑定。',
    ],
    'INVALID_EMAIL_TOKEN': [
      '邮箱激活 token 过期或者不存在',
      '给用户重新发送激活邮件。',
    ],
    'AUTH_LOGIN_FAILED': [
      '登录失败',
      '请用户核对凭据后重新登录。',
    ],
    'INVALID_ACCESS_TOKEN': [
      '非法的访问令牌',
      '让用户重新登录以获取新令牌。',
    ],
    'ACCESS_TOKEN_DISABLED': [
      '访问令牌已禁用',
      '让用户重新登录以获取新令牌。',
    ],
    'REFRESH_TOKEN_DISABLED': [
      '刷新令牌已禁用',
      '让用户重新登录以获取新令牌。',
    ],
    'PHONE_CODE_NOT_MATCHED': [
      '手机验证码不匹配',
      '请用户重新输入验证码。',
    ],
    'PHONE_CODE_NOTFOUND_OR_EXPIRED': [
      '手机验证码未找到或已过期',
      '重新发送验证码让用户输入。',
    ],
    'PHONE_CODE_SEND_LIMIT_EXCEED': [
      '手机验证码发送次数超限',
      '向用户显示冷却时间，稍后再试；不要自动重发。',
    ],
    'MISSING_CREDENTIALS': [
      '请求头中缺少必要的身份鉴权信息',
      '调用前先登录（必要时匿名登录）。',
    ],
    'INVALID_CREDENTIALS': [
      '身份认证失败，用户信息校验失败',
      '请用户核对凭据后重新登录。',
    ],
    'ACCESS_TOKEN_INVALID': [
      '请求头中身份认证信息无效',
      '让用户重新登录以获取新令牌。',
    ],
    'ACCESS_TOKEN_KID_INVALID': [
      '访问令牌的 Key ID (kid) 无效',
      '重新登录获取用当前密钥签发的令牌；检查环境 ID。',
    ],
    'ACTION_FORBIDDEN': [
      '当前身份无权限执行该操作',
      '在控制台（安全规则、角色）授权，或改在云函数中调用。',
    ],
    'WX_WEBSOCKET_TOKEN_EXPIRED': [
      '微信 WebSocket 连接的令牌已过期',
      '获取新令牌后重新连接。',
    ],
    'WX_HEADER_GET_FAILED': [
      '获取微信请求头失败',
      '在小程序中通过 wx.cloud 调用，以带上微信请求头。',
    ],
    'UNSUPPORTED_AUTH_TYPE': [
      '请求使用了不支持的认证类型',
      '改用控制台中为该环境启用的登录方式。',
    ],
    'AUTHENTICATION_FAILED': [
      '请求鉴权失败',
      '检查请求携带的环境 ID、密钥或令牌。',
    ],
    'ACCESS_TOKEN_EXPIRED': [
      '访问令牌已过期',
      '用刷新令牌换取新的访问令牌后重发一次（官方 SDK 会自动处理）。',
    ],
    'REFRESH_TOKEN_EXPIRED': [
      '刷新令牌已过期',
      '让用户重新登录以获取新令牌。',
    ],
    'INVALID_REFRESH_TOKEN': [
      '刷新令牌无效',
      '让用户重新登录以获取新令牌（匿名用户重新匿名登录）。',
    ],
    'invalid_grant': [
      '授权凭据（刷新令牌、授权码或密码）无效、已过期或已撤销：刷新令牌失败时收到的 OAuth 错误',
      '让用户重新登录以获取新令牌。',
    ],
    'DATABASE_REQUEST_FAILED': [
      '数据库请求失败，数据库通用错误',
      '通用错误码：按错误信息排查，勿据此判断；仅重试幂等调用。',
    ],
    'DATABASE_INVALID_OPERRATOR': [
      '不支持的操作、非法的数据库操作符',
      '只使用 SDK 文档中的 db.command 操作符。',
    ],
    'DATABASE_PERMISSION_DENIED': [
      '无权限操作数据库资源',
      '调整集合安全规则，或改在云函数中操作。',
    ],
    'DATABASE_COLLECTION_EXCEED_LIMIT': [
      '数据库集合数量超限',
      '删除不用的集合或升级套餐。',
    ],
    'DATABASE_COLLECTION_NOT_EXIST': [
      '操作集合不存在',
      '先创建集合；检查环境 ID。',
    ],
    'DATABASE_COLLECTION_ALREADY_EXIST': [
      '创建集合的时候，集合已存在',
      '视为已创建，继续执行。',
    ],
    'DATABASE_TIMEOUT': [
      '数据库请求超时',
      '加索引或缩小查询；重发写操作前先确认是否已生效。',
    ],
    'DATABASE_TRANSACTION_FAIL': [
      '数据库事务请求失败',
      '重新执行整个事务（runTransaction 会重试），并保持事务简短。',
    ],
    'DATABASE_TRANSACTION_CONFLICT': [
      '数据库事务间冲突',
      '重新执行整个事务而非单个调用；runTransaction 会处理。',
    ],
    'DATABASE_DUPLICATE_WRITE': [
      '写数据库失败，索引键重复（例如插入相同 _id 的数据）',
      '换用新的 _id 或唯一值，或更新已有记录。',
    ],
    'FUNCTIONS_EXECUTE_FAIL': [
      '云函数执行失败，云函数通用错误',
      '在控制台查看函数日志，修复其抛出的错误。',
    ],
    'FUNCTIONS_TIME_LIMIT_EXCEEDED': [
      '云函数执行超时',
      '调大函数超时或改为异步处理；仅重试幂等调用。',
    ],
    'FUNCTIONS_MEMORY_LIMIT_EXCEEDED': [
      '云函数运行内存超限',
      '在控制台调大函数内存，或分批处理数据。',
    ],
    'FUNCTION_NOT_FOUND': [
      '云函数未找到',
      '部署该函数；检查函数名与环境 ID。',
    ],
    'FUNCTIONS_STATUS_ABNORMITY': [
      '云函数状态异常',
      '等待部署完成；持续异常时重新部署。',
    ],
    'FUNCTION_INVOCATION_FAILED': [
      '调用云函数超时或者失败',
      '查看函数日志；仅重试幂等调用。',
    ],
    'FUNCTION_QUALIFIER_NOT_FOUND': [
      '指定访问的函数版本不存在',
      '发布该版本或别名，或调用 $LATEST。',
    ],
    'FUNCTION_STATUS_ABNORMAL': [
      '函数状态异常',
      '等待部署完成；持续异常时重新部署。',
    ],
    'FUNCTION_TIME_LIMIT_EXCEEDED': [
      '函数执行超时',
      '调大函数超时或改为异步处理；仅重试幂等调用。',
    ],
    'FUNCTION_MEMORY_LIMIT_EXCEEDED': [
      '函数执行内存超出限制',
      '在控制台调大函数内存，或分批处理数据。',
    ],
    'FUNCTION_EXECUTE_FAIL': [
      '执行函数失败',
      '在控制台查看函数日志，修复其抛出的错误。',
    ],
    'FUNCTION_PARAM_INVALID': [
      '调用函数的参数异常',
      '传入函数所需、可 JSON 序列化的 data 对象。',
    ],
    'FUNCTION_EXCEED_RESOURCE_LIMIT': [
      '请求频率超过函数预置并发',
      '退避后重试；调高预置并发或平滑流量。',
    ],
    'SERVICE_NOT_FOUND': [
      '未找到对应的云托管服务',
      '检查服务名与环境 ID，并确认已部署。',
    ],
    'SERVICE_RESOURCE_NOT_FOUND': [
      '未找到对应的资源，请检查服务和版本状态',
      '检查服务名与环境 ID，并确认已部署。',
    ],
    'SERVICE_VERSION_NOT_FOUND': [
      '找不到匹配的云托管服务版本',
      '部署版本并为其分配流量。',
    ],
    'SERVICE_ENDPOINT_NOT_FOUND': [
      '找不到云托管服务可用的上游地址',
      '退避后重试；持续出现时检查实例是否在运行。',
    ],
    'SERVICE_LB_STATUS_ABNORMAL': [
      '云托管负载均衡状态异常',
      '退避后重试；持续出现时联系客服。',
    ],
    'SERVICE_CHARGE_OVERDUE': [
      '欠费停机，请及时充值',
      '在控制台为帐户充值。',
    ],
    'SERVICE_NOT_READY': [
      '云托管服务处于未就绪状态，可能正在冷启动',
      '短暂退避后重试；设置最小实例数以避免冷启动。',
    ],
    'SERVICE_TIMEOUT': [
      '云托管服务响应超时',
      '优化处理逻辑或调大超时。',
    ],
    'STORAGE_REQUEST_FAIL': [
      '云存储请求失败，云存储通用错误',
      '通用错误码：按错误信息排查，勿据此判断；仅重试幂等调用。',
    ],
    'EXCEED_UPLOAD_MAXFILESIZE': [
      '云存储上传文件大小超限',
      '上传前压缩或拆分文件。',
    ],
    'STORAGE_SIGN_PARAM_INVALID': [
      '云存储文件元数据解析失败',
      '使用 SDK 的 uploadFile 上传。',
    ],
    'STORAGE_EXCEED_AUTHORITY': [
      '当前用户无权限操作云存储资源',
      '调整云存储安全规则，或改用云函数。',
    ],
    'STORAGE_FILE_NONEXIST': [
      '云存储文件不存在',
      '检查 fileID 与环境 ID，文件可能已删除。',
    ],
    'STORAGE_FILE_PATH_CONFLICT': [
      '云存储文件路径冲突',
      '换路径上传，或先删除旧文件。',
    ],
    'OBJECT_NOT_EXIST': [
      '请求的对象不存在，无法执行指定操作',
      '检查对象键与存储桶。',
    ],
    'OBJECT_ALREADY_EXIST': [
      '对象已经存在，无法执行指定操作',
      '换用新键，或先删除已有对象。',
    ],
    'OBJECT_BATCH_TOO_LARGE': [
      '单次批量操作的对象数量过多',
      '拆成更小的批次。',
    ],
    'COS_ACTION_FAILED': [
      '对象存储操作执行失败',
      '幂等调用可少量重试；持续出现时提交请求 ID。',
    ],
    'CDN_SIGNATURE_MISSING': [
      '当前访问链接的签名缺失',
      '使用 getTempFileURL 返回的带签名临时链接。',
    ],
    'CDN_INVALID_SIGNATURE': [
      '当前访问链接的签名不正确',
      '使用 getTempFileURL 返回的带签名临时链接。',
    ],
    'CDN_SIGNATURE_EXPIRED': [
      '当前访问链接的签名已过期',
      '重新调用 getTempFileURL 获取链接后再请求。',
    ],
    'STATIC_RESOURCE_NONACTIVATED': [
      '未开启静态网站托管服务',
      '在控制台开通静态网站托管。',
    ],
    'STATIC_RESOURCE_TOO_MANY_REDIRECTS': [
      '请求重定向次数过多，可能存在重定向死循环',
      '修正托管设置中的重定向规则。',
    ],
    'STATIC_RESOURCE_REQUESTS_FAILED': [
      '请求静态托管资源失败',
      '退避后重试；检查文件是否已部署。',
    ],
    'AI_MODEL_NOT_FOUND': [
      '未找到指定模型分组',
      '检查分组名，或在控制台创建。',
    ],
    'AI_MODEL_CONFIG_MISSING': [
      '缺少 API Key 等调用模型的必要配置',
      '在控制台填写 API Key 等模型配置。',
    ],
    'AI_MODEL_REQUEST_FAILED': [
      '请求大模型失败',
      '退避后重试；检查模型服务商状态。',
    ],
    'AI_MODEL_DISABLED': [
      '模型已停用',
      '在控制台重新启用，或换用其他模型。',
    ],
    'EXCEED_TOKEN_QUOTA_LIMIT': [
      '大模型 Token 用量已超出配额',
      '提高 Token 配额，或等待配额重置。',
    ],
    'APIs_GET_OPENAPI_SCHEMA_ERROR': [
      '获取 OpenAPI Schema 失败',
      '检查 API 资源的 OpenAPI Schema 是否可访问且有效。',
    ],
  },
};
