import { BUILTIN_DECISIONS } from './builtin-decisions.js';
import type { Catalog, CatalogEntry } from './catalog.js';

/**
 * The catalogs classify() and lookup() consult. None is registered here: the `faultline` entry
 * registers the built-in http, websocket and network catalogs and every provider catalog; a slim
 * bundle registers what it uses (`registerCatalog(leancloud)`), so it carries only that text.
 * Without the built-in catalogs classify() still decides from BUILTIN_DECISIONS (kind and retry
 * of every built-in code, generated from those catalogs).
 */
const catalogs = new Map<string, Catalog>();
const indexes = new Map<string, Map<string, CatalogEntry[]>>();

function keyOf(code: number | string): string {
  return typeof code === 'number' ? String(code) : code.trim();
}

/** Rows filed under their code as written and lower-cased, so lookups ignore case. */
function indexByCode<T extends { readonly code: number | string }>(rows: Iterable<T>): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const row of rows) {
    for (const key of new Set([keyOf(row.code), keyOf(row.code).toLowerCase()])) {
      const filed = index.get(key);
      if (filed) filed.push(row);
      else index.set(key, [row]);
    }
  }
  return index;
}

function rowsOf<T>(index: Map<string, T[]> | undefined, code: number | string): readonly T[] {
  if (!index || (typeof code !== 'number' && typeof code !== 'string')) return [];
  const key = keyOf(code);
  return index.get(key) ?? index.get(key.toLowerCase()) ?? [];
}

export function registerCatalog(...list: Catalog[]): void {
  for (const catalog of list) {
    if (catalogs.get(catalog.provider) === catalog) continue;
    catalogs.set(catalog.provider, catalog);
    indexes.set(catalog.provider, indexByCode(catalog.entries));
  }
}

export type BuiltinProvider = keyof typeof BUILTIN_DECISIONS;

/** classify() falls back on these whatever else is registered. */
export const BUILTIN_PROVIDERS: ReadonlySet<string> = new Set(Object.keys(BUILTIN_DECISIONS));

export function getCatalog(provider: string): Catalog | undefined {
  return catalogs.get(provider);
}

export function registeredProviders(): string[] {
  return [...catalogs.keys()];
}

export interface LookupOptions {
  /** The HTTP status, to tell apart rows that share a code (Easemob). */
  readonly status?: number;
}

/** Every entry of `provider` filed under `code`, in document order. */
export function lookupAll(provider: string, code: number | string): readonly CatalogEntry[] {
  return rowsOf(indexes.get(provider), code);
}

/**
 * The entry of `provider` for `code`: the row whose status matches `options.status` if there is
 * one, else the row without a status, else the first row.
 */
export function lookup(provider: string, code: number | string, options: LookupOptions = {}): CatalogEntry | undefined {
  const rows = lookupAll(provider, code);
  if (rows.length <= 1) return rows[0];
  const { status } = options;
  if (status !== undefined) {
    const exact = rows.find((r) => r.status === status);
    if (exact) return exact;
  }
  return rows.find((r) => r.status === undefined) ?? rows[0];
}

/** A built-in row as classify() uses it: the full entry, or only the decision when the text is not registered. */
export type BuiltinEntry = Pick<CatalogEntry, 'provider' | 'code' | 'kind' | 'retry'> & Partial<CatalogEntry>;

let decisions: Map<string, Map<string, BuiltinEntry[]>> | undefined;

function indexDecisions(): Map<string, Map<string, BuiltinEntry[]>> {
  const out = new Map<string, Map<string, BuiltinEntry[]>>();
  for (const [provider, groups] of Object.entries(BUILTIN_DECISIONS)) {
    const rows = groups.flatMap(([kind, retry, codes]) => codes.map((code) => ({ provider, code, kind, retry })));
    out.set(provider, indexByCode(rows));
  }
  return out;
}

/**
 * The built-in row for `code`: the registered catalog's entry (with its text) when that catalog
 * is registered, else the decision core ships (kind and retry; the text falls back to the kind's).
 */
export function lookupBuiltin(provider: BuiltinProvider, code: number | string): BuiltinEntry | undefined {
  if (catalogs.has(provider)) return lookup(provider, code);
  decisions ??= indexDecisions();
  return rowsOf(decisions.get(provider), code)[0];
}
