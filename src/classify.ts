// TEMPORARY minimal classify while the real one is written (same signature).
import { createError, isFaultlineError, type FaultlineError } from './errors.js';
import type { ClassifyOptions } from './classify-types.js';
export function classify(input: unknown, options: ClassifyOptions = {}): FaultlineError {
  if (isFaultlineError(input)) return input;
  const status = (input as { status?: unknown } | null)?.status;
  const request = { method: options.method, url: options.url };
  if (typeof status === 'number') {
    if (status === 429) return createError('rate_limited', { status, request });
    if (status === 503) return createError('unavailable', { status, request });
    if (status === 404) return createError('not_found', { status, request });
    if (status >= 500) return createError('internal', { status, request });
  }
  return createError('unknown', { request, cause: input });
}
