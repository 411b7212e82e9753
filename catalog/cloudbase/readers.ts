import { ERRNO_RE, int, isObj, NON_JSON_RESPONSE, parseBody, str, type HeadersInput, type Obj, type RawFault } from '../../src/raw-fault.js';

const CODE_RE = /^[A-Z][A-Z0-9_.]{1,99}$/;

/** CloudBase's `{code: 'UPPER_SNAKE', message|msg, requestId}`, as a body or an SDK result. */
export function isCloudBaseBody(body: unknown): boolean {
  return isObj(body) && typeof body.code === 'string' && CODE_RE.test(body.code) && ('requestId' in body || 'message' in body || 'msg' in body);
}

/** A 2xx answer whose body carries an error code (success bodies have none, or 0 / SUCCESS). */
export function isCloudBaseErrorBody(body: unknown): boolean {
  if (!isObj(body)) return false;
  const code = body.code;
  return (typeof code === 'number' && code !== 0) || (typeof code === 'string' && !/^(?:0|ok|success|)$/i.test(code));
}

/** What JSON.parse says (V8, SpiderMonkey, JavaScriptCore) about a body that is not JSON. */
const NOT_JSON_RE = /is not valid JSON|Unexpected end of JSON input|Unexpected token|JSON\.parse|JSON Parse error/;
/** @cloudbase/js-sdk reading the result list of an empty (null) body: its own TypeError. */
const NULL_LIST = "Cannot read properties of null (reading 'list')";
/** Frames of the CloudBase SDKs: a bare SyntaxError or TypeError is theirs only when it comes from there. */
const FROM_SDK_RE = /@cloudbase[\\/]/;
/** @cloudbase/js-sdk's own timeout: `请求在${seconds}s内未完成，已中断`. */
const TIMEOUT_RE = /^请求在[\d.]+m?s内未完成，已中断$/;
/** @cloudbase/node-sdk's TcbError for an answer that was not HTTP 200: `${status} ${statusText} | [${url}]`. */
const STATUS_TEXT_RE = /^\d{3} [^|]{0,100}\| \[([^\]\s]{1,2048})\]$/;

const nameOf = (input: Obj): string | undefined => str((input as { constructor?: { name?: unknown } }).constructor?.name);
const stackOf = (input: Obj): string => {
  const stack = input.stack;
  return typeof stack === 'string' ? stack : '';
};

/**
 * What the CloudBase SDKs reject (or resolve) with:
 * - @cloudbase/node-sdk: `TcbError {code, message, requestId}`; a string `code` is the service's
 *   (the answer was HTTP 200), a number is the HTTP status (`'429 Too Many Requests | [url]'`, the
 *   body never read); a gateway's HTML 5xx page makes a bare SyntaxError out of its JSON.parse;
 * - @cloudbase/js-sdk resolves error bodies as results, `{code, data: {code, message, requestId},
 *   requestId, response}` (the status and headers only on the raw Response), rejects on its own
 *   timeout with `Error('请求在0.15s内未完成，已中断')` and on an empty body with a TypeError;
 * - older SDKs: `Error(JSON.stringify({code: 'OPERATION_FAIL', msg: '[REAL_CODE] text'}))`.
 * Connection failures are Node's or fetch's own errors, left to the generic readers.
 */
export function readCloudBaseError(input: unknown): RawFault | undefined {
  const message = typeof input === 'string' ? input : isObj(input) ? str(input.message) : undefined;
  if (message !== undefined && message[0] === '{') {
    const parsed = parseBody(message);
    if (isObj(parsed) && str(parsed.code) !== undefined) {
      const msg = str(parsed.msg) ?? str(parsed.message) ?? '';
      const inner = /^\s*\[([A-Z][A-Z0-9_.]{0,99})\]\s*([\s\S]*)$/.exec(msg);
      return { bodyCode: inner?.[1] ?? (parsed.code as string), bodyMessage: (inner?.[2] ?? msg) || undefined, requestId: str(parsed.requestId) };
    }
  }
  if (!isObj(input)) return undefined;
  const code = input.code;
  const requestId = str(input.requestId);
  const status = int(code);
  if (status !== undefined && status >= 100 && status <= 599 && nameOf(input) === 'TcbError') {
    return { status, url: message === undefined ? undefined : STATUS_TEXT_RE.exec(message)?.[1], message, requestId };
  }
  if (message !== undefined && TIMEOUT_RE.test(message)) return { errno: 'ETIMEDOUT', message, requestId };
  const name = str(input.name);
  if (message !== undefined && (name === 'SyntaxError' || name === 'TypeError') && (NOT_JSON_RE.test(message) || message === NULL_LIST) && FROM_SDK_RE.test(stackOf(input))) {
    return { errno: NON_JSON_RESPONSE, message };
  }
  if (typeof code !== 'string' || !CODE_RE.test(code) || ERRNO_RE.test(code)) return undefined;
  const raw: RawFault = { bodyCode: code, bodyMessage: message ?? str(input.msg), requestId, message };
  const data = input.data;
  if (isObj(data)) {
    raw.bodyMessage ??= str(data.message);
    // The server's id; the result's own `requestId` is the one the client made up.
    raw.requestId = str(data.requestId) ?? raw.requestId;
  }
  const response = input.response;
  if (isObj(response)) {
    raw.status = int(response.status);
    const headers = response.headers;
    if (isObj(headers)) raw.headers = headers as HeadersInput;
    raw.url = str(response.url);
  }
  return raw;
}
