import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoEvent, ErrorSummary } from '../demo/events.js';
import { runDemo } from '../demo/run.js';
import { LC_HEADERS_SECRET } from '../demo/scenarios/common.js';

const root = fileURLToPath(new URL('..', import.meta.url));

type Of<T extends DemoEvent['type']> = Extract<DemoEvent, { type: T }>;

interface Run {
  code: number;
  lines: string[];
  events: DemoEvent[];
}

async function run(argv: string[], env: Record<string, string> = { LANG: 'en_US.UTF-8' }): Promise<Run> {
  const chunks: string[] = [];
  const code = await runDemo(argv, { write: (text) => void chunks.push(text), env });
  const lines = chunks.join('').split('\n').filter(Boolean);
  const events = argv.includes('--json') ? lines.map((line) => JSON.parse(line) as DemoEvent) : [];
  return { code, lines, events };
}

/** The events between a step's announcement and its outcome (inclusive). */
function stepEvents(events: DemoEvent[], step: string): DemoEvent[] {
  const start = events.findIndex((e) => e.type === 'step' && e.step === step);
  const end = events.findIndex((e, i) => i > start && e.type === 'outcome');
  expect(start, `step ${step} announced`).toBeGreaterThanOrEqual(0);
  return events.slice(start, end + 1);
}

const only = <T extends DemoEvent['type']>(events: DemoEvent[], type: T): Of<T>[] =>
  events.filter((e): e is Of<T> => e.type === type);
const outcomeOf = (events: DemoEvent[]): Of<'outcome'> => only(events, 'outcome').at(-1) as Of<'outcome'>;

describe('npm run demo --json, in-process', () => {
  let result: Run;
  beforeAll(async () => {
    result = await run(['--json']);
  }, 60_000);

  it('exits 0, prints one JSON event per line, and every step behaved as described', () => {
    expect(result.code).toBe(0);
    expect(result.events.length).toBe(result.lines.length);
    const outcomes = only(result.events, 'outcome');
    expect(outcomes.map((o) => o.step)).toEqual(['get-flaky', 'get-missing', 'quota', 'post-once', 'post-key', 'sdk-call', 'im']);
    expect(outcomes.filter((o) => !o.expected)).toEqual([]);
    const totals = only(result.events, 'totals')[0];
    expect(totals).toMatchObject({ scenarios: 5, unexpected: 0 });
  });

  it('retries the GET through 429 (after Retry-After) and 503, and it succeeds', () => {
    const events = stepEvents(result.events, 'get-flaky');
    expect(only(events, 'request').map((r) => r.status)).toEqual([429, 503, 200]);
    const decisions = only(events, 'decision');
    expect(decisions.map((d) => d.action)).toEqual(['retry', 'retry']);
    const [first, second] = decisions as Extract<Of<'decision'>, { action: 'retry' }>[];
    expect(first?.basis).toBe('retry-after');
    // Retry-After: 1 plus at most 10% jitter.
    expect(first?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(first?.delayMs).toBeLessThanOrEqual(1100);
    expect(second?.basis).toBe('backoff');
    expect(only(events, 'error').map((e) => e.error.kind)).toEqual(['rate_limited', 'unavailable']);
    expect(outcomeOf(events)).toMatchObject({ ok: true, attempts: 3, expected: true });
  });

  it('does not retry the not-found ({code:101}) or the quota error ({code:140})', () => {
    for (const [step, kind, code] of [['get-missing', 'not_found', 101], ['quota', 'quota_exceeded', 140]] as const) {
      const events = stepEvents(result.events, step);
      expect(only(events, 'request')).toHaveLength(1);
      expect(only(events, 'error').map((e) => [e.error.kind, e.error.code])).toEqual([[kind, code]]);
      expect(only(events, 'decision')).toEqual([expect.objectContaining({ action: 'give-up', reason: 'not-retryable', attempts: 1 })]);
      expect(outcomeOf(events)).toMatchObject({ ok: false, attempts: 1, error: { kind, code } });
    }
  });

  it('sends the POST whose answer was lost exactly once', () => {
    const events = stepEvents(result.events, 'post-once');
    const requests = only(events, 'request');
    expect(requests).toEqual([expect.objectContaining({ method: 'POST', reset: true, applied: true })]);
    expect(only(events, 'decision')).toEqual([expect.objectContaining({ action: 'give-up', reason: 'not-retryable' })]);
    expect(outcomeOf(events)).toMatchObject({ ok: false, expected: true, error: { kind: 'network', retry: 'idempotent' } });
  });

  it('retries the POST with an idempotency key, and the server replays instead of writing twice', () => {
    const requests = only(stepEvents(result.events, 'post-key'), 'request');
    expect(requests.map((r) => [r.reset ?? false, r.applied ?? false, r.replayed ?? false])).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
  });

  it('retries the SDK-style call through {code:1} and {code:124}', () => {
    const events = stepEvents(result.events, 'sdk-call');
    expect(only(events, 'error').map((e) => [e.error.kind, e.error.code])).toEqual([['internal', 1], ['timeout', 124]]);
    expect(outcomeOf(events)).toMatchObject({ ok: true, attempts: 3 });
  });

  it('reconnects the socket after 1006 and 4107 and stops on 4111', () => {
    const events = stepEvents(result.events, 'im');
    const pairs: [number | undefined, string][] = [];
    let last: ErrorSummary | undefined;
    for (const e of events) {
      if (e.type === 'error') last = e.error;
      if (e.type === 'decision') pairs.push([last?.closeCode, e.action]);
    }
    expect(pairs).toEqual([[1006, 'reconnect'], [4107, 'reconnect'], [4111, 'stop']]);
    expect(last).toMatchObject({ kind: 'session_replaced', retry: 'never' });
    expect(only(events, 'open')).toHaveLength(3);
    // The message sent while disconnected was delivered after the reconnect, once.
    const received = only(events, 'ws').filter((w) => w.event === 'message').map((w) => [w.connection, JSON.parse(w.data ?? '') as unknown]);
    expect(received).toEqual([[1, expect.objectContaining({ i: 1 })], [2, expect.objectContaining({ i: 2 })]]);
  });

  it('prints no credentials', () => {
    expect(result.lines.join('\n')).not.toContain(LC_HEADERS_SECRET);
  });
});

describe('npm run demo, options', () => {
  it('--lang zh prints the timeline and the advice in Chinese; --scenario runs one scenario', async () => {
    const { code, lines } = await run(['--lang', 'zh', '--scenario', 'fetch']);
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('[1/1] fetch');
    expect(text).toContain('QuotaExceededError');
    expect(text).toContain('升级商用版'); // LeanCloud 140's advice, in Chinese
    expect(text).not.toContain('axios');
  }, 30_000);

  it('takes the language from LANG', async () => {
    const { events } = await run(['--json', '--scenario', 'fetch'], { LANG: 'zh_CN.UTF-8' });
    expect(only(events, 'start')[0]?.lang).toBe('zh');
  }, 30_000);

  it('rejects unknown options and scenarios with exit 2 and the usage', async () => {
    for (const argv of [['--scenario', 'nope'], ['--lang', 'fr'], ['--frobnicate']]) {
      const { code, lines } = await run(argv);
      expect(code).toBe(2);
      expect(lines.join('\n')).toContain('Usage: npm run demo');
    }
  });
});

describe('the demo as npm run demo runs it', () => {
  it('builds with esbuild and exits by itself, 0, with every outcome printed', async () => {
    const outfile = `.demo/test-${process.pid}.mjs`;
    let child: ReturnType<typeof spawn> | undefined;
    try {
      await promisify(execFile)(process.execPath, ['scripts/build-demo.mjs', '--outfile', outfile], { cwd: root });
      child = spawn(process.execPath, [outfile, '--scenario', 'fetch,socket'], {
        cwd: root,
        env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => void (out += String(chunk)));
      child.stderr?.on('data', (chunk: Buffer) => void (out += String(chunk)));
      // No kill on a timer: a process that does not exit by itself fails the test by its timeout.
      const exited = child;
      const code = await new Promise<number | null>((resolve) => exited.on('exit', resolve));
      expect(out).toContain('Every scenario behaved as described.');
      expect(out.match(/^ {2}✓ /gm)).toHaveLength(3);
      expect(code).toBe(0);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill();
      rmSync(`${root}/${outfile}`, { force: true });
    }
  }, 60_000);
});
