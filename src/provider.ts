import { rowKey, type Catalog, type CatalogRow, type CatalogText, type Code, type DocumentedCode, type Lang, type RowText } from './catalog-types.js';
import type { RawFault, Reader } from './raw-fault.js';

/**
 * Everything faultline knows about one service, as one value: what its codes mean (decisions), how
 * to recognise it, how to read its SDK's errors, what of its traffic is secret. Passed as a value
 * (`createFetch({ provider })`); nothing is registered anywhere, so nothing another
 * module does can change what an error means.
 */
export interface ProviderSpec {
  /** Lower-case, e.g. 'acme'. Errors carry it as `provider`. */
  readonly name: string;
  /** What each code means for retrying: the catalog's rows. */
  readonly decisions: Catalog;
  /** Host suffixes of its APIs ('.acme.example'): a request URL on one of them is this service's. */
  readonly hosts?: readonly string[];
  /** Request headers only its clients send (lower case). */
  readonly requestHeaders?: readonly string[];
  /** A response body only this service answers with. */
  readonly isOwnBody?: (body: unknown) => boolean;
  /** Readers of its official SDK's errors, tried before the generic ones. */
  readonly readers?: readonly Reader[];
  /** Response headers carrying its request id (lower case). */
  readonly requestIdHeaders?: readonly string[];
  /** Formats of its secrets that appear without a name in front (a session token in prose). Global regexps. */
  readonly secrets?: readonly RegExp[];
  /** The header by which it dedupes writes, used when `idempotencyKey: true`. */
  readonly idempotencyHeader?: string;
  /** A successful (2xx) answer whose body is in fact an error. */
  readonly isErrorBody?: (body: unknown) => boolean;
  /** A socket message that means the connection is done (an in-band kick), read into a fault. */
  readonly inBand?: (data: unknown) => RawFault | undefined;
  /** The private close codes (4000–4999) it owns, as inclusive ranges: others are not its. */
  readonly closeCodes?: readonly (readonly [from: number, to: number])[];
  /** Description and advice of its rows (and of the generic catalogs'), per language: see `withText`. */
  readonly text?: readonly CatalogText[];
  /** What it is, for people (CLI, docs). */
  readonly title?: string;
  /** The codes of its error-code documents, with their names (CLI, docs, the seed check). */
  readonly documented?: readonly DocumentedCode[];
}

const BRAND: unique symbol = Symbol.for('faultline.provider') as never;

export interface Provider extends ProviderSpec {
  readonly [BRAND]: true;
}

export function isProvider(value: unknown): value is Provider {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** Makes a provider value: checked once, frozen. */
export function defineProvider(spec: ProviderSpec): Provider {
  if (typeof spec?.name !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(spec.name) || !Array.isArray(spec.decisions)) {
    throw new TypeError('faultline: defineProvider needs a lower-case `name` and a `decisions` array');
  }
  return Object.freeze({ ...spec, [BRAND]: true as const });
}

/** The same provider, also carrying these text modules (its own, or the generic catalogs'): errors it classifies get their description and advice. */
export function withText(provider: Provider, ...text: CatalogText[]): Provider {
  return defineProvider({ ...provider, text: [...(provider.text ?? []), ...text] });
}

const NONE: readonly CatalogRow[] = [];

/** Codes are matched as written, and case-insensitively. */
const norm = (code: Code): string => String(code).trim().toLowerCase();

type Index = Map<string, CatalogRow[]>;
const indexes = new WeakMap<Catalog, Index>();

/** The catalog's rows filed by code (status-only rows under `#status`); built once per catalog. */
function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const row of catalog) {
      const key = row.code === undefined ? `#${String(row.status)}` : norm(row.code);
      const filed = index.get(key);
      if (filed) filed.push(row);
      else index.set(key, [row]);
    }
    indexes.set(catalog, index);
  }
  return index;
}

const matches = (row: CatalogRow, message: string | undefined): boolean =>
  row.match === undefined || (message !== undefined && message.toLowerCase().includes(row.match.toLowerCase()));

/**
 * The row of `code` in `catalog`. A row of this very status beats one without a status (or, when
 * the status is unknown, any row); among equals, a `match` row whose text the message contains
 * beats a plain one, and then document order. `paired`: only a row naming this very status.
 */
export function findRow(catalog: Catalog, code: Code, status?: number, message?: string, paired = false): CatalogRow | undefined {
  let best: CatalogRow | undefined;
  let bestScore = 0;
  for (const row of indexOf(catalog).get(norm(code)) ?? NONE) {
    if (!matches(row, message)) continue;
    let score = status !== undefined && row.status === status ? 4 : !paired && (row.status === undefined || status === undefined) ? 2 : 0;
    if (score === 0) continue;
    if (row.match !== undefined) score++;
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  return best;
}

/** The row giving an HTTP status the provider's own meaning. */
export function findStatusRow(catalog: Catalog, status: number): CatalogRow | undefined {
  return indexOf(catalog).get(`#${status}`)?.[0];
}

/** Whether a private close code (4000–4999) is the provider's. */
export function ownsCloseCode(provider: ProviderSpec, code: number): boolean {
  if (code < 4000 || code > 4999) return true;
  return provider.closeCodes === undefined || provider.closeCodes.some(([from, to]) => code >= from && code <= to);
}

/** A row's description and advice in `lang`, from the text modules given. */
export function textOf(texts: readonly CatalogText[] | undefined, catalog: string, row: CatalogRow, lang: Lang): RowText | undefined {
  if (!texts) return undefined;
  for (const text of texts) if (text.catalog === catalog && text.lang === lang) return text.rows[rowKey(row)];
  return undefined;
}
