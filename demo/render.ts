/** The human-readable timeline: one event in, zero or more lines out, in English or Chinese. */
import type { DemoEvent, Decision, ErrorSummary, Lang } from './events.js';

type Text = Record<Lang, string>;

const LABEL = {
  server: { en: 'server ', zh: '服务端 ' },
  client: { en: 'client ', zh: '客户端 ' },
  error: { en: 'error  ', zh: '错误   ' },
  decide: { en: 'decide ', zh: '决定   ' },
} satisfies Record<string, Text>;

const GIVE_UP: Record<string, Text> = {
  'max-attempts': { en: 'maxAttempts reached', zh: '已达到 maxAttempts' },
  budget: { en: 'the retry budget is spent', zh: '重试预算已耗尽' },
  deadline: { en: 'the next delay would pass the deadline', zh: '下一次等待会超过截止时间' },
  'retry-after-too-long': { en: "the server's Retry-After exceeds maxRetryAfterMs", zh: '服务端的 Retry-After 超过 maxRetryAfterMs' },
  'circuit-open': { en: 'the circuit breaker is open', zh: '熔断器处于打开状态' },
  vetoed: { en: 'shouldRetry said no', zh: 'shouldRetry 拒绝了重试' },
  canceled: { en: 'canceled', zh: '已取消' },
};

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, green: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s };
const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const colored: Style = { bold: ansi(1, 22), dim: ansi(2, 22), green: ansi(32, 39), red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39) };

export function styleFor(color: boolean): Style {
  return color ? colored : plain;
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value} ms`);

const INDENT = '    ';

/** Returns a function that renders each event as text lines (without trailing newlines). */
export function createRenderer(lang: Lang, style: Style = plain): (event: DemoEvent) => string[] {
  const t = (text: Text): string => text[lang];
  const line = (label: Text, body: string): string => `${INDENT}${style.dim(t(label))} ${body}`;
  // Every label is 7 columns wide (a CJK character takes two).
  const cont = (body: string): string => `${INDENT}${' '.repeat(8)}${body}`;
  let lastError: ErrorSummary | undefined;

  const errorLines = (e: ErrorSummary): string[] => {
    const code =
      e.closeCode !== undefined
        ? `${lang === 'zh' ? '关闭码' : 'close'} ${e.closeCode}${e.code !== undefined && e.code !== e.closeCode ? ` (${String(e.code)})` : ''}`
        : e.code !== undefined
          ? `${lang === 'zh' ? '代码' : 'code'} ${String(e.code)}`
          : '';
    const head = [style.red(e.name), e.kind, code, `retry: ${e.retry}`].filter(Boolean).join(' · ');
    return [line(LABEL.error, head), cont(style.dim(`↳ ${e.advice}`))];
  };

  const decision = (d: Decision): string => {
    switch (d.action) {
      case 'retry':
        return d.basis === 'retry-after'
          ? t({ en: `retry (attempt ${d.attempt}) in ${ms(d.delayMs)} — the server's Retry-After`, zh: `${ms(d.delayMs)} 后重试（第 ${d.attempt} 次）——遵从服务端的 Retry-After` })
          : t({ en: `retry (attempt ${d.attempt}) in ${ms(d.delayMs)} — exponential backoff with jitter`, zh: `${ms(d.delayMs)} 后重试（第 ${d.attempt} 次）——带抖动的指数退避` });
      case 'reconnect':
        return t({ en: `reconnect in ${ms(d.delayMs)}`, zh: `${ms(d.delayMs)} 后重连` });
      case 'stop':
        return d.kind === 'session_replaced'
          ? t({ en: 'stop: reconnecting would only kick the other session out again', zh: '停止：重连只会把另一端的会话再踢下线' })
          : t({ en: 'stop: reconnecting cannot help', zh: '停止：重连无济于事' });
      case 'give-up': {
        if (d.reason !== 'not-retryable') return t({ en: `give up: ${t(GIVE_UP[d.reason] ?? { en: d.reason, zh: d.reason })}`, zh: `放弃：${t(GIVE_UP[d.reason] ?? { en: d.reason, zh: d.reason })}` });
        return lastError?.retry === 'idempotent'
          ? t({ en: "don't retry: the request is not idempotent and may already have been applied", zh: '不重试：该请求不是幂等的，可能已被执行' })
          : t({ en: 'do not retry: trying again cannot help', zh: '不重试：再试也无济于事' });
      }
    }
  };

  return (event) => {
    switch (event.type) {
      case 'start':
        return [
          style.bold(
            t({
              en: `faultline demo — a flaky LeanCloud-style BaaS at ${event.baseURL} (loopback only)`,
              zh: `faultline 演示 —— 一个不稳定的 LeanCloud 风格后端，地址 ${event.baseURL}（仅本机回环）`,
            }),
          ),
        ];
      case 'scenario':
        return ['', `${style.bold(`[${event.index}/${event.of}] ${event.client}`)}   ${style.cyan(event.code)}`];
      case 'step':
        return ['', `  ${style.bold('▸')} ${event.title}`];
      case 'request': {
        const head = `#${event.attempt} ${event.method} ${event.path} → `;
        const answer = event.reset
          ? style.yellow(t({ en: 'connection reset, no answer', zh: '连接被重置，没有响应' }))
          : `${event.status ?? '?'}`;
        const extra = [
          event.retryAfter !== undefined ? `Retry-After: ${event.retryAfter}` : '',
          event.applied ? t({ en: '(write applied)', zh: '（写入已生效）' }) : '',
          event.replayed ? t({ en: '(same key: stored answer replayed, nothing written)', zh: '（同一个键：返回已保存的结果，未重复写入）' }) : '',
        ].filter(Boolean);
        // Full-width brackets bring their own spacing.
        return [line(LABEL.server, head + answer + extra.map((e) => (e.startsWith('（') ? e : ` ${e}`)).join(''))];
      }
      case 'ws': {
        const n = event.connection;
        const text: Record<typeof event.event, Text> = {
          open: { en: `IM connection #${n} accepted`, zh: `接受 IM 连接 #${n}` },
          drop: { en: `drops connection #${n} without a close frame`, zh: `直接断开连接 #${n}（不发关闭帧）` },
          close: { en: `closes connection #${n} with ${event.code} ${event.reason ?? ''}`, zh: `以 ${event.code} ${event.reason ?? ''} 关闭连接 #${n}` },
          message: { en: `received on #${n}: ${event.data ?? ''}`, zh: `在 #${n} 上收到：${event.data ?? ''}` },
        };
        return [line(LABEL.server, t(text[event.event]).trimEnd())];
      }
      case 'open':
        return [line(LABEL.client, t({ en: 'open', zh: '已连接' }))];
      case 'note':
        return [line(LABEL.client, event.text)];
      case 'error':
        lastError = event.error;
        return errorLines(event.error);
      case 'decision':
        return [line(LABEL.decide, decision(event))];
      case 'outcome': {
        const mark = event.expected ? style.green('✓') : style.red('✗ UNEXPECTED');
        const waited =
          event.totalDelayMs !== undefined && event.totalDelayMs > 0
            ? t({ en: `, ${ms(event.totalDelayMs)} waiting`, zh: `，等待 ${ms(event.totalDelayMs)}` })
            : '';
        const attempts =
          event.attempts === undefined
            ? ''
            : t({ en: ` (${event.attempts} attempt${event.attempts === 1 ? '' : 's'}${waited})`, zh: `（共 ${event.attempts} 次尝试${waited}）` });
        const verdict = event.headline ?? (event.ok ? t({ en: 'succeeded', zh: '成功' }) : t({ en: 'failed as it should', zh: '按预期失败' }));
        return [`  ${mark} ${verdict}${attempts}${lang === 'zh' ? '：' : ': '}${event.summary}`];
      }
      case 'totals': {
        const s = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
        const summary = t({
          en: `${s(event.scenarios, 'scenario')} · ${s(event.requests, 'request')} to the server · ${s(event.retries, 'retry', 'retries')} · ${s(event.reconnects, 'reconnect')} · ${s(event.notRetried, 'error')} rightly not retried · ${ms(event.elapsedMs)}`,
          zh: `${event.scenarios} 个场景 · 服务端收到 ${event.requests} 次请求 · 重试 ${event.retries} 次 · 重连 ${event.reconnects} 次 · ${event.notRetried} 个错误正确地未重试 · 用时 ${ms(event.elapsedMs)}`,
        });
        const verdict =
          event.unexpected === 0
            ? style.green(t({ en: 'Every scenario behaved as described.', zh: '所有场景均符合预期。' }))
            : style.red(t({ en: `${event.unexpected} step(s) did not behave as described.`, zh: `有 ${event.unexpected} 个步骤不符合预期。` }));
        return [
          '',
          style.bold(t({ en: 'Totals', zh: '汇总' })) + `  ${summary}`,
          verdict,
          style.dim(
            t({
              en: 'Look up any code: npx faultline explain 4111 (in this repository: npm run build && node dist/cli.js explain 4111)',
              zh: '查询任意错误码：npx faultline explain 4111 --lang zh（在本仓库中：npm run build && node dist/cli.js explain 4111 --lang zh）',
            }),
          ),
        ];
      }
    }
  };
}
