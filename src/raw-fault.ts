import type { Code } from './catalog-types.js';
import { LIMITS } from './constants.js';
import type { Provider } from './provider.js';

/** Header containers classify() can read: a Fetch `Headers`, a plain record, or any object with `get(name)`. */
export type HeadersInput =
  | { get(name: string): string | null | undefined | unknown }
  | Readonly<Record<string, unknown>>;

/**
 * Everything classify() needs, read off whatever was thrown or returned. Readers make these: the
 * generic ones below (HTTP shapes, close events, errno chains), a client's beside its adapter
 * beside its adapter, a provider's SDK errors in its catalog folder.
 */
export interface RawFault {
  status?: number;
  headers?: HeadersInput;
  body?: unknown;
  /** The service's own code, from the body or an SDK error. */
  bodyCode?: Code;
  bodyMessage?: string;
  /** A body that names its error only by its description (no code): matched as the code when nothing else is. */
  altCode?: string;
  closeCode?: number;
  closeReason?: string;
  /** An errno-style code or a DOMException name (ECONNRESET, UND_ERR_SOCKET, AbortError…). */
  errno?: string;
  message?: string;
  /** A bare number or string that was thrown: reported as the code, never looked up. */
  literal?: Code;
  method?: string;
  url?: string;
  requestHeaders?: HeadersInput;
  requestId?: string;
  /** A server-given delay the reader found itself (beside the headers classify() reads). */
  retryAfterMs?: number;
  /** Whose shape this is, when a reader knows (a provider's SDK error read by its own reader). */
  provider?: Provider;
}

/** Reads one client's or SDK's failure into a RawFault; undefined when the value is not its shape. May throw on hostile getters: classify() guards it. */
export type Reader = (input: unknown) => RawFault | undefined;

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
export const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
/** A service's code: an integer or a non-empty string. */
export const codeOf = (v: unknown): Code | undefined => int(v) ?? str(v);
const statusOf = (o: Obj): number | undefined => int(o.status) ?? int(o.statusCode);
/** A DOMException abort or timeout (its legacy numeric `code`, 20 for AbortError, says nothing): its name is the errno. */
const isAbort = (name: string | undefined): boolean => name === 'AbortError' || name === 'TimeoutError';
/**
 * Readers read a property (own or inherited: SDK errors keep fields on prototypes) once: a getter
 * may answer differently the second time. Each read is a plain property access, which the engine
 * specialises per call site (a helper taking the key was one slow lookup for every field).
 */

/**
 * The errno-style code a reader gives an answer that was not the API's JSON where the client kept
 * only its parse failure (an official SDK's JSON.parse error after a gateway's HTML 5xx page or an
 * empty body): the status is lost with it. The network catalog decides it.
 */
export const NON_JSON_RESPONSE = 'NON_JSON_RESPONSE';

export const ERRNO_RE = /^(?:E[A-Z0-9]{1,30}|EAI_[A-Z]{1,30}|UND_ERR_[A-Z_]{1,40}|ERR_[A-Z0-9_]{1,60}|[A-Z_]{0,40}CERT[A-Z_]{0,40}|[A-Z_]{1,40}_SIGNATURE)$/;
const IDENTIFIER_RE = /^[a-z][a-z0-9_]{0,99}$/i;

/** Parses a text body that looks like JSON (at most LIMITS.body characters); anything else is kept as text. */
export function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const text = body.slice(0, LIMITS.body);
  const t = text.trimStart();
  if (t[0] !== '{' && t[0] !== '[') return text;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return text;
  }
}

/** The text of the first `<title>` of an HTML page: one forward scan, whatever the page holds. */
function titleOf(html: string): string | undefined {
  const lower = html.slice(0, LIMITS.body).toLowerCase();
  const open = lower.indexOf('<title');
  if (open < 0) return undefined;
  const start = lower.indexOf('>', open);
  if (start < 0) return undefined;
  const end = lower.indexOf('<', start + 1);
  const title = html.slice(start + 1, end < 0 ? start + 201 : Math.min(end, start + 201)).trim();
  return title || undefined;
}

/**
 * The common error bodies: `{code, error|message|msg}` (a numeric or string code beside a
 * sentence) and OAuth's `{error, error_description}` (RFC 6749: an identifier beside a sentence).
 */
export function readBody(raw: RawFault, body: unknown): void {
  raw.body = body;
  if (typeof body === 'string') {
    raw.bodyMessage ??= titleOf(body) ?? (body.length <= 300 && !body.includes('<') ? body.trim() || undefined : undefined);
    return;
  }
  if (!isObj(body)) return;
  const error = str(body.error);
  raw.bodyCode = codeOf(body.code) ?? (error && IDENTIFIER_RE.test(error) ? error : raw.bodyCode);
  const description = str(body.error_description);
  if (raw.bodyCode === undefined) raw.altCode = description;
  raw.bodyMessage = description ?? str(body.message) ?? str(body.msg) ?? error ?? raw.bodyMessage;
  raw.requestId ??= str(body.requestId) ?? str(body.request_id) ?? str(body.requestID);
}

/** A response-like object: its status, headers and (unless it is a stream) body. */
export function readHttp(raw: RawFault, response: Obj, body: unknown): RawFault {
  raw.status = statusOf(response);
  const headers = response.headers;
  if (isObj(headers)) raw.headers = headers as HeadersInput;
  // A Fetch Response's `body` is a stream: never read here (classify is synchronous).
  const readable = isObj(body) && typeof (body as { getReader?: unknown }).getReader === 'function' ? undefined : body;
  if (readable !== undefined && readable !== null) readBody(raw, parseBody(readable));
  raw.url ??= str(response.url);
  return raw;
}

/** Follows `cause` (and AggregateError's first error) for an errno-style code or an abort. */
export function readErrnoChain(raw: RawFault, error: unknown): void {
  let current = error;
  for (let depth = 0; depth < 6 && isObj(current); depth++) {
    const code = str(current.code);
    if (code && ERRNO_RE.test(code)) {
      raw.errno = code;
      return;
    }
    const name = str(current.name);
    if (isAbort(name)) {
      raw.errno = name;
      return;
    }
    const errors = current.errors;
    current = current.cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
}

const isStatus = (n: number | undefined): n is number => n !== undefined && n >= 100 && n <= 599;

/**
 * What any value says without knowing its client: a string or number thrown; a DOMException abort;
 * an HTTP shape `{status, headers?, body?}` (a Fetch Response qualifies); an error carrying a
 * `response` with a status; a WebSocket close event; an error with its own `code` and message; a
 * cause chain with an errno. Always answers.
 */
export function readGeneric(input: unknown): RawFault {
  const raw: RawFault = {};
  if (typeof input === 'string') {
    raw.message = input.slice(0, LIMITS.message);
    if (ERRNO_RE.test(input)) raw.errno = input;
    return raw;
  }
  if (typeof input === 'number') {
    if (Number.isFinite(input)) raw.literal = input;
    return raw;
  }
  if (!isObj(input)) return raw;

  const message = str(input.message);
  raw.message = message;
  const name = str(input.name);
  if (isAbort(name)) {
    raw.errno = name;
    return raw;
  }

  if (isStatus(statusOf(input))) return readHttp(raw, input, input.body ?? input.data);

  // The common convention of HTTP clients: an error carrying the `response` (and the `request`).
  const response = input.response;
  if (isObj(response) && isStatus(statusOf(response))) {
    const request = input.request;
    if (isObj(request)) {
      raw.method = str(request.method);
      raw.url = str(request.url);
      const headers = request.headers;
      if (isObj(headers)) raw.requestHeaders = headers as HeadersInput;
    }
    const options = input.options;
    if (isObj(options)) raw.method ??= str(options.method);
    return readHttp(raw, response, input.data ?? response.data ?? response.body);
  }

  const code = input.code;
  if (int(code) !== undefined && ('wasClean' in input || 'reason' in input || input.type === 'close')) {
    raw.closeCode = code as number;
    raw.closeReason = str(input.reason);
    return raw;
  }

  if (int(code) !== undefined || (str(code) !== undefined && !ERRNO_RE.test(code as string))) {
    raw.bodyCode = code as Code;
    raw.bodyMessage = message ?? str(input.error);
    raw.requestId = str(input.requestId);
    return raw;
  }

  readErrnoChain(raw, input);
  return raw;
}
