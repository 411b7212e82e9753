import { http } from '../catalog/http.js';
import { network } from '../catalog/network.js';
import { websocket } from '../catalog/websocket.js';
import type { Catalog, CatalogEntry } from './catalog.js';

/**
 * The catalogs classify() and lookup() consult. Core registers the built-in http, websocket
 * and network catalogs; provider catalogs are registered by the `faultline` entry or by the app
 * (`registerCatalog(leancloud)`), so a slim bundle carries only what it uses.
 */
const catalogs = new Map<string, Catalog>();
const indexes = new Map<string, Map<string, CatalogEntry[]>>();

function keyOf(code: number | string): string {
  return typeof code === 'number' ? String(code) : code.trim();
}

export function registerCatalog(...list: Catalog[]): void {
  for (const catalog of list) {
    if (catalogs.get(catalog.provider) === catalog) continue;
    const index = new Map<string, CatalogEntry[]>();
    for (const entry of catalog.entries) {
      for (const key of new Set([keyOf(entry.code), keyOf(entry.code).toLowerCase()])) {
        const rows = index.get(key);
        if (rows) rows.push(entry);
        else index.set(key, [entry]);
      }
    }
    catalogs.set(catalog.provider, catalog);
    indexes.set(catalog.provider, index);
  }
}

/** Always there: classify() falls back on them whatever else is registered. */
export const BUILTIN_PROVIDERS: ReadonlySet<string> = new Set([http.provider, websocket.provider, network.provider]);
registerCatalog(http, websocket, network);

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
  const index = indexes.get(provider);
  if (!index || (typeof code !== 'number' && typeof code !== 'string')) return [];
  const key = keyOf(code);
  return index.get(key) ?? index.get(key.toLowerCase()) ?? [];
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

/** Entries for `code` across every registered catalog (for the CLI's provider inference). */
export function lookupEverywhere(code: number | string): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const provider of catalogs.keys()) out.push(...lookupAll(provider, code));
  return out;
}
