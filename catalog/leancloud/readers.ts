import { int, isObj, own, str, type RawFault } from '../../src/raw-fault.js';

/** The `[status METHOD url]` suffix leancloud-storage writes on errors that carry no code of the service ('N/A' when no answer came). */
const SUFFIX_RE = /\[(\d{3}|N\/A) ([A-Z]{3,7}) ([^\]\s]{1,2048})\]$/;

/**
 * leancloud-storage's errors (AVError, LCError): `{code, message, rawMessage?}`. Its own transport
 * failures carry code -1 and a message ending in `[status METHOD url]`: the status (or, for 'N/A',
 * a network failure or its timeout) is read back from there.
 */
export function readLeanCloudError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const ctor = (input as { constructor?: { name?: unknown } }).constructor?.name;
  const name = str(own(input, 'name'));
  if (!('rawMessage' in input) && ctor !== 'AVError' && ctor !== 'LCError' && name !== 'AVError' && name !== 'LCError') return undefined;
  const code = int(own(input, 'code'));
  const message = str(own(input, 'message'));
  const raw: RawFault = { message };
  const suffix = message === undefined ? null : SUFFIX_RE.exec(message);
  if (code === -1 && suffix) {
    raw.method = suffix[2];
    raw.url = suffix[3];
    if (suffix[1] !== 'N/A') raw.status = Number(suffix[1]);
    else raw.errno = /timeout/i.test(str(own(input, 'rawMessage')) ?? message ?? '') ? 'ETIMEDOUT' : 'ECONNRESET';
    return raw;
  }
  if (code !== undefined) raw.bodyCode = code;
  raw.bodyMessage = str(own(input, 'rawMessage')) ?? message;
  return raw;
}

interface ImCommand {
  readonly cmd?: unknown;
  readonly op?: unknown;
  readonly code?: unknown;
  readonly reason?: unknown;
}

/**
 * LeanCloud IM's in-band kicks on an open socket (JSON protocol): `{"cmd":"session","op":"closed",
 * "code":4111}` means what close code 4111 means; `{"cmd":"goaway"}` asks the client to reconnect.
 */
export function readLeanCloudInBand(data: unknown): RawFault | undefined {
  if (typeof data !== 'string' || data.length > 65_536 || !data.includes('"cmd"')) return undefined;
  let command: ImCommand | null;
  try {
    command = JSON.parse(data) as ImCommand | null;
  } catch {
    return undefined;
  }
  if (command?.cmd === 'goaway') return { bodyCode: 'GOAWAY', bodyMessage: 'The server asked the client to reconnect' };
  if (command?.cmd === 'session' && command.op === 'closed' && typeof command.code === 'number') {
    return { closeCode: command.code, closeReason: str(command.reason) };
  }
  return undefined;
}
