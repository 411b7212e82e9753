/**
 * `faultline/catalog/leancloud/plug`: faultline as leancloud-storage's transport.
 *
 *   AV.setAdapters(leancloudAdapters({ retry: { maxAttempts: 3 } }));
 *
 * Every request the SDK makes then goes through one retry policy: 429 with Retry-After waits what
 * the server asked, a body cut off mid-read on a read is tried again, a write is repeated only when
 * the server cannot have acted on it. leancloud-storage insists on its own error class: what the
 * caller catches is the SDK's AV.Error, as without the plug (code, rawMessage, the status in the
 * message), carrying faultline's typed error as `faultline`, which classify() hands back as is.
 */
import { classify } from '../../src/classify.js';
import type { FaultlineError } from '../../src/errors.js';
import { isObj } from '../../src/raw-fault.js';
import { failureOf, isRepeatable, jsonOf, plainHeaders, resolvePlug, sendOnce, type Answer, type PlugOptions } from '../sdk-transport.js';
import { leancloud } from './index.js';

/** What leancloud-storage hands its request adapter. */
export interface LeanCloudRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** The JSON body as an object (undefined for a GET: the query is in the URL already). */
  data?: unknown;
  onprogress?: unknown;
  /** The adapter contract has one; leancloud-storage never passes it. Honoured when it is an AbortSignal. */
  signal?: unknown;
}

/** What it expects back: `ok: false` makes the AV.Error, every field of `data` copied onto it. */
export interface LeanCloudResponse {
  ok: boolean;
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body (LeanCloud answers objects). */
  data: object | undefined;
}

export interface LeanCloudAdapters {
  request(url: string, options?: LeanCloudRequestOptions): Promise<LeanCloudResponse>;
}

export type LeanCloudPlugOptions = PlugOptions;

/** The request adapter for `AV.setAdapters(...)` (process-wide, as every leancloud-storage adapter). */
export function leancloudAdapters(options?: LeanCloudPlugOptions): LeanCloudAdapters {
  const { policy, provider, fetch } = resolvePlug('leancloudAdapters', options, leancloud);
  return {
    async request(url, { method = 'GET', headers, data, signal } = {}) {
      const m = method.toUpperCase();
      const ctx = { provider, method: m, url };
      const body = data === undefined || data === null ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
      let failed: Answer | undefined;
      try {
        return await policy.execute(
          async (attempt) => {
            const answer = await sendOnce(fetch(), url, { method: m, headers, body, signal: attempt.signal });
            if (answer.status >= 400) {
              failed = answer;
              throw failureOf(answer, url, ctx);
            }
            const json = jsonOf(answer, url, ctx);
            return { ok: true, status: answer.status, headers: plainHeaders(answer.headers), data: isObj(json) ? json : undefined };
          },
          { idempotent: isRepeatable(m, data), classify: ctx, signal: signal instanceof AbortSignal ? signal : undefined },
        );
      } catch (thrown) {
        const error = classify(thrown, ctx);
        const last = failed && error.status === failed.status ? failed : undefined;
        return { ok: false, status: error.status ?? 0, headers: last ? plainHeaders(last.headers) : {}, data: errorData(error, last) };
      }
    },
  };
}

/**
 * The error JSON the SDK builds its AV.Error from: the server's own body where there was one (so
 * `code` and `rawMessage` read as without the plug), else faultline's code and message, and the
 * typed error under `faultline`. The SDK wants a truthy code: -1 is its own "no code of the service".
 */
function errorData(error: FaultlineError, last: Answer | undefined): Record<string, unknown> {
  let body: unknown;
  try {
    body = last ? JSON.parse(last.text) : undefined;
  } catch {
    body = undefined;
  }
  const server = isObj(body) ? body : {};
  const own = error.code !== undefined && error.code !== error.status ? error.code : undefined;
  return { ...server, code: server.code || own || -1, error: typeof server.error === 'string' ? server.error : error.message, faultline: error };
}
