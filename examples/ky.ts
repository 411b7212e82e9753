import ky from 'ky';
import { QuotaExceededError, leancloud } from 'faultline';
import { withFaultline } from 'faultline/ky';

export async function main(baseURL = 'https://xxxx.lc-cn-n1-shared.com') {
  // ky's own retry is switched off: the policy decides, and every failure is a FaultlineError,
  // a body read through the call (.json()) included; ky's timeout bounds the whole call.
  const api = withFaultline(
    ky.create({ prefixUrl: `${baseURL}/1.1`, timeout: 10_000, headers: { 'X-LC-Id': 'your-app-id', 'X-LC-Key': 'your-app-key' } }),
    { provider: leancloud },
  );

  try {
    return await api.get('classes/Post', { searchParams: { limit: 10 } }).json<{ results: unknown[] }>();
  } catch (error) {
    // {code:140}: the app is over its quota. Never retried; show the advice instead.
    if (error instanceof QuotaExceededError) return { results: [], notice: error.advice.zh };
    throw error;
  }
}
