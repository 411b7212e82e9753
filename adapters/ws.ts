/**
 * `faultline/ws`: a reconnecting WebSocket for `ws` (Node) and the standard WebSocket (browsers,
 * undici, Node 22+). Provider catalogs are not bundled here: register the one you use
 * (`registerCatalog(leancloud)` from `faultline/catalog/leancloud`), or import `faultline`, which
 * registers them all.
 */
export { ReconnectingSocket } from './ws/socket.js';

export type {
  HeartbeatOptions,
  KickLoopOptions,
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
