/**
 * `faultline/ws`: a reconnecting WebSocket for `ws` (Node) and the standard WebSocket (browsers,
 * undici, Node 22+). A service's close codes and in-band kicks come with its provider value,
 * passed as an option: `new ReconnectingSocket(url, { provider: leancloud })` with
 * `import { leancloud } from 'faultline/catalog/leancloud'`. Without one, private codes
 * (4000–4999) mean "reconnect", whatever else the app imported.
 */
export { ReconnectingSocket } from './ws/socket.js';

export type {
  AckKey,
  HeartbeatOptions,
  KickLoopOptions,
  OutboxAck,
  OutboxOptions,
  ReconnectOptions,
  ReconnectingSocketOptions,
  SocketData,
  SocketEventMap,
  SocketEventName,
  SocketState,
  UrlSource,
  WebSocketConstructor,
  WebSocketLike,
} from './ws/types.js';
