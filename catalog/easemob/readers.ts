import { int, isObj, parseBody, readBody, str, type HeadersInput, type Obj, type RawFault } from '../../src/raw-fault.js';

/** Easemob's REST errors: `{error, error_description}` (or `exception`). */
export function isEasemobBody(body: unknown): boolean {
  return isObj(body) && typeof body.error === 'string' && ('error_description' in body || 'exception' in body);
}

/** easemob-websdk's error `type`s that are about the transport, not the service. */
const REQUEST_TIMEOUT = -1;
const REQUEST_UNKNOWN = -2;
/** SERVER_BUSY: the SDK's word for an HTTP 429 or 503, whatever the body said. */
const SERVER_BUSY = 500;

/** An error object of easemob-websdk: a numeric `type` beside its message, its data or the HTTP facts it kept. */
const isSdkError = (o: unknown): o is Obj =>
  isObj(o) && int(o.type) !== undefined && ('message' in o || 'data' in o || 'extraInfo' in o || 'statusCode' in o);

/** The first of these texts (or objects) that is an Easemob error body. */
function bodyOf(candidates: readonly unknown[]): Obj | undefined {
  for (const candidate of candidates) {
    const body = typeof candidate === 'string' ? parseBody(candidate) : candidate;
    if (isObj(body) && typeof body.error === 'string') return body;
  }
  return undefined;
}

/**
 * easemob-websdk's errors. Logging in, it rejects `{type: 1, message, data: {type, data:
 * <response text>, message, extraInfo: {httpCode, errDesc}}}`; after login the REST calls reject
 * the inner object alone, without `extraInfo`; outside a browser (`globalThis.request`, wx.request's
 * contract) the inner object keeps `statusCode`, the parsed `data` and the response `header`.
 * For a 429 or a 503 `message` and `errDesc` say only "Server is busy.": the error name
 * (`reach_limit`, `resource_limited`) survives only in the response text, read here.
 */
export function readEasemobError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const inner = input.data;
  const holder = isSdkError(inner) || (isObj(inner) && isObj(inner.extraInfo)) ? inner : input;
  const extraInfo = holder.extraInfo;
  const extra = isObj(extraInfo) ? extraInfo : undefined;
  if (!extra && !isSdkError(holder)) return undefined;

  const raw: RawFault = { message: str(input.message) };
  const httpCode = extra && extra.httpCode;
  const status = int(holder.statusCode) ?? int(httpCode) ?? (typeof httpCode === 'string' ? Number.parseInt(httpCode, 10) : undefined);
  if (status !== undefined && status >= 100 && status <= 599) raw.status = status;
  const header = holder.header;
  if (isObj(header)) raw.headers = header as HeadersInput;

  const errDesc = extra && str(extra.errDesc);
  const body = bodyOf([holder.data, holder.message, errDesc]);
  if (body) readBody(raw, body);
  else if (errDesc && /^[a-z][a-z0-9_]{0,99}$/i.test(errDesc)) raw.bodyCode = errDesc;

  if (raw.bodyCode === undefined && raw.status === undefined) {
    const type = int(holder.type);
    const failure = `${str(holder.errorType) ?? ''} ${str(holder.errMsg) ?? ''} ${errDesc ?? ''} ${raw.altCode ?? ''}`;
    // The XHR's own timeout, wx.request's 'request:fail timeout'.
    if (type === REQUEST_TIMEOUT || /timeout/i.test(failure)) raw.errno = 'ETIMEDOUT';
    // The XHR's onerror (reset, refused: status 0), wx.request's 'request:fail'.
    else if (type === REQUEST_UNKNOWN || /onerror|request:fail/.test(failure)) raw.errno = 'ERR_NETWORK';
    // "Server is busy." with no error name: Easemob's 429s always name one, so this is the 503.
    else if (type === SERVER_BUSY) raw.status = 503;
  }
  if (raw.bodyMessage === undefined && errDesc !== undefined && errDesc !== 'Server is busy.') raw.bodyMessage = errDesc;
  return raw;
}
