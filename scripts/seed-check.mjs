#!/usr/bin/env node
// Holds the committed catalogs to the providers' error-code documents (../shared/seeds beside the
// repository, or SEEDS=<dir>, or --seeds <dir>): (a) each provider's codes.ts lists exactly the
// codes, statuses, names and texts its documents hold; (b) every documented code resolves to one
// decisions row of its own, and every row with a `match` is reached by a documented text
// (test/helpers/catalog-resolve.ts, the rules test/catalog-data.test.ts applies); (c) every row of every catalog has text in English and Chinese. Exits 1 on any
// mismatch; without the documents it says so and exits 0 (tests never read them).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { GENERIC, PROVIDERS } from './catalogs.mjs';
import { cloudbaseDoc, easemobDoc, leancloudDoc, parseDoc } from './seed-parse.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function seedsDir() {
  const flag = process.argv.indexOf('--seeds');
  if (flag >= 0 && process.argv[flag + 1]) return resolve(process.argv[flag + 1]);
  if (process.env.SEEDS) return resolve(process.env.SEEDS);
  return resolve(ROOT, '..', 'shared', 'seeds');
}

/** The catalogs and the resolve rule, bundled from their TypeScript sources (no dist/ needed). */
async function loadCatalogs() {
  const lines = ["export { unreachedMatches, unresolved } from './test/helpers/catalog-resolve.ts';", "export { rowKey } from './src/catalog-types.ts';"];
  for (const name of [...PROVIDERS, ...GENERIC]) {
    lines.push(`export { ${name}Decisions } from './catalog/${name}/decisions.ts';`);
    lines.push(`export { ${name}En } from './catalog/${name}/en.ts';`, `export { ${name}Zh } from './catalog/${name}/zh.ts';`);
    if (PROVIDERS.includes(name)) lines.push(`export { ${name}Codes } from './catalog/${name}/codes.ts';`);
  }
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
}

/** One fact's identity: code, status and text; names are compared once the fact is matched. */
const idOf = (fact) => JSON.stringify([fact.code, fact.status ?? null, fact.text ?? null]);
const show = (fact) => `${fact.status ?? ''} ${JSON.stringify(fact.code)}${fact.text === undefined ? '' : ` "${fact.text}"`}`.trim();

/**
 * (a) both ways. `ownNames` lists the facts whose names the documents do not give (LeanCloud
 * storage codes): their committed names are faultline's and only counted.
 */
function compareCodes(name, documented, committed, problems) {
  const byId = new Map(committed.map((c) => [idOf(c), c]));
  const docIds = new Set(documented.map(idOf));
  let ownNames = 0;
  for (const fact of documented) {
    const entry = byId.get(idOf(fact));
    if (!entry) {
      problems.push(`${name}: the document has ${show(fact)}, codes.ts does not`);
      continue;
    }
    if (fact.names.length === 0 && name === 'leancloud' && entry.names.length > 0) {
      ownNames++;
      continue;
    }
    if (JSON.stringify(entry.names) !== JSON.stringify(fact.names)) {
      problems.push(`${name} ${show(fact)}: names ${JSON.stringify(entry.names)} in codes.ts, ${JSON.stringify(fact.names)} in the document`);
    }
  }
  for (const entry of committed) {
    if (!docIds.has(idOf(entry))) problems.push(`${name}: codes.ts has ${show(entry)}, the document does not`);
  }
  return ownNames;
}

/** (c) every row keyed in both languages, no key without a row. */
function compareText(name, catalog, rowKey, problems) {
  const keys = new Set(catalog.decisions.map(rowKey));
  for (const text of [catalog.en, catalog.zh]) {
    const textKeys = new Set(Object.keys(text.rows));
    for (const key of keys) if (!textKeys.has(key)) problems.push(`${name}: row ${key} has no ${text.lang} text`);
    for (const key of textKeys) if (!keys.has(key)) problems.push(`${name}: ${text.lang} text ${key} has no row`);
  }
}

const dir = seedsDir();
if (!existsSync(dir)) {
  console.log(`seed-check: skipped, no documents at ${dir} (set SEEDS=<dir> or pass --seeds <dir>)`);
  process.exit(0);
}

/** How each provider's documents read (../shared/seeds/README.md says which file is whose). */
const READERS = { leancloud: leancloudDoc, parse: parseDoc, cloudbase: cloudbaseDoc, easemob: easemobDoc };
const missing = PROVIDERS.filter((name) => !READERS[name]);
if (missing.length > 0) throw new Error(`seed-check: no document reader for ${missing.join(', ')} (scripts/seed-parse.mjs)`);
const documents = Object.fromEntries(PROVIDERS.map((name) => [name, READERS[name](dir)]));
const m = await loadCatalogs();
const problems = [];
console.log(`seed-check: documents at ${dir}`);
for (const name of [...PROVIDERS, ...GENERIC]) {
  const catalog = { decisions: m[`${name}Decisions`], en: m[`${name}En`], zh: m[`${name}Zh`], codes: m[`${name}Codes`] };
  const before = problems.length;
  let line = `  ${name.padEnd(10)} ${String(catalog.decisions.length).padStart(3)} rows`;
  if (PROVIDERS.includes(name)) {
    const documented = documents[name].map(({ code, status, names, text }) => ({ code, status, names, text }));
    const ownNames = compareCodes(name, documented, catalog.codes, problems);
    for (const fact of catalog.codes) {
      const why = m.unresolved(catalog.decisions, fact);
      if (why) problems.push(`${name} ${why}`);
    }
    for (const row of m.unreachedMatches(catalog.decisions, catalog.codes)) problems.push(`${name}: no documented text reaches row ${row}`);
    line += `, ${documented.length} documented codes`;
    if (ownNames) line += ` (${ownNames} named by faultline: the document gives them no name)`;
  }
  compareText(name, catalog, m.rowKey, problems);
  console.log(`${line}: ${problems.length === before ? 'ok' : `${problems.length - before} problem(s)`}`);
}
if (problems.length > 0) {
  console.error(`\nseed-check: ${problems.length} mismatch(es)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exitCode = 1;
} else {
  console.log('seed-check: codes.ts equal the documents, every documented code resolves, every row has en and zh text');
}
