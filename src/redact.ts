/**
 * Redaction of credentials. Every string that leaves an error (message, toJSON, inspect, stack,
 * event payloads, CLI output) passes through here, so a secret that reached a URL, a header
 * dump or an echoed body never reaches a log.
 */

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials (lower case). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-lc-key',
  'x-lc-sign',
  'x-lc-session',
  'x-avoscloud-application-key',
  'x-avoscloud-master-key',
  'x-avoscloud-request-sign',
  'x-avoscloud-session-token',
  'x-parse-master-key',
  'x-parse-session-token',
  'x-parse-rest-api-key',
  'x-parse-javascript-key',
  'x-parse-client-key',
  'x-parse-windows-key',
  'x-parse-dotnet-key',
  'x-api-key',
  'x-auth-token',
  'x-cloudbase-credentials',
  'x-cloudbase-authorization',
  'x-tcb-authorization',
]);

/** Query parameters and body fields whose values are credentials (lower case). */
export const SECRET_PARAMS: readonly string[] = [
  'access_token',
  'accesstoken',
  'refresh_token',
  'refreshtoken',
  'id_token',
  'token',
  'sign',
  'signature',
  'sessiontoken',
  'session_token',
  'session',
  'password',
  'passwd',
  'secret',
  'client_secret',
  'masterkey',
  'master_key',
  'appkey',
  'app_key',
  'api_key',
  'apikey',
  'key',
  'credentials',
  'ticket',
];
const SECRET_PARAM_SET: ReadonlySet<string> = new Set(SECRET_PARAMS);

const PARAM_ALT = SECRET_PARAMS.join('|');
const HEADER_ALT = [...SECRET_HEADERS].map((h) => h.replace(/-/g, '[-_]')).join('|');

// `access_token=abc` in URLs, form bodies and free text.
const QUERY_RE = new RegExp(`([?&;\\s"'(,]|^)(${PARAM_ALT})=([^&#\\s"',;)]*)`, 'gi');
// `"sessionToken": "abc"`, `sessionToken: 'abc'` and JSON stringified twice (`\"sessionToken\":\"abc\"`,
// as the CloudBase SDK's error wrapper produces) in JSON or object dumps.
const JSON_RE = new RegExp(
  String.raw`(\\*["']?)(${PARAM_ALT}|${HEADER_ALT})(\\*["']?)(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|\\+"(?:(?!\\+").)*\\+"|'(?:[^'\\]|\\.)*'|[^\s,}&;#]+)`,
  'gi',
);
const VALUE_QUOTE_RE = /^\\*["']?/;
// `Authorization: Bearer abc` header lines.
// Not `\b`: CGI dumps spell headers HTTP_AUTHORIZATION, and `_` is a word character.
const HEADER_LINE_RE = new RegExp(`(?<![A-Za-z0-9])(${HEADER_ALT})(\\s*[:=]\\s*)([^\\r\\n]*)`, 'gi');
const SCHEME_RE = /\b(Bearer|Basic|Digest|Token)\s+[A-Za-z0-9._~+/=-]{6,}/g;
// The scheme may start only where a run of scheme characters starts: from every word boundary
// inside "a.a.a.…" it would make a long server message cost quadratic time.
const USERINFO_RE = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi;

/**
 * Redacts the value of every `name: value` / `"name":"value"` pair. Ranges are collected on the
 * original text and merged, and the scan resumes at each value's start: a quoted value that
 * swallowed the opening quote of another pair (`…_TICKET: ' { sessionToken: 'x' }`) must not
 * hide that pair's value.
 */
function redactPairs(text: string): string {
  const ranges: [start: number, end: number, quote: string][] = [];
  JSON_RE.lastIndex = 0;
  for (let m = JSON_RE.exec(text); m !== null; m = JSON_RE.exec(text)) {
    const value = m[5] as string;
    const start = m.index + m[0].length - value.length;
    ranges.push([start, start + value.length, VALUE_QUOTE_RE.exec(value)?.[0] ?? '']);
    JSON_RE.lastIndex = start;
  }
  if (ranges.length === 0) return text;
  let out = '';
  let pos = 0;
  for (let i = 0; i < ranges.length; ) {
    const [start, , quote] = ranges[i] as [number, number, string];
    let end = (ranges[i] as [number, number, string])[1];
    for (i++; i < ranges.length && (ranges[i] as [number, number, string])[0] < end; i++) end = Math.max(end, (ranges[i] as [number, number, string])[1]);
    out += `${text.slice(pos, start)}${quote}${REDACTED}${quote}`;
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * Every pattern above needs one of these words (or the `@` of userinfo): text without any is
 * returned as it is, after one scan instead of five. Every error message passes through here, most
 * hold no credential at all. test/redaction.test.ts checks that each secret name above matches.
 */
export const MAY_HOLD_SECRET = /@|token|key|sign|secret|pass|auth|cookie|session|ticket|credential|bearer|basic|digest/i;

/** Removes credentials from free text. Idempotent and safe on any string. */
export function redactText(text: string): string {
  if (text.length === 0 || !MAY_HOLD_SECRET.test(text)) return text;
  const withoutHeaders = text.replace(USERINFO_RE, `$1${REDACTED}@`).replace(HEADER_LINE_RE, `$1$2${REDACTED}`);
  return redactPairs(withoutHeaders).replace(QUERY_RE, `$1$2=${REDACTED}`).replace(SCHEME_RE, `$1 ${REDACTED}`);
}

/** Redacts userinfo and credential query values of a URL; keeps everything else readable. */
export function redactUrl(url: string): string {
  return redactText(url);
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

export function isSecretParam(name: string): boolean {
  return SECRET_PARAM_SET.has(name.toLowerCase());
}

/** A copy of a header record with credential values replaced. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretHeader(name) ? REDACTED : typeof value === 'string' ? redactText(value) : value;
  }
  return out;
}
