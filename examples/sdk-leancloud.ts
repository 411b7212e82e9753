import AV from 'leancloud-storage';
import { classify, leancloud } from 'faultline';
import { leancloudAdapters } from 'faultline/catalog/leancloud/plug';

/**
 * faultline as leancloud-storage's transport: every request the SDK makes goes through one retry
 * policy. A 429 waits its Retry-After, a read whose body was cut off is sent again, a write is
 * repeated only where the server cannot have acted on it (a 503, a refused connection).
 */
export async function main(serverURL = 'https://your-app-id.lc-cn-n1-shared.com') {
  AV.setAdapters(leancloudAdapters({ provider: leancloud, retry: { maxAttempts: 3 } }));
  AV.init({ appId: 'your-app-id', appKey: 'your-app-key', serverURL });
  try {
    return await new AV.Query('Post').find();
  } catch (e) {
    // The SDK insists on its own AV.Error (code, rawMessage, "[503 GET url]" in the message);
    // faultline's typed error rides on it as `faultline`, and classify() hands that back.
    const error = classify(e);
    console.error(`${error.name} ${error.kind} ${String(error.code)} after ${error.attempts} attempt(s): ${error.advice.zh}`);
    throw error;
  }
}
