import type { CatalogText } from '../../src/catalog-types.js';

/** 环信：各状态码与错误的含义（文档原文）及处理建议，中文。 */
export const easemobZh: CatalogText = {
  catalog: 'easemob',
  lang: 'zh',
  rows: {
    '400': [
      '（错误请求）服务器不理解请求的语法。',
      '对照接口文档检查 URL、请求头与 JSON 请求体，详见 error_description。',
    ],
    '401': [
      '（未授权）请求要求身份验证。对于需要 token 的接口，服务器可能返回此响应。',
      '以 Authorization: Bearer <token> 携带有效的 App Token；过期时重新获取。',
    ],
    '403': [
      '（禁止）服务器拒绝请求。对于群组/聊天室服务，表示本次调用不符合群组/聊天室操作的正确逻辑，例如调用添加成员接口，添加已经在群组里的用户，或者移除聊天室中不存在的成员等操作。',
      '查看 error_description，先核对成员关系与角色再调整调用，重试无效。',
    ],
    '404': [
      '（未找到）服务器找不到请求的接口。',
      '检查接口路径、org_name/app_name 以及应用所在集群的 REST 域名。',
    ],
    '405': [
      '（请求方式错误）请按照环信官网接口说明，正确的使用接口 GET，POST 等请求方式。',
      '按环信接口文档使用该接口规定的 HTTP 方法。',
    ],
    '408': [
      '（请求超时）服务器等候请求时发生超时。',
      '幂等调用可退避重试；发消息等写操作重试前先确认是否已生效。',
    ],
    '413': [
      '（请求体过大）请求体超过了 5 KB，拆成更小的请求体重试即可。',
      '将请求体拆成更小的多个请求；整体重发仍会失败。',
    ],
    '415': [
      '请求体的类型不支持。',
      '设置 Content-Type: application/json 并发送合法的 JSON 请求体。',
    ],
    '429': [
      '（服务不可用）请求接口超过调用频率限制，即接口被限流。或超过社区版限制，如有需要可联系商务。',
      '退避并降低调用频率；若一直不恢复则是触及套餐限制，请联系环信商务。',
    ],
    '500': [
      '（服务器内部错误）服务器遇到错误，无法完成请求。',
      '幂等调用可少量重试；持续出现请记录日志并联系环信技术支持。',
    ],
    '501': [
      '（尚未实施）服务器不具备完成请求的功能。例如，服务器无法识别请求方法时可能会返回此代码。',
      '按环信接口文档使用该接口规定的 HTTP 方法。',
    ],
    '502': [
      '（错误网关）服务器作为网关或代理，从上游服务器收到无效响应。',
      '幂等调用可退避重试；写操作先确认未生效再重发。',
    ],
    '503': [
      '（服务器超时）Service Unavailable。',
      '退避后重试；持续出现请查看环信服务状态或联系技术支持。',
    ],
    '504': [
      '（网关超时）服务器作为网关或代理，但是没有及时从上游服务器收到请求。',
      '幂等调用可退避重试；发消息等写操作重试前先确认是否已生效。',
    ],
    '400 invalid_grant': [
      '用户名或者密码输入错误。',
      '检查用户名与密码，不要用同样的凭证反复重试。',
    ],
    '400 invalid_grant does not match': [
      '- “client_id does not match”：传入的 client_id 不正确；\n- “client_secret does not match”：传入的 client_secret 不正确。\nclient_id 以及 client_secret 在环信管理后台的应用详情页面中查看。',
      '从环信控制台「应用详情」页复制正确的 client_id 与 client_secret。',
    ],
    '400 json_parse': [
      '发送请求时请求体不符合标准的 JSON 格式，服务器无法正确解析。',
      '用 JSON.stringify 序列化请求体，并设置 Content-Type: application/json。',
    ],
    '400 illegal_argument property named username': [
      '注册用户请求未提供用户 ID（username）。',
      '补全或修正 error_description 中指出的字段后再发送。',
    ],
    '400 illegal_argument password or pin': [
      '注册用户请求未提供用户密码（password）或提供的密码为空。',
      '补全或修正 error_description 中指出的字段后再发送。',
    ],
    '400 illegal_argument newpassword': [
      '修改用户密码的请求体未提供 newpassword 属性。',
      '补全或修正 error_description 中指出的字段后再发送。',
    ],
    '400 illegal_argument oldpassword': [
      '修改用户密码的请求体未提供 oldPassword 属性。',
      '补全或修正 error_description 中指出的字段后再发送。',
    ],
    '400 illegal_argument group member': [
      '批量添加群组成员时，username1 不存在。',
      '先注册该用户，或将其从列表中移除后再添加其他成员。',
    ],
    '400 illegal_argument invalid request': [
      '请求无效，请检查调用接口的 url、header、body，是否符合所调用接口的要求，可以使用 curl 命令进行测试。',
      '对照接口文档检查 URL、请求头与请求体，可用 curl 复现并定位差异。',
    ],
    '400 illegal_argument be empty': [
      '消息发送方（from）为空。若不传该字段， 服务器会默认设置为 admin。',
      '将 from 设为有效的用户 ID，或不传该字段以 admin 身份发送。',
    ],
    '400 illegal_argument target_type': [
      '发送消息时，对象类型（target_type）只能传入 users、chatgroups 或 chatrooms。若传入其他值，提示该错误。',
      '将 target_type 设为 users、chatgroups 或 chatrooms。',
    ],
    '400 illegal_argument not legal': [
      '注册用户时传入的 username 不合法，详见 用户体系集成',
      '按注册规则使用仅含字母、数字及 _ - . 且不超过 64 个字符的用户 ID。',
    ],
    '400 illegal_argument chatmessage request': [
      '查询历史消息时传入的时间格式不正确，正确的格式为 YYYYMMDDHH。例如，要获取 2018 年 02 月 09 日 12 点到 13 点的历史消息，传入的时间为 2018020912。',
      '时间参数使用 YYYYMMDDHH 格式，如 2018020912。',
    ],
    '400 illegal_argument history is expired': [
      '查询的历史消息未生成或已过期。消息的保留时间取决于初始设置。',
      '查询保留期内的时段；最近一小时的记录可能尚未生成，请稍后再查。',
    ],
    '400 invalid_parameter': [
      '修改的群组信息时，传入的参数不支持，例如修改 groupid。修改群信息目前只支持修改“群名称”、“群描述” 和 “群最大人数”。',
      '只修改 groupname、description、maxusers 三个字段。',
    ],
    '400 required_property_not_found': [
      '修改用户密码请求未提供用户 ID（username）。',
      '补全或修正 error_description 中指出的字段后再发送。',
    ],
    '400 duplicate_unique_property_exists': [
      '注册用户时，用户 ID 已存在，请更换用户 ID 重新注册。 注：如果是批量注册，若一次调用返回一个 ID 已存在，则此次调用注册的其他不存在的 ID 不会注册，需将已存在的 ID 从数组中移除重新调用注册。',
      '更换用户 ID；批量注册时移除已存在的 ID 后重新注册其余 ID。',
    ],
    '400 illegal_argument too large': [
      '发送消息时消息体超过了 40 KB 会导致该错误，需要拆成几个更小的请求体重试。',
      '单条消息需小于 40 KB：拆分内容，或将大内容作为文件上传后发送链接。',
    ],
    '400 set presence failed': [
      '在线状态设置失败。',
      '可重试一两次；持续失败请联系环信技术支持。',
    ],
    '400 ext is too big': [
      '在线状态扩展信息长度超过限制',
      '将 ext 缩短到长度限制以内。',
    ],
    '400 resource not exist': [
      '设备来源不存在。',
      '使用当前已登录设备的 resource（设备）ID。',
    ],
    "400 you can't sub yourself": [
      '无法订阅自己的在线状态。',
      '从列表中移除用户自己的 ID。',
    ],
    '400 too many sub presence': [
      '订阅用户数量超过上限。',
      '每次订阅更少的用户；达到总上限时先取消不再关注的订阅。',
    ],
    '400 too many get presences': [
      '获取在线状态的用户数量超过上限。',
      '将用户列表拆成更小的批次。',
    ],
    '400 too many unsub presences': [
      '取消订阅的用户数量超过上限。',
      '将用户列表拆成更小的批次。',
    ],
    '400 too many queries': [
      '查询次数超过限制。',
      '降低查询频率，退避后再重试。',
    ],
    '401 unauthorized': [
      '调用 RESTful 接口发送请求时使用的 App Token 过期或未传入 App Token。\n该错误码针对除注册单个用户和批量注册用户之外的 RESTful 接口有效。',
      '重新获取 App Token（POST /{org}/{app}/token）后重试一次，并在 expires_in 到期前续期。',
    ],
    '401 unauthorized registration': [
      '授权注册模式下，调用注册单个用户和批量注册用户的 RESTful 接口时，未传入 App Token 或传入了错误的 App Token 时提示该错误，例如 Token 已过期或格式不正确。',
      '在服务端用有效的 App Token 注册（刷新后重试一次），或在控制台开启开放注册。',
    ],
    '401 auth_bad_access_token': [
      '调用 RESTful 接口发送请求时使用的 App Token 无效。App Token 的格式正确，但不是由接收请求的服务器生成的，导致服务器无法识别该 Token。\n该错误码针对除注册单个用户和批量注册用户两个 RESTful 接口之外的接口有效。',
      '使用所调用 REST 域名对应应用与集群签发的 Token（检查 AppKey 与 baseurl）。',
    ],
    '401 auth_bad_access_token corrupt': [
      '调用 RESTful 接口发送请求时使用的 App Token 格式错误。\n该错误码针对除注册单个用户和批量注册用户之外的 RESTful 接口有效。',
      '以 Authorization: Bearer <token> 原样发送 Token，或重新获取。',
    ],
    '403 forbidden_op': [
      '（禁止）服务器拒绝请求。对于群组/聊天室服务，表示本次调用不符合群组/聊天室操作的正确逻辑，例如调用添加成员接口，添加已经在群组里的用户，或者移除聊天室中不存在的成员等操作。',
      '查看 error_description，先核对成员关系与角色再调整调用，重试无效。',
    ],
    '403 forbidden_op already in group': [
      '添加群组或聊天室成员时，被添加用户已在群组或聊天室内。',
      '可视为已完成，或添加前先检查成员关系。',
    ],
    '403 forbidden_op are not members': [
      '踢除群组或聊天室成员时，被踢除的用户不在群组或聊天室内。',
      '可视为已完成，或移除前先刷新成员列表。',
    ],
    '403 forbidden_op exist in group': [
      '转让群组时，被转让的用户不是群组内成员。',
      '先将该用户加入群组，再转让群主。',
    ],
    '403 forbidden_op owner are the same': [
      '转让群组时，被转让的用户已经是群主。',
      '无需操作：该用户已是群主。',
    ],
    '403 forbidden_op group owner': [
      '当前操作禁止对群主使用，如将群主加入黑名单。',
      '将群主排除在该操作之外，或先转让群主。',
    ],
    '403 forbidden_op joined too many': [
      '用户加入的群组或聊天室数超过了限制。',
      '先退出部分群组或聊天室，或联系环信提升单用户上限。',
    ],
    '403 forbidden_op create too many': [
      '加入群组或聊天室时，群组或聊天室人数已达到上限。',
      '调大 maxusers 或联系环信商务升级套餐，或清理不用的成员与群组。',
    ],
    '404 organization_application_not_found': [
      'hx/hxdeo2 这个设置不正确或不存在，或 baseurl 集群设置错误（只针对 vip 集群的 AppKey），正确的是 orgname/appname，即 AppKey 的 “#“ 换成 ”/“。',
      '路径用 AppKey 的 orgname/appname（# 换成 /），域名用控制台显示的 REST 域名。',
    ],
    '404 service_resource_not_found': [
      'URL 指定的资源不存在，如用户相关接口提示用户不存在，群组相关接口提示群组不存在，聊天室相关接口提示聊天室不存在。\n获取的 username 不存在，若用户列表存在该 username，则是因为存在脏数据，可以使用 uuid 代替 username 将该 ID 删除，再使用该 username 重新创建。\n要删除的 username 不存在，若用户列表存在该 username，则可使用 user 的 uuid 代替 username 删除。',
      '检查用户、群组或聊天室 ID；如应存在请先创建。若接口说用户不存在而用户列表仍有该用户，则是残留数据：用 uuid 删除，需要时再重建。',
    ],
    '404 storage_object_not_found': [
      '对应的时间没有历史消息，如确定有历史消息，请联系环信技术支持。',
      '视为该时段没有消息；如确有消息，请联系 support@easemob.com。',
    ],
    '413 Request Entity Too Large': [
      '请求体过大，如上传文件时文件过大，需要拆成几个更小的请求体重试。',
      '将请求体拆成更小的多个请求；整体重发仍会失败。',
    ],
    '415 web_application': [
      '请求体的类型不支持，请检查请求头是否添加了 Content-Type: application/json，请求包体是否符合标准的 JSON 格式，以及请求头中是否有接口不需要的参数。',
      '设置 Content-Type: application/json 并发送合法的 JSON 请求体。',
    ],
    '429 resource_limited': [
      '超过免费版套餐包限制。如需开通其他版本套餐包，需联系环信商务。',
      '重试无效：联系环信商务升级套餐，或降低用量。',
    ],
    '429 reach_limit': [
      '超过即时通讯 RESTful API 的调用频率限制。',
      '退避后重试（遵循 Retry-After）；分散或合并调用。',
    ],
    '500 no_full_text_index': [
      'username 不支持全文索引，不可以对该字段进行 contains 操作。',
      '改用精确的 username 查询，不要使用 contains。',
    ],
    '500 unsupported_service_operation': [
      '请求 URL 不支持该请求方式。',
      '按环信接口文档使用该接口规定的 HTTP 方法。',
    ],
    '500 web_application': [
      '请求 URL 错误。',
      '对照接口文档检查 URL 路径（org/app、资源名及路径段）。',
    ],
  },
};
