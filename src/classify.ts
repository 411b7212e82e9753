import { httpDecisions } from '../catalog/http/decisions.js';
import { networkDecisions } from '../catalog/network/decisions.js';
import { websocketDecisions } from '../catalog/websocket/decisions.js';
import type { CatalogRow, CatalogText, Code } from './catalog-types.js';
import { createError, isFaultlineError, UnknownError, type FaultlineError } from './errors.js';
import { getHeader } from './headers.js';
import { kindText } from './kind-text.js';
import { isErrorKind, isRetrySemantics, type ErrorKind, type LocalizedText, type RetrySemantics } from './kinds.js';
import { findRow, findStatusRow, ownsCloseCode, textOf, type Provider } from './provider.js';
import { int, isObj, readGeneric, str, type HeadersInput, type RawFault, type Reader } from './raw-fault.js';
import { retryAfterFromHeaders } from './retry-after.js';

export interface ClassifyOptions {
  /** The service the failure came from: its codes are read first, and only then the generic ones. */
  readonly provider?: Provider;
  /**
   * Recognises the service when `provider` is not given (by URL host, request headers, body): the
   * full `faultline` entry passes one that knows every provider.
   */
  readonly detect?: Detector;
  /** Readers of client errors (an adapter's), tried before the provider's and the generic ones. */
  readonly readers?: readonly Reader[];
  /** Text modules for descriptions and advice, besides the provider's own. */
  readonly text?: readonly CatalogText[];
  /** The request method, kept on the error. */
  readonly method?: string;
  /** The request URL, kept (redacted) on the error and used to recognise the provider. */
  readonly url?: string;
  /** The request's headers: used only to recognise the provider, never kept. */
  readonly requestHeaders?: HeadersInput;
}

/** Recognises the provider of a failure; `candidates` are the providers it chooses among. */
export interface Detector {
  (raw: RawFault, url: string | undefined, requestHeaders: HeadersInput | undefined): Provider | undefined;
  readonly candidates?: readonly Provider[];
}

/** Request id headers any service may send. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'cf-ray'];
const NO_OPTIONS: ClassifyOptions = {};

/**
 * Turns anything thrown or returned by a client into one typed FaultlineError. Pure, synchronous,
 * and never throws: what cannot be read becomes an UnknownError carrying what could.
 *
 * Readers first (the adapter's, then the provider's, then the generic ones), then classifyRaw().
 */
export function classify(input: unknown, options: ClassifyOptions = NO_OPTIONS): FaultlineError {
  // A branded error from a copy that knows kinds this one does not is wrapped, not trusted.
  if (isKnownError(input)) return input;
  let raw: RawFault;
  try {
    // An SDK that insists on its own error class carries what a faultline transport plug decided
    // under `faultline`: that is the answer, not a re-reading of the wrapper.
    const carried = isObj(input) ? input.faultline : undefined;
    if (isKnownError(carried)) return carried;
    raw = read(input, options.readers) ?? read(input, options.provider?.readers) ?? readGeneric(input);
  } catch {
    return unreadable(input, options);
  }
  return classifyRaw(raw, options, input);
}

const read = (input: unknown, readers: readonly Reader[] | undefined): RawFault | undefined => {
  if (readers) for (const reader of readers) {
    const raw = reader(input);
    if (raw) return raw;
  }
  return undefined;
};

function isKnownError(error: unknown): error is FaultlineError {
  try {
    return isFaultlineError(error) && isErrorKind(error.kind) && isRetrySemantics(error.retry);
  } catch {
    return false;
  }
}

const unreadable = (cause: unknown, options: ClassifyOptions): FaultlineError =>
  new UnknownError({ message: 'Unreadable error value', cause, provider: options.provider?.name });

/** Classifies what a reader read: where an adapter hands the core a RawFault. `cause` is kept on the error. */
export function classifyRaw(raw: RawFault, options: ClassifyOptions = NO_OPTIONS, cause?: unknown): FaultlineError {
  try {
    return resolve(raw, cause, options);
  } catch {
    return unreadable(cause, options);
  }
}

/** Classifies a WebSocket close code (and reason) the way a close event is classified. */
export function classifyClose(code: number, reason?: string, options: ClassifyOptions = NO_OPTIONS): FaultlineError {
  // Close codes are integers; anything else (NaN, 1000.5, a BigInt from untyped code) is not one.
  return classifyRaw({ closeCode: int(code), closeReason: str(reason) }, options);
}

interface Found {
  readonly row: CatalogRow;
  /** The catalog the row comes from: the provider's name, or 'http', 'websocket', 'network'. */
  readonly catalog: string;
}

const found = (catalog: string, row: CatalogRow | undefined): Found | undefined => row && { row, catalog };

/**
 * The row that decides, in order: a provider row naming both this status and this code; for a 429,
 * a provider row that says quota, else the 429 itself; the provider's row of the body code; the
 * close code (a private one, 4000–4999, only from a provider that owns it); the provider's meaning
 * of the status, then RFC 9110's; the errno; a code the provider does not know that is an HTTP
 * status (an SDK that puts the status in `code`) read as that status.
 */
function findDecision(raw: RawFault, provider: Provider | undefined): Found | undefined {
  const { status, bodyCode, altCode, closeCode } = raw;
  const rows = provider?.decisions;
  const own = (code: Code | undefined, paired?: boolean, message?: string): Found | undefined =>
    rows && code !== undefined ? found((provider as Provider).name, findRow(rows, code, status, message, paired)) : undefined;
  const http = (code: Code | undefined): Found | undefined => found('http', code === undefined ? undefined : findRow(httpDecisions, code));
  const body = own(bodyCode, false, raw.bodyMessage);
  if (status !== undefined) {
    // A row naming this very status beside the code wins outright (the body code's is its best row
    // when there is one), else one naming it beside the description.
    const paired = body?.row.status === status ? body : own(altCode, true);
    if (paired) return paired;
  }
  if (status === 429) return body?.row.kind === 'quota_exceeded' ? body : http(429);
  const decided = body ?? own(altCode);
  if (decided) return decided;
  if (closeCode !== undefined) {
    return (
      (rows && ownsCloseCode(provider as Provider, closeCode) && found((provider as Provider).name, findRow(rows, closeCode))) ||
      found('websocket', findRow(websocketDecisions, closeCode))
    );
  }
  if (status !== undefined) return (rows && found((provider as Provider).name, findStatusRow(rows, status))) || http(status);
  const network = (code: Code | undefined): Found | undefined => found('network', code === undefined ? undefined : findRow(networkDecisions, code));
  const asStatus = int(bodyCode);
  return network(raw.errno) ?? network(raw.message) ?? (asStatus !== undefined && asStatus >= 400 && asStatus <= 599 ? http(asStatus) : undefined);
}

function resolve(raw: RawFault, cause: unknown, options: ClassifyOptions): FaultlineError {
  const { status, closeCode, bodyCode, headers } = raw;
  const url = options.url ?? raw.url;
  const method = options.method ?? raw.method;
  const provider = options.provider ?? raw.provider ?? options.detect?.(raw, url, options.requestHeaders ?? raw.requestHeaders);
  const decision = findDecision(raw, provider);
  const row = decision?.row;

  let kind: ErrorKind = row?.kind ?? 'unknown';
  let retry: RetrySemantics | undefined = row?.retry;
  // Application close codes without a row: reconnect; the socket's kick-loop guard stops real loops.
  if (!row && closeCode !== undefined && closeCode >= 3000 && closeCode <= 4999) {
    kind = 'connection_closed';
    retry = 'always';
  }
  const texts = provider?.text && options.text ? [...provider.text, ...options.text] : (provider?.text ?? options.text);
  const en = row && textOf(texts, (decision as Found).catalog, row, 'en');
  const zh = row && textOf(texts, (decision as Found).catalog, row, 'zh');
  // A language without a text module given falls back on what the kind means in it.
  const text = (i: 0 | 1): LocalizedText | undefined => (en || zh ? { en: en?.[i] ?? kindText(kind, i).en, zh: zh?.[i] ?? kindText(kind, i).zh } : undefined);

  const code = bodyCode ?? closeCode ?? raw.errno ?? row?.code ?? status ?? raw.literal;
  const name = provider?.name ?? decision?.catalog;

  return createError(kind, {
    message: composeMessage(raw, en?.[0] ?? (row && kindText(kind, 0).en), name, code),
    provider: name,
    code,
    status: status ?? (decision?.catalog === 'http' && bodyCode === row?.code ? (bodyCode as number) : undefined),
    closeCode,
    retry,
    // A Retry-After on a success (a 2xx whose body says error) is not one.
    retryAfterMs: raw.retryAfterMs ?? (headers && (status === undefined || status >= 400 || bodyCode !== undefined) ? retryAfterFromHeaders(headers) : undefined),
    advice: text(1),
    description: text(0),
    requestId: raw.requestId ?? firstHeader(headers, provider?.requestIdHeaders) ?? firstHeader(headers, REQUEST_ID_HEADERS),
    request: method !== undefined || url !== undefined ? { method, url } : undefined,
    cause,
    secrets: provider?.secrets,
  });
}

function firstHeader(headers: HeadersInput | undefined, names: readonly string[] | undefined): string | undefined {
  if (headers && names) for (const name of names) {
    const value = getHeader(headers, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

function composeMessage(raw: RawFault, described: string | undefined, provider: string | undefined, code: Code | undefined): string {
  const text = raw.bodyMessage ?? raw.closeReason ?? described ?? raw.message ?? 'Unrecognised error';
  let head = '';
  if (provider !== undefined && code !== undefined && code !== raw.status) head = `${provider} ${String(code)}`;
  else if (raw.closeCode !== undefined) head = `close ${raw.closeCode}`;
  else if (raw.errno !== undefined && raw.errno !== text) head = raw.errno;
  if (raw.status !== undefined) head += `${head ? ', ' : ''}HTTP ${raw.status}`;
  return head ? `${head}: ${text}` : text;
}
