import type { Catalog, CatalogRow, Code, DocumentedCode } from '../../src/catalog-types.js';

/** What a failure carries that a catalog row can be matched on. */
export interface Signal {
  readonly status?: number;
  readonly code?: Code;
  /** The server's message (Easemob error_description), for rows with `match`. */
  readonly message?: string;
}

const matches = (row: CatalogRow, message: string | undefined): boolean =>
  row.match === undefined || (message !== undefined && message.toLowerCase().includes(row.match.toLowerCase()));

/**
 * The rows a signal lands on, best first by the design's precedence: a row naming status and code
 * (one with a `match` the message contains before the one without), then a row of that code for
 * any status, then the status's own row (no code). Only the first tier that has rows counts; more
 * than one row in it means the catalog is ambiguous for that signal.
 */
export function candidates(catalog: Catalog, signal: Signal): CatalogRow[] {
  const { status, code, message } = signal;
  const tiers: Array<(row: CatalogRow) => boolean> = [
    (r) => status !== undefined && r.status === status && code !== undefined && r.code === code && r.match !== undefined && matches(r, message),
    (r) => status !== undefined && r.status === status && code !== undefined && r.code === code && r.match === undefined,
    (r) => r.status === undefined && code !== undefined && r.code === code && matches(r, message),
    (r) => status !== undefined && r.status === status && r.code === undefined,
  ];
  for (const tier of tiers) {
    const rows = catalog.filter(tier);
    if (rows.length > 0) return rows;
  }
  return [];
}

/** The signal a documented code stands for: a status-table entry (code = status) carries no body code. */
export function signalOf(doc: DocumentedCode): Signal {
  const statusOnly = doc.status !== undefined && doc.code === doc.status;
  return { status: doc.status, code: statusOnly ? undefined : doc.code, message: doc.text };
}

/**
 * Why a documented code does not resolve, or undefined when it does: it must land on exactly one
 * row, of its own code (a status-table entry: the status's row), of its own status where the row
 * names one, and with a `match` its documented text contains.
 */
export function unresolved(catalog: Catalog, doc: DocumentedCode): string | undefined {
  const signal = signalOf(doc);
  const rows = candidates(catalog, signal);
  const at = `${doc.status ?? ''} ${String(doc.code)}`.trim();
  if (rows.length === 0) return `${at}: no row`;
  if (rows.length > 1) return `${at}: ambiguous between ${rows.length} rows`;
  const row = rows[0]!;
  if (row.code !== signal.code) return `${at}: lands on a row of another code`;
  if (row.status !== undefined && row.status !== doc.status) return `${at}: lands on a row of status ${row.status}`;
  return undefined;
}

/**
 * Rows with a `match` that no documented text reaches: a match that is wrong, or that the
 * document gives no text for, would never tell anything apart.
 */
export function unreachedMatches(catalog: Catalog, codes: readonly DocumentedCode[]): string[] {
  const reached = new Set(codes.flatMap((doc) => candidates(catalog, signalOf(doc))));
  return catalog.filter((row) => row.match !== undefined && !reached.has(row)).map((row) => `${row.status ?? ''} ${String(row.code)} '${row.match}'`.trim());
}
