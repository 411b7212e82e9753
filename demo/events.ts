/**
 * The demo's timeline: one event per thing that happened, in order. `--json` prints them as they
 * are (one per line); the text renderer turns them into sentences. Errors are summarised from the
 * FaultlineError's own (redacted) fields, never dumped.
 */
import type { FaultlineError } from '../src/errors.js';
import type { GiveUpEvent } from '../src/policy-types.js';

export type Lang = 'en' | 'zh';

export interface ErrorSummary {
  readonly name: string;
  readonly kind: string;
  readonly code?: number | string;
  readonly status?: number;
  readonly closeCode?: number;
  readonly retry: string;
  readonly retryAfterMs?: number;
  readonly provider?: string;
  readonly message: string;
  /** In the chosen language. */
  readonly advice: string;
}

export type Decision =
  | { readonly action: 'retry'; readonly attempt: number; readonly delayMs: number; readonly basis: 'retry-after' | 'backoff' }
  | { readonly action: 'give-up'; readonly attempts: number; readonly reason: GiveUpEvent['reason'] }
  | { readonly action: 'reconnect'; readonly attempt: number; readonly delayMs: number }
  /** The socket stopped for good, because of an error of this kind. */
  | { readonly action: 'stop'; readonly kind: string; readonly closeCode?: number };

export type DemoEventBody =
  | { readonly type: 'start'; readonly baseURL: string; readonly wsURL: string; readonly lang: Lang; readonly scenarios: readonly string[] }
  | { readonly type: 'scenario'; readonly index: number; readonly of: number; readonly client: string; readonly code: string }
  | { readonly type: 'step'; readonly step: string; readonly title: string }
  /** The server's side: one request as it arrived and how it was answered. */
  | {
      readonly type: 'request';
      readonly attempt: number;
      readonly method: string;
      readonly path: string;
      readonly status?: number;
      readonly reset?: true;
      readonly retryAfter?: string;
      readonly applied?: true;
      readonly replayed?: true;
    }
  | { readonly type: 'ws'; readonly connection: number; readonly event: 'open' | 'drop' | 'close' | 'message'; readonly code?: number; readonly reason?: string; readonly data?: string }
  /** The client's side: the typed error a failure became. */
  | { readonly type: 'error'; readonly error: ErrorSummary }
  | ({ readonly type: 'decision' } & Decision)
  | { readonly type: 'open'; readonly attempt: number }
  /** A remark about what the client did, in the chosen language. */
  | { readonly type: 'note'; readonly text: string }
  | {
      readonly type: 'outcome';
      readonly step: string;
      /** The operation itself succeeded. */
      readonly ok: boolean;
      /** What the demo set out to show happened. */
      readonly expected: boolean;
      readonly attempts?: number;
      readonly totalDelayMs?: number;
      readonly summary: string;
      /** Replaces the default "succeeded" / "failed as it should". */
      readonly headline?: string;
      readonly error?: ErrorSummary;
    }
  | {
      readonly type: 'totals';
      readonly scenarios: number;
      readonly requests: number;
      readonly retries: number;
      readonly reconnects: number;
      readonly notRetried: number;
      readonly unexpected: number;
      readonly elapsedMs: number;
    };

/** Every event carries the time since the demo started and the scenario it belongs to. */
export type DemoEvent = DemoEventBody & { readonly t: number; readonly scenario?: string };

export function summarize(error: FaultlineError, lang: Lang): ErrorSummary {
  const out: { -readonly [K in keyof ErrorSummary]: ErrorSummary[K] } = {
    name: error.name,
    kind: error.kind,
    retry: error.retry,
    message: error.message,
    advice: error.advice[lang],
  };
  if (error.code !== undefined) out.code = error.code;
  if (error.status !== undefined) out.status = error.status;
  if (error.closeCode !== undefined) out.closeCode = error.closeCode;
  if (error.retryAfterMs !== undefined) out.retryAfterMs = error.retryAfterMs;
  if (error.provider !== undefined) out.provider = error.provider;
  return out;
}
