import type { HeadersInput } from './classify-types.js';

/**
 * Everything classify() needs, read off whatever was thrown: the one place that knows the
 * shapes of axios, ky, fetch/undici, Node, WebSocket close events and the BaaS SDKs' errors.
 */
export interface RawFault {
  status?: number;
  headers?: HeadersInput;
  body?: unknown;
  /** The provider's code from the body or SDK error (LeanCloud/Parse number, CloudBase string, Easemob `error`). */
  bodyCode?: number | string;
  bodyMessage?: string;
  /** Easemob rows without an `error` are keyed by their `error_description`. */
  altCode?: string;
  closeCode?: number;
  closeReason?: string;
  /** Node/undici errno-style code or DOMException name (ECONNRESET, UND_ERR_SOCKET, AbortError…). */
  errno?: string;
  message?: string;
  /** A bare number or string that was thrown: reported as the code, never looked up. */
  literal?: number | string;
  /** Provider implied by the shape (ParseError → parse, AVError → leancloud…). */
  provider?: string;
  method?: string;
  url?: string;
  requestHeaders?: HeadersInput;
  requestId?: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) || key in o ? o[key] : undefined);

const ERRNO_RE = /^(?:E[A-Z0-9]+|EAI_[A-Z]+|UND_ERR_[A-Z_]+|ERR_[A-Z0-9_]+|[A-Z_]*CERT[A-Z_]*|[A-Z_]+_SIGNATURE)$/;
/** Bodies are parsed only when they look like JSON and are small enough to be an error payload. */
const MAX_JSON_TEXT = 1 << 20;

/** Parses a text body that looks like JSON; anything else is kept as text. */
export function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const t = body.trimStart();
  if (t.length > MAX_JSON_TEXT || (t[0] !== '{' && t[0] !== '[')) return body;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return body;
  }
}

/** `{code, error|message}` bodies of LeanCloud/Parse/CloudBase; Easemob's `{error: 'reach_limit'}`. */
function readBody(raw: RawFault, body: unknown): void {
  raw.body = body;
  if (!isObj(body)) {
    if (typeof body === 'string') {
      const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body);
      raw.bodyMessage = title?.[1]?.trim() ?? (body.length <= 300 && !body.includes('<') ? body.trim() || undefined : undefined);
    }
    return;
  }
  const code = own(body, 'code');
  if (int(code) !== undefined || str(code) !== undefined) raw.bodyCode = code as number | string;
  else if (str(own(body, 'error')) && raw.bodyCode === undefined && /^[a-z][a-z0-9_]*$/i.test(body.error as string)) {
    // Easemob names its errors in `error`; LeanCloud/Parse put a sentence there next to `code`.
    raw.bodyCode = body.error as string;
  }
  if (raw.bodyCode === undefined) raw.altCode = str(own(body, 'error_description'));
  raw.bodyMessage =
    str(own(body, 'error_description')) ?? str(own(body, 'message')) ?? str(own(body, 'msg')) ?? str(own(body, 'error')) ?? raw.bodyMessage;
  raw.requestId ??= str(own(body, 'requestId')) ?? str(own(body, 'request_id')) ?? str(own(body, 'requestID'));
}

/** CloudBase SDKs throw Error(JSON.stringify({code:'OPERATION_FAIL', msg:'[REAL_CODE] text'})). */
function readCloudbaseWrapper(raw: RawFault, message: string): boolean {
  if (message[0] !== '{') return false;
  const parsed = parseBody(message);
  if (!isObj(parsed) || str(parsed.code) === undefined) return false;
  const msg = str(parsed.msg) ?? str(parsed.message) ?? '';
  const inner = /^\s*\[([A-Z][A-Z0-9_.]*)\]\s*(.*)$/s.exec(msg);
  raw.bodyCode = inner?.[1] ?? (parsed.code as string);
  raw.bodyMessage = (inner?.[2] ?? msg) || undefined;
  raw.provider ??= 'cloudbase';
  raw.requestId ??= str(parsed.requestId);
  return true;
}

function readErrnoChain(raw: RawFault, error: Obj): void {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && isObj(current); depth++) {
    const code = str(own(current, 'code'));
    if (code && ERRNO_RE.test(code)) {
      raw.errno = code;
      return;
    }
    const name = str(own(current, 'name'));
    if (name === 'AbortError' || name === 'TimeoutError') {
      raw.errno = name;
      return;
    }
    const errors = own(current, 'errors');
    current = own(current, 'cause') ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
}

/** Reads any thrown value into a RawFault. May throw on hostile getters; classify() guards it. */
export function toRawFault(input: unknown): RawFault {
  const raw: RawFault = {};
  if (typeof input === 'string') {
    raw.message = input;
    if (!readCloudbaseWrapper(raw, input) && ERRNO_RE.test(input)) raw.errno = input;
    return raw;
  }
  if (typeof input === 'number') {
    if (Number.isFinite(input)) raw.literal = input;
    return raw;
  }
  if (!isObj(input)) return raw;

  const message = str(own(input, 'message'));
  raw.message = message;
  const name = str(own(input, 'name'));
  // DOMException carries a legacy numeric `code` (20 for AbortError): its name is what counts.
  if (name === 'AbortError' || name === 'TimeoutError') {
    raw.errno = name;
    return raw;
  }

  // axios: AxiosError with optional response.
  if (own(input, 'isAxiosError') === true) {
    const config = own(input, 'config');
    if (isObj(config)) {
      raw.method = str(config.method);
      const url = str(config.url);
      const base = str(config.baseURL);
      raw.url = url && base && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? base.replace(/\/+$/, '') + '/' + url.replace(/^\/+/, '') : url ?? base;
      if (isObj(config.headers)) raw.requestHeaders = config.headers as HeadersInput;
    }
    const response = own(input, 'response');
    // A success whose body broke off ('stream has been aborted', ECONNRESET 'aborted') is a dropped
    // connection: its status line says nothing about the failure.
    const cut = isObj(response) && (int(own(response, 'status')) ?? 0) < 400 && /aborted|premature close/i.test(message ?? '');
    if (isObj(response) && !cut) return readHttp(raw, response, own(response, 'data'));
    readErrnoChain(raw, input);
    if (cut && (raw.errno === undefined || raw.errno === 'ERR_BAD_RESPONSE')) raw.errno = 'ECONNRESET';
    // axios reports its own `timeout` as ECONNABORTED "timeout of Nms exceeded".
    if (raw.errno === 'ECONNABORTED' && message && /timeout/i.test(message)) raw.errno = 'ETIMEDOUT';
    return raw;
  }

  // ky HTTPError / anything carrying a Fetch Response; got's HTTPError (statusCode, body on the response).
  const response = own(input, 'response');
  if (isObj(response) && (int(own(response, 'status')) ?? int(own(response, 'statusCode'))) !== undefined) {
    const request = own(input, 'request');
    if (isObj(request)) {
      raw.method = str(request.method);
      raw.url = str(request.url);
      if (isObj(request.headers)) raw.requestHeaders = request.headers as HeadersInput;
    }
    const options = own(input, 'options');
    if (isObj(options)) raw.method ??= str(options.method);
    return readHttp(raw, response, own(input, 'data') ?? own(response, 'body'));
  }

  // An HTTP shape {status, headers?, body?} (a Fetch Response qualifies; its stream body is not read).
  const status = int(own(input, 'status')) ?? int(own(input, 'statusCode'));
  if (status !== undefined && status >= 100 && status <= 599) {
    const body = own(input, 'body') ?? own(input, 'data');
    return readHttp(raw, input, body);
  }

  // WebSocket close event: numeric code plus wasClean/reason.
  const code = own(input, 'code');
  if (int(code) !== undefined && ('wasClean' in input || 'reason' in input || own(input, 'type') === 'close')) {
    raw.closeCode = code as number;
    raw.closeReason = typeof input.reason === 'string' ? input.reason : undefined;
    return raw;
  }

  // Easemob SDK: { type, message, extraInfo: { httpCode, errDesc } }.
  const extra = own(input, 'extraInfo');
  if (isObj(extra) && ('httpCode' in extra || 'errDesc' in extra)) {
    raw.provider = 'easemob';
    const httpCode = int(extra.httpCode) ?? (typeof extra.httpCode === 'string' ? Number.parseInt(extra.httpCode, 10) : undefined);
    if (httpCode !== undefined && Number.isFinite(httpCode)) raw.status = httpCode;
    const desc = str(extra.errDesc);
    const parsed = desc ? parseBody(desc) : undefined;
    if (isObj(parsed)) readBody(raw, parsed);
    else if (desc && /^[a-z][a-z0-9_]*$/i.test(desc)) raw.bodyCode = desc;
    else raw.bodyMessage = desc;
    return raw;
  }

  // CloudBase wrapper: Error(JSON.stringify({code, msg: '[REAL_CODE] …'})).
  if (message && readCloudbaseWrapper(raw, message)) return raw;

  // SDK errors with a provider code: Parse's ParseError, LeanCloud's AVError, CloudBase {code:'X'}.
  if (int(code) !== undefined || (str(code) !== undefined && !ERRNO_RE.test(code as string))) {
    raw.bodyCode = code as number | string;
    raw.bodyMessage = message ?? str(own(input, 'error'));
    const ctor = (input as { constructor?: { name?: unknown } }).constructor;
    const ctorName = typeof ctor?.name === 'string' ? ctor.name : undefined;
    if (name === 'ParseError' || ctorName === 'ParseError') raw.provider = 'parse';
    else if ('rawMessage' in input || ctorName === 'AVError' || ctorName === 'LCError' || name === 'AVError') raw.provider = 'leancloud';
    else if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) raw.provider = 'cloudbase';
    raw.requestId = str(own(input, 'requestId'));
    return raw;
  }

  // Node / undici / fetch errors: walk the cause chain for an errno-style code.
  readErrnoChain(raw, input);
  return raw;
}

function readHttp(raw: RawFault, response: Obj, body: unknown): RawFault {
  raw.status = int(own(response, 'status')) ?? int(own(response, 'statusCode'));
  const headers = own(response, 'headers');
  if (isObj(headers)) raw.headers = headers as HeadersInput;
  // A Fetch Response's `body` is a stream: never read it here (classify is synchronous).
  const readable = isObj(body) && typeof (body as { getReader?: unknown }).getReader === 'function' ? undefined : body;
  if (readable !== undefined && readable !== null) readBody(raw, parseBody(readable));
  raw.url ??= str(own(response, 'url'));
  return raw;
}
