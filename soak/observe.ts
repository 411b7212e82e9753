/** Process-level observations the soaks report: unhandled rejections, diagnostics messages, heap, handles. */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setTimeout as sleep } from 'node:timers/promises';

export const CHANNEL_NAMES = ['faultline:retry', 'faultline:giveup', 'faultline:breaker'] as const;

export interface UnhandledCounter {
  readonly count: number;
  readonly samples: string[];
  stop(): void;
}

/** Counts `unhandledRejection`s until stopped (keeps a few for the report). */
export function countUnhandledRejections(): UnhandledCounter {
  const samples: string[] = [];
  let count = 0;
  const onRejection = (reason: unknown): void => {
    count++;
    if (samples.length < 5) samples.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };
  process.on('unhandledRejection', onRejection);
  return {
    get count() {
      return count;
    },
    samples,
    stop: () => void process.off('unhandledRejection', onRejection),
  };
}

/** Calls `onMessage` for every message on faultline's diagnostics channels; returns the unsubscriber. */
export function watchDiagnostics(onMessage: (message: unknown, channel: string) => void): () => void {
  const handler = (message: unknown, name: string | symbol): void => onMessage(message, String(name));
  for (const name of CHANNEL_NAMES) subscribe(name, handler);
  return () => {
    for (const name of CHANNEL_NAMES) unsubscribe(name, handler);
  };
}

type Gc = () => void;

export function hasGc(): boolean {
  return typeof (globalThis as { gc?: Gc }).gc === 'function';
}

/** heapUsed after full collections (several, with turns in between so finalizers and weak refs settle). */
export async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: Gc }).gc;
  for (let i = 0; i < 4; i++) {
    gc?.();
    await sleep(20);
  }
  return process.memoryUsage().heapUsed;
}

/** Active handles/requests by type (`process.getActiveResourcesInfo()`), timers included. */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Resources beyond `baseline`, per type (a type whose count did not grow is absent). */
export function resourcesBeyond(baseline: Map<string, number>): Map<string, number> {
  const extra = new Map<string, number>();
  for (const [type, count] of activeResources()) {
    const over = count - (baseline.get(type) ?? 0);
    if (over > 0) extra.set(type, over);
  }
  return extra;
}

/** Waits (bounded) for the resources to fall back to `baseline`: sockets closed by a peer need a few turns. */
export async function settleResources(baseline: Map<string, number>, timeoutMs = 3_000): Promise<Map<string, number>> {
  const until = Date.now() + timeoutMs;
  let extra = resourcesBeyond(baseline);
  while (extra.size > 0 && Date.now() < until) {
    await sleep(50);
    extra = resourcesBeyond(baseline);
  }
  return extra;
}

export function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const value of counts.values()) total += value;
  return total;
}
