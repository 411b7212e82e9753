// Minified + gzipped size of an entry as a browser bundle would carry it, built with esbuild from
// the sources (no dist/ needed). Deterministic: the same sources give the same bytes.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Peers of the adapters: the app has them already, so no bundle counts them. */
export const EXTERNAL = ['axios', 'ky', 'ws'];

/**
 * Bytes of everything each module exports (its default too), bundled together, minified, then
 * gzipped (level 9). Modules without a default export are detected by esbuild's error and
 * re-bundled without it.
 */
export async function bundleSize(modules, { external = EXTERNAL } = {}) {
  let withDefault = modules.map(() => true);
  for (;;) {
    const contents = modules
      .map((m, i) => `export * from ${JSON.stringify(m)};${withDefault[i] ? ` export { default as default${i} } from ${JSON.stringify(m)};` : ''}`)
      .join('\n');
    try {
      return await measure(contents, external);
    } catch (error) {
      const missing = modules.findIndex((m, i) => withDefault[i] && noDefault(error, m));
      if (missing < 0) throw error;
      withDefault = withDefault.map((w, i) => w && i !== missing);
    }
  }
}

function noDefault(error, module) {
  return (error.errors ?? []).some((e) => /No matching export .* for import "default"/.test(e.text) && e.text.includes(module.replace(/^\.\//, '')));
}

/** How every size here is built: an app's browser bundle, minified. */
export const BROWSER_BUILD = Object.freeze({
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  charset: 'utf8',
  write: false,
  logLevel: 'silent',
  legalComments: 'none',
});

async function measure(contents, external) {
  const result = await build({
    ...BROWSER_BUILD,
    stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'size-entry.js' },
    external,
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const CORE = './src/core.ts';
export const HTTP_ADAPTERS = { axios: './adapters/axios.ts', fetch: './adapters/fetch.ts', ky: './adapters/ky.ts' };
export const SOCKET = './adapters/ws.ts';

/** The size an adapter adds to an app that already has `faultline/core`. */
export async function onTopOfCore(module) {
  const [core, both] = await Promise.all([bundleSize([CORE]), bundleSize([CORE, module])]);
  return { min: both.min - core.min, gzip: both.gzip - core.gzip };
}

export const kb = (bytes) => bytes / 1024;
