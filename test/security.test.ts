/**
 * The security corpus: credentials never reach an error, an event payload, a diagnostics message
 * or the CLI's output; hostile JSON error bodies pollute nothing; a huge error body is not read
 * past maxErrorBodyBytes.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpOptions } from '../adapters/http/options.js';
import { cloudbase } from '../catalog/cloudbase/index.js';
import { leancloud } from '../catalog/leancloud/index.js';
import { parse } from '../catalog/parse/index.js';
import { runCli } from '../cli/faultline.js';
import { CircuitBreaker } from '../src/breaker.js';
import { isFaultlineError, type FaultlineError } from '../src/errors.js';
import type { GiveUpEvent, RetryEvent } from '../src/policy-types.js';
import { axiosHarness, fetchHarness, kyHarness } from './helpers/http-harness.js';
import { closeAllServers, startServer, type Answer, type Received } from './helpers/http-server.js';
import type { Call, Harness } from './helpers/http-suite.js';
import { SECRET_QUERY, SECRET_REQUEST_HEADERS, SECRETS, expectNoSecrets, expectNoSecretsIn, expectNoSecretsInText } from './helpers/secrets.js';
import { client, closeClients, IMPLEMENTATIONS } from './helpers/ws-client.js';
import { closeServers as closeWsServers, refusedUrl, startServer as startWsServer, waitUntil } from './helpers/ws-server.js';

const HARNESSES: readonly Harness[] = [axiosHarness, fetchHarness, kyHarness];
const FAST = { baseDelayMs: 1, maxDelayMs: 5 };
const CHANNELS = ['faultline:retry', 'faultline:giveup', 'faultline:breaker'];

const messages: Array<{ channel: string; message: unknown }> = [];
const onMessage = (message: unknown, channel: string | symbol): void => void messages.push({ channel: String(channel), message });

beforeAll(() => {
  for (const name of CHANNELS) subscribe(name, onMessage);
});
afterAll(() => {
  for (const name of CHANNELS) unsubscribe(name, onMessage);
});
afterEach(async () => {
  messages.length = 0;
  closeClients();
  await closeAllServers();
  await closeWsServers();
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

/** A debug error page that echoes the request line and every header, as some frameworks do. */
function debugPage(request: Received): Answer {
  const lines = Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`);
  return { status: 500, body: `<html><head><title>Error</title></head><body><pre>${request.method} ${request.url}\n${lines.join('\n')}</pre></body></html>` };
}

/** Server behaviours whose errors could carry what the request carried. */
const SCENARIOS: ReadonlyArray<readonly [string, (request: Received) => Answer]> = [
  ['a 401 whose JSON body echoes the credentials', () => ({
    status: 401,
    headers: { 'set-cookie': SECRETS.cookie, 'x-lc-session': SECRETS.lcSession },
    body: { code: 401, error: `Unauthorized. Authorization: ${SECRETS.authorization} "sessionToken":"${SECRETS.sessionToken}" token=${SECRETS.token}` },
  })],
  ['a 500 debug page echoing the request line and headers', debugPage],
  ['503s until the policy gives up', () => ({ status: 503, headers: { 'retry-after-ms': '1' }, body: { code: 503, error: `busy (access_token=${SECRETS.accessToken})` } })],
  ['a connection reset', () => ({ reset: true })],
  ['a stall past the attempt timeout', () => ({ stall: true })],
];

describe.each(HARNESSES)('$name: no credential in errors, onRetry/onGiveUp events or diagnostics messages', (harness) => {
  const run = async (baseUrl: string, path: string, extra: Partial<HttpOptions<unknown>> = {}) => {
    const retries: RetryEvent[] = [];
    const giveUps: GiveUpEvent[] = [];
    const { retry, ...rest } = extra;
    const call = harness.client(baseUrl, {
      attemptTimeoutMs: 300,
      ...rest,
      retry: { ...FAST, maxAttempts: 2, ...(retry as object), onRetry: (e: RetryEvent) => void retries.push(e), onGiveUp: (e: GiveUpEvent) => void giveUps.push(e) },
    });
    const request: Call = { method: 'PUT', path, json: { sessionToken: SECRETS.sessionToken, password: SECRETS.parseMaster }, headers: { ...SECRET_REQUEST_HEADERS } };
    const error = await rejectionOf(call(request));
    return { error, retries, giveUps };
  };
  const expectClean = ({ error, retries, giveUps }: Awaited<ReturnType<typeof run>>) => {
    expect(isFaultlineError(error)).toBe(true);
    expectNoSecrets(error as FaultlineError);
    expect(giveUps.length).toBe(1);
    for (const event of [...retries, ...giveUps]) {
      expectNoSecretsIn(event, 'event');
      expectNoSecrets(event.error);
    }
    for (const { channel, message } of messages) expectNoSecretsIn(message, channel);
  };

  it.each(SCENARIOS)('%s', async (_name, answer) => {
    const server = await startServer(answer);
    const outcome = await run(server.url, `/1.1/classes/Post?${SECRET_QUERY}`);
    expect(server.received[0]?.headers['x-lc-session']).toBe(SECRETS.lcSession);
    expect(server.received[0]?.url).toContain(SECRETS.accessToken);
    expectClean(outcome);
  });

  it('a refused connection (nothing listening)', async () => {
    const server = await startServer([{}]);
    await server.close();
    expectClean(await run(server.url, `/x?${SECRET_QUERY}`));
  });

  it('an open circuit breaker, its channel messages included', async () => {
    const server = await startServer(() => ({ status: 503, body: { error: `down token=${SECRETS.token}` } }));
    const retry = { ...FAST, maxAttempts: 1, circuitBreaker: new CircuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 60_000 }) };
    expectClean(await run(server.url, `/x?${SECRET_QUERY}`, { retry }));
    expect(messages.some((m) => m.channel === 'faultline:breaker')).toBe(true);
  });
});

describe('no credential in URL userinfo', () => {
  const throughAdapter = async (harness: Harness) => {
    const server = await startServer([{ status: 500 }]);
    const url = server.url.replace('http://', `http://admin:${SECRETS.userinfo}@`);
    const error = await rejectionOf(harness.client(url, { retry: { maxAttempts: 1 } })({ method: 'GET', path: '/x' }));
    expect(isFaultlineError(error)).toBe(true);
    expectNoSecrets(error as FaultlineError);
  };
  // ky builds its Request before faultline's fetch runs: undici's TypeError would quote the password.
  it.each(HARNESSES)('$name', throughAdapter);
});

describe('ReconnectingSocket: no credential in reconnecting/stopped/error events', () => {
  const expectCleanEvents = (events: ReadonlyArray<readonly [string, unknown]>) => {
    for (const [name, event] of events) {
      if (name === 'message' || name === 'open') continue;
      expectNoSecretsIn(event, name);
      expectNoSecrets((event as { error: FaultlineError }).error);
    }
  };

  it.each(IMPLEMENTATIONS)('%s: close reasons and an in-band kick carrying credentials', async (_name, Impl) => {
    const server = await startWsServer();
    server.onConnection = (socket) => {
      const n = server.connections.length;
      if (n === 1) socket.close(1011, `crash token=${SECRETS.token}`);
      else if (n === 2) socket.close(4107, `Authorization: ${SECRETS.authorization}`);
      else socket.send(JSON.stringify({ cmd: 'session', op: 'closed', code: 4111, reason: `conflict access_token=${SECRETS.accessToken}` }));
    };
    const c = client(`${server.url}?${SECRET_QUERY}`, { WebSocket: Impl, provider: leancloud, reconnect: FAST });
    const stopped = await c.nth('stopped', 1);
    expect(stopped.error.kind).toBe('session_replaced');
    expect(c.of('reconnecting')).toHaveLength(2);
    expectCleanEvents(c.events);
  });

  it.each(IMPLEMENTATIONS)('%s: refused handshakes, a 401 upgrade and a URL provider that throws', async (_name, Impl) => {
    const refused = await refusedUrl();
    const rejecting = await startWsServer({ rejectWith: 401 });
    let n = 0;
    const c = client(
      () => {
        n++;
        if (n === 1) throw new Error(`token service failed for refresh_token=${SECRETS.refreshToken}`);
        return n === 2 ? `${refused}?${SECRET_QUERY}` : `${rejecting.url.replace('ws://', `ws://u:${SECRETS.userinfo}@`)}?${SECRET_QUERY}`;
      },
      { WebSocket: Impl, provider: leancloud, reconnect: { ...FAST, maxAttempts: 4 } },
    );
    await c.nth('stopped', 1);
    expect(c.of('error').length).toBeGreaterThanOrEqual(3);
    expectCleanEvents(c.events);
  });
});

describe('CLI --json output carries no credential', () => {
  const CASES: readonly (readonly string[])[] = [
    ['explain', `access_token=${SECRETS.accessToken}`, '--json'],
    ['explain', `Authorization: ${SECRETS.authorization}`, '--json'],
    ['explain', `{"sessionToken":"${SECRETS.sessionToken}"}`, '--json'],
    ['explain', `https://admin:${SECRETS.userinfo}@api.example.com/1.1`, '--json'],
    ['explain', '101', '--provider', SECRETS.authorization, '--json'],
    ['explain', '429', '--provider', 'easemob', '--error', `sign=${SECRETS.sign}`, '--json'],
    ['explain', '101', `--provider=token=${SECRETS.token}`, '--json'],
    ['list', '--kind', `token=${SECRETS.token}`, '--json'],
    ['list', '--retry', `X-LC-Session: ${SECRETS.lcSession}`, '--json'],
    ['list', '--provider', `X-LC-Sign=${SECRETS.lcSignMaster}`, '--json'],
    [`X-LC-Key: ${SECRETS.lcKey}`, '--json'],
  ];
  it.each(CASES)('%s %s %s', (...argv) => {
    let out = '';
    let err = '';
    const code = runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: { LANG: 'en_US.UTF-8' } });
    expect(code).toBeGreaterThan(0);
    expect(out + err).not.toBe('');
    expectNoSecretsInText(out, 'stdout');
    expectNoSecretsInText(err, 'stderr');
  });
});

describe.each(HARNESSES)('$name: prototype-pollution error bodies', (harness) => {
  const BODIES: ReadonlyArray<readonly [number, string]> = [
    [500, '{"__proto__":{"polluted":1}}'],
    [400, '{"constructor":{"prototype":{"polluted":1}}}'],
    [404, '{"code":101,"__proto__":{"polluted":1,"code":119},"constructor":{"prototype":{"polluted":1}}}'],
    [500, '[{"__proto__":{"polluted":1}},{"constructor":{"prototype":{"polluted":1}}}]'],
  ];
  it.each(BODIES)('%i %s', async (status, body) => {
    // Raw JSON text: the harness must not parse (and so pre-sanitise) it.
    const server = await startServer([{ status, headers: { 'content-type': 'application/json' }, body: `\n${body}` }]);
    const error = await rejectionOf(harness.client(server.url, { provider: parse, retry: { maxAttempts: 1 } })({ method: 'GET', path: '/classes/Post' }));
    expect(isFaultlineError(error)).toBe(true);
    const fault = error as FaultlineError;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(fault.toJSON())).toBe(Object.prototype);
    expect(() => JSON.stringify(fault)).not.toThrow();
    // The own `code` decides, not one smuggled in through "__proto__" (Parse 119 = permission denied).
    if (status === 404) expect([fault.kind, fault.code]).toEqual(['not_found', 101]);
    else expect(fault.status).toBe(status);
  });

  it('a CloudBase 200 whose only code hides under "__proto__" is a success, and nothing is polluted', async () => {
    const server = await startServer([{ headers: { 'content-type': 'application/json' }, body: ' {"__proto__":{"code":"PERMISSION_DENIED","polluted":1}}' }]);
    const reply = await harness.client(server.url, { provider: cloudbase, retry: { maxAttempts: 1 } })({ method: 'GET', path: '/x' });
    expect(reply.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** A 500 that streams up to 50 MB of HTML, counting what actually went onto the socket. */
async function startHugeErrorServer(total = 50 * 1024 * 1024) {
  let written: number | undefined;
  let socket: import('node:net').Socket | undefined;
  const server = createServer((req, res) => {
    req.resume();
    socket = req.socket;
    res.writeHead(500, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, '<p>error</p>');
    let queued = 0;
    const pump = (): void => {
      while (queued < total && !res.destroyed) {
        queued += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => {
      res.removeAllListeners('drain');
      written = req.socket.bytesWritten;
    });
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Bytes on the wire so far (final once the connection closed). */
    written: () => written ?? socket?.bytesWritten ?? 0,
    closed: () => written !== undefined,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function hugeBodyThrough(harness: Harness) {
  const server = await startHugeErrorServer();
  try {
    const before = process.memoryUsage();
    let peak = 0;
    const sample = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 2);
    const error = await rejectionOf(harness.client(server.url, { retry: { maxAttempts: 1 }, maxErrorBodyBytes: 64 * 1024 })({ method: 'GET', path: '/huge' }));
    clearInterval(sample);
    // Give the server time to push whatever the client would still accept.
    await waitUntil(() => server.closed(), 1_000, 'the connection to close').catch(() => undefined);
    return { error, written: server.written(), closed: server.closed(), peak };
  } finally {
    await server.close();
  }
}

describe('a 50 MB error body is not read past maxErrorBodyBytes', () => {
  // axios reads a whole body itself unless asked for a stream: on Node its adapter asks for one.
  it.each(HARNESSES)('$name: bounded bytes on the wire and bounded memory', async (harness) => {
    const { error, written, peak } = await hugeBodyThrough(harness);
    expect(isFaultlineError(error)).toBe(true);
    expect((error as FaultlineError).status).toBe(500);
    expect((error as FaultlineError).message.length).toBeLessThan(2_000);
    // What left the server before the client stopped reading: socket buffers, not 50 MB.
    expect(written).toBeLessThan(16 * 1024 * 1024);
    expect(peak).toBeLessThan(20 * 1024 * 1024);
  });

  it.each(HARNESSES)('$name: the connection is released once the error is thrown', async (harness) => {
    // ky: its HTTPError holds a Response rebuilt from what was read, the original cancelled.
    expect((await hugeBodyThrough(harness)).closed).toBe(true);
  });
});
