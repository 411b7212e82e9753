import { getHeader } from './headers.js';
import type { Detector } from './classify.js';
import { findRow, type Provider, type ProviderSpec } from './provider.js';
import type { HeadersInput, RawFault, Reader } from './raw-fault.js';

/*
 * Recognising the service a failure came from, among known providers: what the full `faultline`
 * entry does when no provider is given. Slim bundles name their provider and never carry this.
 */

function hostOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]{0,30}:\/\/(?:[^/?#@]{0,256}@)?([^/?#:]{1,256})/i.exec(url);
  return match?.[1]?.toLowerCase();
}

export function ownsHost(provider: ProviderSpec, url: string | undefined): boolean {
  const host = url && provider.hosts ? hostOf(url) : undefined;
  return host !== undefined && (provider.hosts as readonly string[]).some((s) => host.endsWith(s) || host === s.slice(1));
}

/** Which of `candidates` a request or answer belongs to: by host, then request headers, then body. */
function byRequest(candidates: readonly Provider[], url: string | undefined, requestHeaders: HeadersInput | undefined, body: unknown): Provider | undefined {
  for (const p of candidates) if (ownsHost(p, url)) return p;
  if (requestHeaders) for (const p of candidates) if (p.requestHeaders?.some((h) => getHeader(requestHeaders, h) !== undefined)) return p;
  for (const p of candidates) if (p.isOwnBody?.(body)) return p;
  return undefined;
}

/**
 * A detector for classify(): the provider by host, request headers or body, else the one every
 * candidate that knows the body code agrees on (where they disagree, none: codes collide).
 */
export function detector(candidates: readonly Provider[]): Detector {
  const detect = (raw: RawFault, url: string | undefined, requestHeaders: HeadersInput | undefined): Provider | undefined => {
    const found = byRequest(candidates, url, requestHeaders, raw.body);
    if (found || raw.bodyCode === undefined) return found;
    let agreed: Provider | undefined;
    let row: ReturnType<typeof findRow>;
    for (const p of candidates) {
      const hit = findRow(p.decisions, raw.bodyCode, raw.status);
      if (!hit) continue;
      if (row && (row.kind !== hit.kind || row.retry !== hit.retry)) return undefined;
      row ??= hit;
      agreed ??= p;
    }
    return agreed;
  };
  return Object.assign(detect, { candidates });
}

/** Each provider's readers, their results marked with whose shape they read. */
export function providerReaders(providers: readonly Provider[]): Reader[] {
  return providers.flatMap((p) => (p.readers ?? []).map((read): Reader => (input) => {
    const raw = read(input);
    return raw && { provider: p, ...raw };
  }));
}
