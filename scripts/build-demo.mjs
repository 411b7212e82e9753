#!/usr/bin/env node
// Bundles the demo (demo/main.ts and the library sources it imports) into .demo/run.mjs, so
// `npm run demo` works in a fresh clone without a library build. axios, ky and ws stay external:
// they are resolved from node_modules at run time, like in an app.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outfile PATH` (relative to the root) builds elsewhere, e.g. for a test; it must stay inside
// the repository so that axios, ky and ws resolve from its node_modules.
const at = process.argv.indexOf('--outfile');
const outfile = at === -1 ? '.demo/run.mjs' : process.argv[at + 1];
if (!outfile) throw new Error('build-demo: --outfile needs a path');

await build({
  absWorkingDir: root,
  entryPoints: ['demo/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['axios', 'ky', 'ws'],
  charset: 'utf8',
  logLevel: 'warning',
  // Generated: keep linters out of it.
  banner: { js: '/* eslint-disable */' },
});
