import { expect } from 'vitest';
import type { CatalogEntry } from '../../src/catalog.js';
import { ERROR_KINDS, RETRY_SEMANTICS } from '../../src/kinds.js';

/** Chinese characters: zh text must contain some, en text none. */
export const CJK = /[\u4e00-\u9fff]/;

const nonEmpty = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

/**
 * What issue 2 asks of every entry of every catalog: its provider, at least one name, a kind and
 * a retry decision of the taxonomy, and all five texts filled. Each catalog's test adds its own.
 */
export function expectCompleteEntry(e: CatalogEntry, provider: string, at: string): void {
  expect(e.provider, at).toBe(provider);
  expect(e.names.length, at).toBeGreaterThan(0);
  expect(e.names.every(nonEmpty), at).toBe(true);
  expect(ERROR_KINDS, at).toContain(e.kind);
  expect(RETRY_SEMANTICS, at).toContain(e.retry);
  for (const text of [e.message, e.description.en, e.description.zh, e.advice.en, e.advice.zh]) {
    expect(nonEmpty(text), at).toBe(true);
  }
}
