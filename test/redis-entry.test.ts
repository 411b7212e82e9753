import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// `faultline/redis` is a published entry like the adapters, and the Redis clients are the app's:
// optional peers that no published file imports (faultline/redis recognises a client by its shape).

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  exports: Record<string, unknown>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  dependencies?: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.(ts|mts|cts|js|mjs)$/.test(name) ? [path] : [];
  });
}

test('package.json exports faultline/redis with the shape of every adapter entry, and the build makes it', () => {
  // Whatever layout dist/ has, faultline/redis is laid out like faultline/fetch.
  const asFetch = JSON.parse(JSON.stringify(pkg.exports['./fetch']).replaceAll('fetch', 'redis')) as unknown;
  expect(pkg.exports['./redis']).toEqual(asFetch);
  expect(JSON.stringify(pkg.exports['./redis'])).toContain('./dist/redis.cjs');
  expect(read('scripts/build.mjs')).toMatch(/^\s*redis: 'adapters\/redis\.ts',$/m);
});

test('ioredis and redis are optional peers, never dependencies', () => {
  for (const client of ['ioredis', 'redis']) {
    expect(pkg.peerDependencies[client]).toBeDefined();
    expect(pkg.peerDependenciesMeta[client]).toEqual({ optional: true });
    expect(pkg.dependencies?.[client]).toBeUndefined();
  }
});

test('no published source imports a Redis client, and faultline/redis needs nothing of Node', () => {
  // Comments hold usage examples (`import Redis from 'ioredis'`): only code counts.
  const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const importsOf = (text: string): string[] => [...code(text).matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const offenders: string[] = [];
  for (const file of ['src', 'adapters', 'catalog'].flatMap(sources)) {
    for (const spec of importsOf(read(file))) {
      if (/^(ioredis|redis|@redis\/[^/]+)(\/|$)/.test(spec)) offenders.push(`${relative(root, join(root, file))}: ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
  // Only its own modules and faultline's core: it runs wherever the app's client runs.
  for (const file of ['adapters/redis.ts', ...sources('adapters/redis')]) {
    for (const spec of importsOf(read(file))) expect(spec, file).toMatch(/^\.{1,2}\//);
  }
});
