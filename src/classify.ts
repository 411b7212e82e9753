import type { CatalogEntry } from './catalog.js';
import type { ClassifyOptions } from './classify-types.js';
import { detectFromBody, detectFromRequestHeaders, detectFromUrl } from './detect.js';
import { createError, isFaultlineError, UnknownError, type FaultlineError } from './errors.js';
import { ERROR_KINDS, RETRY_SEMANTICS } from './kinds.js';
import { getHeader } from './headers.js';
import { toRawFault, type RawFault } from './raw-fault.js';
import { KIND_DEFAULTS } from './kind-defaults.js';
import { BUILTIN_PROVIDERS, lookup, lookupAll, lookupBuiltin, registeredProviders, type BuiltinEntry } from './registry.js';
import { retryAfterFromHeaders } from './retry-after.js';

const REQUEST_ID_HEADERS = ['x-request-id', 'x-lc-request-id', 'x-parse-request-id', 'x-tcb-request-id', 'x-cloudbase-request-id', 'request-id', 'x-amzn-requestid', 'cf-ray'];
const MAX_MESSAGE_TEXT = 500;

/**
 * Turns anything thrown or returned by a client into one typed FaultlineError. Pure, synchronous,
 * and never throws: what cannot be read becomes an UnknownError carrying what could.
 *
 * Precedence: a provider row naming both status and code; then HTTP 429 (a rate limit whatever
 * the body says); then the provider's body code; then the close code; then the HTTP status
 * (provider status rows, then RFC 9110); then errno / DOMException name / fetch message.
 */
export function classify(input: unknown, options: ClassifyOptions = {}): FaultlineError {
  // A branded error from a copy that knows kinds this one does not is wrapped, not trusted.
  if (isFaultlineError(input) && isKnownError(input)) return input;
  try {
    return resolve(toRawFault(input), input, options);
  } catch {
    return new UnknownError({ message: 'Unreadable error value', cause: input, provider: options.provider });
  }
}

function isKnownError(error: FaultlineError): boolean {
  try {
    return (ERROR_KINDS as readonly string[]).includes(error.kind) && (RETRY_SEMANTICS as readonly string[]).includes(error.retry);
  } catch {
    return false;
  }
}

/** Classifies a WebSocket close code (and reason) the way a close event is classified. */
export function classifyClose(code: number, reason?: string, options: ClassifyOptions = {}): FaultlineError {
  try {
    // Close codes are integers; anything else (NaN, 1000.5, a BigInt from untyped code) is not one.
    const closeCode = Number.isInteger(code) ? code : undefined;
    return resolve({ closeCode, closeReason: typeof reason === 'string' ? reason : undefined }, undefined, options);
  } catch {
    return new UnknownError({ message: 'Unreadable close code' });
  }
}

/** The provider's entry for `code`; without a provider, the entry all registered providers agree on. */
function findCode(provider: string | undefined, code: number | string, status?: number): CatalogEntry | undefined {
  if (provider !== undefined && !BUILTIN_PROVIDERS.has(provider)) {
    const hit = lookup(provider, code, { status });
    if (hit) return hit;
  }
  if (provider !== undefined) return undefined;
  let found: CatalogEntry | undefined;
  for (const p of registeredProviders()) {
    if (BUILTIN_PROVIDERS.has(p)) continue;
    const hit = lookup(p, code, { status });
    if (!hit) continue;
    if (found && (found.kind !== hit.kind || found.retry !== hit.retry)) return undefined; // codes collide: don't guess
    found ??= hit;
  }
  return found;
}

/**
 * A row that names both this status and this code (Easemob 429 + reach_limit). Where several
 * rows share both (Easemob's many 400 illegal_argument rows), the one whose documented
 * description shares the longest prefix with the server's message wins.
 */
function findPaired(provider: string | undefined, code: number | string, status: number, message: string | undefined): CatalogEntry | undefined {
  const providers = provider !== undefined ? [provider] : registeredProviders().filter((p) => !BUILTIN_PROVIDERS.has(p));
  for (const p of providers) {
    const rows = lookupAll(p, code).filter((e) => e.status === status);
    if (rows.length <= 1 || message === undefined) {
      if (rows[0]) return rows[0];
      continue;
    }
    let best = rows[0];
    let bestScore = -1;
    for (const row of rows) {
      const score = Math.max(...row.names.map((n) => commonPrefix(n, message)), commonPrefix(row.message, message));
      if (score > bestScore) [best, bestScore] = [row, score];
    }
    return best;
  }
  return undefined;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function closeEntry(provider: string | undefined, code: number): BuiltinEntry | undefined {
  return findCode(provider, code) ?? lookupBuiltin('websocket', code);
}

function resolve(raw: RawFault, cause: unknown, options: ClassifyOptions): FaultlineError {
  const url = options.url ?? raw.url;
  const method = options.method ?? raw.method;
  const provider =
    options.provider ??
    raw.provider ??
    detectFromUrl(url) ??
    detectFromRequestHeaders(options.requestHeaders ?? raw.requestHeaders) ??
    detectFromBody(raw.body);
  const { status, bodyCode, closeCode, errno } = raw;

  // A provider row, or a built-in one that may carry only its decision (see lookupBuiltin).
  let entry: BuiltinEntry | undefined;
  if (bodyCode !== undefined && status !== undefined) entry = findPaired(provider, bodyCode, status, raw.bodyMessage);
  if (!entry && raw.altCode !== undefined && status !== undefined) entry = findPaired(provider, raw.altCode, status, undefined);
  if (!entry && status === 429) entry = lookupBuiltin('http', 429);
  if (!entry && bodyCode !== undefined) entry = findCode(provider, bodyCode, status);
  if (!entry && closeCode !== undefined) entry = closeEntry(provider, closeCode);
  if (!entry && status !== undefined) {
    const statusRow = provider !== undefined ? lookup(provider, status, { status }) : undefined;
    entry = statusRow?.status === status ? statusRow : lookupBuiltin('http', status);
  }
  if (!entry && errno !== undefined) entry = lookupBuiltin('network', errno);
  if (!entry && raw.message !== undefined) entry = lookupBuiltin('network', raw.message);

  let kind = entry?.kind ?? 'unknown';
  let retry = entry?.retry;
  // Application close codes without a catalog row: reconnect; the socket's kick-loop guard stops loops.
  if (!entry && closeCode !== undefined && closeCode >= 3000 && closeCode <= 4999) {
    kind = 'connection_closed';
    retry = 'always';
  }

  const code = bodyCode ?? closeCode ?? errno ?? entry?.code ?? status ?? raw.literal;
  const isError = status === undefined || status >= 400 || bodyCode !== undefined;
  const errorProvider = entry && !BUILTIN_PROVIDERS.has(entry.provider) ? entry.provider : (provider ?? entry?.provider);

  return createError(kind, {
    message: composeMessage(raw, entry, errorProvider, code),
    provider: errorProvider,
    code,
    status,
    closeCode,
    retry,
    retryAfterMs: isError && raw.headers ? retryAfterFromHeaders(raw.headers) : undefined,
    advice: entry?.advice,
    description: entry?.description,
    names: entry?.names,
    requestId: raw.requestId ?? firstHeader(raw, REQUEST_ID_HEADERS),
    request: method !== undefined || url !== undefined ? { method, url } : undefined,
    cause,
  });
}

function firstHeader(raw: RawFault, names: readonly string[]): string | undefined {
  if (!raw.headers) return undefined;
  for (const name of names) {
    const value = getHeader(raw.headers, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

function composeMessage(raw: RawFault, entry: BuiltinEntry | undefined, provider: string | undefined, code: number | string | undefined): string {
  // A built-in decision without its catalog's text falls back on what its kind means.
  const kindText = entry ? KIND_DEFAULTS[entry.kind].description.en : undefined;
  let text = raw.bodyMessage ?? raw.closeReason ?? entry?.message ?? raw.message ?? kindText ?? 'Unrecognised error';
  if (text.length > MAX_MESSAGE_TEXT) text = `${text.slice(0, MAX_MESSAGE_TEXT)}…`;
  const parts: string[] = [];
  if (provider !== undefined && code !== undefined && code !== raw.status) parts.push(`${provider} ${String(code)}`);
  else if (raw.closeCode !== undefined) parts.push(`close ${raw.closeCode}`);
  else if (raw.errno !== undefined && raw.errno !== text) parts.push(raw.errno);
  if (raw.status !== undefined) parts.push(`HTTP ${raw.status}`);
  return parts.length > 0 ? `${parts.join(', ')}: ${text}` : text;
}
