import { codeOf, ERRNO_RE, isObj, str, type RawFault } from '../../src/raw-fault.js';

/** The `[status METHOD url]` suffix leancloud-storage writes on every error message ('N/A' when no answer came), unless `AV.keepErrorRawMessage(true)`. */
const SUFFIX_RE = / ?\[(\d{3}|N\/A) ([A-Z]{3,7}) ([^\]\s]{1,2048})\]$/;
/** The class name of leancloud-storage's errors (AVError in version 3, LCError in 4). */
const SDK_ERROR_RE = /^(?:AV|LC)Error$/;

/**
 * leancloud-storage's errors (AV.Error; its constructor reads `Error`): `{code, rawMessage,
 * message: '<text> [<status|N/A> <METHOD> <url>]'}`, and every other field of the error body.
 * The status survives only in that suffix, so it is read back from there (with the method and
 * URL). `code` is the service's number; -1 where the answer had none (an HTML or empty 5xx, or
 * the SDK's own timeout, `rawMessage: 'Timeout'`); a Node errno string where the connection failed.
 */
export function readLeanCloudError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const sdkError = (name: unknown): boolean => SDK_ERROR_RE.test(str(name) ?? '');
  if (!('rawMessage' in input) && !sdkError((input as { constructor?: { name?: unknown } }).constructor?.name) && !sdkError(input.name)) return undefined;
  const code = input.code;
  const message = str(input.message);
  const rawMessage = str(input.rawMessage);
  const raw: RawFault = { message };
  const suffix = message === undefined ? null : SUFFIX_RE.exec(message);
  if (suffix) {
    raw.method = suffix[2];
    raw.url = suffix[3];
    if (suffix[1] !== 'N/A') raw.status = Number(suffix[1]);
  }
  const text = rawMessage ?? (suffix ? (message as string).slice(0, suffix.index) : message);
  if (typeof code === 'string' && ERRNO_RE.test(code)) {
    raw.errno = code;
    return raw;
  }
  if (code !== -1 && codeOf(code) !== undefined) {
    raw.bodyCode = code as number | string;
    raw.bodyMessage = text === 'undefined' ? undefined : text;
    return raw;
  }
  // -1, no code of the service: the status says what happened; without one, the SDK's own
  // timeout ('Timeout') or a transport failure that left no errno.
  if (raw.status === undefined) raw.errno = /^timeout$/i.test(rawMessage ?? '') ? 'ETIMEDOUT' : 'ECONNRESET';
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
