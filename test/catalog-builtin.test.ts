import { describe, expect, it } from 'vitest';
import { http } from '../catalog/http.js';
import { network } from '../catalog/network.js';
import { websocket } from '../catalog/websocket.js';
import type { Catalog, CatalogEntry } from '../src/catalog.js';
import { CJK, expectCompleteEntry } from './helpers/catalog-entry.js';

const catalogs: Catalog[] = [http, websocket, network];

function find(catalog: Catalog, code: number | string): CatalogEntry {
  const entry = catalog.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`${catalog.provider} has no entry ${String(code)}`);
  return entry;
}

describe.each(catalogs)('catalog $provider', (catalog) => {
  it('has complete, valid entries', () => {
    expect(catalog.entries.length).toBeGreaterThan(10);
    for (const e of catalog.entries) {
      const where = `${catalog.provider} ${String(e.code)}`;
      expectCompleteEntry(e, catalog.provider, where);
      expect(typeof e.code === 'number' || (typeof e.code === 'string' && e.code.trim() !== ''), where).toBe(true);
      // Chinese text must actually be Chinese, English text must not be.
      expect(e.description.zh + e.advice.zh, where).toMatch(CJK);
      expect(e.description.en + e.advice.en, where).not.toMatch(CJK);
      // Advice says what to do next, not the name again.
      expect(e.advice.en, where).not.toBe(e.message);
    }
  });

  it('has no duplicate code', () => {
    const keys = catalog.entries.map((e) => String(e.code).toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('http', () => {
  it('covers every RFC 9110 4xx/5xx status and the CDN 52x', () => {
    const expected = [
      ...range(400, 418), ...range(421, 426), 428, 429, 431, 451, 499,
      ...range(500, 508), 510, 511, ...range(520, 527), 530,
    ];
    expect(http.entries.map((e) => e.code).sort()).toEqual(expected.sort());
    expect(http.entries.every((e) => typeof e.code === 'number')).toBe(true);
  });

  it('pins the retry judgement calls', () => {
    expect(pick(http, 429)).toEqual(['rate_limited', 'always']);
    expect(pick(http, 503)).toEqual(['unavailable', 'always']);
    expect(pick(http, 502)).toEqual(['unavailable', 'idempotent']);
    expect(pick(http, 524)).toEqual(['unavailable', 'idempotent']);
    expect(pick(http, 504)).toEqual(['timeout', 'idempotent']);
    expect(pick(http, 500)).toEqual(['internal', 'idempotent']);
    expect(pick(http, 522)).toEqual(['timeout', 'always']);
    expect(pick(http, 401)).toEqual(['unauthenticated', 'never']);
    expect(pick(http, 400)).toEqual(['invalid_request', 'never']);
    expect(pick(http, 404)).toEqual(['not_found', 'never']);
    expect(pick(http, 409)).toEqual(['conflict', 'never']);
    expect(find(http, 429).message).toBe('Too Many Requests');
  });
});

describe('websocket', () => {
  it('covers 1000–1015', () => {
    expect(websocket.entries.map((e) => e.code)).toEqual(range(1000, 1015));
  });

  it('reconnects on transient closes and stops on fatal ones', () => {
    for (const code of [1000, 1001, 1005, 1006, 1011, 1012]) {
      expect(pick(websocket, code), String(code)).toEqual(['connection_closed', 'always']);
    }
    expect(pick(websocket, 1013)).toEqual(['unavailable', 'always']);
    expect(pick(websocket, 1008)).toEqual(['permission_denied', 'never']);
    expect(pick(websocket, 1015)).toEqual(['configuration', 'never']);
    expect(pick(websocket, 1002)).toEqual(['invalid_request', 'never']);
  });
});

describe('network', () => {
  it('retries what was never sent for any method, what may have been sent only if idempotent', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']) {
      expect(pick(network, code), code).toEqual(['network', 'always']);
    }
    for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'Failed to fetch', 'fetch failed', 'Load failed']) {
      expect(pick(network, code), code).toEqual(['network', 'idempotent']);
    }
    expect(pick(network, 'UND_ERR_CONNECT_TIMEOUT')).toEqual(['timeout', 'always']);
    expect(pick(network, 'ETIMEDOUT')).toEqual(['timeout', 'idempotent']);
    expect(pick(network, 'TimeoutError')).toEqual(['timeout', 'idempotent']);
  });

  it('never retries cancellation, TLS or argument errors', () => {
    for (const code of ['AbortError', 'ERR_CANCELED', 'UND_ERR_ABORTED']) expect(pick(network, code)).toEqual(['canceled', 'never']);
    for (const code of ['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO']) expect(pick(network, code)).toEqual(['configuration', 'never']);
    for (const code of ['ERR_INVALID_URL', 'UND_ERR_INVALID_ARG']) expect(pick(network, code)).toEqual(['invalid_request', 'never']);
  });
});

function pick(catalog: Catalog, code: number | string): [string, string] {
  const e = find(catalog, code);
  return [e.kind, e.retry];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
