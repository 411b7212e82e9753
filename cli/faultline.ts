#!/usr/bin/env node
import { ALL_CATALOGS, ERROR_CLASSES, entries, lookupAll, type CatalogEntry } from '../src/index.js';
import { ERROR_KINDS, RETRY_SEMANTICS, type ErrorKind, type RetrySemantics } from '../src/kinds.js';
import { redactText } from '../src/redact.js';

type Lang = 'en' | 'zh';

interface Parsed {
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

const HELP = `faultline — typed errors for SDK clients

Usage:
  faultline explain <code> [--provider P] [--error E] [--status S] [--message M] [--lang zh|en] [--json]
  faultline list [--provider P] [--kind K] [--retry R] [--lang zh|en] [--json]

Examples:
  faultline explain 4107
  faultline explain 429 --provider easemob --error reach_limit
  faultline list --provider leancloud --retry never
`;

/** What a close code's semantics mean for a socket: reconnect or not. */
const CLOSE_TEXT: Record<RetrySemantics, Record<Lang, string>> = {
  always: { en: 'reconnect (with backoff)', zh: '自动重连（按退避等待）' },
  idempotent: { en: 'reconnect (with backoff)', zh: '自动重连（按退避等待）' },
  'after-refresh': { en: 'refresh the credentials, then reconnect once', zh: '刷新凭证后重连一次' },
  never: { en: 'do not reconnect: stop and tell the user', zh: '不要重连：停止并提示用户' },
};

const RETRY_TEXT: Record<RetrySemantics, Record<Lang, string>> = {
  always: { en: 'retry (any method) after backoff or Retry-After', zh: '可重试（任何方法），按退避或 Retry-After 等待' },
  idempotent: { en: 'retry only idempotent requests (GET, PUT, DELETE, or with an idempotency key)', zh: '仅幂等请求可重试（GET、PUT、DELETE 或带幂等键）' },
  'after-refresh': { en: 'refresh the session or token, then retry once', zh: '刷新会话或令牌后重试一次' },
  never: { en: 'do not retry', zh: '不要重试' },
};

const LABELS: Record<Lang, Record<'kind' | 'retry' | 'reconnect' | 'meaning' | 'advice' | 'status' | 'candidates' | 'rows' | 'others', string>> = {
  en: { kind: 'kind', retry: 'retry', reconnect: 'reconnect', meaning: 'meaning', advice: 'advice', status: 'status', candidates: 'matches several providers; pass --provider to pick one:', rows: 'has several meanings; pass --status or --message (the server\'s text) to pick one:', others: 'more specific meanings, by the server\'s text (--message):' },
  zh: { kind: '类型', retry: '重试', reconnect: '重连', meaning: '含义', advice: '建议', status: 'HTTP 状态', candidates: '该错误码对应多个服务商，请用 --provider 指定：', rows: '有多种含义，请用 --status 或 --message（服务端返回的文字）指定：', others: '按服务端文字（--message）还有更具体的含义：' },
};

function parseArgs(argv: readonly string[]): Parsed {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      if (inline !== undefined) flags.set(name, inline);
      else if (name !== 'json' && name !== 'help' && next !== undefined && !next.startsWith('--')) {
        flags.set(name, next);
        i++;
      } else flags.set(name, true);
    } else positionals.push(arg);
  }
  return { positionals, flags };
}

function flag(parsed: Parsed, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

function langOf(parsed: Parsed, env: Record<string, string | undefined>): Lang {
  const explicit = flag(parsed, 'lang');
  if (explicit === 'zh' || explicit === 'en') return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function toCode(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** A close code: what a socket does with it is the question, not how to repeat a request. */
function isCloseCode(entry: CatalogEntry): boolean {
  return entry.provider === 'websocket' || (typeof entry.code === 'number' && entry.code >= 4000 && entry.code <= 4999 && entry.status === undefined);
}

function entryJson(entry: CatalogEntry): Record<string, unknown> {
  return {
    provider: entry.provider,
    code: entry.code,
    ...(entry.status !== undefined ? { status: entry.status } : {}),
    ...(entry.match !== undefined ? { match: entry.match } : {}),
    names: entry.names,
    kind: entry.kind,
    errorClass: ERROR_CLASSES[entry.kind].name,
    retry: entry.retry,
    retryable: entry.retry !== 'never',
    ...(isCloseCode(entry) ? { reconnect: entry.retry !== 'never' } : {}),
    description: entry.description,
    advice: entry.advice,
  };
}

function describe(entry: CatalogEntry, lang: Lang): string {
  const l = LABELS[lang];
  const title = [String(entry.code), entry.provider, entry.names.join(' / '), entry.match && `“${entry.match}”`].filter(Boolean).join(' · ');
  const lines = [title];
  if (entry.status !== undefined) lines.push(`  ${l.status}: ${entry.status}`);
  const close = isCloseCode(entry);
  lines.push(
    `  ${l.kind}: ${entry.kind} (${ERROR_CLASSES[entry.kind].name})`,
    close ? `  ${l.reconnect}: ${CLOSE_TEXT[entry.retry][lang]}` : `  ${l.retry}: ${entry.retry} — ${RETRY_TEXT[entry.retry][lang]}`,
    `  ${l.meaning}: ${entry.description[lang]}`,
    `  ${l.advice}: ${entry.advice[lang]}`,
  );
  return lines.join('\n');
}

export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Record<string, string | undefined>;
}

/** Writes the usage error for a flag value outside `known`; true when it did. */
function rejectUnknown(io: CliIO, what: string, value: string | undefined, known: readonly string[]): boolean {
  if (value === undefined || known.includes(value)) return false;
  io.err(`faultline: unknown ${what} "${redactText(value)}". Known: ${known.join(', ')}\n`);
  return true;
}

function explain(parsed: Parsed, io: CliIO): number {
  const [, rawCode] = parsed.positionals;
  if (rawCode === undefined) {
    io.err('faultline explain: missing <code>. Example: faultline explain 4107\n');
    return 2;
  }
  const lang = langOf(parsed, io.env);
  const provider = flag(parsed, 'provider');
  const errorName = flag(parsed, 'error');
  const statusFlag = flag(parsed, 'status');
  const message = flag(parsed, 'message');
  const names = ALL_CATALOGS.map((c) => c.name);
  if (rejectUnknown(io, 'provider', provider, names)) return 2;
  const code = errorName !== undefined ? errorName : toCode(rawCode);
  const status = errorName !== undefined ? Number(rawCode) : statusFlag !== undefined ? Number(statusFlag) : undefined;
  let matches = (provider !== undefined ? [provider] : names).flatMap((p) => lookupAll(p, code));
  if (status !== undefined && Number.isFinite(status)) {
    const exact = matches.filter((e) => e.status === status);
    if (exact.length > 0) matches = exact;
  }
  // Rows of one provider that share code and status differ by the server's text: --message picks
  // one, and without it (or when it matches none) the row without a match is what classify() uses.
  let others: string[] = [];
  const sameRow = matches.length > 1 && matches.every((m) => m.provider === matches[0]?.provider && m.status === matches[0]?.status);
  if (sameRow) {
    const lower = message?.toLowerCase();
    const hit = lower === undefined ? [] : matches.filter((e) => e.match !== undefined && lower.includes(e.match.toLowerCase()));
    const fallback = matches.filter((e) => e.match === undefined).slice(0, 1);
    if (hit.length > 0 || fallback.length > 0) {
      if (hit.length === 0) others = matches.filter((e) => e.match !== undefined).map((e) => e.match as string);
      matches = hit.length > 0 ? hit : fallback;
    }
  }
  if (matches.length === 0) {
    const where = provider !== undefined ? ` for provider ${provider}` : '';
    io.err(`faultline: unknown code "${redactText(String(code))}"${where}. Run \`faultline list\` to see the known codes.\n`);
    return 1;
  }
  const json = parsed.flags.has('json');
  if (matches.length === 1) {
    const entry = matches[0] as CatalogEntry;
    const note = others.length > 0 ? `\n  ${LABELS[lang].others} ${others.map((m) => `“${m}”`).join(', ')}` : '';
    io.out(json ? `${JSON.stringify({ ...entryJson(entry), ...(others.length > 0 ? { others } : {}) })}\n` : `${describe(entry, lang)}${note}\n`);
    return 0;
  }
  if (json) {
    io.out(`${JSON.stringify({ code, candidates: matches.map(entryJson) })}\n`);
    return 0;
  }
  const oneProvider = matches.every((m) => m.provider === matches[0]?.provider);
  io.out(`${String(code)} ${oneProvider ? LABELS[lang].rows : LABELS[lang].candidates}\n\n${matches.map((m) => describe(m, lang)).join('\n\n')}\n`);
  return 0;
}

function pad(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - w));
}

function list(parsed: Parsed, io: CliIO): number {
  const provider = flag(parsed, 'provider');
  const kind = flag(parsed, 'kind');
  const retry = flag(parsed, 'retry');
  const names = ALL_CATALOGS.map((c) => c.name);
  if (rejectUnknown(io, 'provider', provider, names)) return 2;
  if (rejectUnknown(io, 'kind', kind, ERROR_KINDS) || rejectUnknown(io, 'retry', retry, RETRY_SEMANTICS)) return 2;
  const lang = langOf(parsed, io.env);
  const rows = (provider !== undefined ? [provider] : names)
    .flatMap((p) => entries(p))
    .filter((e) => (kind === undefined || e.kind === (kind as ErrorKind)) && (retry === undefined || e.retry === retry));
  if (parsed.flags.has('json')) {
    io.out(rows.map((e) => JSON.stringify(entryJson(e))).join('\n') + (rows.length ? '\n' : ''));
    return 0;
  }
  const table = [['provider', 'code', 'status', 'kind', 'retry', lang === 'zh' ? '含义' : 'meaning']].concat(
    rows.map((e) => [e.provider, String(e.code), e.status === undefined ? '' : String(e.status), e.kind, e.retry, e.description[lang]]),
  );
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...table.map((r) => (r[i] as string).length)));
  io.out(table.map((r) => r.map((c, i) => (i < 5 ? pad(c, widths[i] as number) : c)).join('  ')).join('\n') + '\n');
  return 0;
}

/** Runs the CLI; returns the exit code. Exported so tests run it in-process. */
export function runCli(argv: readonly string[], io: CliIO): number {
  const parsed = parseArgs(argv);
  const [command] = parsed.positionals;
  if (command === undefined || parsed.flags.has('help') || command === 'help') {
    io.out(HELP);
    return command === undefined && !parsed.flags.has('help') ? 1 : 0;
  }
  if (command === 'explain') return explain(parsed, io);
  if (command === 'list') return list(parsed, io);
  io.err(`faultline: unknown command "${redactText(command)}".\n\n${HELP}`);
  return 2;
}

const proc = (globalThis as { process?: NodeJS.Process }).process;
const invokedDirectly = proc?.argv?.[1] !== undefined && /(?:^|[\\/])(?:cli\.(?:c?js|ts)|faultline)$/.test(proc.argv[1]);
if (proc && invokedDirectly) {
  proc.exitCode = runCli(proc.argv.slice(2), {
    out: (t) => proc.stdout.write(t),
    err: (t) => proc.stderr.write(t),
    env: proc.env,
  });
}
