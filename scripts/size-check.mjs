#!/usr/bin/env node
// The size budget (issue 7), run by .ci/run. Deterministic (esbuild + gzip -9 of the sources), so
// it may fail CI. Sizes in KiB (1,024 bytes), minified + gzipped, browser build.
import { CATALOGS, CORE, HTTP_ADAPTERS, SOCKET, bundleSize, onTopOfCore } from './bundle-size.mjs';
import { BUDGET_KIB, OVER_BUDGET, judge } from './size-budget.mjs';

const entries = [{ label: 'faultline/core', bytes: (await bundleSize([CORE])).gzip, budget: BUDGET_KIB.core }];
for (const [name, module] of Object.entries(HTTP_ADAPTERS)) {
  entries.push({ label: `faultline/${name} (on top of core)`, bytes: (await onTopOfCore(module)).gzip, budget: BUDGET_KIB.httpAdapter });
}
entries.push({ label: 'faultline/ws (on top of core)', bytes: (await onTopOfCore(SOCKET)).gzip, budget: BUDGET_KIB.socket });
for (const name of CATALOGS) {
  entries.push({ label: `faultline/catalog/${name}`, bytes: (await bundleSize([`./catalog/${name}.ts`])).gzip, budget: BUDGET_KIB.catalog });
}

const verdicts = judge(entries, OVER_BUDGET);
const width = Math.max(...verdicts.map((v) => v.label.length));
console.log(`${'entry'.padEnd(width)}  ${'bytes'.padStart(6)}  ${'KiB gz'.padStart(6)}  ${'budget'.padStart(6)}  verdict`);
for (const v of verdicts) {
  console.log(
    `${v.label.padEnd(width)}  ${String(v.bytes).padStart(6)}  ${v.kib.toFixed(2).padStart(6)}  ${v.budget.toFixed(2).padStart(6)}  ${v.text}`,
  );
}
const failed = verdicts.filter((v) => v.fails);
const over = verdicts.filter((v) => v.kib > v.budget);
if (failed.length > 0) {
  console.error(`\nsize budget: FAILED (${failed.map((v) => v.label).join(', ')})`);
  process.exitCode = 1;
} else if (over.length > 0) {
  console.log(`\nsize budget: no entry grew; ${over.length} still over the issue-7 budget, held at their ceilings (scripts/size-budget.mjs)`);
} else {
  console.log('\nsize budget: ok');
}
