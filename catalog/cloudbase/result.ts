/**
 * `faultline/catalog/cloudbase/result`: @cloudbase/js-sdk resolves failures as data. A database call
 * whose answer carried an error code (whatever the HTTP status) resolves `{code: 'DATABASE_TIMEOUT',
 * data: {code, message, requestId}, requestId, response}`; a function call `{code, message,
 * requestId}`. Without the transport plug (./plug.ts), check each result with this.
 */
import { classify, type ClassifyOptions } from '../../src/classify.js';
import { cloudbase } from './index.js';
import { isCloudBaseErrorBody } from './readers.js';

/**
 * Returns `result` when it is a success and throws faultline's typed error when it carries an
 * error code: `const { data } = cloudbaseResult(await db.collection('todos').get())`. The status
 * and Retry-After are read from the raw Response the SDK leaves on the result. Pass the full
 * provider (`import { cloudbase } from 'faultline'`) in `options` for its text.
 *
 * What it cannot see: after a gateway's HTML 5xx the SDK resolves `{data: []}`, the same as an
 * empty collection. Only the plug, which sees the status, tells those apart.
 */
export function cloudbaseResult<T>(result: T, options?: ClassifyOptions): T {
  if (isCloudBaseErrorBody(result)) throw classify(result, { provider: cloudbase, ...options });
  return result;
}
