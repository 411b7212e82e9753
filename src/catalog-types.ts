import type { ErrorKind, RetrySemantics } from './kinds.js';

/** A service's own code: a number (a body code, an HTTP status, a close code) or a string (a named error, an errno). */
export type Code = number | string;

/**
 * One row of every catalog, provider or generic: what one code means for retrying. Rows are plain
 * data and carry no text (description and advice live in the catalog's text modules, one per
 * language, keyed by `rowKey(row)`), so a bundle that decides never carries the prose.
 */
export interface CatalogRow {
  /** The code as the server or SDK sends it. Absent on a row that gives an HTTP status the provider's own meaning. */
  readonly code?: Code;
  readonly kind: ErrorKind;
  /** Default: the kind's usual semantics (`KIND_RETRY[kind]`); written only where the row differs. */
  readonly retry?: RetrySemantics;
  /** The row holds only for this HTTP status (some services pair a status with a named error). */
  readonly status?: number;
  /**
   * The row holds only when the server's message contains this text (case-insensitive): rows that
   * share code and status (one named error with several meanings) are told apart by it. A message that
   * matches none of them falls back to the row of that code and status without `match`, if any.
   */
  readonly match?: string;
}

export type Catalog = readonly CatalogRow[];

export type Lang = 'en' | 'zh';

/** What a row means and what to do next, in one language. */
export type RowText = readonly [description: string, advice: string];

/** The description and advice of a catalog's rows in one language: a module of its own, imported only by those who show it. */
export interface CatalogText {
  /** The catalog the rows belong to: a provider's name, or 'http', 'websocket', 'network'. */
  readonly catalog: string;
  readonly lang: Lang;
  /** Keyed by `rowKey(row)`. */
  readonly rows: Readonly<Record<string, RowText>>;
}

/**
 * A row's key in its catalog and text modules: its status, code and match that are present,
 * space-separated (`101`, `429 reach_limit`, `403 forbidden_op already in group`). Unique within
 * a catalog.
 */
export function rowKey(row: CatalogRow): string {
  let key = row.status === undefined ? '' : String(row.status);
  if (row.code !== undefined) key += (key ? ' ' : '') + String(row.code);
  if (row.match !== undefined) key += ' ' + row.match;
  return key;
}

/**
 * Facts from a provider's error-code documents (../shared/seeds), committed so that tests never read
 * outside the repository: every code (with the HTTP status the document pairs it with, where it
 * does) and the names the document gives it. `scripts/seed-check.mjs` checks this list against the
 * documents when they are there.
 */
export interface DocumentedCode {
  readonly code: Code;
  readonly status?: number;
  /** Names in the document (some give several per code; some name codes by their message). */
  readonly names: readonly string[];
  /** The document's own error text for the code, where it gives one apart from the names (an error_description). */
  readonly text?: string;
}
