import pRetry from 'p-retry';
import { classify, leancloud } from 'faultline';
import { pRetryOptions, toFaultline } from 'faultline/p-retry';

export async function main(baseURL = 'https://xxxx.lc-cn-n1-shared.com') {
  const getPost = async (id: string) => {
    const response = await fetch(`${baseURL}/1.1/classes/Post/${id}`, { headers: { 'X-LC-Id': 'your-app-id', 'X-LC-Key': 'your-app-key' } });
    if (!response.ok) throw classify({ status: response.status, headers: response.headers, body: await response.text() }, { provider: leancloud });
    return response.json();
  };
  try {
    // p-retry keeps its loop; faultline decides: retry semantics, idempotency, Retry-After.
    return await pRetry(() => getPost('5f1b2c3d4e5f6a7b8c9d0e1f'), pRetryOptions({ provider: leancloud, idempotent: true }));
  } catch (error) {
    const typed = toFaultline(error); // the FaultlineError, with `attempts`
    console.error(`${typed.kind} ${String(typed.code)} after ${typed.attempts} attempt(s): ${typed.advice.en}`);
    return undefined;
  }
}
