import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { http } from '../catalog/http.js';
import { network } from '../catalog/network.js';
import { websocket } from '../catalog/websocket.js';
import { BUILTIN_DECISIONS } from '../src/builtin-decisions.js';
import { KIND_DEFAULTS } from '../src/kind-defaults.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const catalogs = [http, websocket, network];

type Modules = {
  classify: typeof import('../src/classify.js');
  registry: typeof import('../src/registry.js');
};

/** A fresh registry (nothing registered), as `faultline/core` starts. */
async function freshCore(): Promise<Modules> {
  vi.resetModules();
  return { classify: await import('../src/classify.js'), registry: await import('../src/registry.js') };
}

describe('src/builtin-decisions.ts', () => {
  it('is what scripts/gen-builtin-decisions.mjs generates from the catalogs (not stale)', () => {
    // Exits 1 (execFileSync throws) when the committed file differs from the generator's output.
    const out = execFileSync(process.execPath, ['scripts/gen-builtin-decisions.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('is current');
  });

  it('holds exactly the codes of the full catalogs, each with its kind and retry', () => {
    for (const catalog of catalogs) {
      const table = BUILTIN_DECISIONS[catalog.provider as keyof typeof BUILTIN_DECISIONS];
      const flat = table.flatMap(([kind, retry, codes]) => codes.map((code) => [code, kind, retry] as const));
      expect(flat.map(([code]) => code).sort(), catalog.provider).toEqual(catalog.entries.map((e) => e.code).sort());
      for (const entry of catalog.entries) {
        const row = flat.find(([code]) => code === entry.code);
        expect(row?.slice(1), `${catalog.provider} ${String(entry.code)}`).toEqual([entry.kind, entry.retry]);
      }
    }
  });
});

describe('classify() in a core-only bundle (built-in catalogs not registered)', () => {
  let core: Modules;
  beforeEach(async () => {
    core = await freshCore();
  });

  it('registers no catalog', () => {
    expect(core.registry.registeredProviders()).toEqual([]);
    expect(core.registry.lookup('http', 404)).toBeUndefined();
  });

  it('decides every built-in code the way the full catalog does', async () => {
    const inputs: unknown[] = [
      ...http.entries.map((e) => ({ status: e.code })),
      ...websocket.entries.map((e) => ({ code: e.code, reason: '', wasClean: false })),
      ...network.entries.map((e) => Object.assign(new Error(String(e.code)), { code: e.code })),
      new TypeError('Failed to fetch'),
      new TypeError('failed to fetch'),
      { code: 'econnreset', message: 'lower-case errno' },
    ];
    const slim = inputs.map((input) => core.classify.classify(input));
    const full = await freshCore();
    full.registry.registerCatalog(http, websocket, network);
    inputs.forEach((input, i) => {
      const rich = full.classify.classify(input);
      const lean = slim[i]!;
      const where = JSON.stringify(input);
      expect([lean.kind, lean.retry, lean.code, lean.status, lean.closeCode, lean.provider], where).toEqual([
        rich.kind,
        rich.retry,
        rich.code,
        rich.status,
        rich.closeCode,
        rich.provider,
      ]);
    });
  });

  it("falls back on the kind's text, and the catalog's text appears once it is registered", () => {
    const lean = core.classify.classify({ status: 404 });
    expect(lean.kind).toBe('not_found');
    expect(lean.description).toEqual(KIND_DEFAULTS.not_found.description);
    expect(lean.advice).toEqual(KIND_DEFAULTS.not_found.advice);
    expect(lean.message).toBe(`HTTP 404: ${KIND_DEFAULTS.not_found.description.en}`);
    expect(lean.names).toEqual([]);

    const closed = core.classify.classifyClose(1006);
    expect(closed.message).toBe(`websocket 1006: ${KIND_DEFAULTS.connection_closed.description.en}`);
    const refused = core.classify.classify(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    expect(refused.message).toBe('network ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9');

    core.registry.registerCatalog(http, websocket);
    const rich = core.classify.classify({ status: 404 });
    expect(rich.message).toBe('HTTP 404: Not Found');
    expect(rich.names).toEqual(['Not Found']);
    expect(rich.advice).toEqual(http.entries.find((e) => e.code === 404)!.advice);
    expect(core.classify.classifyClose(1006).description.zh).toBe(websocket.entries.find((e) => e.code === 1006)!.description.zh);
  });

  it('the `faultline` entry registers the full built-in catalogs before the providers', async () => {
    vi.resetModules();
    const registry = await import('../src/registry.js');
    await import('../src/index.js');
    expect(registry.registeredProviders()).toEqual(['http', 'websocket', 'network', 'leancloud', 'parse', 'cloudbase', 'easemob']);
    expect(registry.getCatalog('http')).toBe((await import('../catalog/http.js')).http);
  });
});
