import { systemClock, type Clock } from '../../src/clock.js';
import { parseBody } from '../../src/raw-fault.js';

type Chunk = Uint8Array | string;

const noop = (): void => undefined;

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

/** How far faultline reads an error body: in bytes, and in time once the headers arrived. */
export interface ReadLimits {
  readonly bytes: number;
  /** Infinity: no bound in time. */
  readonly ms: number;
  readonly clock?: Clock;
}

/**
 * Reads at most `limits.bytes` of an error body (a web stream, or a Node stream / async iterable)
 * as text and cancels the rest, so a 50 MB HTML error page costs 64 KiB; a body that stalls is cut
 * after `limits.ms` the same way. A body that fails mid-read yields what was read: the error is
 * classified from what arrived either way.
 */
export async function readErrorText(source: unknown, limits: ReadLimits): Promise<string> {
  if (!isReadable(source)) return '';
  const decoder = new TextDecoder();
  let text = '';
  let left = limits.bytes;
  const take = (chunk: Chunk): boolean => {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    text += decoder.decode(bytes.subarray(0, left), { stream: true });
    left -= bytes.length;
    return left > 0;
  };
  const clock = limits.clock ?? systemClock;
  type Step = IteratorResult<Chunk, unknown>;
  // One way to read either kind: a web stream's reader, or the iterator of anything else.
  const reader = typeof source.getReader === 'function' ? (source as unknown as ReadableStream<Chunk>).getReader() : undefined;
  const iterator = reader ? undefined : (source as unknown as AsyncIterable<Chunk>)[Symbol.asyncIterator]();
  // Cancelled, destroyed (a Node stream: a pending read then ends) or told to return.
  const stop = (): void =>
    void Promise.resolve(reader ? reader.cancel() : typeof source.destroy === 'function' ? (source.destroy as () => void)() : iterator?.return?.()).catch(noop);
  let expire: ((step: Step) => void) | undefined;
  // Settles the read in progress when time is up, whatever the source does with a cancel.
  const expired = limits.ms < Infinity ? new Promise<Step>((resolve) => (expire = resolve)) : undefined;
  const timer = expired && clock.setTimeout(() => (expire?.({ done: true, value: undefined }), stop()), limits.ms);
  try {
    for (let more = left > 0; more; ) {
      const next = (reader ? reader.read() : (iterator as AsyncIterator<Chunk>).next()) as Promise<Step>;
      const { done, value } = await (expired ? Promise.race([next, expired]) : next);
      more = !done && take(value as Chunk);
    }
  } catch {
    // Keep what arrived before the connection failed.
  } finally {
    if (timer !== undefined) clock.clearTimeout(timer);
    stop();
  }
  return text + decoder.decode();
}

/**
 * An error body read by readErrorText() (a stream or async iterable; anything else is returned
 * as is): JSON is parsed when it parses whole; anything else stays text.
 */
export async function readErrorBody(source: unknown, limits: ReadLimits): Promise<unknown> {
  return isReadable(source) ? parseBody(await readErrorText(source, limits)) : (source ?? undefined);
}

/** A text body axios has read already, cut to `max` characters (about what a reader would keep). */
export function truncateText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * A Response whose body has been read whole inside the attempt (a read that breaks off fails the
 * attempt like any other network failure): a clone is read to the end, which leaves the body the
 * caller reads buffered, so it cannot fail to read.
 */
export async function buffered(response: Response): Promise<Response> {
  await response.clone().arrayBuffer();
  return response;
}
