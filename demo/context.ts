/**
 * What a scenario gets: the server, the chosen language, an `emit` for the timeline, and retry
 * hooks that report every decision the policy makes.
 */
import { classify } from '../src/index.js';
import type { FaultlineError } from '../src/errors.js';
import type { LocalizedText } from '../src/kinds.js';
import type { GiveUpEvent, RetryEvent } from '../src/policy-types.js';
import { summarize, type DemoEventBody, type Lang } from './events.js';
import type { DemoServer } from './server.js';

export interface Scenario {
  readonly name: string;
  /** The client it shows, for the header. */
  readonly client: string;
  /** One line of code: how faultline is wired into that client. */
  readonly code: string;
  run(ctx: Context): Promise<void>;
}

/** The retry hooks a scenario passes to the policy (`retry: ctx.hooks`). */
export interface Hooks {
  onRetry(event: RetryEvent): void;
  onGiveUp(event: GiveUpEvent): void;
}

export type Judged<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FaultlineError };

export interface Verdict {
  /** Did what the demo set out to show happen? */
  readonly expected: boolean;
  readonly summary: LocalizedText;
  /** Replaces the default "succeeded" / "failed as it should". */
  readonly headline?: LocalizedText;
  /** What counts as an attempt when the policy is not the one counting (a socket's connections). */
  readonly attempts?: number;
  /** Likewise, the time spent waiting (a socket's reconnect delays). */
  readonly totalDelayMs?: number;
}

export class Context {
  readonly server: DemoServer;
  readonly lang: Lang;
  readonly emit: (event: DemoEventBody) => void;
  #retries = 0;
  #delayMs = 0;

  constructor(server: DemoServer, lang: Lang, emit: (event: DemoEventBody) => void) {
    this.server = server;
    this.lang = lang;
    this.emit = emit;
  }

  /** Stable hooks for the policy: they report into whichever step is running. */
  readonly hooks: Hooks = {
    onRetry: ({ attempt, delayMs, error }) => {
      this.#retries++;
      this.#delayMs += delayMs;
      this.emit({ type: 'error', error: summarize(error, this.lang) });
      this.emit({ type: 'decision', action: 'retry', attempt: attempt + 1, delayMs: Math.round(delayMs), basis: error.retryAfterMs === undefined ? 'backoff' : 'retry-after' });
    },
    onGiveUp: ({ attempts, error, reason }) => {
      this.emit({ type: 'error', error: summarize(error, this.lang) });
      this.emit({ type: 'decision', action: 'give-up', attempts, reason });
    },
  };

  text(text: LocalizedText): string {
    return text[this.lang];
  }

  note(text: LocalizedText): void {
    this.emit({ type: 'note', text: this.text(text) });
  }

  /**
   * Runs one step: announces it, runs `fn`, and reports the outcome as `judge` sees it. A failure
   * is always a FaultlineError by then (the adapters throw them; anything else is classified).
   */
  async step<T>(step: string, title: LocalizedText, fn: () => Promise<T>, judge: (result: Judged<T>) => Verdict): Promise<void> {
    this.#retries = 0;
    this.#delayMs = 0;
    this.emit({ type: 'step', step, title: this.text(title) });
    let result: Judged<T>;
    try {
      result = { ok: true, value: await fn() };
    } catch (thrown) {
      result = { ok: false, error: classify(thrown) };
    }
    const { expected, summary, headline, attempts: counted, totalDelayMs: waited } = judge(result);
    const attempts = counted ?? (result.ok ? this.#retries + 1 : (result.error.attempts ?? this.#retries + 1));
    const totalDelayMs = Math.round(waited ?? (result.ok ? this.#delayMs : (result.error.totalDelayMs ?? this.#delayMs)));
    this.emit({
      type: 'outcome',
      step,
      ok: result.ok,
      expected,
      attempts,
      totalDelayMs,
      summary: this.text(summary),
      ...(headline ? { headline: this.text(headline) } : {}),
      ...(result.ok ? {} : { error: summarize(result.error, this.lang) }),
    });
  }
}
