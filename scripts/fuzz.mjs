#!/usr/bin/env node
// `npm run fuzz`: the classify() fuzz (test/fuzz.test.ts) at 100,000 runs per property.
// Usage: node scripts/fuzz.mjs [runs]   (also FUZZ_RUNS; FUZZ_SEED and FUZZ_PATH replay a failure)
// A node wrapper rather than `FUZZ_RUNS=… vitest`, so the env assignment works on every shell.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '100000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`fuzz: runs must be a positive integer, got ${runs}`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const started = Date.now();
const { status, error } = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
if (error) {
  console.error(`fuzz: could not start vitest: ${error.message}`);
  process.exit(2);
}
console.log(`fuzz: ${Number(runs).toLocaleString('en')} runs per property, ${((Date.now() - started) / 1000).toFixed(1)} s, ${status === 0 ? 'passed' : 'FAILED'}`);
process.exit(status ?? 1);
