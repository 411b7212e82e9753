import { classify } from '../../src/classify.js';
import { ConnectionClosedError, createError, type FaultlineError } from '../../src/errors.js';

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
export function handshakeError(close: CloseEventLike, fault: ErrorEventLike | undefined, provider?: string): FaultlineError {
  const cause = fault?.error ?? fault;
  const status = /response:? (\d{3})\b/i.exec(String(fault?.message ?? ''))?.[1];
  const base = status ? classify({ status: Number(status) }, { provider }) : fault?.error !== undefined ? classify(fault.error, { provider }) : undefined;
  const known = base !== undefined && base.kind !== 'unknown' ? base : undefined;
  return createError(known?.kind ?? 'network', {
    ...known,
    message: `WebSocket handshake failed before the connection opened${known ? `: ${known.message}` : ''}`,
    code: known ? known.code : 'HANDSHAKE_FAILED',
    retry: known ? known.retry : 'always',
    closeCode: close.code,
    provider: known?.provider ?? provider,
    cause,
  });
}

/** The connection keeps closing with the same code right after it opens: reconnecting only hammers the server. */
export function kickLoopError(last: FaultlineError, count: number, windowMs: number): FaultlineError {
  return new ConnectionClosedError({
    code: 'KICK_LOOP',
    closeCode: last.closeCode,
    provider: last.provider,
    retry: 'never',
    message: `Stopped reconnecting: the connection closed ${count} times in a row within ${windowMs} ms of opening (${last.message})`,
    advice: {
      en: 'The server drops this client right after it connects: check the session (logged in elsewhere? credentials or the ready gate failing?) before calling reconnect().',
      zh: '服务端在连接建立后随即断开该客户端：请先检查会话（是否在别处登录、凭证或 ready 流程是否失败），再调用 reconnect()。',
    },
    cause: last,
  });
}
