import { classify, type FaultlineError, type ProviderName } from 'faultline';

/**
 * Around any official SDK call: its rejection becomes one typed error, whatever the SDK. The way
 * for the SDKs that take no transport (@cloudbase/node-sdk; easemob-websdk outside a browser or
 * mini-program), and for the others when they are not plugged in.
 *   await sdk('cloudbase', () => app.database().collection('todos').get());
 *   await sdk('easemob', () => conn.getContacts());
 * To retry them too: createRetryPolicy({ classify: { provider: 'cloudbase' } }).execute(call, { idempotent: true }).
 */
export async function sdk<T>(provider: ProviderName, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (raw) {
    throw classify(raw, { provider });
  }
}

class ParseError extends Error {}
class TcbError extends Error {}

export async function main() {
  // What each SDK really rejects with (leancloud-storage 4.15, parse 8.6, @cloudbase/node-sdk 3.18,
  // easemob-websdk 4.21), and what comes out.
  const rejections: [ProviderName, unknown][] = [
    // AV.Error: the service's code; the HTTP status survives only in the message.
    ['leancloud', Object.assign(new Error('Object not found. [404 GET https://api.example.com/1.1/classes/Post/x]'), { code: 101, rawMessage: 'Object not found.' })],
    // ParseError: the code and the text, nothing else (no status, no headers).
    ['parse', Object.assign(new ParseError('Invalid session token'), { code: 209 })],
    // TcbError: a string code only when the answer was HTTP 200 (any other status becomes the `code`).
    ['cloudbase', Object.assign(new TcbError('request timed out'), { code: 'DATABASE_TIMEOUT', requestId: 'a1b2' })],
    // easemob-websdk: "Server is busy." for any 429 or 503; the error name only in the response text.
    ['easemob', {
      type: 1,
      message: 'Server is busy.',
      data: {
        type: 500,
        data: '{"error":"reach_limit","error_description":"This request has reached api limit"}',
        message: 'Server is busy.',
        extraInfo: { httpCode: 429, errDesc: 'Server is busy.' },
      },
    }],
  ];
  const seen = [];
  for (const [provider, rejection] of rejections) {
    try {
      await sdk(provider, () => Promise.reject(rejection));
    } catch (error) {
      const e = error as FaultlineError;
      // leancloud  NotFoundError        not_found        101               retry never
      // parse      SessionExpiredError  session_expired  209               retry after-refresh
      // cloudbase  TimeoutError         timeout          DATABASE_TIMEOUT  retry idempotent
      // easemob    RateLimitError       rate_limited     reach_limit       retry always
      seen.push({ provider, name: e.name, kind: e.kind, code: e.code, retry: e.retry, advice: e.advice.zh });
    }
  }
  return seen;
}
