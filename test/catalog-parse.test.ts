import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../catalog/parse.js';
import type { CatalogEntry } from '../src/catalog.js';
import { lookup, lookupAll, registerCatalog } from '../src/registry.js';
import { CJK, expectCompleteEntry } from './helpers/catalog-entry.js';

const doc = readFileSync(new URL('../../shared/seeds/002_886a4146dfaf2881.txt', import.meta.url), 'utf8');

interface DocRow {
  readonly name: string;
  readonly code: number;
  readonly text: string;
}

/** The document is Markdown source: `a-zA-Z0-9\_` reads a-zA-Z0-9_ once rendered. */
const unescape = (s: string): string => s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');

/** Every body row of every table; a row of another shape fails loudly instead of being skipped. */
function docRows(text: string): DocRow[] {
  const rows: DocRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    if (/^\|\s*Name\s*\|/.test(line) || /^\|\s*:?-+/.test(line)) continue;
    const m = /^\| `([A-Za-z]+)` \| (-?\d+) \| (.+) \|\s*$/.exec(line);
    if (!m) throw new Error(`unexpected table row: ${line}`);
    rows.push({ name: m[1]!, code: Number(m[2]), text: unescape(m[3]!.trim()) });
  }
  return rows;
}

const rows = docRows(doc);
registerCatalog(parse);

function entryOf(code: number): CatalogEntry {
  const entry = lookup('parse', code);
  if (!entry) throw new Error(`parse ${code} does not resolve`);
  return entry;
}

describe('Parse catalog against seeds/002', () => {
  it('reads 115 named rows from the document', () => {
    expect(rows).toHaveLength(115);
  });

  it('resolves every (name, code) row to an entry that carries the name and the row text', () => {
    for (const row of rows) {
      const entry = entryOf(row.code);
      expect(entry.code, row.name).toBe(row.code);
      expect(entry.names, row.name).toContain(row.name);
      expect(entry.message, row.name).toContain(row.text);
      expect(entry.description.en, row.name).toContain(row.text);
    }
  });

  it('has one entry per code, with all its names in document order and the texts joined by " / "', () => {
    const byCode = new Map<number, DocRow[]>();
    for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
    expect(parse.entries).toHaveLength(byCode.size);
    for (const [code, group] of byCode) {
      expect(lookupAll('parse', code)).toHaveLength(1);
      const entry = entryOf(code);
      expect(entry.names).toEqual(group.map((r) => r.name));
      expect(entry.message).toBe(group.map((r) => r.text).join(' / '));
      expect(entry.description.zh.split(' / ')).toHaveLength(group.length);
    }
  });

  it('has no duplicate codes', () => {
    const codes = parse.entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('fills every field of every entry with a valid value, each language in its slot', () => {
    expect(parse.provider).toBe('parse');
    for (const e of parse.entries) {
      const at = `parse ${e.code}`;
      expectCompleteEntry(e, 'parse', at);
      expect(typeof e.code, at).toBe('number');
      for (const name of e.names) expect(name, at).toMatch(/^[A-Za-z]+$/);
      expect(e.description.en, at).not.toMatch(CJK);
      expect(e.advice.en, at).not.toMatch(CJK);
      expect(e.description.zh, at).toMatch(CJK);
      expect(e.advice.zh, at).toMatch(CJK);
      // Advice says what to do next, so it is never the description again.
      expect(e.advice.en, at).not.toBe(e.description.en);
    }
  });

  it('keeps the document text verbatim apart from Markdown escapes', () => {
    expect(entryOf(103).message).toContain('a-zA-Z0-9_ are the only valid characters');
    expect(entryOf(112).message).toContain('empty string (the broadcast channel)');
  });

  it('answers 101 with one entry carrying both names', () => {
    const entry = entryOf(101);
    expect(entry.names).toEqual(['UserInvalidLoginParams', 'ObjectNotFound']);
    expect(entry.message).toMatch(/^Invalid login parameters\..+ \/ The specified object or session/);
  });
});

describe('Parse judgement calls', () => {
  const cases: Array<[code: number, kind: string, retry: string]> = [
    [100, 'network', 'idempotent'],
    [1, 'internal', 'idempotent'],
    [124, 'timeout', 'idempotent'],
    [155, 'rate_limited', 'always'],
    [209, 'session_expired', 'after-refresh'],
    [119, 'permission_denied', 'never'],
    [101, 'not_found', 'never'],
    [102, 'invalid_request', 'never'],
    [137, 'conflict', 'never'],
    [202, 'conflict', 'never'],
    [203, 'conflict', 'never'],
    [140, 'quota_exceeded', 'never'],
    // Cloud Code failures replay the function's side effects: never retried.
    [141, 'internal', 'never'],
    [142, 'invalid_request', 'never'],
    [2, 'unavailable', 'always'],
    [252, 'configuration', 'never'],
    [600, 'unknown', 'never'],
  ];
  it.each(cases)('%i is %s / %s', (code, kind, retry) => {
    const entry = entryOf(code);
    expect(entry.kind).toBe(kind);
    expect(entry.retry).toBe(retry);
  });

  it('names the codes the judgement calls rely on as the document does', () => {
    expect(entryOf(155).names).toEqual(['RequestLimitExceeded']);
    expect(entryOf(209).names).toEqual(['InvalidSessionToken']);
    expect(entryOf(137).names).toEqual(['DuplicateValue']);
    expect(entryOf(100).names).toEqual(['ConnectionFailed']);
  });
});
