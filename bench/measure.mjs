// How every figure of the bench is measured. Each comparison runs in its own process (bench/run.mjs),
// so one client's JIT state never slows another's; inside it, the candidates take turns round by
// round, a full GC before each block, and a ratio is taken within each round: a noisy neighbour on
// a shared machine then slows both sides of one ratio alike, and the spread over rounds says how
// noisy the run was.

/** A full collection before a measured block (the runner starts every process with --expose-gc). */
export function gc() {
  globalThis.gc?.();
}

/** Median, quartiles and extremes of a sample. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    if (sorted.length === 0) return NaN;
    const i = (sorted.length - 1) * q;
    const lo = Math.floor(i);
    return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
  };
  return { median: at(0.5), q1: at(0.25), q3: at(0.75), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/**
 * Sequential awaited calls of `fn` for `ms`: calls per second of wall time, and per second of this
 * process's CPU time (user + system), which other processes on a shared machine barely touch.
 */
export async function callsPerSecond(fn, ms) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + ms;
  let n = 0;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) await fn(n + i);
    n += 16;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  const wall = n / ((now - start) / 1000);
  return { wall, cpu: n / ((used.user + used.system) / 1e6) };
}

/** Synchronous calls of `fn` for `ms`, per second. */
export function opsPerSecond(fn, ms) {
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(ms * 1e6));
  let n = 0;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 1000; i++) fn(n + i);
    n += 1000;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

/**
 * `candidate` against `baseline`, both async: per round, a GC then a block of each (the order
 * alternating round by round), and the ratio candidate ÷ baseline of that round, in wall-clock
 * calls/s and in calls per CPU-second of this process. Returns each ratio's median and spread over
 * the rounds, and each side's calls per second.
 */
export async function pairedRatio(baseline, candidate, { rounds = 41, roundMs = 100, warmupMs = 400 } = {}) {
  for (const side of [baseline, candidate, baseline, candidate]) await callsPerSecond(side, warmupMs / 2);
  const ratios = [];
  const cpuRatios = [];
  const base = [];
  const cand = [];
  for (let r = 0; r < rounds; r++) {
    let b;
    let c;
    for (const side of r % 2 === 0 ? ['b', 'c'] : ['c', 'b']) {
      gc();
      if (side === 'b') b = await callsPerSecond(baseline, roundMs);
      else c = await callsPerSecond(candidate, roundMs);
    }
    ratios.push(c.wall / b.wall);
    cpuRatios.push(c.cpu / b.cpu);
    base.push(b.wall);
    cand.push(c.wall);
  }
  return { ratio: stats(ratios), cpuRatio: stats(cpuRatios), baseline: stats(base), candidate: stats(cand) };
}

/** Synchronous operations per second over several rounds, a GC before each: median and spread. */
export function opsRounds(fn, { rounds = 9, roundMs = 200, warmup = 50_000 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const values = [];
  for (let r = 0; r < rounds; r++) {
    gc();
    values.push(opsPerSecond(fn, roundMs));
  }
  return stats(values);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded PRNG (mulberry32), so every client faces the same sequence of failures. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounded for people: integers with separators, small values with three significant digits. */
export function round(n) {
  if (!Number.isFinite(n)) return n;
  return Math.abs(n) >= 100 ? Math.round(n) : Number(n.toPrecision(3));
}

/** A sample's summary as a results.json row carries it: the median as `value`, the spread beside it. */
export function spread(s) {
  return { value: round(s.median), min: round(s.min), max: round(s.max), q1: round(s.q1), q3: round(s.q3), n: s.n };
}

/** A paired comparison as a results.json row: the wall-clock ratio and its spread, the CPU-time ratio beside it. */
export function pairedRow(label, result) {
  return {
    label,
    ...spread(result.ratio),
    cpuRatio: round(result.cpuRatio.median),
    cpuIQR: `${round(result.cpuRatio.q1)}–${round(result.cpuRatio.q3)}`,
    callsPerS: round(result.candidate.median),
    bareCallsPerS: round(result.baseline.median),
  };
}

/**
 * A table in the shape of bench/results.json: `{ title, unit, rows: [{ label, value, ...extra }], note? }`.
 * `value` is the figure (a median where there are rounds); the rest says how it spread.
 */
export function table(title, unit, rows, note) {
  return note ? { title, unit, rows, note } : { title, unit, rows };
}

/** Integers with separators, small values with three significant digits. */
export function formatNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return String(Number(n.toPrecision(3)));
}

export function printTable({ title, unit, rows, note }) {
  console.log(`\n${title}  [${unit}]`);
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    const range = r.min !== undefined ? `  (min–max ${formatNumber(r.min)}–${formatNumber(r.max)}${r.q1 !== undefined ? `, IQR ${formatNumber(r.q1)}–${formatNumber(r.q3)}` : ''}${r.n ? `, n=${r.n}` : ''})` : '';
    const extra = Object.entries(r)
      .filter(([key]) => !['label', 'value', 'min', 'max', 'q1', 'q3', 'n'].includes(key))
      .map(([key, value]) => `${key} ${typeof value === 'number' ? formatNumber(value) : value}`)
      .join(', ');
    console.log(`  ${r.label.padEnd(width)}  ${formatNumber(r.value).padStart(12)}${range}${extra ? `  [${extra}]` : ''}`);
  }
  if (note) console.log(`  (${note})`);
}
