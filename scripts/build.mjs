#!/usr/bin/env node
// Builds dist/: ESM + CJS sharing chunks (so `faultline/core`, the adapters and the catalogs
// share one registry in either format), .d.ts + .d.cts declarations, and the CLI bin.
// rolldown, not tsup: tsup pulls rollup, whose per-platform optional packages the registry
// these machines reach does not all carry, and `npm ci` then refuses the lockfile.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rolldown } from 'rolldown';

const providers = ['leancloud', 'parse', 'cloudbase', 'easemob', 'http', 'websocket', 'network'];
const input = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  axios: 'adapters/axios.ts',
  fetch: 'adapters/fetch.ts',
  ky: 'adapters/ky.ts',
  ws: 'adapters/ws.ts',
  'p-retry': 'adapters/p-retry.ts',
  redis: 'adapters/redis.ts',
  ...Object.fromEntries(providers.map((p) => [`catalog/${p}`, `catalog/${p}.ts`])),
};
// The Redis clients too, though faultline/redis only ever takes the app's client and imports neither.
const external = [/^axios(\/|$)/, /^ky(\/|$)/, /^ws(\/|$)/, /^p-retry(\/|$)/, /^ioredis(\/|$)/, /^redis(\/|$)/, /^node:/];

rmSync('dist', { recursive: true, force: true });

const library = await rolldown({ input, external, platform: 'neutral', treeshake: true, transform: { target: 'es2022' } });
await library.write({ dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
await library.write({ dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named' });
await library.close();

const cli = await rolldown({ input: { cli: 'src/cli.ts' }, external, platform: 'node', treeshake: true, transform: { target: 'es2022' } });
await cli.write({ dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'cli-chunks/[name]-[hash].js' });
await cli.close();

// Declarations: tsc emits .d.ts; each gets a .d.cts twin whose relative imports point at .cjs,
// so CommonJS consumers resolve CommonJS types.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
for (const file of walk('dist/types')) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8').replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
}
console.log('built dist/');
