import { Readable } from 'node:stream';
import axios from 'axios';
import ky from 'ky';
import { afterEach, describe, expect, it } from 'vitest';
import { withFaultline as withAxios } from '../adapters/axios.js';
import { createFetch } from '../adapters/fetch.js';
import { isOneShotBody, readErrorBody, truncateText, type ReadLimits } from '../adapters/http/body.js';
import { addIdempotencyKey, isIdempotentRequest } from '../adapters/http/method.js';
import { resolveOptions } from '../adapters/http/options.js';
import { withFaultline as withKy } from '../adapters/ky.js';
import { RetryBudget } from '../src/budget.js';
import { parse } from '../catalog/parse/index.js';
import { createRetryPolicy } from '../src/policy.js';
import { closeAllServers, startServer } from './helpers/http-server.js';
import { webStream } from './helpers/http-harness.js';
import { rejection } from './helpers/http-suite.js';

describe('method rules', () => {
  it('GET/HEAD/OPTIONS/PUT/DELETE are idempotent; POST/PATCH only with a key', () => {
    for (const method of ['get', 'HEAD', 'options', 'PUT', 'delete']) expect(isIdempotentRequest(method, new Headers(), [])).toBe(true);
    for (const method of ['POST', 'patch']) expect(isIdempotentRequest(method, new Headers(), [])).toBe(false);
    expect(isIdempotentRequest('POST', new Headers({ 'Idempotency-Key': 'k' }), [])).toBe(true);
    expect(isIdempotentRequest('POST', new Headers({ 'X-Parse-Request-Id': 'k' }), [undefined, 'X-Parse-Request-Id'])).toBe(true);
    expect(isIdempotentRequest('POST', new Headers({ 'X-Parse-Request-Id': 'k' }), [])).toBe(false);
    expect(isIdempotentRequest('POST', new Headers({ 'X-My-Key': 'k' }), ['X-My-Key'])).toBe(true);
  });

  it('adds one key to writes only, keeps a key the caller set, and names the header per provider', () => {
    expect(resolveOptions({ provider: parse }, 'fetch').keyHeader).toBeUndefined();
    expect(resolveOptions({ idempotencyKey: true }, 'fetch').keyHeader).toBe('Idempotency-Key');
    expect(resolveOptions({ idempotencyKey: true, provider: parse }, 'fetch').keyHeader).toBe('X-Parse-Request-Id');
    expect(resolveOptions({ idempotencyKey: 'X-Req', provider: parse }, 'fetch').keyHeader).toBe('X-Req');
    const get = new Headers();
    addIdempotencyKey('GET', get, 'Idempotency-Key');
    expect(get.has('idempotency-key')).toBe(false);
    const post = new Headers();
    addIdempotencyKey('post', post, 'Idempotency-Key');
    const key = post.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    addIdempotencyKey('post', post, 'Idempotency-Key');
    expect(post.get('idempotency-key')).toBe(key);
    const other = new Headers();
    addIdempotencyKey('POST', other, 'Idempotency-Key');
    expect(other.get('idempotency-key')).not.toBe(key);
  });
});

const bytes = (n: number): ReadLimits => ({ bytes: n, ms: Infinity });

/** A clock whose one timer fires when the test says so. */
function manualClock(): { clock: ReadLimits['clock'] & object; fire: () => void; armed: () => boolean } {
  let pending: (() => void) | undefined;
  return {
    clock: {
      now: () => 0,
      random: () => 0.5,
      setTimeout: (callback: () => void) => ((pending = callback), 1),
      clearTimeout: () => void (pending = undefined),
    },
    fire: () => pending?.(),
    armed: () => pending !== undefined,
  };
}

/** Lets every read of data already queued finish (microtasks and one turn of the event loop). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('bodies', () => {
  it('cuts an error body that stalls after its first bytes at the time bound, keeping what arrived', async () => {
    const node = (): Readable => {
      const stream = new Readable({ read() {} });
      stream.push('{"code":1');
      return stream;
    };
    let canceled = 0;
    const web = (): ReadableStream<Uint8Array> =>
      new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"code":1')), cancel: () => void canceled++ });
    for (const source of [web(), node()]) {
      const { clock, fire, armed } = manualClock();
      const reading = readErrorBody(source, { bytes: 1000, ms: 5_000, clock });
      await settle();
      expect(armed()).toBe(true);
      fire();
      expect(await reading).toBe('{"code":1');
      if (source instanceof Readable) expect(source.destroyed).toBe(true);
    }
    expect(canceled).toBe(1);
  });

  it('tells one-shot stream bodies from replayable ones', () => {
    expect(isOneShotBody(webStream(['a']))).toBe(true);
    expect(isOneShotBody(Readable.from(['a']))).toBe(true);
    expect(isOneShotBody((async function* () { yield 'a'; })())).toBe(true);
    for (const body of ['a', new Uint8Array(1), new Blob(['a']), new URLSearchParams('a=1'), new FormData(), { a: 1 }, null, undefined]) {
      expect(isOneShotBody(body)).toBe(false);
    }
  });

  it('reads at most maxErrorBodyBytes of a web stream and cancels the rest', async () => {
    let pulled = 0;
    let canceled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
      cancel() {
        canceled = true;
      },
    });
    const text = await readErrorBody(stream, bytes(4096));
    expect(text).toBe('a'.repeat(4096));
    expect(canceled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('reads at most maxErrorBodyBytes of a Node stream and destroys it', async () => {
    const node = Readable.from((function* () { for (;;) yield 'b'.repeat(1000); })());
    expect(await readErrorBody(node, bytes(2500))).toBe('b'.repeat(2500));
    expect(node.destroyed).toBe(true);
  });

  it('parses JSON that parses whole, keeps text otherwise, keeps what arrived before a failure', async () => {
    expect(await readErrorBody(webStream(['{"code":', '101}']), bytes(1000))).toEqual({ code: 101 });
    expect(await readErrorBody(webStream(['{"code":101,"error":"long"}']), bytes(10))).toBe('{"code":10');
    expect(await readErrorBody(webStream(['<html>oops']), bytes(1000))).toBe('<html>oops');
    let pulls = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('partial'));
        else controller.error(new Error('socket hang up'));
      },
    });
    expect(await readErrorBody(failing, bytes(1000))).toBe('partial');
    expect(await readErrorBody(null, bytes(1000))).toBeUndefined();
  });

  it('truncates text already read', () => {
    expect(truncateText('short', 100)).toBe('short');
    expect(truncateText('错'.repeat(100), 30)).toBe('错'.repeat(30));
  });
});

describe('options', () => {
  it('rejects bad options with a TypeError naming them', () => {
    expect(() => createFetch({ maxErrorBodyBytes: -1 })).toThrow(new TypeError('faultline: fetch.maxErrorBodyBytes must be an integer >= 0, got -1'));
    expect(() => createFetch({ idempotencyKey: 'bad header' })).toThrow(/faultline: fetch\.idempotencyKey must be/);
    expect(() => createFetch({ errorBodyTimeoutMs: 0 })).toThrow(/faultline: fetch\.errorBodyTimeoutMs must be/);
    expect(() => createFetch({ retry: { maxAttempts: 0 } })).toThrow(/faultline: retry\.maxAttempts must be/);
    expect(() => createFetch({ fetch: 'nope' as never })).toThrow(/faultline: fetch\.fetch must be a function/);
    expect(() => withAxios({} as never)).toThrow(/faultline\/axios: withFaultline expects an axios instance/);
    expect(() => withKy({} as never)).toThrow(/faultline\/ky: withFaultline expects a ky instance/);
    expect(() => withKy(ky, { onRefresh: 1 as never })).toThrow(/faultline: ky\.onRefresh must be a function/);
  });

  // Only the full `faultline` entry knows providers by name; an adapter never guesses what a string means.
  it.each([
    ['fetch', () => createFetch({ provider: 'leancloud' as never })],
    ['axios', () => withAxios(axios.create(), { provider: 'leancloud' as never })],
    ['ky', () => withKy(ky, { provider: 'leancloud' as never })],
  ])('%s: a provider named by a string is a TypeError that says what to pass', (name, make) => {
    expect(make).toThrow(TypeError);
    expect(make).toThrow(new RegExp(`faultline: ${name}\\.provider must be a provider value \\(import \\{ leancloud \\} from 'faultline/catalog/leancloud'\\), got "leancloud"`));
  });
});

describe('one policy shared by several clients', () => {
  afterEach(closeAllServers);

  it('spends one budget across axios, fetch and ky', async () => {
    const server = await startServer([{ status: 503 }]);
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const policy = createRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 5, budget });
    const viaAxios = withAxios(axios.create({ baseURL: server.url }), { retry: policy });
    const viaFetch = createFetch({ retry: policy });
    const viaKy = withKy(ky.create({ prefixUrl: server.url }), { retry: policy });
    await rejection(viaAxios.get('/a'));
    await rejection(viaFetch(`${server.url}/b`));
    await rejection(viaKy.get('c'));
    // Two retries paid for in total, whichever client asked.
    expect(server.received).toHaveLength(5);
    expect(budget.available).toBe(0);
  });
});
