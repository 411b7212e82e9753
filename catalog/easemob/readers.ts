import { int, isObj, own, parseBody, readBody, str, type Obj, type RawFault } from '../../src/raw-fault.js';

/** Easemob's REST errors: `{error, error_description}` (or `exception`). */
export function isEasemobBody(body: unknown): boolean {
  return isObj(body) && typeof body.error === 'string' && ('error_description' in body || 'exception' in body);
}

/**
 * easemob-websdk's errors: `{type, message, data?: {…}, extraInfo?: {httpCode, errDesc}}`, the HTTP
 * status in `httpCode` and the service's answer (JSON text) in `errDesc` or the response text.
 */
export function readEasemobError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const inner = own(input, 'data');
  const holder = [input, isObj(inner) ? inner : undefined].find((o): o is Obj => o !== undefined && isObj(own(o, 'extraInfo')));
  if (!holder) return undefined;
  const extra = own(holder, 'extraInfo') as Obj;
  const raw: RawFault = { message: str(own(input, 'message')) };
  const httpCode = own(extra, 'httpCode');
  const status = int(httpCode) ?? (typeof httpCode === 'string' ? Number.parseInt(httpCode, 10) : undefined);
  if (status !== undefined && status >= 100 && status <= 599) raw.status = status;
  const text = str(own(extra, 'errDesc')) ?? str(own(holder, 'data'));
  const body = text === undefined ? undefined : parseBody(text);
  if (isObj(body)) readBody(raw, body);
  else if (text && /^[a-z][a-z0-9_]{0,99}$/i.test(text)) raw.bodyCode = text;
  else raw.bodyMessage = text;
  return raw;
}
