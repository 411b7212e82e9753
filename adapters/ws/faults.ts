import { classify, type ClassifyOptions } from '../../src/classify.js';
import { SOCKET_DEFAULTS } from '../../src/constants.js';
import { varyError, type FaultlineError } from '../../src/errors.js';

export interface CloseEventLike {
  readonly code: number;
  readonly reason: string;
}
export interface ErrorEventLike {
  readonly error?: unknown;
  readonly message?: unknown;
}

/**
 * A close before 'open' is a failed handshake, not a dropped connection. ws reports why (errno,
 * "Unexpected server response: 403"); the standard WebSocket only says error + 1006, which becomes
 * NetworkError 'HANDSHAKE_FAILED'. The close code is kept as received either way.
 */
export function handshakeError(close: CloseEventLike, fault: ErrorEventLike | undefined, options: ClassifyOptions): FaultlineError {
  const cause = fault?.error ?? fault;
  const status = /response:? (\d{3})\b/i.exec(String(fault?.message ?? '').slice(0, 200))?.[1];
  const base = status ? classify({ status: Number(status) }, options) : fault?.error !== undefined ? classify(fault.error, options) : undefined;
  const known = base !== undefined && base.kind !== 'unknown' ? base : undefined;
  return varyError(known ?? classify(undefined, options), known?.kind ?? 'network', {
    message: `WebSocket handshake failed before the connection opened${known ? `: ${known.message}` : ''}`,
    code: known ? known.code : 'HANDSHAKE_FAILED',
    retry: known ? known.retry : 'always',
    closeCode: close.code,
    provider: known?.provider ?? options.provider?.name,
    ...(known ? {} : { advice: undefined, description: undefined }),
    cause,
  });
}

/** The server sends this client away with the same application code as soon as it arrives: reconnecting only hammers it. */
export function kickLoopError(last: FaultlineError, count: number): FaultlineError {
  return varyError(last, 'connection_closed', {
    code: 'KICK_LOOP',
    retry: 'never',
    message: `Stopped reconnecting: the server closed the connection with ${String(last.closeCode)} ${count} times in a row before it became stable (${last.message})`,
    advice: {
      en: 'The server sends this client away as soon as it connects: check the session (signed in elsewhere? credentials? the ready gate?), then call reconnect().',
      zh: '服务端在连接后随即断开该客户端：请先检查会话（是否在别处登录、凭证、ready 流程），再调用 reconnect()。',
    },
    cause: last,
  });
}

/** A close reason cut to what a close frame holds (123 UTF-8 bytes), at a character boundary: a longer one makes close() throw and the connection stay. */
export function closeReason(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  const text = String(reason);
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= SOCKET_DEFAULTS.maxCloseReasonBytes) return text;
  let end = SOCKET_DEFAULTS.maxCloseReasonBytes;
  // Back up to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}
