import axios from 'axios';
import { isFaultlineError, leancloud } from 'faultline';
import { withFaultline } from 'faultline/axios';

export async function main(baseURL = 'https://xxxx.lc-cn-n1-shared.com') {
  // GETs are retried through 429 (after Retry-After), 503, resets and timeouts; a bare POST never is.
  const api = withFaultline(
    axios.create({ baseURL, timeout: 10_000, headers: { 'X-LC-Id': 'your-app-id', 'X-LC-Key': 'your-app-key' } }),
    { provider: leancloud, retry: { maxAttempts: 4 } },
  );

  try {
    const { data } = await api.get('/1.1/classes/Post/5f1b2c3d4e5f6a7b8c9d0e1f');
    return data as { objectId: string; title: string };
  } catch (error) {
    if (isFaultlineError(error)) {
      // e.g. "NotFoundError not_found 101 after 1 attempt(s): Check the class, objectId …"
      console.error(`${error.name} ${error.kind} ${error.code} after ${error.attempts} attempt(s): ${error.advice.en}`);
    }
    throw error;
  }
}
