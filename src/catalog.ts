import type { ErrorKind, LocalizedText, RetrySemantics } from './kinds.js';

/**
 * One row of a provider's error-code document. Catalog modules are plain data: they import
 * only these types, so a bundle that never registers a catalog never carries it.
 */
export interface CatalogEntry {
  /** The catalog this entry belongs to, e.g. 'leancloud'. */
  readonly provider: string;
  /** The provider's own code: a number (LeanCloud, Parse, HTTP, close codes) or a string (CloudBase, Easemob `error`, errno). */
  readonly code: number | string;
  /** The HTTP status the document pairs with the code (Easemob rows), where it does. */
  readonly status?: number;
  /** The name(s) the document gives the code (Parse has several names per code). */
  readonly names: readonly string[];
  readonly kind: ErrorKind;
  readonly retry: RetrySemantics;
  /** The document's original text for this code, verbatim. */
  readonly message: string;
  /** What the code means. */
  readonly description: LocalizedText;
  /** What a developer should do next: not a restatement of the name. */
  readonly advice: LocalizedText;
}

export interface Catalog {
  readonly provider: string;
  readonly entries: readonly CatalogEntry[];
}
