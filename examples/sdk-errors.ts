import { classify, type BaasProvider, type FaultlineError } from 'faultline';

/**
 * Around any official SDK call: its rejection becomes one typed error, whatever the SDK.
 *   await sdk('leancloud', () => AV.User.logIn(name, password));
 *   await sdk('parse', () => new Parse.Query('Post').get(id));
 *   await sdk('cloudbase', () => app.database().collection('todos').doc(id).get());
 *   await sdk('easemob', () => conn.send(message));
 */
export async function sdk<T>(provider: BaasProvider, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (raw) {
    throw classify(raw, { provider });
  }
}

export async function main() {
  // What each SDK rejects with, and what comes out.
  const rejections: [BaasProvider, unknown][] = [
    ['leancloud', Object.assign(new Error('Object not found.'), { code: 101 })], // AVError
    ['parse', Object.assign(new Error('Invalid session token'), { code: 209 })], // Parse.Error
    ['cloudbase', new Error(JSON.stringify({ code: 'OPERATION_FAIL', msg: '[DATABASE_TIMEOUT] request timed out' }))],
    ['easemob', { type: 1, message: 'rate limited', extraInfo: { httpCode: 429, errDesc: '{"error":"reach_limit"}' } }],
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
