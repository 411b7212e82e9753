import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leancloud } from '../catalog/leancloud.js';
import { lookup, registerCatalog } from '../src/registry.js';
import { expectCompleteEntry } from './helpers/catalog-entry.js';

/*
 * The codes come from the two LeanCloud documents themselves, not from a copied list: the older
 * edition is Markdown (`## 101`, `* 信息 - \`…\``), the newer a rendered page (a bare `101` line,
 * `  • 信息 - …`). The newer edition wins where it has text; 300 only has text in the older one.
 */
const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const OLDER = '000_37fcdc7e1e53d5be.txt';
const NEWER = '001_a5101f8d4b71285c.txt';

interface DocRow {
  message: string;
  meaning: string;
}

/** Markdown of the older edition rendered the way the newer page shows it: link text, no backticks. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim();
}

function parseDoc(file: string, heading: RegExp): Map<number, DocRow[]> {
  const codes = new Map<number, DocRow[]>();
  let rows: DocRow[] | undefined;
  for (const line of readFileSync(new URL(file, SEEDS), 'utf8').split('\n')) {
    const code = heading.exec(line)?.[1];
    if (code !== undefined) {
      rows = [];
      codes.set(Number(code), rows);
      continue;
    }
    if (!rows) continue;
    const message = /^\s*[-*•]\s*信息\s*-\s*(.*)$/.exec(line)?.[1];
    if (message !== undefined) {
      rows.push({ message: plain(message), meaning: '' });
      continue;
    }
    const meaning = /^\s*[-*•]\s*含义\s*-\s*(.*)$/.exec(line)?.[1];
    const last = rows[rows.length - 1];
    if (meaning !== undefined && last) last.meaning = plain(meaning);
  }
  return codes;
}

const older = parseDoc(OLDER, /^## (\d+)\s*$/);
const newer = parseDoc(NEWER, /^(\d+)\s*$/);
const codes = [...new Set([...older.keys(), ...newer.keys()])].sort((a, b) => a - b);

/** The text the catalog must carry for `code`: rows joined by newlines, 信息 `(无)` replaced by 含义. */
function documented(code: number): { message: string; zh: string } {
  const fromNewer = newer.get(code);
  const rows = fromNewer && fromNewer.length > 0 ? fromNewer : (older.get(code) ?? []);
  const zh = rows.map((r) => r.meaning).join('\n');
  const message = rows.map((r) => r.message).join('\n');
  return { message: message === '(无)' ? zh : message, zh };
}

beforeAll(() => {
  registerCatalog(leancloud);
});

describe('the LeanCloud documents', () => {
  it('hold 149 codes between the two editions, each with text in one of them', () => {
    expect(older.size).toBeGreaterThan(50);
    expect(newer.size).toBeGreaterThan(100);
    expect(codes).toHaveLength(149);
    for (const code of codes) expect(documented(code).zh, `code ${code}`).not.toBe('');
  });

  it('the older edition contributes the text of 300, which the newer page lost', () => {
    expect(newer.get(300)).toEqual([]);
    expect(documented(300).message).toBe('CQL syntax error.');
  });
});

describe('catalog/leancloud', () => {
  it('resolves every documented code to a complete entry', () => {
    for (const code of codes) {
      const entry = lookup('leancloud', code);
      expect(entry, `code ${code}`).toBeDefined();
      if (!entry) continue;
      expectCompleteEntry(entry, 'leancloud', `code ${code}`);
      expect(entry.code).toBe(code);
      for (const name of entry.names) expect(name, `names of ${code}`).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('carries the documents\' 信息 and 含义 text verbatim for every code', () => {
    for (const code of codes) {
      const entry = lookup('leancloud', code);
      const doc = documented(code);
      expect(entry?.message, `message of ${code}`).toBe(doc.message);
      expect(entry?.description.zh, `description.zh of ${code}`).toBe(doc.zh);
    }
    // A few spot checks against literal text, so a parser bug cannot hide behind itself.
    expect(lookup('leancloud', 504)?.message).toBe('The app is archived, please restore in console before use.');
    expect(lookup('leancloud', 4111)?.message).toBe('SESSION_CONFLICT');
    expect(lookup('leancloud', 0)?.message).toMatch(/^WebSocket 正常关闭/);
    expect(lookup('leancloud', 101)?.description.zh).toBe('对象不存在,或者密码不正确。');
  });

  it('has exactly the documented codes, none twice', () => {
    const seen = leancloud.entries.map((e) => e.code);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => Number(a) - Number(b))).toEqual(codes);
  });

  it('gives advice that is not a restatement of the name or the meaning', () => {
    for (const entry of leancloud.entries) {
      expect(entry.advice.en, `code ${entry.code}`).not.toBe(entry.description.en);
      expect(entry.advice.zh, `code ${entry.code}`).not.toBe(entry.description.zh);
      for (const name of entry.names) expect(entry.advice.en).not.toContain(name);
    }
  });

  it.each([
    [0, 'connection_closed', 'always'],
    [1006, 'connection_closed', 'always'],
    [4107, 'connection_closed', 'always'],
    [1, 'internal', 'idempotent'],
    [100, 'network', 'idempotent'],
    [101, 'not_found', 'never'],
    [124, 'timeout', 'idempotent'],
    [137, 'conflict', 'never'],
    [140, 'quota_exceeded', 'never'],
    [154, 'quota_exceeded', 'never'],
    [160, 'quota_exceeded', 'never'],
    [4113, 'quota_exceeded', 'never'],
    [4318, 'quota_exceeded', 'never'],
    [429, 'rate_limited', 'always'],
    [430, 'rate_limited', 'always'],
    [431, 'rate_limited', 'always'],
    [529, 'rate_limited', 'always'],
    [601, 'rate_limited', 'always'],
    [4116, 'rate_limited', 'always'],
    [504, 'configuration', 'never'],
    [4100, 'configuration', 'never'],
    [4110, 'configuration', 'never'],
    [4111, 'session_replaced', 'never'],
    [4115, 'session_replaced', 'never'],
    [4112, 'session_expired', 'after-refresh'],
    [4200, 'internal', 'idempotent'],
    [4300, 'internal', 'idempotent'],
    [4201, 'timeout', 'idempotent'],
    [4308, 'permission_denied', 'never'],
    [4303, 'not_found', 'never'],
    [4404, 'not_found', 'never'],
    [401, 'unauthenticated', 'never'],
    [4102, 'unauthenticated', 'never'],
    [202, 'conflict', 'never'],
  ] as const)('pins %i as %s / %s', (code, kind, retry) => {
    const entry = lookup('leancloud', code);
    expect(entry?.kind).toBe(kind);
    expect(entry?.retry).toBe(retry);
  });

  it('never retries the fatal IM codes 4106 and 4103', () => {
    expect(lookup('leancloud', 4106)?.retry).toBe('never');
    expect(lookup('leancloud', 4103)?.retry).toBe('never');
  });

  it('reads 504 as an archived app, not a gateway timeout', () => {
    const entry = lookup('leancloud', 504);
    expect(entry?.names).toEqual(['APP_ARCHIVED']);
    expect(entry?.description.en).toMatch(/archived/);
    expect(entry?.advice.en).toMatch(/console/);
  });

  it('names both rows of 605', () => {
    expect(lookup('leancloud', 605)?.names).toEqual(['SMS_TEMPLATE_NOT_VERIFIED', 'SMS_SIGN_NOT_VERIFIED']);
  });
});
