import cloudbase from '@cloudbase/js-sdk';
import { cloudbase as provider, type FaultlineError } from 'faultline';
import { cloudbaseAdapter } from 'faultline/catalog/cloudbase/plug';
import { cloudbaseResult } from 'faultline/catalog/cloudbase/result';

/**
 * @cloudbase/js-sdk resolves failures as data: `{code: 'DATABASE_TIMEOUT', …}` for an error body,
 * `{data: []}` for a gateway's HTML 503. Plugged in (before `init`), faultline sees the status and
 * headers, retries what may be retried, and rejects with its typed error.
 */
export async function main(host = 'your-env-id.api.tcloudbasegateway.com', protocol: 'http' | 'https' = 'https') {
  cloudbase.useAdapters(cloudbaseAdapter(cloudbase, { provider, retry: { maxAttempts: 3 } }));
  const app = cloudbase.init({ env: 'your-env-id', timeout: 5000 });
  app.registerHost(host, protocol);
  try {
    // cloudbaseResult() is the check for apps without the plug; with it, a result is a success.
    const { data } = cloudbaseResult(await app.database().collection('todos').get());
    return data;
  } catch (error) {
    const e = error as FaultlineError;
    console.error(`${e.name} ${String(e.code)} HTTP ${e.status} after ${e.attempts} attempt(s)`);
    throw e;
  }
}
