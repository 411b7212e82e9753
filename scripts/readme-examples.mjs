#!/usr/bin/env node
// Keeps README.md's examples in step with the code: every `<!-- example:NAME --> … <!-- /example -->`
// block is examples/NAME.ts verbatim (test/examples.test.ts runs them), and every example has a
// block. (The defaults tables are scripts/readme-defaults.mjs's, the coverage table
// scripts/catalog-docs.mjs's.) Writes README.md; with `--check`, changes nothing and exits 1 when
// a block is stale or missing.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const check = process.argv.includes('--check');

const problems = [];
const readme = read('README.md');
const examples = readdirSync(new URL('examples/', root))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const seen = new Set();

const next = readme.replace(/(<!-- example:([\w-]+) -->\n)([\s\S]*?)(<!-- \/example -->)/g, (whole, open, name, _old, close) => {
  if (!examples.includes(name)) {
    problems.push(`README.md shows example "${name}", but examples/${name}.ts does not exist`);
    return whole;
  }
  seen.add(name);
  return `${open}\`\`\`ts\n${read(`examples/${name}.ts`).trimEnd()}\n\`\`\`\n${close}`;
});
for (const name of examples) if (!seen.has(name)) problems.push(`examples/${name}.ts is not shown in README.md (add <!-- example:${name} --> … <!-- /example -->)`);

if (check && next !== readme) problems.push('README.md examples are stale: run `node scripts/readme-examples.mjs`');
if (!check && next !== readme) writeFileSync(new URL('README.md', root), next);
for (const p of problems) console.error(p);
process.exit(problems.length > 0 ? 1 : 0);
