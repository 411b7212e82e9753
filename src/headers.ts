import type { HeadersInput } from './raw-fault.js';

/** Reads one header from a Fetch Headers, a client's own headers object or a plain record, case-insensitively. */
export function getHeader(headers: HeadersInput | undefined | null, name: string): string | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined;
  let value: unknown;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    try {
      value = (getter as (n: string) => unknown).call(headers, name);
    } catch {
      value = undefined;
    }
  } else {
    const record = headers as Readonly<Record<string, unknown>>;
    value = Object.hasOwn(record, name) ? record[name] : undefined;
    if (value === undefined) {
      const lower = name.toLowerCase();
      for (const key of Object.keys(record)) {
        if (key.toLowerCase() === lower) {
          value = record[key];
          break;
        }
      }
    }
  }
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
