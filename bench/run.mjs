// `npm run bench`: every comparison of bench/comparisons.mjs, each in a fresh Node process (started
// with --expose-gc), one after another, printed as it comes and written to bench/results.json. The
// library is bundled from the sources first (bench/lib.mjs). Only ratios and spreads within one run
// mean anything: absolute figures on a shared machine do not, and the load average before and after
// says how shared it was.
//
//   node bench/run.mjs                 everything
//   node bench/run.mjs success classify  only the comparisons whose file or arguments mention a word
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { COMPARISONS } from './comparisons.mjs';
import { buildLib } from './lib.mjs';
import { printTable } from './measure.mjs';

const only = process.argv.slice(2);
const started = performance.now();
const load = () => os.loadavg().map((n) => Number(n.toFixed(2)));
const results = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: os.cpus().length,
  date: new Date().toISOString(),
  loadBefore: load(),
  tables: [],
  failed: [],
};
console.log(`faultline bench: Node ${process.version}, ${results.cpus} CPUs, load average ${results.loadBefore.join(' / ')} (1 / 5 / 15 min)`);
await buildLib();

/** One comparison in its own process; resolves with what its case returned. */
function runOne({ file, args = {} }) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./child.mjs', import.meta.url), [file, JSON.stringify(args)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer;
    child.on('message', (message) => (answer = message));
    child.on('error', reject);
    child.on('exit', (code) => (answer ? resolve(answer.result) : reject(new Error(`${file} exited with ${code} and no result`))));
  });
}

/**
 * A comparison with `repeat: n` runs in n processes one after another: its figure is the median of
 * the n medians, its spread the widest of theirs, and `processes` lists each one's median, so a
 * figure that does not hold from one process to the next shows it.
 */
async function repeated(comparison) {
  const n = comparison.repeat ?? 1;
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await runOne(comparison));
  if (n === 1 || !Array.isArray(runs[0])) return runs[0];
  return runs[0].map((row, index) => {
    const same = runs.map((rows) => rows[index]);
    const median = (key) => [...same.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(same.length / 2)];
    const merged = { ...row };
    for (const key of Object.keys(row)) if (typeof row[key] === 'number') merged[key] = median(key);
    merged.min = Math.min(...same.map((r) => r.min));
    merged.max = Math.max(...same.map((r) => r.max));
    merged.processes = same.map((r) => r.value).join(' / ');
    if (row.cpuRatio !== undefined) merged.cpuProcesses = same.map((r) => r.cpuRatio).join(' / ');
    delete merged.cpuIQR;
    return merged;
  });
}

const tables = new Map();
const tableOf = (title, unit, note) => {
  let t = tables.get(title);
  if (!t) {
    t = note ? { title, unit, rows: [], note } : { title, unit, rows: [] };
    tables.set(title, t);
    results.tables.push(t);
  }
  return t;
};

for (const comparison of COMPARISONS) {
  const name = `${comparison.file} ${JSON.stringify(comparison.args ?? {})}`;
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  const t = performance.now();
  try {
    const result = await repeated(comparison);
    // A case returns rows for the table its entry names, or whole tables of its own.
    const produced = Array.isArray(result) ? [{ title: comparison.title, unit: comparison.unit, note: comparison.note, rows: result }] : result.tables;
    for (const table of produced) {
      const into = tableOf(table.title, table.unit, table.note);
      into.rows.push(...table.rows);
      printTable({ ...table, note: undefined });
    }
  } catch (error) {
    // One broken figure must not hide the others; it is reported and fails the run at the end.
    console.error(`\n${name} failed: ${error?.stack ?? error}`);
    results.failed.push({ comparison: name, error: String(error?.message ?? error) });
  }
  if (process.env.BENCH_DEBUG) console.log(`  [${name}: ${Math.round(performance.now() - t)} ms]`);
}

results.loadAfter = load();
results.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
for (const table of results.tables) if (table.note) console.log(`\n${table.title}: ${table.note}`);
// A partial run (arguments given) prints but does not replace the full run's results.
if (only.length === 0) writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log(`\n${only.length === 0 ? 'wrote bench/results.json' : 'partial run, bench/results.json left as it was'} (${results.tables.length} tables, ${results.seconds} s; load average after ${results.loadAfter.join(' / ')})`);
if (results.failed.length > 0) process.exitCode = 1;
