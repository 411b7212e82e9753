// Bundles soak/ (TypeScript) into .soak/run.mjs for `npm run soak`: plain Node, no dist/ needed.
// Packages (axios, ky, ws, undici) stay imports, resolved from node_modules at run time.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: ROOT,
  entryPoints: ['soak/run.ts'],
  outfile: '.soak/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  // A build output, not source: keep `eslint .` off it.
  banner: { js: '/* eslint-disable */' },
  logLevel: 'warning',
});
