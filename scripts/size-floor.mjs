#!/usr/bin/env node
// `npm run size:floor`: how small the two entries over budget could get without dropping what the
// issues require of them, measured rather than estimated (README, "Bundle size").
//   - faultline/core as it is, with every kind's text emptied, and with the circuit breaker gone too;
//   - catalog/leancloud's text alone: the document's verbatim Chinese, its English translation, the advice.
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BROWSER_BUILD, CORE, ROOT, kb } from './bundle-size.mjs';

/** Replaces the contents of source files whose path ends with a key. */
function replacing(replacements) {
  return {
    name: 'replace',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const key = Object.keys(replacements).find((k) => args.path.endsWith(k));
        if (!key) return undefined;
        return { contents: replacements[key](readFileSync(args.path, 'utf8')), loader: 'ts' };
      });
    },
  };
}

async function coreSize(replacements) {
  const result = await build({
    ...BROWSER_BUILD,
    stdin: { contents: `export * from ${JSON.stringify(CORE)};`, resolveDir: ROOT, loader: 'js' },
    plugins: [replacing(replacements)],
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const noText = { 'src/kind-defaults.ts': (src) => src.replace(/\b(en|zh): '(?:[^'\\]|\\.)*'/g, "$1: ''") };
const noBreaker = {
  ...noText,
  'src/circuit-breaker.ts': () =>
    'export class CircuitBreaker { constructor() { throw new Error("removed"); } }\nexport const isBreakerFailure = () => false;\n',
};

const rows = [
  ['faultline/core as it is', await coreSize({})],
  ['  with every kind text emptied', await coreSize(noText)],
  ['  and without the circuit breaker', await coreSize(noBreaker)],
];

// The LeanCloud catalog's entries, bundled to a temporary module and imported.
const dir = mkdtempSync(join(tmpdir(), 'faultline-size-'));
try {
  const file = join(dir, 'leancloud.mjs');
  const bundled = await build({ entryPoints: [join(ROOT, 'catalog/leancloud.ts')], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  writeFileSync(file, bundled.outputFiles[0].contents);
  const { leancloud } = await import(pathToFileURL(file).href);
  const gz = (texts) => gzipSync(texts.join('\n'), { level: 9 }).length;
  const entries = leancloud.entries;
  const verbatim = entries.flatMap((e) => (e.description.zh === e.message ? [e.message] : [e.message, e.description.zh]));
  const english = entries.map((e) => e.description.en);
  const advice = entries.flatMap((e) => [e.advice.en, e.advice.zh]);
  rows.push(
    [`catalog/leancloud text (${entries.length} codes): verbatim Chinese`, gz(verbatim)],
    ['  its English translation', gz(english)],
    ['  both together', gz([...verbatim, ...english])],
    ['  advice, English and Chinese', gz(advice)],
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, bytes] of rows) console.log(`${label.padEnd(width)}  ${kb(bytes).toFixed(2).padStart(6)} KiB gz`);
