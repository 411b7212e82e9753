// The library as the bench runs it: the entry points bundled from the sources with esbuild, the
// way dist/ lays them out (ESM, shared chunks, peers and dev tools left to node_modules), into
// .cache/bench/lib/. Cases import from there; no library build is needed first.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LIB = new URL('../.cache/bench/lib/', import.meta.url);

const ENTRIES = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  axios: 'adapters/axios.ts',
  fetch: 'adapters/fetch.ts',
  ky: 'adapters/ky.ts',
  ws: 'adapters/ws.ts',
  'p-retry': 'adapters/p-retry.ts',
  'catalog/leancloud': 'catalog/leancloud/index.ts',
};

export async function buildLib() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: fileURLToPath(LIB),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
}
