import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { easemob } from '../catalog/easemob.js';
import { lookup, registerCatalog } from '../src/registry.js';
import { CJK, expectCompleteEntry } from './helpers/catalog-entry.js';

interface SeedRow {
  status: number;
  /** The `error` string, or '' for the status table and the presence rows that have none. */
  error: string;
  /** The `error_description` column (quotes stripped), '' for the status table. */
  errorDescription: string;
  /** The Chinese text: 说明 of the status table, 可能原因 of the error table. */
  text: string;
}

/** Every table row of the Easemob document whose first cell is an HTTP status. */
function parseSeed(): SeedRow[] {
  const doc = readFileSync(new URL('../../shared/seeds/004_5a8082b817f3d0e4.txt', import.meta.url), 'utf8');
  const rows: SeedRow[] = [];
  for (const line of doc.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (!/^\d{3}$/.test(cells[0] ?? '')) continue;
    const status = Number(cells[0]);
    if (cells.length === 2) rows.push({ status, error: '', errorDescription: '', text: cells[1]! });
    else if (cells.length === 4) {
      const errorDescription = cells[2]!.replace(/^[“"]|[”"]$/g, '').split('\\n')[0]!.trim();
      rows.push({ status, error: cells[1]!, errorDescription, text: cells[3]! });
    } else throw new Error(`unexpected row: ${line}`);
  }
  return rows;
}

/** The key a client looks the row up by: the status for the status table, else `error` (or the description when the document leaves `error` empty). */
const codeOf = (row: SeedRow): number | string =>
  row.errorDescription === '' ? row.status : row.error || row.errorDescription;

/** Text without markup and whitespace, so the catalog's cleaned-up message compares with the doc. */
const bare = (s: string): string =>
  s.replace(/<br\/>/g, '').replace(/\]\([^)]*\)/g, '').replace(/[*`[\]\s]/g, '');

const rows = parseSeed();

beforeAll(() => registerCatalog(easemob));

describe('easemob catalog against the document', () => {
  it('has exactly the 63 rows of the document, in order, with its text', () => {
    expect(rows).toHaveLength(63);
    expect(easemob.entries).toHaveLength(63);
    rows.forEach((row, i) => {
      const e = easemob.entries[i]!;
      expect([e.status, e.code], `row ${i}`).toEqual([row.status, codeOf(row)]);
      expect(bare(e.message), `row ${i}`).toBe(bare(row.text));
      if (row.errorDescription) expect(e.names, `row ${i}`).toContain(row.error || row.errorDescription);
    });
  });

  it.each(rows.map((row, i) => [i, row] as const))('row %i resolves by code and status with every field filled', (_i, row) => {
    const code = codeOf(row);
    const e = lookup('easemob', code, { status: row.status });
    expect(e, `${row.status} ${String(code)}`).toBeDefined();
    expectCompleteEntry(e!, 'easemob', `${row.status} ${String(code)}`);
    expect(e!.status).toBe(row.status);
    expect(String(e!.code).toLowerCase()).toBe(String(code).toLowerCase());
    expect(e!.description.zh + e!.advice.zh).toMatch(CJK);
    expect(e!.description.en + e!.advice.en).not.toMatch(CJK);
  });
});

describe('easemob judgement calls', () => {
  const pick = (code: number | string, status: number): [string, string] => {
    const e = lookup('easemob', code, { status });
    if (!e) throw new Error(`no entry ${String(code)} ${status}`);
    return [e.kind, e.retry];
  };

  it('tells a rate limit (reach_limit) from a plan quota (resource_limited), both 429', () => {
    expect(pick('reach_limit', 429)).toEqual(['rate_limited', 'always']);
    expect(pick('resource_limited', 429)).toEqual(['quota_exceeded', 'never']);
    expect(pick(429, 429)).toEqual(['rate_limited', 'always']);
  });

  it('refreshes an expired App Token once, but not a corrupt or foreign one', () => {
    expect(pick('unauthorized', 401)).toEqual(['session_expired', 'after-refresh']);
    expect(pick('auth_bad_access_token', 401)).toEqual(['unauthenticated', 'never']);
    expect(pick('invalid_grant', 400)).toEqual(['unauthenticated', 'never']);
  });

  it('tells rows sharing an error string apart by status', () => {
    expect(lookup('easemob', 'web_application', { status: 415 })!.message).toContain('Content-Type');
    expect(lookup('easemob', 'web_application', { status: 500 })!.message).toBe('请求 URL 错误。');
  });

  it('classifies the remaining pinned rows', () => {
    expect(pick('duplicate_unique_property_exists', 400)).toEqual(['conflict', 'never']);
    expect(pick('service_resource_not_found', 404)).toEqual(['not_found', 'never']);
    expect(pick('Request Entity Too Large', 413)).toEqual(['invalid_request', 'never']);
    expect(pick('organization_application_not_found', 404)).toEqual(['configuration', 'never']);
    expect(pick(503, 503)).toEqual(['unavailable', 'always']);
    expect(pick(502, 502)).toEqual(['unavailable', 'idempotent']);
    const forbidden = easemob.entries.filter((e) => e.code === 'forbidden_op');
    expect(forbidden).toHaveLength(7);
    expect(forbidden.every((e) => e.retry === 'never')).toBe(true);
    expect(forbidden.map((e) => e.kind)).toContain('quota_exceeded');
  });
});
