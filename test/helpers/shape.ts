/**
 * A plain, printable picture of what an SDK rejected (or resolved) with: the constructor's name,
 * its own enumerable properties, and the names of its own non-enumerable ones; nested objects the
 * same way, a few levels down. Strings are cut to keep a report readable.
 */
export interface Shape {
  ctor?: string;
  /** Own enumerable properties. */
  own?: Record<string, unknown>;
  /** Own non-enumerable property names (message/stack on an Error live here unless redefined). */
  hidden?: string[];
  /** The message of an Error, enumerable or not. */
  message?: string;
  /** `cause`, when present (non-enumerable on native errors). */
  cause?: unknown;
}

const MAX_STRING = 240;

function cut(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…(${text.length} chars)` : text;
}

export function shapeOf(value: unknown, depth = 3): unknown {
  if (typeof value === 'string') return cut(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? `[function ${value.name}]` : value;
  const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  if (Array.isArray(value)) return depth <= 0 ? `[Array(${value.length})]` : value.slice(0, 5).map((v) => shapeOf(v, depth - 1));
  if (ctor && (ctor.endsWith('XMLHttpRequest') || ['Headers', 'Response', 'Request', 'IncomingMessage', 'ClientRequest', 'Socket', 'XMLHttpRequest'].includes(ctor))) {
    return `[${ctor}]`;
  }
  if (depth <= 0) return `[${ctor ?? 'Object'}]`;
  const own: Record<string, unknown> = {};
  const hidden: string[] = [];
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (descriptor.enumerable) own[key] = 'value' in descriptor ? shapeOf(descriptor.value, depth - 1) : '[getter]';
    else hidden.push(key);
  }
  const shape: Shape = { ctor: ctor ?? '(null prototype)', own };
  if (hidden.length > 0) shape.hidden = hidden.sort();
  if (value instanceof Error) {
    shape.message = cut(value.message);
    if ('cause' in value && value.cause !== undefined) shape.cause = shapeOf(value.cause, depth - 1);
  }
  return shape;
}

/** What a promise settled with, and how: the one thing every observation starts from. */
export async function settle(promise: Promise<unknown>): Promise<{ rejected: boolean; value: unknown }> {
  try {
    return { rejected: false, value: await promise };
  } catch (error) {
    return { rejected: true, value: error };
  }
}
