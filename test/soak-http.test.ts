/**
 * The short HTTP soak (the full one is `npm run soak`): 1,000 requests at concurrency 100 through
 * each adapter against the chaos server. The heap figure is left to the full soak (too noisy in a
 * shared test process); everything deterministic is asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChaosServer, type ChaosServer } from '../soak/chaos-server.js';
import { ADAPTERS } from '../soak/http-clients.js';
import { runHttpSoak } from '../soak/http-soak.js';
import { activeResources, countUnhandledRejections, settleResources, type UnhandledCounter } from '../soak/observe.js';
import { leaksOf, SOAK_SECRETS } from '../soak/secrets.js';

let server: ChaosServer;
let unhandled: UnhandledCounter;
let baseline: Map<string, number>;

beforeAll(async () => {
  baseline = activeResources();
  unhandled = countUnhandledRejections();
  server = await startChaosServer({ seed: 7 });
});

afterAll(async () => {
  await server?.close();
  unhandled?.stop();
});

describe('short HTTP soak', () => {
  it.each(ADAPTERS)('%s: 1,000 chaotic requests all settle, typed, without duplicate writes or leaks', async (adapter) => {
    // Whether each settled within its deadline is the full soak's figure (`npm run soak`): here the
    // machine is shared with other test files, and no assertion may depend on how fast it is.
    const f = await runHttpSoak(adapter, server, { requests: 1_000, concurrency: 100, seed: 7, graceMs: 1_000 });
    expect(f.settled).toBe(1_000);
    expect(f.untypedSamples).toEqual([]);
    expect(f.typed).toBe(f.rejected);
    expect(f.duplicatePlainWrites).toBe(0);
    expect(f.keyedDoubleApplied).toBe(0);
    expect(f.leakSamples).toEqual([]);
    expect(f.leaks).toBe(0);
    // The chaos was real: failures, retries, keyed repeats reaching the server, events to check.
    expect(f.rejected).toBeGreaterThan(50);
    expect(f.retriedRequests).toBeGreaterThan(100);
    expect(f.keyedReplays).toBeGreaterThan(10);
    expect(f.checked.retryEvents).toBeGreaterThan(100);
    expect(f.checked.diagnostics).toBeGreaterThan(100);
    expect(unhandled.count).toBe(0);
  }, 60_000);

  it('the ledger does see duplicate writes when a policy retries POSTs without a key', async () => {
    const f = await runHttpSoak('fetch', server, { requests: 300, concurrency: 50, seed: 8, retry: { shouldRetry: () => true } });
    expect(f.duplicatePlainWrites).toBeGreaterThan(0);
  }, 60_000);

  it('the leak check does see a secret in any rendering', () => {
    expect(leaksOf(new Error(`boom ${SOAK_SECRETS.lcSession}`))).toHaveLength(1);
    expect(leaksOf({ nested: { deep: [SOAK_SECRETS.authorization] } })).toHaveLength(1);
    expect(leaksOf({ fine: 'nothing here' })).toEqual([]);
  });

  it('leaves no unhandled rejection and, once the server is closed, no handle behind', async () => {
    await server.close();
    expect(unhandled.count).toBe(0);
    const left = await settleResources(baseline);
    expect(Object.fromEntries(left)).toEqual({});
  });
});
