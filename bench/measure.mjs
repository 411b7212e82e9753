/** Operations per second of `fn`, the best of several short rounds (shared machines are noisy). */
export function opsPerSecond(fn, { rounds = 7, roundMs = 200 } = {}) {
  for (let i = 0; i < 20_000; i++) fn(i); // warm-up: let the JIT settle
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(roundMs) * 1_000_000n;
    let now = start;
    while (now < end) {
      for (let i = 0; i < 1000; i++) fn(n + i);
      n += 1000;
      now = process.hrtime.bigint();
    }
    const ops = n / (Number(now - start) / 1e9);
    if (ops > best) best = ops;
  }
  return best;
}

/**
 * Sequential awaited calls per second for each candidate, best of `rounds`. The candidates take
 * turns round by round, so a noisy neighbour slows them all alike instead of one of them.
 */
export async function compareAsync(candidates, { rounds = 5, roundMs = 250, warmupMs = 150 } = {}) {
  const best = new Map(candidates.map((c) => [c.label, 0]));
  for (const c of candidates) await runFor(c.fn, warmupMs);
  for (let r = 0; r < rounds; r++) {
    for (const c of candidates) {
      const ops = await runFor(c.fn, roundMs);
      if (ops > best.get(c.label)) best.set(c.label, ops);
    }
  }
  return candidates.map((c) => ({ label: c.label, value: best.get(c.label) }));
}

async function runFor(fn, ms) {
  const start = performance.now();
  const end = start + ms;
  let n = 0;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) await fn(n + i);
    n += 16;
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

/** The p-th percentile (0..100) of numbers, nearest-rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
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

/**
 * Prints one table with each row's ratio to the baseline row and returns it in the shape of
 * bench/results.json: `{ title, unit, baseline, rows: [{ label, value, ratio, ...extra }] }`.
 */
export function table(title, unit, baseline, rows, note) {
  const base = rows.find((r) => r.label === baseline)?.value;
  const out = {
    title,
    unit,
    baseline,
    rows: rows.map((r) => ({ ...r, value: round(r.value), ratio: base ? round(r.value / base) : null })),
  };
  if (note) out.note = note;
  printTable(out);
  return out;
}

export function printTable({ title, unit, baseline, rows, note }) {
  console.log(`\n${title}  [${unit}; ratio to "${baseline}"]`);
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    const ratio = r.ratio === null || r.ratio === undefined ? '' : `×${r.ratio.toFixed(r.ratio < 10 ? 3 : 1)}`;
    const extra = Object.entries(r)
      .filter(([key]) => !['label', 'value', 'ratio'].includes(key))
      .map(([key, value]) => `${key} ${typeof value === 'number' ? formatNumber(value) : value}`)
      .join(', ');
    console.log(`  ${r.label.padEnd(width)}  ${formatNumber(r.value).padStart(12)}  ${ratio.padStart(9)}${extra ? `  (${extra})` : ''}`);
  }
  if (note) console.log(`  (${note})`);
}

/** Integers with separators, small values with three significant decimals. */
export function formatNumber(n) {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return String(Number(n.toPrecision(3)));
}

function round(n) {
  if (!Number.isFinite(n)) return n;
  return Math.abs(n) >= 100 ? Math.round(n) : Number(n.toPrecision(4));
}
