import type { HeadersInput } from './classify-types.js';
import { getHeader } from './headers.js';

/** API hosts of each provider (suffix match on the URL's host). */
const HOSTS: ReadonlyArray<readonly [provider: string, suffixes: readonly string[]]> = [
  ['leancloud', ['.lncld.net', '.lncldapi.com', '.lncldglobal.com', '.leancloud.cn', '.avoscloud.com', '.leancloud.app']],
  ['parse', ['.back4app.com', '.parseapi.com', '.parse.com', '.b4a.io']],
  ['cloudbase', ['.tcloudbase.com', '.tcloudbaseapp.com', '.tcb.qcloud.la', '.service.tcloudbase.com']],
  ['easemob', ['.easemob.com', '.easecdn.com', '.chat.agora.io']],
];

/** Request headers only one provider's SDK sends. */
const REQUEST_HEADERS: ReadonlyArray<readonly [provider: string, header: string]> = [
  ['leancloud', 'x-lc-id'],
  ['leancloud', 'x-lc-sign'],
  ['leancloud', 'x-avoscloud-application-id'],
  ['parse', 'x-parse-application-id'],
  ['cloudbase', 'x-cloudbase-credentials'],
  ['cloudbase', 'x-tcb-region'],
  ['cloudbase', 'x-sdk-version'],
];

function hostOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url);
  return match?.[1]?.toLowerCase();
}

export function detectFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const host = hostOf(url);
  if (!host) return undefined;
  for (const [provider, suffixes] of HOSTS) {
    if (suffixes.some((s) => host.endsWith(s) || host === s.slice(1))) return provider;
  }
  return undefined;
}

export function detectFromRequestHeaders(headers: HeadersInput | undefined): string | undefined {
  if (!headers) return undefined;
  for (const [provider, header] of REQUEST_HEADERS) {
    if (getHeader(headers, header) !== undefined) return provider;
  }
  return undefined;
}

/**
 * Body shapes that name their provider: Easemob's `{error, error_description|exception}`,
 * CloudBase's `{code: 'UPPER_SNAKE', requestId}`. LeanCloud and Parse share `{code, error}`, so
 * they are told apart by host or headers only.
 */
export function detectFromBody(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.error === 'string' && ('error_description' in b || 'exception' in b)) return 'easemob';
  if (typeof b.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(b.code) && ('requestId' in b || 'message' in b)) return 'cloudbase';
  return undefined;
}
