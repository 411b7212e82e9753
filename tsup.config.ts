import { defineConfig } from 'tsup';

const providers = ['leancloud', 'parse', 'cloudbase', 'easemob', 'http', 'websocket', 'network'];

const shared = {
  target: 'es2022',
  treeshake: true,
  sourcemap: false,
  // Chinese advice stays readable and 25% smaller than as \uXXXX escapes.
  esbuildOptions(options: { charset?: string }) {
    options.charset = 'utf8';
  },
} as const;

export default defineConfig([{
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    axios: 'adapters/axios.ts',
    fetch: 'adapters/fetch.ts',
    ky: 'adapters/ky.ts',
    ws: 'adapters/ws.ts',
    'p-retry': 'adapters/p-retry.ts',
    ...Object.fromEntries(providers.map((p) => [`catalog/${p}`, `catalog/${p}.ts`])),
  },
  ...shared,
  format: ['esm', 'cjs'],
  dts: true,
  clean: false, // `npm run build` empties dist/ first; two configs share it
  platform: 'neutral',
  splitting: true,
  external: ['axios', 'ky', 'ws', 'p-retry'],
}, {
  // The bin: one self-contained ESM file for Node.
  ...shared,
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  platform: 'node',
  splitting: false,
}]);
