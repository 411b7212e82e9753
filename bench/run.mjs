// `npm run bench`: every table side by side with the peers, in one run on this machine, printed
// with ratios and written to bench/results.json. Only ratios within one run mean anything: absolute
// figures on a shared machine do not.
import { writeFileSync } from 'node:fs';
import os from 'node:os';

/** [module, export]: one file per figure, run one after another (never in parallel: they would skew each other). */
const BENCHES = [
  ['./classify.mjs', 'benchClassify'],
  ['./success-path.mjs', 'benchSuccessPath'],
  ['./engine.mjs', 'benchEngine'],
  ['./outage.mjs', 'benchOutage'],
  ['./transient.mjs', 'benchTransient'],
  ['./recovery.mjs', 'benchRecovery'],
  ['./sockets.mjs', 'benchSockets'],
  ['./size.mjs', 'benchSize'],
  ['./memory.mjs', 'benchMemory'],
];

// `node --expose-gc bench/run.mjs sockets size` runs only the files whose name contains an argument.
const only = process.argv.slice(2);
const started = performance.now();
const results = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: os.cpus().length,
  date: new Date().toISOString(),
  tables: [],
  failed: [],
};
console.log(`faultline bench: Node ${process.version}, ${results.cpus} CPUs`);

for (const [file, name] of BENCHES) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  const t = performance.now();
  try {
    const mod = await import(file);
    results.tables.push(...(await mod[name]()));
  } catch (error) {
    // One broken figure must not hide the others; it is reported and fails the run at the end.
    console.error(`\n${name} failed: ${error?.stack ?? error}`);
    results.failed.push({ bench: name, error: String(error?.message ?? error) });
  }
  if (process.env.BENCH_DEBUG) console.log(`  [${name}: ${Math.round(performance.now() - t)} ms]`);
}

results.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json (${results.tables.length} tables, ${results.seconds} s)`);
if (results.failed.length > 0) process.exitCode = 1;

// Every server, socket and agent is closed above, so Node exits by itself. Should a peer leave a
// handle behind, say which and exit anyway rather than hang.
setTimeout(() => {
  console.error('bench: still running 5 s after the last table; open handles:', process.getActiveResourcesInfo());
  process.exit(process.exitCode ?? 0);
}, 5_000).unref();
