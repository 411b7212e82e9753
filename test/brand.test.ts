import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as here from '../src/core.js';

type Copy = typeof here;
let other: Copy;
const dir = mkdtempSync(join(tmpdir(), 'faultline-copy-'));

beforeAll(async () => {
  // A second, independent copy of the package, as a duplicated CJS install would be.
  const outfile = join(dir, 'copy.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/core.ts', import.meta.url))],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile,
    logLevel: 'silent',
  });
  other = createRequire(import.meta.url)(outfile) as Copy;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('brand checks across two copies of the package', () => {
  it('isFaultlineError and instanceof hold both ways', () => {
    const foreign = other.classify({ status: 429 });
    expect(other.FaultlineError).not.toBe(here.FaultlineError);
    expect(here.isFaultlineError(foreign)).toBe(true);
    expect(foreign instanceof here.FaultlineError).toBe(true);
    expect(foreign instanceof here.RateLimitError).toBe(true);
    expect(foreign instanceof here.NotFoundError).toBe(false);
    const local = here.classify({ status: 404 });
    expect(other.isFaultlineError(local)).toBe(true);
    expect(local instanceof other.NotFoundError).toBe(true);
    expect(here.classify(foreign)).toBe(foreign);
  });

  it('plain errors and look-alikes are not branded', () => {
    expect(here.isFaultlineError(new Error('x'))).toBe(false);
    expect(here.isFaultlineError({ kind: 'network', retry: 'always' })).toBe(false);
    expect(new Error('x') instanceof here.FaultlineError).toBe(false);
  });

  it('a user subclass keeps ordinary instanceof semantics', () => {
    class AppError extends here.NetworkError {}
    expect(new AppError() instanceof AppError).toBe(true);
    expect(new here.NetworkError() instanceof AppError).toBe(false);
  });
});
