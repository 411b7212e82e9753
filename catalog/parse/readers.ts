import { int, isObj, NON_JSON_RESPONSE, str, type RawFault } from '../../src/raw-fault.js';

/** What JSON.parse says (V8, SpiderMonkey, JavaScriptCore) about a body that is not JSON. */
const NOT_JSON_RE = /is not valid JSON|Unexpected end of JSON input|Unexpected token|JSON\.parse|JSON Parse error/;

/**
 * The Parse SDK's ParseError: `{code, message}` and nothing else (no status, headers or cause).
 * What the SDK makes of failures that are not the server's own `{code, error}`:
 * - parse-server's rate limiter answers HTTP 429 `{code: 100, error: 'Too many requests'}`, and
 *   100 is also ConnectionFailed: that pair is read as the 429 it is;
 * - a refused connection: 100 'XMLHttpRequest failed: "Unable to connect to the Parse API"';
 * - a connection lost (undici's 'fetch failed', or 'terminated' mid-body): no code, the cause
 *   dropped; read as 100, ConnectionFailed, which is what it is;
 * - a body that is not JSON (a gateway's 5xx page, an empty body): no code, JSON.parse's message.
 */
export function readParseError(input: unknown): RawFault | undefined {
  if (!isObj(input)) return undefined;
  const ctor = (input as { constructor?: { name?: unknown } }).constructor?.name;
  if (ctor !== 'ParseError' && input.name !== 'ParseError') return undefined;
  const message = str(input.message);
  const code = int(input.code);
  if (code === 100 && message !== undefined) {
    if (message.includes('Unable to connect to the Parse API')) return { errno: 'ECONNREFUSED', message };
    if (/^too many requests/i.test(message)) return { status: 429, bodyCode: code, bodyMessage: message, message };
  }
  if (code !== undefined) return { bodyCode: code, bodyMessage: message, message };
  if (message === 'fetch failed' || message === 'terminated') return { bodyCode: 100, bodyMessage: message, message };
  if (message !== undefined && NOT_JSON_RE.test(message)) return { errno: NON_JSON_RESPONSE, message };
  return { message };
}
