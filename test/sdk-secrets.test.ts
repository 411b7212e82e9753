/**
 * Each provider's secret formats (defineProvider `secrets`) are redacted wherever an error is
 * rendered when the secret reaches it without a name in front: a Parse session token in prose
 * ("invalid session token r:…"), a LeanCloud X-LC-Sign value, a Tencent Cloud SecretId, an Easemob
 * token. Driven through the real SDKs against a loopback server, then through classify() and
 * through a policy's retry and giveUp events and their diagnostics_channel mirrors.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudbase } from '../catalog/cloudbase/index.js';
import { easemob } from '../catalog/easemob/index.js';
import { leancloud } from '../catalog/leancloud/index.js';
import { parse } from '../catalog/parse/index.js';
import { classify } from '../src/classify.js';
import type { FaultlineError } from '../src/errors.js';
import { CHANNELS } from '../src/events.js';
import { createRetryPolicy } from '../src/policy.js';
import type { GiveUpEvent, RetryEvent } from '../src/policy-types.js';
import type { Provider } from '../src/provider.js';
import { useLoopbackOnly } from './helpers/loopback-only.js';
import { reply, startSdkServer, type SdkServer } from './helpers/sdk-server.js';
import { settle } from './helpers/shape.js';

useLoopbackOnly();

const PARSE_SESSION = 'r:0f8a51c2e77d4b0d9e3a6c1f2b7d8e9a';
const LC_SIGN = '9f86d081884c7d659a2feaa0c55ad015,1699999999999,master';
const TENCENT_SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA';
const EASEMOB_TOKEN = 'YWMte3bGuOukEeiTkNP4grL7iwAAAAAAAAAAAAAAAAAAAAGL4CTw6XgR6LaXXVmNX4QCAgMAAAFnKdc';

/** Every way an error is rendered into a log. */
function renderings(error: FaultlineError): string[] {
  return [error.message, String(error), error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 }), inspect(error, { depth: 10, showHidden: true })];
}

function expectRedacted(error: FaultlineError, secret: string): void {
  for (const text of renderings(error)) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(4, 20));
  }
  expect(error.message).toContain('[REDACTED]');
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const settled = await settle(promise);
  expect(settled.rejected).toBe(true);
  return settled.value;
}

describe('parse: a session token written in prose', () => {
  let Parse: any;
  let server: SdkServer;
  const find = (): Promise<unknown> => new Parse.Query('Todo').find();

  beforeAll(async () => {
    server = await startSdkServer();
    Parse = (await import('parse/node')).default;
    Parse.initialize('faultline-app-id', 'js-key');
    Parse.serverURL = `${server.url}/parse`;
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('is redacted from the message, JSON, inspect and stack of what classify() makes of the ParseError', async () => {
    server.answer(reply.json(400, { code: 209, error: `invalid session token ${PARSE_SESSION}` }));
    const raw = await rejectionOf(find());
    expect((raw as Error).message).toContain(PARSE_SESSION); // the SDK's own error shows it
    const error = classify(raw, { provider: parse });
    expect(error.kind).toBe('session_expired');
    expectRedacted(error, PARSE_SESSION);
  });

  it('is redacted from a policy’s retry and giveUp events and their diagnostics_channel messages', async () => {
    const published: unknown[] = [];
    const listener = (message: unknown): void => void published.push(message);
    subscribe(CHANNELS.retry, listener);
    subscribe(CHANNELS.giveUp, listener);
    const events: Array<RetryEvent | GiveUpEvent> = [];
    const policy = createRetryPolicy({ classify: { provider: parse }, maxAttempts: 2, baseDelayMs: 0, budget: false });
    policy.on('retry', (event) => events.push(event));
    policy.on('giveUp', (event) => events.push(event));
    try {
      // A retryable answer first (Parse tries a 5xx five times itself), then the token in prose.
      server.answer((_request, index) => (index < 5 ? reply.json(503, { code: 1, error: `session ${PARSE_SESSION} lost` }) : reply.json(400, { code: 209, error: `invalid session token ${PARSE_SESSION}` })));
      const error = (await rejectionOf(policy.execute(() => find(), { idempotent: true }))) as FaultlineError;
      expect([error.kind, error.attempts]).toEqual(['session_expired', 2]);
      expectRedacted(error, PARSE_SESSION);
    } finally {
      unsubscribe(CHANNELS.retry, listener);
      unsubscribe(CHANNELS.giveUp, listener);
    }
    expect(events.map((e) => ('reason' in e ? `giveUp ${e.reason}` : `retry ${e.attempt}`))).toEqual(['retry 1', 'giveUp not-retryable']);
    expect(published).toHaveLength(2);
    for (const event of events) expectRedacted(event.error, PARSE_SESSION);
    for (const message of published) {
      const text = JSON.stringify(message);
      expect(text).toContain('[REDACTED]');
      expect(text).not.toContain(PARSE_SESSION);
      expect(inspect(message, { depth: 10 })).not.toContain(PARSE_SESSION);
    }
  });
});

describe('the other providers’ formats, as their SDKs hand them over', () => {
  let server: SdkServer;
  beforeAll(async () => {
    server = await startSdkServer();
  });
  afterAll(() => server.close());

  const cases: Array<[string, Provider, string, () => Promise<unknown>]> = [
    [
      'leancloud-storage: an X-LC-Sign value in an error text',
      leancloud,
      LC_SIGN,
      async () => {
        const AV = (await import('leancloud-storage')).default as any;
        AV.init({ appId: 'faultline-test-app', appKey: 'app-key-secret', serverURL: server.url });
        server.answer(reply.json(401, { code: 401, error: `Unauthorized, sign ${LC_SIGN} does not match` }));
        return new AV.Query('Todo').find();
      },
    ],
    [
      '@cloudbase/node-sdk: a SecretId in an error text',
      cloudbase,
      TENCENT_SECRET_ID,
      async () => {
        const tcb = (await import('@cloudbase/node-sdk')).default as any;
        const app = tcb.init({ env: 'faultline-env-1a2b', secretId: 'AKIDfaultline', secretKey: 'k', serviceUrl: `${server.url}/admin`, timeout: 200 });
        server.answer(reply.json(200, { code: 'INVALID_CREDENTIALS', message: `SecretId ${TENCENT_SECRET_ID} is not valid`, requestId: 'srv-1' }));
        return app.database().collection('todos').get();
      },
    ],
  ];

  it.each(cases)('%s', async (_label, provider, secret, call) => {
    const raw = await rejectionOf(call());
    const error = classify(raw, { provider });
    expect(error.kind).toBe('unauthenticated');
    expectRedacted(error, secret);
  });

  it('easemob-websdk: a token in an error text', () => {
    // What easemob-websdk rejects a REST call with after login (its response text kept as is).
    const raw = { type: 17, data: JSON.stringify({ error: 'unauthorized', error_description: `token ${EASEMOB_TOKEN} expired` }), message: 'x' };
    const error = classify(raw, { provider: easemob });
    expect(error.kind).toBe('session_expired');
    expectRedacted(error, EASEMOB_TOKEN);
  });
});
