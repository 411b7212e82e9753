import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Issue 12: adding a provider is one new folder plus one line in the one provider list. This test
 * does exactly that to a copy of the sources — test/fixtures/acme/ becomes catalog/acme/, and
 * catalog/providers.ts gets one line — then builds the full entry and the CLI from the copy and
 * shows detection, decisions, text and redaction working for the new provider, with no other file
 * touched.
 */

const ROOT = new URL('..', import.meta.url).pathname;
let dir: string;
type Full = typeof import('../src/index.js');
type Cli = typeof import('../cli/faultline.js');
let full: Full;
let cli: Cli;

async function load<T>(entry: string): Promise<T> {
  const out = join(dir, `${entry.replace(/\W/g, '_')}.mjs`);
  await build({ entryPoints: [join(dir, entry)], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'silent', external: ['axios', 'ky', 'ws'] });
  return (await import(pathToFileURL(out).href)) as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-acme-'));
  for (const part of ['src', 'catalog', 'adapters', 'cli']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/acme'), join(dir, 'catalog/acme'), { recursive: true });
  const list = join(dir, 'catalog/providers.ts');
  const before = readFileSync(list, 'utf8');
  appendFileSync(list, "export { acme } from './acme/full.js';\n");
  expect(readFileSync(list, 'utf8').split('\n').length - before.split('\n').length).toBe(1);
  full = await load<Full>('src/index.ts');
  cli = await load<Cli>('cli/faultline.ts');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a made-up provider, added as one folder plus one line', () => {
  it('is known by name, with its decisions and its text in both languages', () => {
    const e = full.classify({ status: 402, body: { code: 'ACME_QUOTA', message: 'out of quota' } }, { provider: 'acme' as never });
    expect(e).toMatchObject({ kind: 'quota_exceeded', retry: 'never', provider: 'acme', code: 'ACME_QUOTA' });
    expect(e.description).toEqual({ en: 'The Acme plan quota is used up.', zh: 'Acme 套餐配额已用完。' });
    expect(e.advice.zh).toBe('升级 Acme 套餐。');
    expect(full.classify({ status: 401, body: { code: 'ACME_TOKEN_EXPIRED' } }, { provider: 'acme' as never }).retry).toBe('after-refresh');
  });

  it('is detected by host, by request header and by its rows for a status', () => {
    expect(full.classify({ status: 429, body: { code: 'ACME_SLOW_DOWN' } }, { url: 'https://eu.acme.example/v1/things' })).toMatchObject({ kind: 'rate_limited', provider: 'acme' });
    expect(full.classify({ status: 400, body: { code: 'ACME_QUOTA' } }, { requestHeaders: { 'X-Acme-App': 'a1' } })).toMatchObject({ kind: 'quota_exceeded', provider: 'acme' });
    expect(full.classify({ status: 451, headers: { 'x-acme-trace': 't-9' } }, { url: 'https://acme.example/x' })).toMatchObject({ kind: 'permission_denied', provider: 'acme', requestId: 't-9' });
    // Elsewhere the same status keeps its RFC meaning.
    expect(full.classify({ status: 451 }).provider).toBe('http');
  });

  it("redacts its secrets wherever an error shows them", () => {
    const e = full.classify({ status: 400, body: { code: 'ACME_QUOTA', message: 'key acme_sk_0123456789abcdef is over quota' } }, { provider: 'acme' as never });
    for (const text of [e.message, JSON.stringify(e), e.stack ?? '']) expect(text).not.toContain('acme_sk_0123456789abcdef');
  });

  it('is listed and explained by the CLI', () => {
    let out = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), env: {} };
    expect(cli.runCli(['explain', 'ACME_SLOW_DOWN'], io)).toBe(0);
    expect(out).toContain('acme');
    expect(out).toContain('rate_limited');
    out = '';
    expect(cli.runCli(['list', '--provider', 'acme'], io)).toBe(0);
    expect(out.split('\n').filter((l) => l.startsWith('acme')).length).toBe(4);
  });
});
