import { classify, createRetryPolicy, leancloud, retry } from 'faultline';

// One policy per backend: its retry budget (and circuit breaker) is shared by every call using it.
const leancloudPolicy = createRetryPolicy({
  maxAttempts: 4,
  deadlineMs: 15_000,
  attemptTimeoutMs: 5_000,
  circuitBreaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 },
  classify: { provider: leancloud },
});

export async function main(baseURL = 'https://xxxx.lc-cn-n1-shared.com') {
  const get = async (path: string, signal: AbortSignal) => {
    const response = await fetch(`${baseURL}${path}`, { signal, headers: { 'X-LC-Id': 'your-app-id', 'X-LC-Key': 'your-app-key' } });
    // status + headers (Retry-After) + body ({code}) are what classify() reads.
    if (!response.ok) throw classify({ status: response.status, headers: response.headers, body: await response.text() }, { provider: leancloud });
    return response.json();
  };

  // A GET is idempotent: say so, and timeouts and resets are retried too.
  const serverTime = await leancloudPolicy.execute(({ signal }) => get('/1.1/date', signal), { idempotent: true });

  // retry(): a one-shot policy for a single call, with hooks to watch it work.
  const posts = await retry(({ signal }) => get('/1.1/classes/Post?limit=10', signal), {
    idempotent: true,
    onRetry: ({ attempt, delayMs, error }) => console.log(`attempt ${attempt}: ${error.kind} ${error.code}, next in ${Math.round(delayMs)} ms`),
  });
  return { serverTime, posts };
}
