#!/usr/bin/env node
// Keeps the generated parts of README.md in step with the code:
//   <!-- example:NAME --> … <!-- /example -->    examples/NAME.ts, verbatim (test/examples.test.ts runs them)
//   <!-- defaults:engine --> … <!-- /defaults --> the retry engine's defaults, read from the sources
//   <!-- catalog:coverage --> … <!-- /catalog --> codes per provider, counted from docs/catalog/*.md
// Writes README.md; with `--check`, changes nothing and exits 1 when a block is stale, or when an
// example has no block (or a block no example).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const check = process.argv.includes('--check');

const num = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : typeof n === 'string' ? `'${n}'` : String(n));

const PROVIDERS = [
  ['leancloud', 'LeanCloud (storage REST, leaderboard, WebSocket, IM)'],
  ['parse', 'Parse'],
  ['cloudbase', 'Tencent CloudBase (云开发)'],
  ['easemob', 'Easemob (环信) REST API'],
  ['http', 'HTTP statuses (RFC 9110, CDN 520–530)'],
  ['websocket', 'WebSocket close codes (RFC 6455, IANA)'],
  ['network', 'Network errors (Node errno, undici, browsers)'],
];
const SEMANTICS = ['always', 'idempotent', 'after-refresh', 'never'];

const problems = [];
const readme = read('README.md');
const examples = readdirSync(new URL('examples/', root))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const BLOCK = /(<!-- (example|defaults|catalog):?([\w-]*) -->\n)([\s\S]*?)(<!-- \/(example|defaults|catalog) -->)/g;
const seen = new Set();
const generators = { example: exampleBlock, defaults: defaultsBlock, catalog: catalogBlock };
const values = await engineDefaults();

let next = '';
let last = 0;
for (const match of readme.matchAll(BLOCK)) {
  const [whole, open, type, name, , close, closeType] = match;
  if (type !== closeType) {
    problems.push(`README.md: <!-- ${type}:${name} --> is closed by <!-- /${closeType} -->`);
    continue;
  }
  const content = generators[type](name);
  if (content === undefined) continue;
  next += readme.slice(last, match.index) + open + content + close;
  last = match.index + whole.length;
}
next += readme.slice(last);

for (const name of examples) if (!seen.has(name)) problems.push(`examples/${name}.ts is not shown in README.md (add <!-- example:${name} --> … <!-- /example -->)`);

if (check) {
  if (next !== readme) problems.push('README.md is stale: run `node scripts/readme-examples.mjs`');
  for (const p of problems) console.error(p);
  process.exit(problems.length > 0 ? 1 : 0);
}
for (const p of problems) console.error(p);
if (next !== readme) writeFileSync(new URL('README.md', root), next);
process.exit(problems.length > 0 ? 1 : 0);

function exampleBlock(name) {
  if (!examples.includes(name)) {
    problems.push(`README.md shows example "${name}", but examples/${name}.ts does not exist`);
    return undefined;
  }
  seen.add(name);
  return '```ts\n' + read(`examples/${name}.ts`).trimEnd() + '\n```\n';
}

/** The constants themselves, bundled from the TypeScript sources (no build needed). */
async function engineDefaults() {
  const result = await build({
    stdin: {
      contents: [
        "export { DEFAULT_RETRY, DEFAULT_BUDGET, CircuitBreaker } from './src/index.ts';",
        "export { DEFAULT_MAX_ERROR_BODY_BYTES } from './adapters/http/options.ts';",
      ].join('\n'),
      resolveDir: new URL('.', root).pathname,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function defaultsBlock(name) {
  if (name !== 'engine') {
    problems.push(`README.md: unknown defaults block "${name}"`);
    return undefined;
  }
  const { DEFAULT_RETRY: r, DEFAULT_BUDGET: b, CircuitBreaker, DEFAULT_MAX_ERROR_BODY_BYTES: maxBody } = values;
  const breaker = new CircuitBreaker();
  const rows = {
    maxAttempts: [r.maxAttempts, 'attempts in all, the first included (`Infinity` allowed)'],
    baseDelayMs: [r.baseDelayMs, 'base of the exponential backoff: `base × 2^(attempt−1)`, capped, then jittered'],
    rateLimitBaseDelayMs: [r.rateLimitBaseDelayMs, 'the base for `rate_limited` errors that came without Retry-After'],
    maxDelayMs: [r.maxDelayMs, 'cap of any computed delay'],
    jitter: [r.jitter, "`'full'` (uniform in [0, delay]), `'equal'`, `'decorrelated'` (AWS) or `'none'`"],
    maxRetryAfterMs: [r.maxRetryAfterMs, 'longest server-given delay (Retry-After, retry-after-ms, RateLimit-Reset) honoured'],
    onRetryAfterTooLong: [r.onRetryAfterTooLong, "a longer one: `'give-up'` at once, or `'cap'` (sleep maxRetryAfterMs)"],
    idempotent: [r.idempotent, "whether errors whose `retry` is `'idempotent'` may be retried (the HTTP adapters set it per request)"],
    retryAfterJitter: [r.retryAfterJitter, 'server-given delays get up to +10%, so clients told the same Retry-After do not return in lockstep'],
  };
  const unknown = Object.keys(r).filter((k) => !(k in rows));
  if (unknown.length > 0) problems.push(`DEFAULT_RETRY has ${unknown.join(', ')}: describe it in scripts/readme-examples.mjs`);
  const budgetRows = {
    capacity: 'tokens when full, and at start',
    retryCost: 'tokens a retry spends',
    timeoutCost: 'tokens a retry after a timeout spends',
    successRefill: 'tokens a first-attempt success gives back (a successful retry refunds its cost)',
  };
  const unknownBudget = Object.keys(b).filter((k) => !(k in budgetRows));
  if (unknownBudget.length > 0) problems.push(`DEFAULT_BUDGET has ${unknownBudget.join(', ')}: describe it in scripts/readme-examples.mjs`);
  const lines = [
    '| option | default | meaning |',
    '|---|---|---|',
    ...Object.entries(rows)
      .filter(([k]) => k !== 'retryAfterJitter')
      .map(([k, [v, m]]) => `| \`${k}\` | ${num(v)} | ${m} |`),
    `| (Retry-After jitter) | +0–${r.retryAfterJitter * 100}% | ${rows.retryAfterJitter[1]} |`,
    '| `deadlineMs` | none | across all attempts and delays; a delay that cannot fit gives up at once |',
    '| `attemptTimeoutMs` | none | per attempt: aborts its signal, fails it with TimeoutError `ATTEMPT_TIMEOUT` |',
    '| `budget` | a `RetryBudget` per policy | a token bucket shared by every call of the policy (share one instance between policies, adapters and sockets of one service); `false` turns it off |',
    ...Object.entries(b).map(([k, v]) => `| \`RetryBudget\` \`${k}\` | ${num(v)} | ${budgetRows[k]} |`),
    `| \`circuitBreaker\` | off | \`{}\` or a shared \`CircuitBreaker\`: fails fast with ServiceUnavailableError \`CIRCUIT_OPEN\` while open |`,
    `| \`CircuitBreaker\` \`failureThreshold\` | ${breaker.failureThreshold} | consecutive server faults (network, timeout, 5xx, dropped connections) that open it |`,
    `| \`CircuitBreaker\` \`failureRatio\` / \`windowSize\` | off / ${breaker.windowSize} | alternatively: open when this share of the last \`windowSize\` calls failed |`,
    `| \`CircuitBreaker\` \`halfOpenAfterMs\` | ${num(breaker.halfOpenAfterMs)} | how long it stays open before one probe is let through |`,
    `| \`maxErrorBodyBytes\` (HTTP adapters) | ${num(maxBody)} | how much of an error body is read; the rest is discarded |`,
  ];
  return lines.join('\n') + '\n';
}

function catalogBlock(name) {
  if (name !== 'coverage') {
    problems.push(`README.md: unknown catalog block "${name}"`);
    return undefined;
  }
  const lines = ['| catalog | codes | always | idempotent | after-refresh | never | reference |', '|---|---:|---:|---:|---:|---:|---|'];
  for (const [provider, title] of PROVIDERS) {
    const doc = read(`docs/catalog/${provider}.md`);
    const total = Number(/^(\d+) codes\./m.exec(doc)?.[1]);
    // The summary table's rows: | code | status | name | kind | retry |
    const retries = [...doc.matchAll(/^\| \[[^\]]*\]\([^)]*\) \|.*\| (\S+) \|$/gm)].map((m) => m[1]);
    if (retries.length !== total) problems.push(`docs/catalog/${provider}.md: ${total} codes announced, ${retries.length} rows read`);
    const count = (s) => retries.filter((r) => r === s).length;
    lines.push(`| ${title} | ${total} | ${SEMANTICS.map(count).join(' | ')} | [docs/catalog/${provider}.md](docs/catalog/${provider}.md) |`);
  }
  return lines.join('\n') + '\n';
}
