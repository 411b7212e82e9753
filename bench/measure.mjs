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

export function printTable(title, rows, baselineLabel) {
  const base = rows.find((r) => r.label === baselineLabel)?.value;
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    const ratio = base ? (r.value / base).toFixed(3) : '';
    console.log(`  ${r.label.padEnd(width)}  ${formatNumber(r.value).padStart(14)} ${r.unit ?? ''}  ${base ? `ratio ${ratio}` : ''}`);
  }
}

export function formatNumber(n) {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}
