#!/usr/bin/env node
// The size budget (issue 12), run by .ci/run; entries that could not meet it are held at ceilings. Deterministic (esbuild + gzip -9 of the sources), so
// it may fail CI. Sizes in KiB (1,024 bytes), minified + gzipped, browser build. `--json` prints
// the measurements for README's size section.
import { PROVIDERS, LANGS } from './catalogs.mjs';
import { CORE, HTTP_ADAPTERS, SOCKET, bundleSize, onTopOfCore } from './bundle-size.mjs';
import { BUDGET_KIB, judge } from './size-budget.mjs';

const gz = async (modules) => (await bundleSize(modules)).gzip;
const entries = [{ label: 'faultline/core', bytes: await gz([CORE]), budget: BUDGET_KIB.core }];
for (const [name, module] of Object.entries(HTTP_ADAPTERS)) {
  entries.push({ label: `faultline/${name} (on top of core)`, bytes: (await onTopOfCore(module)).gzip, budget: BUDGET_KIB.httpAdapter });
}
entries.push({ label: 'faultline/ws (on top of core)', bytes: (await onTopOfCore(SOCKET)).gzip, budget: BUDGET_KIB.socket });
entries.push({ label: 'LeanCloud browser app (core + fetch + leancloud)', bytes: await gz([CORE, HTTP_ADAPTERS.fetch, './catalog/leancloud/index.ts']), budget: BUDGET_KIB.leancloudApp });
for (const name of PROVIDERS) {
  entries.push({ label: `catalog/${name}/decisions`, bytes: await gz([`./catalog/${name}/decisions.ts`]), budget: BUDGET_KIB.decisions });
}
for (const name of PROVIDERS) {
  for (const lang of LANGS) entries.push({ label: `faultline/catalog/${name}/${lang}`, bytes: await gz([`./catalog/${name}/${lang}.ts`]), budget: BUDGET_KIB.text });
}
for (const name of PROVIDERS) entries.push({ label: `faultline/catalog/${name} (the provider, no text)`, bytes: (await onTopOfCore(`./catalog/${name}/index.ts`)).gzip, budget: Infinity });

const verdicts = judge(entries);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(verdicts, null, 2));
} else {
  const width = Math.max(...verdicts.map((v) => v.label.length));
  console.log(`${'entry'.padEnd(width)}  ${'bytes'.padStart(6)}  ${'KiB gz'.padStart(6)}  ${'budget'.padStart(6)}  verdict`);
  for (const v of verdicts) {
    const budget = Number.isFinite(v.budget) ? v.budget.toFixed(2) : '—';
    console.log(`${v.label.padEnd(width)}  ${String(v.bytes).padStart(6)}  ${v.kib.toFixed(2).padStart(6)}  ${budget.padStart(6)}  ${Number.isFinite(v.budget) ? v.text : '(on top of core)'}`);
  }
}
const failed = verdicts.filter((v) => v.fails);
if (failed.length > 0) {
  console.error(`\nsize budget: FAILED (${failed.map((v) => v.label).join(', ')})`);
  process.exitCode = 1;
} else if (!process.argv.includes('--json')) {
  const held = verdicts.filter((v) => v.kib > v.budget);
  console.log(held.length > 0 ? `\nsize budget: no entry grew; ${held.length} still over issue 12's budget, held at their ceilings (scripts/size-budget.mjs)` : '\nsize budget: ok');
}
