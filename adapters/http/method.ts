/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** The slice of Fetch Headers / axios' headers the rules need. */
export interface HeaderAccess {
  has(name: string): boolean;
  set(name: string, value: string): unknown;
}

function newKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Insecure browser contexts lack randomUUID but keep getRandomValues.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether `method` may be repeated as it is. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT.has(method) || IDEMPOTENT.has(method.toUpperCase());
}

/**
 * Gives a POST/PATCH one key for the whole logical request (called once, before the first
 * attempt, so every attempt carries the same key). A key the caller set is kept.
 */
export function addIdempotencyKey(method: string, headers: HeaderAccess, header: string | undefined): void {
  if (header !== undefined && !isIdempotentMethod(method) && !headers.has(header)) headers.set(header, newKey());
}

/**
 * Whether the request may be repeated: an idempotent method, or a write that carries a key — the
 * one `idempotencyKey` adds, the standard `Idempotency-Key`, or the provider's own header.
 */
export function isIdempotentRequest(method: string, headers: HeaderAccess, keyHeaders: readonly (string | undefined)[]): boolean {
  if (isIdempotentMethod(method)) return true;
  return headers.has('idempotency-key') || keyHeaders.some((h) => h !== undefined && headers.has(h));
}
