#!/usr/bin/env node
// The size budget (issue 7): fails when an entry outgrows it. Deterministic (esbuild + gzip -9 of
// the sources), so it may run in CI. Sizes in KiB (1,024 bytes), minified + gzipped, browser build.
import { CATALOGS, CORE, HTTP_ADAPTERS, SOCKET, bundleSize, kb, onTopOfCore } from './bundle-size.mjs';

const BUDGET_KB = { core: 5, httpAdapter: 2, socket: 4.2, catalog: 10 };

const checks = [{ label: 'faultline/core', size: await bundleSize([CORE]), budget: BUDGET_KB.core }];
for (const [name, module] of Object.entries(HTTP_ADAPTERS)) {
  checks.push({ label: `faultline/${name} (on top of core)`, size: await onTopOfCore(module), budget: BUDGET_KB.httpAdapter });
}
checks.push({ label: 'faultline/ws (on top of core)', size: await onTopOfCore(SOCKET), budget: BUDGET_KB.socket });
for (const name of CATALOGS) {
  checks.push({ label: `faultline/catalog/${name}`, size: await bundleSize([`./catalog/${name}.ts`]), budget: BUDGET_KB.catalog });
}

const width = Math.max(...checks.map((c) => c.label.length));
console.log(`${'entry'.padEnd(width)}  ${'KiB gz'.padStart(7)}  ${'budget'.padStart(7)}  verdict`);
let over = 0;
for (const { label, size, budget } of checks) {
  const actual = kb(size.gzip);
  const excess = actual - budget;
  if (excess > 0) over++;
  const verdict = excess > 0 ? `OVER by ${excess.toFixed(2)} KiB (${Math.round((excess / budget) * 100)}%)` : 'ok';
  console.log(`${label.padEnd(width)}  ${actual.toFixed(2).padStart(7)}  ${budget.toFixed(2).padStart(7)}  ${verdict}`);
}
if (over > 0) {
  console.error(`\nsize budget: ${over} entr${over === 1 ? 'y is' : 'ies are'} over budget`);
  process.exitCode = 1;
} else {
  console.log('\nsize budget: ok');
}
