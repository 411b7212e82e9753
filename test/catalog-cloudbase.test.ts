import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloudbase } from '../catalog/cloudbase.js';
import type { CatalogEntry } from '../src/catalog.js';
import { lookup, lookupAll, registerCatalog } from '../src/registry.js';
import { CJK, expectCompleteEntry } from './helpers/catalog-entry.js';

const doc = readFileSync(new URL('../../shared/seeds/003_16c8d80ee3d3a6b6.txt', import.meta.url), 'utf8');

interface DocRow {
  readonly code: string;
  readonly text: string;
}

/** Every body row of every table; a row of another shape fails loudly instead of being skipped. */
function docRows(text: string): DocRow[] {
  const rows: DocRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    if (/^\|\s*错误码\s*\|/.test(line) || /^\|\s*:?-+/.test(line)) continue;
    const m = /^\| ([A-Za-z_]+) \| (.+) \|\s*$/.exec(line);
    if (!m) throw new Error(`unexpected table row: ${line}`);
    rows.push({ code: m[1]!, text: m[2]!.trim() });
  }
  return rows;
}

const rows = docRows(doc);
registerCatalog(cloudbase);

function entryOf(code: string): CatalogEntry {
  const entry = lookup('cloudbase', code);
  if (!entry) throw new Error(`cloudbase ${code} does not resolve`);
  return entry;
}

describe('CloudBase catalog against seeds/003', () => {
  it('reads 76 codes from the document', () => {
    expect(rows).toHaveLength(76);
    expect(new Set(rows.map((r) => r.code)).size).toBe(76);
  });

  it('resolves every code to exactly one entry carrying the document text verbatim', () => {
    for (const row of rows) {
      expect(lookupAll('cloudbase', row.code), row.code).toHaveLength(1);
      const entry = entryOf(row.code);
      expect(entry.code).toBe(row.code);
      expect(entry.names).toEqual([row.code]);
      expect(entry.message).toBe(row.text);
      expect(entry.description.zh).toBe(row.text);
    }
    expect(cloudbase.entries).toHaveLength(rows.length);
  });

  it('has no duplicate codes', () => {
    const codes = cloudbase.entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('fills every field of every entry with a valid value, each language in its slot', () => {
    expect(cloudbase.provider).toBe('cloudbase');
    for (const e of cloudbase.entries) {
      const at = `cloudbase ${e.code}`;
      expectCompleteEntry(e, 'cloudbase', at);
      expect(typeof e.code, at).toBe('string');
      expect(e.description.en, at).not.toMatch(CJK);
      expect(e.advice.en, at).not.toMatch(CJK);
      expect(e.description.zh, at).toMatch(CJK);
      expect(e.advice.zh, at).toMatch(CJK);
      expect(e.advice.zh, at).not.toBe(e.description.zh);
    }
  });
});

describe('CloudBase judgement calls', () => {
  const cases: Array<[code: string, kind: string, retry: string]> = [
    ['DATABASE_TIMEOUT', 'timeout', 'idempotent'],
    ['SERVICE_NOT_READY', 'unavailable', 'always'],
    ['DATABASE_DUPLICATE_WRITE', 'conflict', 'never'],
    ['ACTION_FORBIDDEN', 'permission_denied', 'never'],
    ['DATABASE_PERMISSION_DENIED', 'permission_denied', 'never'],
    ['EXCEED_TOKEN_QUOTA_LIMIT', 'quota_exceeded', 'never'],
    ['DATABASE_COLLECTION_EXCEED_LIMIT', 'quota_exceeded', 'never'],
    // 频率 (a rate) against provisioned concurrency: a throttle, unlike the *_EXCEED_LIMIT quotas.
    ['FUNCTION_EXCEED_RESOURCE_LIMIT', 'rate_limited', 'always'],
    // 次数 (a count of sends), not a rate: an automatic resend only spends more of it.
    ['PHONE_CODE_SEND_LIMIT_EXCEED', 'quota_exceeded', 'never'],
    ['WX_WEBSOCKET_TOKEN_EXPIRED', 'session_expired', 'after-refresh'],
    ['INVALID_ACCESS_TOKEN', 'unauthenticated', 'never'],
    ['DATABASE_REQUEST_FAILED', 'internal', 'idempotent'],
    ['DATABASE_COLLECTION_NOT_EXIST', 'not_found', 'never'],
    ['FUNCTION_PARAM_INVALID', 'invalid_request', 'never'],
    ['STATIC_RESOURCE_NONACTIVATED', 'configuration', 'never'],
  ];
  it.each(cases)('%s is %s / %s', (code, kind, retry) => {
    expect(rows.map((r) => r.code)).toContain(code);
    const entry = entryOf(code);
    expect(entry.kind).toBe(kind);
    expect(entry.retry).toBe(retry);
  });

  it('resolves codes whatever their case, as SDK messages may spell them', () => {
    expect(lookup('cloudbase', 'database_timeout')?.code).toBe('DATABASE_TIMEOUT');
    expect(lookup('cloudbase', 'APIs_GET_OPENAPI_SCHEMA_ERROR')?.kind).toBe('internal');
  });
});
