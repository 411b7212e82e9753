/**
 * faultline as the transport of the real official SDKs (catalog/<provider>/plug.ts), driven against
 * a loopback server. The acceptance lines of issue 14:
 * - through a plug the caller's catch gets faultline's typed error (or the SDK's error carrying it);
 * - a body cut off mid-read on a read is retried (leancloud-storage GET, Parse Query.get);
 * - 429 + Retry-After is honoured through each plug;
 * - under Parse a permanent 503 makes at most maxAttempts requests per call (Parse's own loop does
 *   not run on top), its `_method: GET` POSTs are retried as the reads they are, and its request id
 *   is the idempotency key.
 *
 * No wall-clock waits: the policies run on a clock that records each delay asked for and fires it
 * at once (random 0, so a server-given delay is exactly what the server said).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudbaseAdapter } from '../catalog/cloudbase/plug.js';
import { leancloudAdapters } from '../catalog/leancloud/plug.js';
import { plugParse } from '../catalog/parse/plug.js';
import { classify } from '../src/classify.js';
import type { Clock } from '../src/clock.js';
import { isFaultlineError } from '../src/errors.js';
import type { RetryOptions } from '../src/policy-types.js';
import { useLoopbackOnly } from './helpers/loopback-only.js';
import { refusedUrl, reply, startSdkServer, type Answer, type SdkServer } from './helpers/sdk-server.js';
import { settle } from './helpers/shape.js';

useLoopbackOnly();

/** A clock on which every delay passes at once; `delays` lists what was asked for. */
function instantClock(): Clock & { delays: number[] } {
  let now = 0;
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    setTimeout(callback, ms) {
      delays.push(ms);
      now += ms;
      return setImmediate(callback);
    },
    clearTimeout(handle) {
      clearImmediate(handle as ReturnType<typeof setImmediate>);
    },
    random: () => 0,
  };
}

const retryOptions = (clock: Clock, extra: RetryOptions = {}): RetryOptions => ({ clock, maxAttempts: 3, budget: false, ...extra });

async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  const settled = await settle(promise);
  if (!settled.rejected) throw new Error(`expected a rejection, got ${JSON.stringify(settled.value)}`);
  return settled.value;
}

/** Answers from a list, in order; the last one repeats. */
const inTurn =
  (...answers: Answer[]) =>
  (_request: unknown, index: number): Answer =>
    answers[Math.min(index, answers.length - 1)] as Answer;

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('leancloud-storage with AV.setAdapters(leancloudAdapters(...))', () => {
  let AV: any;
  let nodeRequest: unknown;
  let server: SdkServer;
  let clock: ReturnType<typeof instantClock>;
  const find = (): Promise<unknown> => new AV.Query('Todo').find();

  beforeAll(async () => {
    server = await startSdkServer();
    AV = (await import('leancloud-storage')).default;
    nodeRequest = ((await import('@leancloud/platform-adapters-node')) as any).request;
    AV.init({ appId: 'faultline-test-app', appKey: 'app-key-secret', serverURL: server.url });
  });
  afterAll(async () => {
    AV.setAdapters({ request: nodeRequest });
    await server.close();
  });
  afterEach(() => AV.setAdapters({ request: nodeRequest }));
  const plug = (extra: RetryOptions = {}): void => {
    clock = instantClock();
    AV.setAdapters(leancloudAdapters({ retry: retryOptions(clock, extra) }));
  };

  it('sends what the SDK asked for and resolves its result', async () => {
    plug();
    server.answer(reply.json(200, { results: [{ objectId: 'a1', title: 'x' }] }));
    const todos = (await find()) as Array<{ id: string; get(k: string): unknown }>;
    expect(todos.map((t) => [t.id, t.get('title')])).toEqual([['a1', 'x']]);
    expect(server.received[0]).toMatchObject({ method: 'GET', url: '/1.1/classes/Todo?where=%7B%7D' });
    expect(server.received[0]!.headers['x-lc-sign']).toMatch(/^[0-9a-f]{32},\d+$/);
  });

  it('retries a GET whose body was cut off mid-read', async () => {
    plug();
    server.answer(inTurn(reply.resetMidBody(200), reply.json(200, { results: [{ objectId: 'a1' }] })));
    expect(((await find()) as Array<{ id: string }>).map((t) => t.id)).toEqual(['a1']);
    expect(server.received).toHaveLength(2);
  });

  it('honours 429 + Retry-After: waits what the server said, then succeeds', async () => {
    plug();
    server.answer(inTurn(reply.json(429, { code: 155, error: 'Too many requests.' }, { 'retry-after': '7' }), reply.json(200, { results: [] })));
    expect(await find()).toEqual([]);
    expect(server.received).toHaveLength(2);
    expect(clock.delays).toEqual([7000]);
  });

  it('gives up with the SDK’s AV.Error as without the plug, carrying the typed error (attempts, status, Retry-After)', async () => {
    plug();
    server.answer(reply.json(503, { code: 503, error: 'Service unavailable.' }, { 'retry-after': '1' }));
    const e = await rejectionOf(find());
    expect(server.received).toHaveLength(3);
    expect(e).toBeInstanceOf(AV.Error);
    expect([e.code, e.rawMessage, e.message]).toEqual([503, 'Service unavailable.', `Service unavailable. [503 GET ${server.url}/1.1/classes/Todo]`]);
    expect(isFaultlineError(e.faultline)).toBe(true);
    expect(e.faultline).toMatchObject({ kind: 'unavailable', retry: 'always', status: 503, retryAfterMs: 1000, attempts: 3 });
    expect(classify(e)).toBe(e.faultline);
    expect(clock.delays).toEqual([1000, 1000]);
  });

  it('does not repeat a create (POST) after its connection was lost: the server may have applied it', async () => {
    plug();
    server.answer(reply.resetBeforeHeaders());
    const e = await rejectionOf(new AV.Object('Todo').save({ title: 'x' }));
    expect(server.received).toHaveLength(1);
    expect(e.faultline).toMatchObject({ kind: 'network', attempts: 1 });
    expect(e.code).toBe('UND_ERR_SOCKET'); // fetch's own code where the stock transport said ECONNRESET
  });

  it('repeats a create on 503 (the server did not act) and a plain update (PUT) after a lost connection, never an Increment', async () => {
    plug();
    server.answer(inTurn(reply.empty(503), reply.json(201, { objectId: 'n1', createdAt: '2024-01-01T00:00:00.000Z' })));
    const created = (await new AV.Object('Todo').save({ title: 'x' })) as { id: string };
    expect([created.id, server.received.length]).toEqual(['n1', 2]);

    server.answer(inTurn(reply.resetBeforeHeaders(), reply.json(200, { updatedAt: '2024-01-01T00:00:00.000Z' })));
    const todo = AV.Object.createWithoutData('Todo', 'n1');
    await todo.save({ title: 'y' });
    expect(server.received.map((r) => r.method)).toEqual(['PUT', 'PUT']);

    server.answer(inTurn(reply.resetBeforeHeaders(), reply.json(200, { updatedAt: '2024-01-01T00:00:00.000Z' })));
    todo.increment('likes');
    const e = await rejectionOf(todo.save());
    expect(server.received).toHaveLength(1);
    expect(e.faultline).toMatchObject({ kind: 'network', retry: 'idempotent' });
  });

  it('a refused connection is retried for any method (never sent)', async () => {
    plug();
    AV.setServerURLs(await refusedUrl());
    try {
      const e = await rejectionOf(new AV.Object('Todo').save({ title: 'x' }));
      expect(e.faultline).toMatchObject({ kind: 'network', retry: 'always', code: 'ECONNREFUSED', attempts: 3 });
    } finally {
      AV.setServerURLs(server.url);
    }
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('parse with plugParse(Parse, ...)', () => {
  let Parse: any;
  let server: SdkServer;
  let clock: ReturnType<typeof instantClock>;
  let unplug: (() => void) | undefined;
  const find = (): Promise<unknown> => new Parse.Query('Todo').find();
  const bodyOf = (index: number): Record<string, unknown> => JSON.parse(server.received[index]!.body) as Record<string, unknown>;

  beforeAll(async () => {
    server = await startSdkServer();
    Parse = (await import('parse/node')).default;
    Parse.initialize('faultline-app-id', 'js-key');
    Parse.serverURL = `${server.url}/parse`;
  });
  afterEach(() => {
    unplug?.();
    unplug = undefined;
    Parse.idempotency = false;
  });
  afterAll(() => server.close());
  const plug = (extra: RetryOptions = {}, idempotencyKey?: boolean): void => {
    clock = instantClock();
    unplug = plugParse(Parse, { retry: retryOptions(clock, extra), ...(idempotencyKey !== undefined && { idempotencyKey }) });
  };

  it('sends what Parse sends (a POST, `_method: GET`, the keys in the body) and resolves its result', async () => {
    plug();
    server.answer(reply.json(200, { results: [{ objectId: 'a1', title: 'x' }] }));
    const todos = (await find()) as Array<{ id: string }>;
    expect(todos.map((t) => t.id)).toEqual(['a1']);
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/parse/classes/Todo' });
    expect(server.received[0]!.headers).toMatchObject({ 'content-type': 'text/plain', 'user-agent': expect.stringMatching(/^Parse\/js8\.6\.2 \(NodeJS /) });
    expect(server.received[0]!.headers['x-parse-request-id']).toBeUndefined();
    expect(bodyOf(0)).toMatchObject({ _method: 'GET', _ApplicationId: 'faultline-app-id', _JavaScriptKey: 'js-key' });
  });

  it('a permanent 503 makes maxAttempts requests per call, not Parse’s 5 on top of each', async () => {
    plug();
    server.answer(reply.html(503));
    const e = await rejectionOf(find());
    expect(server.received).toHaveLength(3);
    expect(isFaultlineError(e)).toBe(true);
    expect(e).toMatchObject({ kind: 'unavailable', status: 503, attempts: 3 });

    server.answer(reply.html(503));
    const save = await rejectionOf(new Parse.Object('Todo').save({ a: 1 }));
    expect(server.received).toHaveLength(3);
    expect(save).toMatchObject({ kind: 'unavailable', status: 503, attempts: 3 });

    // {code: 1} says the server failed while running it: a create is then not repeated at all.
    server.answer(reply.json(503, { code: 1, error: 'Internal server error.' }));
    const failed = await rejectionOf(new Parse.Object('Todo').save({ a: 1 }));
    expect(server.received).toHaveLength(1);
    expect(failed).toMatchObject({ kind: 'internal', code: 1, status: 503, attempts: 1 });
  });

  it('retries a Query.get whose response was cut off mid-body (a POST that is a read)', async () => {
    plug();
    server.answer(inTurn(reply.resetMidBody(200), reply.json(200, { results: [{ objectId: 'a1', title: 'x' }] })));
    const todo = (await new Parse.Query('Todo').get('a1')) as { id: string; get(k: string): unknown };
    expect([todo.id, todo.get('title')]).toEqual(['a1', 'x']);
    expect(server.received).toHaveLength(2);
    expect([bodyOf(0), bodyOf(1)].map((b) => [b._method, b.where])).toEqual([
      ['GET', { objectId: 'a1' }],
      ['GET', { objectId: 'a1' }],
    ]);
  });

  it.each([
    ['155 RequestLimitExceeded', { code: 155, error: 'Request limit exceeded' }],
    ['parse-server’s limiter, 100 "Too many requests"', { code: 100, error: 'Too many requests' }],
  ])('honours 429 + Retry-After (%s): waits what the server said, then succeeds', async (_label, body) => {
    plug();
    server.answer(inTurn(reply.json(429, body, { 'retry-after': '7' }), reply.json(200, { results: [] })));
    expect(await find()).toEqual([]);
    expect(server.received).toHaveLength(2);
    expect(clock.delays).toEqual([7000]);
  });

  it('the caller’s catch gets the typed error itself, with what the ParseError loses (status, request id)', async () => {
    plug();
    server.answer(reply.json(404, { code: 101, error: 'Object not found.' }, { 'x-request-id': 'req-9' }));
    const e = await rejectionOf(new Parse.Query('Todo').get('missing'));
    expect(e).toMatchObject({ name: 'NotFoundError', kind: 'not_found', code: 101, status: 404, requestId: 'req-9', attempts: 1 });
    expect(e.constructor.name).not.toBe('ParseError');
  });

  it('a create whose connection was lost is not repeated without a request id', async () => {
    plug();
    server.answer(reply.resetBeforeHeaders());
    const e = await rejectionOf(new Parse.Object('Todo').save({ a: 1 }));
    expect(server.received).toHaveLength(1);
    expect(e).toMatchObject({ kind: 'network', attempts: 1 });
  });

  it('with Parse.idempotency the request id is the idempotency key: one per call, on every attempt, and the create is retried', async () => {
    plug();
    Parse.idempotency = true;
    server.answer(inTurn(reply.resetBeforeHeaders(), reply.json(201, { objectId: 'n1', createdAt: '2024-01-01T00:00:00.000Z' })));
    const created = (await new Parse.Object('Todo').save({ a: 1 })) as { id: string };
    expect(created.id).toBe('n1');
    const ids = server.received.map((r) => r.headers['x-parse-request-id']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);

    // The next call gets its own id; a read carries none.
    server.answer(reply.json(201, { objectId: 'n2', createdAt: '2024-01-01T00:00:00.000Z' }));
    await new Parse.Object('Todo').save({ a: 2 });
    expect(server.received[0]!.headers['x-parse-request-id']).not.toBe(ids[0]);
    server.answer(reply.json(200, { results: [] }));
    await find();
    expect(server.received[0]!.headers['x-parse-request-id']).toBeUndefined();
  });

  it('a retry the server already applied (159 Duplicate request) stops: the write is done', async () => {
    plug({}, true);
    server.answer(inTurn(reply.resetBeforeHeaders(), reply.json(400, { code: 159, error: 'Duplicate request' })));
    const e = await rejectionOf(new Parse.Object('Todo').save({ a: 1 }));
    expect(server.received).toHaveLength(2);
    expect(e).toMatchObject({ kind: 'conflict', code: 159, retry: 'never', attempts: 2 });
  });

  it('query.cancel() still resolves the query with [] (Parse’s own contract), and stops the loop', async () => {
    plug();
    server.answer(reply.stall());
    const query = new Parse.Query('Todo');
    const pending = query.find();
    await server.requests(1);
    query.cancel();
    expect(await pending).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('unplugging gives Parse back its own transport (and its own 5 tries)', async () => {
    plug();
    unplug?.();
    unplug = undefined;
    vi.spyOn(Math, 'random').mockReturnValue(0);
    try {
      server.answer(reply.html(503));
      const e = await rejectionOf(find());
      expect(server.received).toHaveLength(5);
      expect(e.constructor.name).toBe('ParseError');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('rejects what is not the Parse SDK with a clear TypeError', () => {
    expect(() => plugParse({} as never)).toThrow(/plugParse\(Parse\) needs the Parse SDK/);
    expect(() => plugParse(Parse, { retry: 3 as never })).toThrow(/plugParse\.retry must be an object/);
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('@cloudbase/js-sdk with cloudbase.useAdapters(cloudbaseAdapter(cloudbase, ...))', () => {
  let sdk: any;
  let stock: { adapter: unknown; runtime: string };
  let server: SdkServer;
  let clock: ReturnType<typeof instantClock>;
  let envs = 0;
  const plugged = (extra: RetryOptions = {}): any => {
    clock = instantClock();
    sdk.useAdapters(cloudbaseAdapter(sdk, { retry: retryOptions(clock, extra) }));
    const app = sdk.init({ env: `faultline-env-plug-${++envs}`, secretId: 'AKIDfaultline', secretKey: 'secret-key-value', timeout: 1000 });
    app.registerHost(server.url.slice('http://'.length), 'http');
    return app;
  };

  beforeAll(async () => {
    server = await startSdkServer();
    sdk = (await import('@cloudbase/js-sdk')).default;
    stock = { adapter: sdk.platform.adapter, runtime: sdk.platform.runtime };
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => sdk.useAdapters({ isMatch: () => true, runtime: stock.runtime, genAdapter: () => stock.adapter }));
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('resolves a success as the SDK does, signed as the SDK signs', async () => {
    const app = plugged();
    server.answer(reply.json(200, { data: { list: [] } }));
    expect(await app.database().collection('todos').get()).toEqual({ data: [], requestId: server.received[0]!.headers['x-request-id'] });
    expect(server.received[0]!.headers.authorization).toMatch(/^TC3-HMAC-SHA256/);
  });

  it('an error body the SDK would resolve as data rejects with the typed error, after the policy’s retries', async () => {
    const app = plugged();
    server.answer(reply.json(500, { code: 'DATABASE_TIMEOUT', message: 'db timed out', requestId: 'srv-1' }));
    const e = await rejectionOf(app.database().collection('todos').get());
    expect(server.received).toHaveLength(3);
    expect(isFaultlineError(e)).toBe(true);
    expect(e).toMatchObject({ kind: 'timeout', code: 'DATABASE_TIMEOUT', status: 500, requestId: 'srv-1', attempts: 3 });
    expect(Object.isFrozen(e)).toBe(true);
  });

  it('a gateway’s HTML 503 is an outage, not an empty collection', async () => {
    const app = plugged();
    server.answer(reply.html(503));
    const e = await rejectionOf(app.database().collection('todos').get());
    expect(e).toMatchObject({ kind: 'unavailable', status: 503, attempts: 3 });
  });

  it('honours 429 + Retry-After, then resolves', async () => {
    const app = plugged();
    server.answer(inTurn(reply.json(429, { code: 'FUNCTION_EXCEED_RESOURCE_LIMIT', message: 'slow down' }, { 'retry-after': '7' }), reply.json(200, { data: { list: [] } })));
    expect(await app.database().collection('todos').get()).toMatchObject({ data: [] });
    expect(server.received).toHaveLength(2);
    expect(clock.delays).toEqual([7000]);
  });

  it('retries a read whose body was cut off mid-read', async () => {
    const app = plugged();
    server.answer(inTurn(reply.resetMidBody(200), reply.json(200, { data: { list: [] } })));
    expect(await app.database().collection('todos').get()).toMatchObject({ data: [] });
    expect(server.received).toHaveLength(2);
  });

  it('repeats a function call (POST) only where the server cannot have acted', async () => {
    const app = plugged();
    server.answer(inTurn(reply.empty(503), reply.json(200, { data: { ok: 1 } })));
    expect(await app.callFunction({ name: 'f', data: {} })).toMatchObject({ result: { data: { ok: 1 } } });
    expect(server.received).toHaveLength(2);
    server.answer(reply.resetMidBody(200));
    const e = await rejectionOf(app.callFunction({ name: 'f', data: {} }));
    expect(server.received).toHaveLength(1);
    expect(e).toMatchObject({ kind: 'network', attempts: 1 });
  });

  it('rejects what is not the SDK with a clear TypeError', () => {
    expect(() => cloudbaseAdapter({} as never)).toThrow(/cloudbaseAdapter\(cloudbase\) needs the @cloudbase\/js-sdk/);
  });
});
