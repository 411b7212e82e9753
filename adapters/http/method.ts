/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Headers that already make a write safe to repeat when a caller set them. */
const KEY_HEADERS = ['idempotency-key', 'x-parse-request-id'];

/** The slice of Fetch Headers / AxiosHeaders the rules need. */
export interface HeaderAccess {
  has(name: string): boolean;
  set(name: string, value: string): unknown;
}

/** The header `idempotencyKey` adds: its own name, else Parse's request id, else `Idempotency-Key`. */
export function keyHeaderOf(option: boolean | string | undefined, provider: string | undefined): string | undefined {
  if (!option) return undefined;
  return typeof option === 'string' ? option : provider === 'parse' ? 'X-Parse-Request-Id' : 'Idempotency-Key';
}

function newKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Insecure browser contexts lack randomUUID but keep getRandomValues.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Gives a POST/PATCH one key for the whole logical request (called once, before the first
 * attempt, so every attempt carries the same key). A key the caller set is kept.
 */
export function addIdempotencyKey(method: string, headers: HeaderAccess, header: string | undefined): void {
  if (header !== undefined && !IDEMPOTENT.has(method.toUpperCase()) && !headers.has(header)) headers.set(header, newKey());
}

/** Whether the request may be repeated: an idempotent method, or a write that carries a key. */
export function isIdempotentRequest(method: string, headers: HeaderAccess, header: string | undefined): boolean {
  if (IDEMPOTENT.has(method.toUpperCase())) return true;
  return (header !== undefined && headers.has(header)) || KEY_HEADERS.some((h) => headers.has(h));
}
