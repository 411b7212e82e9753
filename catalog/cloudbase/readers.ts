import { ERRNO_RE, isObj, own, parseBody, str, type RawFault } from '../../src/raw-fault.js';

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

/**
 * The CloudBase SDKs' errors: `Error(JSON.stringify({code: 'OPERATION_FAIL', msg: '[REAL_CODE] text'}))`
 * (the real code in brackets), and errors or results with a string code of the service.
 */
export function readCloudBaseError(input: unknown): RawFault | undefined {
  const message = typeof input === 'string' ? input : isObj(input) ? str(own(input, 'message')) : undefined;
  if (message !== undefined && message[0] === '{') {
    const parsed = parseBody(message);
    if (isObj(parsed) && str(parsed.code) !== undefined) {
      const msg = str(parsed.msg) ?? str(parsed.message) ?? '';
      const inner = /^\s*\[([A-Z][A-Z0-9_.]{0,99})\]\s*([\s\S]*)$/.exec(msg);
      return { bodyCode: inner?.[1] ?? (parsed.code as string), bodyMessage: (inner?.[2] ?? msg) || undefined, requestId: str(parsed.requestId) };
    }
  }
  if (!isObj(input)) return undefined;
  const code = own(input, 'code');
  if (typeof code !== 'string' || !CODE_RE.test(code) || ERRNO_RE.test(code)) return undefined;
  return { bodyCode: code, bodyMessage: str(own(input, 'message')) ?? str(own(input, 'msg')), requestId: str(own(input, 'requestId')), message };
}
