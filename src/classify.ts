import { httpDecisions } from '../catalog/http/decisions.js';
import { networkDecisions } from '../catalog/network/decisions.js';
import { websocketDecisions } from '../catalog/websocket/decisions.js';
import type { Catalog, CatalogRow, CatalogText, Code } from './catalog-types.js';
import { createError, isFaultlineError, UnknownError, type FaultlineError } from './errors.js';
import { getHeader } from './headers.js';
import { kindText } from './kind-text.js';
import { isErrorKind, isRetrySemantics, type ErrorKind, type LocalizedText, type RetrySemantics } from './kinds.js';
import { findRow, findStatusRow, ownsCloseCode, textOf, type Provider } from './provider.js';
import { int, readGeneric, type HeadersInput, type RawFault, type Reader } from './raw-fault.js';
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
  if (isFaultlineError(input) && isKnownError(input)) return input;
  try {
    // An SDK that insists on its own error class carries what a faultline transport plug decided
    // under `faultline`: that is the answer, not a re-reading of the wrapper.
    const carried = typeof input === 'object' && input !== null ? (input as { faultline?: unknown }).faultline : undefined;
    if (isFaultlineError(carried) && isKnownError(carried)) return carried;
    let raw: RawFault | undefined;
    for (const read of options.readers ?? []) if ((raw = read(input))) break;
    for (const read of (!raw && options.provider?.readers) || []) if ((raw = read(input))) break;
    return resolve(raw ?? readGeneric(input), input, options, options.provider);
  } catch {
    return new UnknownError({ message: 'Unreadable error value', cause: input, provider: options.provider?.name });
  }
}

function isKnownError(error: FaultlineError): boolean {
  try {
    return isErrorKind(error.kind) && isRetrySemantics(error.retry);
  } catch {
    return false;
  }
}

/** Classifies what a reader read: where an adapter hands the core a RawFault. `cause` is kept on the error. */
export function classifyRaw(raw: RawFault, options: ClassifyOptions = NO_OPTIONS, cause?: unknown): FaultlineError {
  try {
    return resolve(raw, cause, options, options.provider);
  } catch {
    return new UnknownError({ message: 'Unreadable error value', cause, provider: options.provider?.name });
  }
}

/** Classifies a WebSocket close code (and reason) the way a close event is classified. */
export function classifyClose(code: number, reason?: string, options: ClassifyOptions = NO_OPTIONS): FaultlineError {
  // Close codes are integers; anything else (NaN, 1000.5, a BigInt from untyped code) is not one.
  return classifyRaw({ closeCode: int(code), closeReason: typeof reason === 'string' && reason ? reason : undefined }, options);
}

interface Found {
  readonly row: CatalogRow;
  /** The catalog the row comes from: the provider's name, or 'http', 'websocket', 'network'. */
  readonly catalog: string;
}

const generic = (catalog: 'http' | 'websocket' | 'network', rows: Catalog, code: Code | undefined): Found | undefined => {
  const row = code === undefined ? undefined : findRow(rows, code);
  return row && { row, catalog };
};

/**
 * The row that decides, in order: a provider row naming both this status and this code; for a 429,
 * a provider row that says quota, else the 429 itself; the provider's row of the body code; the
 * close code (a private one, 4000–4999, only from a provider that owns it); the provider's meaning
 * of the status, then RFC 9110's; the errno; a code the provider does not know that is an HTTP
 * status (an SDK that puts the status in `code`) read as that status.
 */
function findDecision(raw: RawFault, provider: Provider | undefined): Found | undefined {
  const { status, bodyCode, closeCode } = raw;
  const own = (row: CatalogRow | undefined): Found | undefined => row && { row, catalog: (provider as Provider).name };
  if (provider && status !== undefined) {
    const paired =
      (bodyCode !== undefined ? own(findRow(provider.decisions, bodyCode, status, raw.bodyMessage, true)) : undefined) ??
      (raw.altCode !== undefined ? own(findRow(provider.decisions, raw.altCode, status, undefined, true)) : undefined);
    if (paired) return paired;
  }
  let body = bodyCode === undefined || !provider ? undefined : own(findRow(provider.decisions, bodyCode, status, raw.bodyMessage));
  if (status === 429) return body?.row.kind === 'quota_exceeded' ? body : generic('http', httpDecisions, 429);
  if (!body && provider && raw.altCode !== undefined) body = own(findRow(provider.decisions, raw.altCode, status));
  if (body) return body;
  if (closeCode !== undefined) {
    if (provider && ownsCloseCode(provider, closeCode)) {
      const row = own(findRow(provider.decisions, closeCode));
      if (row) return row;
    }
    return generic('websocket', websocketDecisions, closeCode);
  }
  if (status !== undefined) return (provider && own(findStatusRow(provider.decisions, status))) || generic('http', httpDecisions, status);
  const network = generic('network', networkDecisions, raw.errno) ?? generic('network', networkDecisions, raw.message);
  if (network) return network;
  const asStatus = int(bodyCode);
  return asStatus !== undefined && asStatus >= 400 && asStatus <= 599 ? generic('http', httpDecisions, asStatus) : undefined;
}

function resolve(raw: RawFault, cause: unknown, options: ClassifyOptions, given: Provider | undefined): FaultlineError {
  const url = options.url ?? raw.url;
  const method = options.method ?? raw.method;
  const provider = given ?? raw.provider ?? options.detect?.(raw, url, options.requestHeaders ?? raw.requestHeaders);
  const found = findDecision(raw, provider);
  const { status, closeCode } = raw;

  let kind: ErrorKind = found?.row.kind ?? 'unknown';
  let retry: RetrySemantics | undefined = found?.row.retry;
  // Application close codes without a row: reconnect; the socket's kick-loop guard stops real loops.
  if (!found && closeCode !== undefined && closeCode >= 3000 && closeCode <= 4999) {
    kind = 'connection_closed';
    retry = 'always';
  }
  const texts = provider?.text && options.text ? [...provider.text, ...options.text] : (provider?.text ?? options.text);
  const en = found && textOf(texts, found.catalog, found.row, 'en');
  const zh = found && textOf(texts, found.catalog, found.row, 'zh');
  // A language without a text module given falls back on what the kind means in it.
  const text = (i: 0 | 1): LocalizedText | undefined => {
    if (!en && !zh) return undefined;
    const own = kindText(kind, i);
    return { en: en?.[i] ?? own.en, zh: zh?.[i] ?? own.zh };
  };

  const code = raw.bodyCode ?? closeCode ?? raw.errno ?? found?.row.code ?? status ?? raw.literal;
  const isError = status === undefined || status >= 400 || raw.bodyCode !== undefined;
  const name = provider?.name ?? (found && found.catalog);

  return createError(kind, {
    message: composeMessage(raw, en?.[0] ?? (found && kindText(kind, 0).en), name, code),
    provider: name,
    code,
    status: status ?? (found?.catalog === 'http' && raw.bodyCode === found.row.code ? (raw.bodyCode as number) : undefined),
    closeCode,
    retry,
    retryAfterMs: raw.retryAfterMs ?? (isError && raw.headers ? retryAfterFromHeaders(raw.headers) : undefined),
    advice: text(1),
    description: text(0),
    requestId: raw.requestId ?? firstHeader(raw.headers, provider?.requestIdHeaders) ?? firstHeader(raw.headers, REQUEST_ID_HEADERS),
    request: method !== undefined || url !== undefined ? { method, url } : undefined,
    cause,
    secrets: provider?.secrets,
  });
}

function firstHeader(headers: HeadersInput | undefined, names: readonly string[] | undefined): string | undefined {
  if (!headers || !names) return undefined;
  for (const name of names) {
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
