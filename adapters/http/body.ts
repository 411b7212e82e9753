import { parseBody } from '../../src/raw-fault.js';

type Chunk = Uint8Array | string;

function isObject(value: unknown): value is Record<string | symbol, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A web stream, or a Node stream / async iterable. */
function isReadable(body: unknown): body is Record<string | symbol, unknown> {
  return isObject(body) && (typeof body.getReader === 'function' || typeof body[Symbol.asyncIterator] === 'function');
}

/**
 * A body that can be sent only once: a web ReadableStream, a Node Readable (anything with
 * `pipe`, form-data included) or an async iterable. Strings, buffers, Blob, FormData and
 * URLSearchParams can be sent again.
 */
export function isOneShotBody(body: unknown): boolean {
  return isReadable(body) || (isObject(body) && typeof body.pipe === 'function');
}

/**
 * Reads at most `max` bytes of an error body (a web stream, or a Node stream / async iterable) as
 * text and cancels the rest, so a 50 MB HTML error page costs 64 KiB. A body that fails mid-read
 * yields what was read.
 */
export async function readErrorText(source: unknown, max: number): Promise<string> {
  if (!isReadable(source)) return '';
  const decoder = new TextDecoder();
  let text = '';
  let left = max;
  const take = (chunk: Chunk): boolean => {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    text += decoder.decode(bytes.subarray(0, left), { stream: true });
    left -= bytes.length;
    return left > 0;
  };
  try {
    if (typeof source.getReader === 'function') {
      const reader = (source as unknown as ReadableStream<Chunk>).getReader();
      try {
        for (let more = max > 0; more; ) {
          const { done, value } = await reader.read();
          more = !done && take(value);
        }
      } finally {
        reader.cancel().catch(() => undefined);
      }
    } else {
      // Leaving the loop early calls return(), which destroys a Node stream.
      for await (const chunk of source as unknown as AsyncIterable<Chunk>) if (!take(chunk)) break;
    }
  } catch {
    // Keep what arrived before the connection failed.
  }
  return text + decoder.decode();
}

/**
 * An error body read by readErrorText() (a stream or async iterable; anything else is returned
 * as is): JSON is parsed when it parses whole; anything else stays text.
 */
export async function readErrorBody(source: unknown, max: number): Promise<unknown> {
  return isReadable(source) ? parseBody(await readErrorText(source, max)) : (source ?? undefined);
}

/** A text body axios has read already, cut to `max` characters (about what a reader would keep). */
export function truncateText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
