#!/usr/bin/env node
// Builds dist/: ESM + CJS sharing chunks, .d.ts + .d.cts declarations, and the CLI bin. The
// catalog entries come from the one provider list (catalog/providers.ts) and the generic catalogs.
// rolldown, not tsup: tsup pulls rollup, whose per-platform optional packages the registry these
// machines reach does not all carry, and `npm ci` then refuses the lockfile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { rolldown } from 'rolldown';
import { GENERIC, LANGS, PROVIDERS } from './catalogs.mjs';

/** Entry name (the path under `faultline/`) → source. */
const input = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  breaker: 'src/breaker.ts',
  axios: 'adapters/axios.ts',
  fetch: 'adapters/fetch.ts',
  ky: 'adapters/ky.ts',
  ws: 'adapters/ws.ts',
  'p-retry': 'adapters/p-retry.ts',
  redis: 'adapters/redis.ts',
};
// A catalog folder's public modules: the provider value (index), its text (en, zh) and its own
// extras (a transport plug…); decisions, codes, readers and the full value are internal.
const INTERNAL = new Set(['decisions', 'codes', 'readers', 'full', 'index']);
for (const name of [...PROVIDERS, ...GENERIC]) {
  if (PROVIDERS.includes(name)) input[`catalog/${name}`] = `catalog/${name}/index.ts`;
  for (const file of readdirSync(`catalog/${name}`)) {
    const module = file.replace(/\.ts$/, '');
    if (file.endsWith('.ts') && !INTERNAL.has(module)) input[`catalog/${name}/${module}`] = `catalog/${name}/${file}`;
  }
  for (const lang of LANGS) if (!input[`catalog/${name}/${lang}`]) throw new Error(`catalog/${name}/${lang}.ts is missing`);
}
const external = [/^axios(\/|$)/, /^ky(\/|$)/, /^ws(\/|$)/, /^p-retry(\/|$)/, /^ioredis(\/|$)/, /^redis(\/|$)/, /^node:/];

rmSync('dist', { recursive: true, force: true });

const library = await rolldown({ input, external, platform: 'neutral', treeshake: true, transform: { target: 'es2022' } });
await library.write({ dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
await library.write({ dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named' });
await library.close();

const cli = await rolldown({ input: { cli: 'cli/faultline.ts' }, external, platform: 'node', treeshake: true, transform: { target: 'es2022' } });
await cli.write({ dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'cli-chunks/[name]-[hash].js' });
await cli.close();

// Declarations: tsc emits .d.ts beside each source's path under dist/types; every entry gets a
// declaration at the path its `exports` pattern names (dist/types/<entry>.d.ts) re-exporting its
// source's; each .d.ts gets a .d.cts twin whose relative imports point at .cjs.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const [entry, source] of Object.entries(input)) {
  const at = `dist/types/${entry}.d.ts`;
  const target = `dist/types/${source.replace(/\.ts$/, '.js')}`;
  let from = relative(dirname(at), target);
  if (!from.startsWith('.')) from = `./${from}`;
  mkdirSync(dirname(at), { recursive: true });
  writeFileSync(at, `export * from '${from}';\n`);
}
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
for (const file of walk('dist/types')) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8').replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
}
console.log('built dist/');
