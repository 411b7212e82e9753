/**
 * Redaction of credentials. Every string that leaves an error (message, toJSON, inspect, stack,
 * event payloads, CLI output) passes through here, so a secret that reached a URL, a header dump
 * or an echoed body never reaches a log.
 *
 * Names are recognised by what they contain (token, key, secret, sign, session, auth, cookie,
 * credential, password, ticket), not from a list of known headers: `X-Whatever-Key: …` is redacted
 * as surely as `Authorization: …`, whichever service sent it. A provider adds the formats of its
 * own secrets that appear without a name (`defineProvider({ secrets })`).
 *
 * Every text is cut to a bounded length before it gets here (LIMITS), and every repetition below is
 * bounded, so no input makes a scan cost more than linear time.
 */

export const REDACTED = '[REDACTED]';

/** A secret name: a word run (up to 40 characters either side) holding one of these. */
const NAME = String.raw`[\w.-]{0,40}?(?:token|key|secret|sign|session|auth|cookie|credential|passw|pwd|ticket)[\w.-]{0,40}`;

/** Text without any of these words (or the `@` of userinfo) holds no credential these patterns find. */
export const MAY_HOLD_SECRET = /@|token|key|sign|secret|pass|pwd|auth|cookie|session|ticket|credential|bearer|basic|digest/i;

// `https://user:password@host`. The scheme may start only where a run of scheme characters starts.
const USERINFO_RE = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,30}:\/\/)[^/\s:@]{1,256}(?::[^/\s@]{0,256})?@/gi;
// Header lines whose whole value is a credential: `Authorization: Bearer abc`, `X-Api-Key: abc, master`.
// Not `\b`: CGI dumps spell headers HTTP_AUTHORIZATION, and `_` is a word character.
const HEADER_LINE_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9])((?:proxy[-_])?authorization|(?:set[-_])?cookie|x[-_][\w-]{0,40}?(?:key|token|secret|sign|session|auth|credential)[\w-]{0,40})(\s*[:=]\s*)([^\r\n]*)`,
  'gi',
);
// `"sessionToken": "abc"`, `sessionToken: 'abc'`, `access_token=abc`, and JSON stringified twice
// (`\"sessionToken\":\"abc\"`, as an SDK's error wrapper produces).
const PAIR_RE = new RegExp(
  String.raw`(?<![\w.-])(\\*["']?)(${NAME})(\\*["']?)(\s{0,8}[:=]\s{0,8})("(?:[^"\\]|\\.){0,4096}"|\\+"(?:(?!\\+").){0,4096}\\+"|'(?:[^'\\]|\\.){0,4096}'|[^\s,}&;#)'"]{1,4096})`,
  'gi',
);
const VALUE_QUOTE_RE = /^\\*["']?/;
const SCHEME_RE = /\b(Bearer|Basic|Digest|Token)\s+[A-Za-z0-9._~+/=-]{6,4096}/g;

/**
 * Redacts the value of every `name: value` / `"name":"value"` pair. Ranges are collected on the
 * original text and merged, and the scan resumes at each value's start: a quoted value that
 * swallowed the opening quote of another pair (`…_TICKET: ' { sessionToken: 'x' }`) must not hide
 * that pair's value.
 */
function redactPairs(text: string): string {
  const ranges: [start: number, end: number, quote: string][] = [];
  PAIR_RE.lastIndex = 0;
  for (let m = PAIR_RE.exec(text); m !== null; m = PAIR_RE.exec(text)) {
    const value = m[5] as string;
    const start = m.index + m[0].length - value.length;
    ranges.push([start, start + value.length, VALUE_QUOTE_RE.exec(value)?.[0] ?? '']);
    PAIR_RE.lastIndex = start;
  }
  let out = '';
  let pos = 0;
  for (let i = 0; i < ranges.length; ) {
    const [start, first, quote] = ranges[i] as [number, number, string];
    let end = first;
    for (i++; i < ranges.length && (ranges[i] as [number, number, string])[0] < end; i++) end = Math.max(end, (ranges[i] as [number, number, string])[1]);
    out += `${text.slice(pos, start)}${quote}${REDACTED}${quote}`;
    pos = end;
  }
  return out + text.slice(pos);
}

/** The longest text redacted: log lines, not documents; longer text is cut first, so no input makes a scan slow. */
const MAX_TEXT = 65_536;

/** The last text redacted (with which formats), and what became of it: a failing service repeats its message. */
let last: readonly [text: string, extra: readonly RegExp[] | undefined, redacted: string] = ['', undefined, ''];

/** Removes credentials from free text, and whatever matches `extra` (a provider's secret formats). Idempotent and safe on any string. */
export function redactText(text: string, extra?: readonly RegExp[]): string {
  if (text === last[0] && extra === last[1]) return last[2];
  let out = clip(text, MAX_TEXT);
  if (extra) for (const pattern of extra) out = out.replace(pattern, REDACTED);
  if (out.length > 0 && MAY_HOLD_SECRET.test(out)) {
    out = redactPairs(out.replace(USERINFO_RE, `$1${REDACTED}@`).replace(HEADER_LINE_RE, `$1$2${REDACTED}`)).replace(SCHEME_RE, `$1 ${REDACTED}`);
  }
  last = [text, extra, out];
  return out;
}

let secretName: RegExp | undefined;

/** Whether a header or parameter name holds a credential. */
export function isSecretName(name: string): boolean {
  return (secretName ??= new RegExp(`^(?:${NAME})$`, 'i')).test(name);
}

/** A copy of a header record with credential values replaced. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in headers) {
    const value = headers[name];
    out[name] = isSecretName(name) ? REDACTED : typeof value === 'string' ? redactText(value) : value;
  }
  return out;
}

/** `text`, cut to `max` characters (with an ellipsis when cut). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
