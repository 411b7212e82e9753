/**
 * `npm run demo`: starts the flaky BaaS on loopback, walks through every client against it and
 * prints the timeline. `runDemo` does it all and resolves with the exit code, so a test can run it
 * in-process with its own writer; demo/main.ts is the command-line entry.
 */
// Like importing 'faultline': registers every provider catalog (LeanCloud codes, close codes…).
import { redactText } from '../src/index.js';
import { Context, type Scenario } from './context.js';
import type { DemoEvent, DemoEventBody, Lang } from './events.js';
import { createRenderer, styleFor } from './render.js';
import { axiosScenario } from './scenarios/axios.js';
import { fetchScenario } from './scenarios/fetch.js';
import { kyScenario } from './scenarios/ky.js';
import { retryScenario } from './scenarios/retry.js';
import { socketScenario } from './scenarios/socket.js';
import { startDemoServer, type ServerEvent } from './server.js';

export const SCENARIOS: readonly Scenario[] = [axiosScenario, fetchScenario, kyScenario, retryScenario, socketScenario];

export interface DemoIO {
  /** Standard output: text lines or JSON lines, each ending in a newline. */
  write(text: string): void;
  /** Usage errors. Default: `write`. */
  error?(text: string): void;
  env?: Record<string, string | undefined>;
  /** ANSI colours in text mode. Default false. */
  color?: boolean;
}

interface Options {
  readonly lang: Lang;
  readonly json: boolean;
  readonly scenarios: readonly Scenario[];
}

const USAGE = `Usage: npm run demo -- [--lang zh|en] [--scenario ${SCENARIOS.map((s) => s.name).join('|')}] [--json]
  --lang      language of the advice and the timeline (default: from LANG)
  --scenario  run one scenario (a comma-separated list also works)
  --json      one JSON event per line instead of the text timeline
`;

function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The options, or the usage error to print. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): Options | { error: string } | 'help' {
  let lang = langFromEnv(env);
  let json = false;
  let names: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') ? (arg.split('=', 2) as [string, string | undefined]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--json') json = true;
    else if (flag === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') return { error: `--lang must be zh or en, got ${String(v)}` };
      lang = v;
    } else if (flag === '--scenario') {
      const v = value();
      if (!v) return { error: '--scenario needs a name' };
      names = v.split(',').map((n) => n.trim()).filter(Boolean);
      const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
      if (unknown.length > 0) return { error: `unknown scenario ${unknown.join(', ')}; pick one of ${SCENARIOS.map((s) => s.name).join(', ')}` };
    } else return { error: `unknown argument ${arg}` };
  }
  const scenarios = names ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  return { lang, json, scenarios };
}

/** Runs the demo; resolves with the exit code (0 when every step behaved as described). */
export async function runDemo(argv: readonly string[], io: DemoIO): Promise<number> {
  const parsed = parseArgs(argv, io.env ?? {});
  if (parsed === 'help') {
    io.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    (io.error ?? io.write)(`demo: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { lang, json, scenarios } = parsed;
  const render = createRenderer(lang, styleFor(!json && io.color === true));
  const started = performance.now();
  let scenario: string | undefined;
  let attempt = 0;
  const tally = { retries: 0, reconnects: 0, notRetried: 0, unexpected: 0 };

  const emit = (body: DemoEventBody): void => {
    const event = { t: Math.round(performance.now() - started), ...(scenario ? { scenario } : {}), ...body } as DemoEvent;
    if (body.type === 'step') attempt = 0;
    if (body.type === 'decision' && body.action === 'retry') tally.retries++;
    if (body.type === 'decision' && body.action === 'reconnect') tally.reconnects++;
    if (body.type === 'decision' && body.action === 'give-up' && body.reason === 'not-retryable') tally.notRetried++;
    if (body.type === 'outcome' && !body.expected) tally.unexpected++;
    if (json) io.write(`${JSON.stringify(event)}\n`);
    else for (const line of render(event)) io.write(`${line}\n`);
  };

  const server = await startDemoServer();
  server.onEvent = (event: ServerEvent) => emit(fromServer(event, () => ++attempt));
  try {
    emit({ type: 'start', baseURL: server.url, wsURL: server.wsUrl, lang, scenarios: scenarios.map((s) => s.name) });
    const ctx = new Context(server, lang, emit);
    for (const [i, s] of scenarios.entries()) {
      scenario = s.name;
      emit({ type: 'scenario', index: i + 1, of: scenarios.length, client: s.client, code: s.code });
      try {
        await s.run(ctx);
      } catch (error) {
        emit({ type: 'outcome', step: `${s.name}-crashed`, ok: false, expected: false, summary: error instanceof Error ? error.message : String(error) });
      }
    }
    scenario = undefined;
    emit({ type: 'totals', scenarios: scenarios.length, requests: server.requests.length, ...tally, elapsedMs: Math.round(performance.now() - started) });
  } finally {
    server.onEvent = undefined;
    await server.close();
  }
  return tally.unexpected === 0 ? 0 : 1;
}

function fromServer(event: ServerEvent, nextAttempt: () => number): DemoEventBody {
  switch (event.type) {
    case 'request': {
      const r = event.record;
      return {
        type: 'request',
        attempt: nextAttempt(),
        method: r.method,
        path: redactText(r.path),
        ...(r.status !== undefined ? { status: r.status } : {}),
        ...(r.reset ? { reset: true as const } : {}),
        ...(r.retryAfter !== undefined ? { retryAfter: r.retryAfter } : {}),
        ...(r.applied ? { applied: true as const } : {}),
        ...(r.replayed ? { replayed: true as const } : {}),
      };
    }
    case 'ws-open':
      return { type: 'ws', connection: event.connection, event: 'open' };
    case 'ws-drop':
      return { type: 'ws', connection: event.connection, event: 'drop' };
    case 'ws-close':
      return { type: 'ws', connection: event.connection, event: 'close', code: event.code, reason: event.reason };
    case 'ws-message':
      return { type: 'ws', connection: event.connection, event: 'message', data: event.data };
  }
}
